import {tableToIPC} from "apache-arrow";
import {TABLES, prepare, type TableName} from "../../metrics/prepare.ts";
import {toArrow} from "../../metrics/runner-wasm.ts";
import {siteDataset} from "./dataset.ts";

/**
 * One prepared KPI table as Arrow IPC stream bytes: the exact table the command line loads into
 * native DuckDB, for DuckDB-WASM in the browser (Framework inserts `.arrow` files as IPC streams).
 */
export async function siteTable(name: TableName): Promise<Uint8Array> {
  const spec = TABLES.find((t) => t.name === name);
  if (!spec) throw new Error(`unknown table ${name}`);
  const prepared = prepare(await siteDataset());
  return tableToIPC(toArrow(spec, prepared[name]), "stream");
}
