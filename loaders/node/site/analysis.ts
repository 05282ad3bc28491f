/**
 * The unfiltered first screen of the Satisfaction, Volume & channels and Team pages, computed at
 * build time by the registry's SQL in native DuckDB with the options those pages pass DuckDB-WASM
 * when no filter is set (the whole period, calendar clock): the pages draw these at once and ask
 * DuckDB-WASM only once a filter is set. In cube mode the pages read the cubes instead, so nothing
 * is computed here.
 */
import {KPI_BY_ID} from "../../metrics/registry.ts";
import {runKpi} from "../../metrics/run.ts";
import type {KpiOptions, Row, SqlRunner} from "../../metrics/types.ts";
import {SPIKE_MIN_TICKETS, SPIKE_Z} from "../../metrics/kpis/volume-by-day.ts";
import {kpiMeta} from "../../view/kpi-meta.ts";
import {backlogSeries} from "../../../src/components/volume-series.ts";
import {TEAM_KPIS} from "../../../src/components/team-views.ts";
import {cached} from "./dataset-cache.ts";
import {siteDataset, siteDatasetKey} from "./dataset.ts";
import {siteKpis, withSiteRunner} from "./kpis.ts";
import {siteMode} from "./mode.ts";

/** The Satisfaction page's cards. */
export const SATISFACTION_CARDS = ["csat", "csat_response_rate", "nps"] as const;

/** What an unfiltered analysis page passes the registry (analysis-db.ts queryOptions). */
const UNFILTERED: KpiOptions = {clock: "calendar"};

const rowsOf = async (runner: SqlRunner, id: string, options: KpiOptions): Promise<Row[]> =>
  (await runKpi(runner, KPI_BY_ID.get(id)!, options)).rows;

/** Every team column cut one way, by KPI id. */
async function cut(runner: SqlRunner, by: "group" | "agent"): Promise<Record<string, Row[]>> {
  const out: Record<string, Row[]> = {};
  for (const id of TEAM_KPIS) out[id] = await rowsOf(runner, id, {...UNFILTERED, by});
  return out;
}

/** The figures of the three pages over tables loaded in `runner`. */
export async function analysisOf(runner: SqlRunner, calendar: {id: string; rows: Row[]}[]) {
  const whole = (id: string) => calendar.find((k) => k.id === id)?.rows ?? [];
  const span = (
    await runner.query<{first: string | null; last: string | null}>(
      "SELECT min(created_date)::VARCHAR AS first, max(created_date)::VARCHAR AS last FROM tickets",
    )
  )[0];
  // The page's own backlog query (volume.md): every ticket, whenever created.
  const backlogTickets = await runner.query<{
    created_date: string;
    solved_date: string | null;
    solved: boolean;
  }>("SELECT created_date, solved_date, solved FROM tickets t");
  return {
    satisfaction: {
      cards: SATISFACTION_CARDS.map((id) => ({meta: kpiMeta(KPI_BY_ID.get(id)!), rows: whole(id)})),
    },
    volume: {
      byMonth: await rowsOf(runner, "volume_by_channel", {...UNFILTERED, by: "month"}),
      byHour: whole("volume_by_hour"),
      byDay: whole("volume_by_day"),
      byChannel: whole("volume_by_channel"),
      tickets: whole("tickets"),
      firstReplyByChannel: await rowsOf(runner, "first_reply", {...UNFILTERED, by: "channel"}),
      backlog: span?.first && span.last ? backlogSeries(backlogTickets, span.first, span.last) : [],
      spike: {z: SPIKE_Z, minTickets: SPIKE_MIN_TICKETS},
    },
    team: {
      group: await cut(runner, "group"),
      agent: await cut(runner, "agent"),
      minN: Object.fromEntries(TEAM_KPIS.map((id) => [id, KPI_BY_ID.get(id)!.minN])),
    },
  };
}

export type SiteAnalysis = Awaited<ReturnType<typeof analysisOf>>;

/** The analysis pages' unfiltered figures for the site's organisation; null in cube mode. */
export async function siteAnalysis(env = process.env): Promise<SiteAnalysis | null> {
  const key = await siteDatasetKey(env);
  // The mode as tables.ts and profile.json choose it, from the same cached ticket count.
  const facts = await cached("facts", key, async () => ({tickets: (await siteDataset(env)).tickets.length}));
  if (siteMode(facts.tickets, env).mode === "cubes") return null;
  return cached("analysis", key, async () => {
    const kpis = await siteKpis(env);
    return withSiteRunner(env, (runner) => analysisOf(runner, kpis.calendar.kpis));
  });
}
