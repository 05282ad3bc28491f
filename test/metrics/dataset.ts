import {defaultProfile, writeDataset} from "../../loaders/node/dataset.ts";
import type {Profile} from "../../loaders/schema/profile.ts";
import type {SurveyResponse} from "../../loaders/schema/response.ts";
import {CHANNELS, type Ticket} from "../../loaders/schema/ticket.ts";
import {DAY, MIN, T0, random, response, ticket} from "./helpers.ts";

/**
 * A fixed, seeded organisation: 600 tickets over ~10 weeks in Europe/Paris (crossing the March
 * DST change), every channel, nulls in every optional column, reopened and open tickets, CSAT
 * on three scales and ticket ratings, NPS, tags.
 */
export function seededDataset(seed = 42): {tickets: Ticket[]; responses: SurveyResponse[]} {
  const rnd = random(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;
  const start = T0 + 60 * DAY; // 2024-03-01
  const tickets: Ticket[] = [];
  const responses: SurveyResponse[] = [];
  for (let i = 0; i < 600; i++) {
    // A spike on day 20.
    const day = i < 40 ? 20 : Math.floor(rnd() * 70);
    const created = start + day * DAY + Math.floor(rnd() * DAY);
    const status = pick([
      "new",
      "open",
      "pending",
      "hold",
      "solved",
      "solved",
      "solved",
      "closed",
      "closed",
    ] as const);
    const solved = status === "solved" || status === "closed";
    const replied = solved || rnd() < 0.5;
    const fr = replied ? Math.round(Math.exp(rnd() * 9) * 10) / 10 : null;
    const res = solved ? (fr ?? 0) + Math.round(rnd() * 5000) : null;
    const reopens = rnd() < 0.1 ? 1 + Math.floor(rnd() * 2) : rnd() < 0.5 ? 0 : null;
    const sat = solved
      ? pick(["unoffered", "offered", "offered", "good", "good", "bad", null] as const)
      : null;
    const t = ticket({
      ticket_id: `s${i}`,
      created_at: created,
      channel: pick(CHANNELS),
      status,
      solved_at: solved ? created + (res ?? 0) * MIN : null,
      first_reply_minutes: fr,
      first_reply_minutes_business: fr === null ? null : Math.round(fr * 0.4),
      full_resolution_minutes: res,
      full_resolution_minutes_business: res === null ? null : Math.round(res * 0.3),
      requester_wait_minutes: res === null ? null : Math.round(res * 0.6),
      requester_wait_minutes_business: null,
      replies: replied ? 1 + Math.floor(rnd() * 4) : solved ? 0 : null,
      reopens,
      group: pick(["tier1", "tier2", null]),
      assignee: pick(["agent-a", "agent-b", "agent-c", "agent-d", null]),
      priority: pick(["low", "normal", "high", null]),
      type: pick(["question", "incident", null]),
      tags: rnd() < 0.3 ? [] : [pick(["billing", "bug", "vip"]), ...(rnd() < 0.3 ? ["vip"] : [])],
      satisfaction: sat,
    });
    tickets.push(t);
    if (solved && rnd() < 0.3) {
      const scale = pick([
        [1, 5],
        [1, 3],
        [0, 1],
      ] as const);
      responses.push(
        response({
          response_id: `c${i}`,
          ticket_id: rnd() < 0.9 ? t.ticket_id : null,
          kind: "csat",
          score: scale[0] + Math.floor(rnd() * (scale[1] - scale[0] + 1)),
          scale_min: scale[0],
          scale_max: scale[1],
          responded_at: (t.solved_at ?? created) + DAY,
          channel: rnd() < 0.5 ? t.channel : null,
        }),
      );
    }
    if (rnd() < 0.25) {
      responses.push(
        response({
          response_id: `n${i}`,
          ticket_id: rnd() < 0.8 ? t.ticket_id : null,
          kind: "nps",
          score: Math.floor(rnd() * 11),
          scale_min: 0,
          scale_max: 10,
          responded_at: created + 2 * DAY,
        }),
      );
    }
  }
  return {tickets, responses};
}

/**
 * Writes tickets and responses as a dataset directory the command line reads (Parquet, profile,
 * manifest), with an organisation "org" in Europe/Paris unless the profile says otherwise.
 */
export async function writeTestDataset(
  dir: string,
  tickets: Ticket[],
  responses: SurveyResponse[],
  profile: Partial<Profile> = {},
): Promise<void> {
  const totals = {
    rows_read: 0,
    accepted: 0,
    rejected: 0,
    duplicates: 0,
    tickets: tickets.length,
    responses: responses.length,
  };
  await writeDataset(dir, {
    tickets,
    responses,
    manifest: {
      org_id: "org",
      generated_at: "2024-06-01T00:00:00Z",
      servicebench_version: "test",
      timezone: "Europe/Paris",
      files: [],
      totals,
    },
    rejects: [],
    agents: [],
    profile: {...defaultProfile("org", "Europe/Paris"), ...profile},
    salt: "test",
  });
}
