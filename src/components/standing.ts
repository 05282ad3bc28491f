import {h} from "./dom.js";
import type {Lang} from "./format.js";
import {kpiCard, kpiFormatter, type CardStanding, type KpiMeta} from "./kpi-card.js";

/** The panel statistic each Overview card is compared on (OrgSummary keys; calendar clock). */
export const PEER_KEY: Record<string, string> = {
  tickets: "tickets_per_month",
  first_reply: "first_reply_p50_minutes",
  full_resolution: "full_resolution_p50_minutes",
  requester_wait: "requester_wait_p50_minutes",
  one_touch: "one_touch_rate",
  reopen_rate: "reopen_rate",
  replies_per_ticket: "replies_per_ticket",
  csat: "csat",
  csat_response_rate: "csat_response_rate",
  nps: "nps",
  tickets_per_agent_month: "tickets_per_agent_month",
  coverage_hours: "coverage_hours_weekday",
  active_agents: "agents",
};

interface GroupStats {
  suppressed: boolean;
  n: number | null;
  p25: number | null;
  p75: number | null;
  value_rank: number | null;
  standing: number | null;
}

interface Percentiles {
  [key: string]: {value: number | null; groups: Record<string, GroupStats | undefined>} | undefined;
}

/**
 * A card's standing among all peers, from the placement report. Peers are compared on the
 * calendar clock, so a duration shown on business hours gets none; a suppressed group gets none.
 */
export function cardStanding(
  kpiId: string,
  percentiles: Percentiles,
  {clock, format}: {clock: string; format: (x: number | null) => string},
): CardStanding | null {
  const key = PEER_KEY[kpiId];
  const p = key ? percentiles[key] : undefined;
  const all = p?.groups.all;
  if (!p || !all || all.suppressed || clock === "business") return null;
  return {standing: all.standing, value_rank: all.value_rank, p25: all.p25, p75: all.p75, n: all.n, format};
}

/** The Overview's results as the build ships them (loaders/view/organisation.ts `overviewOf`). */
export interface OverviewResults {
  cards: (KpiMeta & {id: string})[];
  calendar: Record<string, {clock: string; rows: Record<string, unknown>[]}>;
  business: Record<string, {clock: string; rows: Record<string, unknown>[]}>;
}

/**
 * The Overview's KPI cards on one clock, each with its standing among all peers: the Overview and
 * the self-assessment page draw the same cards from the same results.
 */
export function kpiCardGrid(
  overview: OverviewResults,
  percentiles: Percentiles,
  {clock, lang, id = "kpi-cards"}: {clock: "calendar" | "business"; lang: Lang; id?: string},
): HTMLElement {
  const results = overview[clock];
  const cards = overview.cards.map((meta) => {
    const {rows, clock: used} = results[meta.id]!;
    const standing = cardStanding(meta.id, percentiles, {clock: used, format: kpiFormatter(meta, lang)});
    return kpiCard(meta, rows[0], {lang, clock: used as "calendar" | "business", standing});
  });
  return h("div", {class: "grid grid-cols-4 kpi-grid", id}, ...cards);
}
