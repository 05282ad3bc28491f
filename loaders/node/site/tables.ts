import {tableToIPC} from "apache-arrow";
import {CUBE_TABLE_NAMES, cubeTableSpec, cubeTables} from "../../metrics/cube-tables.ts";
import {TABLES, prepare, type TableName} from "../../metrics/prepare.ts";
import {toArrow} from "../../metrics/runner-wasm.ts";
import type {TableSpec} from "../../metrics/types.ts";
import {siteDataset} from "./dataset.ts";
import {siteMode} from "./mode.ts";

/**
 * Tables shipped in both modes: dates and dataset facts. Survey responses grow with the tickets
 * (400,000 for a 1 M-ticket export), so in cube mode they travel as `survey_cells` instead.
 */
const BOTH_MODES: readonly TableName[] = ["days", "meta"];

const ipc = (spec: TableSpec, rows: readonly Record<string, unknown>[]) =>
  tableToIPC(toArrow(spec, rows), "stream");

/**
 * One prepared KPI table as Arrow IPC stream bytes: the exact table the command line loads into
 * native DuckDB, for DuckDB-WASM in the browser (Framework inserts `.arrow` files as IPC streams).
 * In cube mode the ticket-level tables are emitted empty, with their columns, so pages stay static.
 */
export async function siteTable(name: TableName): Promise<Uint8Array> {
  const spec = TABLES.find((t) => t.name === name);
  if (!spec) throw new Error(`unknown table ${name}`);
  const dataset = await siteDataset();
  if (siteMode(dataset.tickets.length).mode === "cubes" && !BOTH_MODES.includes(name)) return ipc(spec, []);
  return ipc(spec, prepare(dataset)[name]);
}

/** One cube-mode table (loaders/metrics/cube-tables.ts) as Arrow IPC; empty in ticket mode. */
export async function siteCubeTable(name: string): Promise<Uint8Array> {
  if (!CUBE_TABLE_NAMES.includes(name)) throw new Error(`unknown cube table ${name}`);
  const dataset = await siteDataset();
  if (siteMode(dataset.tickets.length).mode === "tickets") return ipc(cubeTableSpec(name), []);
  const [table] = cubeTables(prepare(dataset), {}, name);
  return ipc(table!.spec, table!.rows);
}
