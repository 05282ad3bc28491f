import {tableToIPC} from "apache-arrow";
import {CUBE_TABLE_NAMES, cubeTableSpec, cubeTables} from "../../metrics/cube-tables.ts";
import {TABLES, prepare, type TableName} from "../../metrics/prepare.ts";
import {toArrow} from "../../metrics/runner-wasm.ts";
import type {TableSpec} from "../../metrics/types.ts";
import {cached} from "./dataset-cache.ts";
import {siteDataset, siteDatasetKey} from "./dataset.ts";
import {siteMode, type SiteMode} from "./mode.ts";

/**
 * Tables shipped in both modes: dates and dataset facts. Survey responses grow with the tickets
 * (400,000 for a 1 M-ticket export), so in cube mode they travel as `survey_cells` instead.
 */
const BOTH_MODES: readonly TableName[] = ["days", "meta"];

const ipc = (spec: TableSpec, rows: readonly Record<string, unknown>[]) =>
  tableToIPC(toArrow(spec, rows), "stream");

/**
 * The site's mode, kept small in the cache: each loader is its own process, and reading the whole
 * dataset only to count its tickets costs seconds for a big organisation.
 */
async function mode(key: string): Promise<SiteMode> {
  const facts = await cached("facts", key, async () => ({tickets: (await siteDataset()).tickets.length}));
  return siteMode(facts.tickets).mode;
}

/**
 * One prepared KPI table as Arrow IPC stream bytes: the exact table the command line loads into
 * native DuckDB, for DuckDB-WASM in the browser (Framework inserts `.arrow` files as IPC streams).
 * In cube mode the ticket-level tables are emitted empty, with their columns, so pages stay static.
 */
export async function siteTable(name: TableName): Promise<Uint8Array> {
  const spec = TABLES.find((t) => t.name === name);
  if (!spec) throw new Error(`unknown table ${name}`);
  if ((await mode(await siteDatasetKey())) === "cubes" && !BOTH_MODES.includes(name)) return ipc(spec, []);
  return ipc(spec, prepare(await siteDataset())[name]);
}

/**
 * One cube-mode table (loaders/metrics/cube-tables.ts) as Arrow IPC; empty in ticket mode. Every
 * cube table is built in one pass (a cube's cells and histogram come together) and kept as IPC
 * bytes, so the other loaders only copy theirs out.
 */
export async function siteCubeTable(name: string): Promise<Uint8Array> {
  if (!CUBE_TABLE_NAMES.includes(name)) throw new Error(`unknown cube table ${name}`);
  const key = await siteDatasetKey();
  if ((await mode(key)) === "tickets") return ipc(cubeTableSpec(name), []);
  const tables = await cached("cubes", key, async () => {
    const all = cubeTables(prepare(await siteDataset()), {});
    return Object.fromEntries(all.map((t) => [t.spec.name, ipc(t.spec, t.rows)]));
  });
  return tables[name]!;
}
