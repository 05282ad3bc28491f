import {rows, type QueryClient} from "./sql-runner.js";
import type {KpiMeta} from "./kpi-card.js";

/** A registry entry as pages see it: its metadata, the clocks it supports and its SQL. */
export interface KpiEntry extends KpiMeta {
  clocks: readonly ("calendar" | "business" | "none")[];
  sql(options: {clock?: "calendar" | "business"; by?: string}): string;
}

export interface KpiOutcome {
  k: KpiEntry;
  clock: "calendar" | "business" | "none";
  rows: Record<string, unknown>[];
}

/**
 * Runs the given KPIs one after the other in the page's DuckDB, on the requested clock where the
 * KPI has it (the same rule as the command line's `clockOf`).
 */
export async function runKpis(
  db: QueryClient,
  registry: readonly KpiEntry[],
  ids: readonly string[],
  {clock = "calendar", by}: {clock?: "calendar" | "business"; by?: string} = {},
): Promise<Map<string, KpiOutcome>> {
  const out = new Map<string, KpiOutcome>();
  for (const id of ids) {
    const k = registry.find((d) => d.id === id);
    if (!k) throw new Error(`unknown KPI ${id}`);
    const used = k.clocks.includes("none")
      ? "none"
      : clock === "business" && k.clocks.includes("business")
        ? "business"
        : "calendar";
    const sql = k.sql({clock: used === "business" ? "business" : "calendar", ...(by ? {by} : {})});
    out.set(id, {k, clock: used, rows: await rows(db, sql)});
  }
  return out;
}
