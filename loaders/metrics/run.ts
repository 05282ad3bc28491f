import {KPIS} from "./registry.ts";
import type {Clock, KpiDefinition, KpiOptions, Row, SqlRunner} from "./types.ts";

export interface KpiResult {
  id: string;
  clock: Clock;
  rows: Row[];
}

/** The clock a KPI runs on for the requested one: business only where the KPI has it. */
export function clockOf(k: KpiDefinition, requested: KpiOptions["clock"]): Clock {
  if (k.clocks.includes("none")) return "none";
  return requested === "business" && k.clocks.includes("business") ? "business" : "calendar";
}

export async function runKpi(
  runner: SqlRunner,
  k: KpiDefinition,
  options: KpiOptions = {},
): Promise<KpiResult> {
  const clock = clockOf(k, options.clock);
  const sql = k.sql({...options, clock: clock === "business" ? "business" : "calendar"});
  return {id: k.id, clock, rows: await runner.query(sql)};
}

/** Runs every KPI in registry order, one query at a time (DuckDB-WASM runs one query per connection). */
export async function runAll(runner: SqlRunner, options: KpiOptions = {}): Promise<KpiResult[]> {
  const out: KpiResult[] = [];
  for (const k of KPIS) out.push(await runKpi(runner, k, options));
  return out;
}
