/**
 * The digital-shift scenario: what moving a share of one channel's contacts to another channel
 * and to self-service would do to the monthly cost and to the first reply. A description under
 * stated assumptions, not a forecast:
 * - each channel's cost per contact stays what it is (its cost grows and shrinks with its volume);
 * - a contact answered by self-service costs nothing and opens no ticket;
 * - each channel keeps its own first reply median; the organisation's figure is the
 *   contact-weighted average of the channels' medians, before and after.
 */
export interface ChannelFigures {
  channel: string;
  contacts_per_month: number;
  /** Null when the channel's cost was not entered. */
  cost_per_contact: number | null;
  /** Null when the channel has no first reply median. */
  first_reply_p50: number | null;
}

export interface Scenario {
  /** The channel contacts move away from ("phone"). */
  from: string;
  /** The channel they move to ("chat"). */
  to: string;
  /** Share of the `from` channel's contacts that move, 0..1. */
  share: number;
  /** Of those, the share answered by self-service instead of `to`, 0..1. */
  self_service: number;
}

export const DEFAULT_SCENARIO: Scenario = {from: "phone", to: "chat", share: 0.2, self_service: 0.5};

export interface ScenarioResult {
  scenario: Scenario;
  moved_per_month: number;
  cost_before: number | null;
  cost_after: number | null;
  first_reply_before: number | null;
  first_reply_after: number | null;
  /** Why a figure is null: a channel of the scenario has no cost or no first reply. */
  missing: string[];
}

/** Contact-weighted average of the channels' first reply medians; null when one is unknown. */
function weightedFirstReply(rows: readonly {contacts: number; p50: number | null}[]): number | null {
  let weight = 0;
  let sum = 0;
  for (const r of rows) {
    if (r.contacts <= 0) continue;
    if (r.p50 === null) return null;
    weight += r.contacts;
    sum += r.contacts * r.p50;
  }
  return weight > 0 ? sum / weight : null;
}

export function digitalShift(
  channels: readonly ChannelFigures[],
  scenario: Scenario = DEFAULT_SCENARIO,
): ScenarioResult {
  const from = channels.find((c) => c.channel === scenario.from);
  const to = channels.find((c) => c.channel === scenario.to);
  const moved = (from?.contacts_per_month ?? 0) * scenario.share;
  const toChannel = moved * (1 - scenario.self_service);
  const missing: string[] = [];
  if (!from) missing.push(`no ${scenario.from} contacts`);
  if (!to) missing.push(`no ${scenario.to} contacts`);
  const after = channels.map((c) => ({
    ...c,
    contacts_per_month: c.contacts_per_month - (c === from ? moved : 0) + (c === to ? toChannel : 0),
  }));
  const cost = (rows: readonly ChannelFigures[]) => {
    let total = 0;
    for (const r of rows) {
      if (r.contacts_per_month <= 0) continue;
      if (r.cost_per_contact === null) return null;
      total += r.contacts_per_month * r.cost_per_contact;
    }
    return total;
  };
  const costBefore = cost(channels);
  if (costBefore === null) missing.push("a channel's cost was not entered");
  const before = weightedFirstReply(
    channels.map((c) => ({contacts: c.contacts_per_month, p50: c.first_reply_p50})),
  );
  if (before === null) missing.push("a channel has no first reply median");
  return {
    scenario,
    moved_per_month: moved,
    cost_before: costBefore,
    cost_after: from && to ? cost(after) : null,
    first_reply_before: before,
    first_reply_after:
      from && to
        ? weightedFirstReply(after.map((c) => ({contacts: c.contacts_per_month, p50: c.first_reply_p50})))
        : null,
    missing,
  };
}
