import {KPI_BY_ID} from "../../metrics/registry.ts";
import type {Row} from "../../metrics/types.ts";
import {kpiMeta} from "./kpi-meta.ts";
import {siteKpis} from "./kpis.ts";

/** The Overview's cards, in display order. */
export const OVERVIEW_CARDS = [
  "tickets",
  "first_reply",
  "full_resolution",
  "requester_wait",
  "one_touch",
  "reopen_rate",
  "replies_per_ticket",
  "target_attainment",
  "csat",
  "csat_response_rate",
  "nps",
  "tickets_per_agent_month",
  "coverage_hours",
  "active_agents",
] as const;

/** The Overview's charts. */
export const OVERVIEW_CHARTS = ["volume_by_channel", "volume_by_hour", "volume_by_day"] as const;

interface CardResult {
  clock: string;
  rows: Row[];
}

/**
 * What the Overview draws first, computed at build time by the registry SQL in native DuckDB: each
 * card's registry fields and rows on both clocks, the charts' rows and the period. The page needs
 * nothing else to show its first screen, so it never waits for DuckDB-WASM or the library bundle.
 */
export async function siteOverview(env = process.env) {
  const kpis = await siteKpis(env);
  const pick = (report: typeof kpis.calendar, ids: readonly string[]) =>
    Object.fromEntries(
      report.kpis.filter((k) => ids.includes(k.id)).map((k) => [k.id, {clock: k.clock, rows: k.rows}]),
    ) as Record<string, CardResult>;
  const meta = OVERVIEW_CARDS.map((id) => kpiMeta(KPI_BY_ID.get(id)!));
  return {
    cards: meta,
    calendar: pick(kpis.calendar, OVERVIEW_CARDS),
    business: pick(kpis.business, OVERVIEW_CARDS),
    charts: Object.fromEntries(
      kpis.calendar.kpis
        .filter((k) => (OVERVIEW_CHARTS as readonly string[]).includes(k.id))
        .map((k) => [k.id, k.rows]),
    ),
    period: kpis.period,
  };
}
