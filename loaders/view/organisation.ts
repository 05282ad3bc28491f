/**
 * What a page shows of one organisation, from tables loaded in any runner: the KPIs on both clocks,
 * the Overview's cards and charts, and the placement as pages read it. The build computes it in
 * native DuckDB for the site's organisation; the self-assessment page computes it in DuckDB-WASM
 * for dropped files. One code path, so both show the same view. Isomorphic: no Node API.
 */
import {ARCHETYPE_NAMES} from "../benchmark/archetypes.ts";
import type {Panel} from "../benchmark/panel-format.ts";
import {BOUNDARY} from "../benchmark/reading.ts";
import {placeReport, type PlaceReport} from "../benchmark/report.ts";
import {KPI_BY_ID} from "../metrics/registry.ts";
import {kpisOf, summarise, type KpisReport} from "../metrics/report.ts";
import type {Row, SqlRunner} from "../metrics/types.ts";
import type {Profile} from "../schema/profile.ts";
import {kpiMeta} from "./kpi-meta.ts";

/** Every KPI of an organisation on both clocks, and the period its tickets span. */
export interface OrganisationKpis {
  calendar: KpisReport;
  business: KpisReport;
  period: {first: string | null; last: string | null};
}

/** Every KPI on both clocks over the tables loaded in `runner`, as `servicebench kpis --json` computes them. */
export async function organisationKpis(
  runner: SqlRunner,
  dataset: {profile: Profile},
): Promise<OrganisationKpis> {
  const calendar = await kpisOf(runner, dataset, {clock: "calendar"});
  const business = await kpisOf(runner, dataset, {clock: "business"});
  return {calendar, business, period: await periodOf(runner)};
}

/** The first and last creation days of the tickets loaded in `runner`. */
export async function periodOf(runner: SqlRunner): Promise<OrganisationKpis["period"]> {
  const [span] = await runner.query<{first: string | null; last: string | null}>(
    "SELECT min(created_date)::VARCHAR AS first, max(created_date)::VARCHAR AS last FROM tickets",
  );
  return span ?? {first: null, last: null};
}

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

/** The Overview's cards of one report (one clock): each card's clock and rows. */
export function overviewCardsOf(report: KpisReport): Record<string, CardResult> {
  return Object.fromEntries(
    report.kpis
      .filter((k) => (OVERVIEW_CARDS as readonly string[]).includes(k.id))
      .map((k) => [k.id, {clock: k.clock, rows: k.rows}]),
  ) as Record<string, CardResult>;
}

/** The Overview as pages read it; without a business report (computed on demand), `business` is null. */
export function overviewOf(kpis: Omit<OrganisationKpis, "business"> & {business: KpisReport | null}) {
  return {
    cards: OVERVIEW_CARDS.map((id) => kpiMeta(KPI_BY_ID.get(id)!)),
    calendar: overviewCardsOf(kpis.calendar),
    business: kpis.business ? overviewCardsOf(kpis.business) : null,
    charts: Object.fromEntries(
      kpis.calendar.kpis
        .filter((k) => (OVERVIEW_CHARTS as readonly string[]).includes(k.id))
        .map((k) => [k.id, k.rows]),
    ),
    period: kpis.period,
  };
}

/** A placement report as pages show it: with the runner-up's name and whether it is "between". */
export function positionOf(report: PlaceReport) {
  const {en, fr} = ARCHETYPE_NAMES[report.runner_up];
  return {...report, runner_up_name: {en, fr}, between: report.confidence < BOUNDARY};
}

/** The placement of an organisation against a panel, from its calendar-clock KPIs, as pages read it. */
export function positionAgainst(calendar: KpisReport, dataset: {profile: Profile}, panel: Panel) {
  return positionOf(placeReport(summarise(calendar, dataset), panel));
}
