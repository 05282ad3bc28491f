/**
 * Prepared tables as Arrow IPC streams, for the page to hand to DuckDB-WASM. Built with flechette,
 * which writes typed buffers directly: apache-arrow's `vectorFromArray` compiles code from text,
 * which the site's Content-Security-Policy forbids.
 */
import {bool, float64, int32, tableFromArrays, tableToIPC, utf8, type DataType} from "@uwdata/flechette";
import type {PreparedRow} from "../metrics/prepare.ts";
import type {ColumnType, TableSpec} from "../metrics/types.ts";

const ARROW: Record<ColumnType, () => DataType> = {
  VARCHAR: () => utf8(),
  DOUBLE: () => float64(),
  INTEGER: () => int32(),
  BOOLEAN: () => bool(),
};

/** One table as an Arrow IPC stream holding exactly the spec's columns, in order, with its types. */
export function tableIpc(spec: TableSpec, rows: readonly PreparedRow[]): Uint8Array {
  const columns: [string, unknown[]][] = spec.columns.map((c) => [
    c.name,
    rows.map((r) => r[c.name] ?? null),
  ]);
  const types = Object.fromEntries(spec.columns.map((c) => [c.name, ARROW[c.type]()]));
  const table = tableFromArrays(columns as [string, unknown[]][], {types});
  return tableToIPC(table, {format: "stream"})!;
}
