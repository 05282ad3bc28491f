import type {Row, TableSpec, Text} from "./types.ts";

/** `CREATE OR REPLACE TABLE` text for a spec; both engines create the same column types. */
export function createTableSql(spec: TableSpec): string {
  const cols = spec.columns.map((c) => `${quoteIdent(c.name)} ${c.type}`).join(", ");
  return `CREATE OR REPLACE TABLE ${quoteIdent(spec.name)} (${cols})`;
}

export function quoteIdent(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

/**
 * Plain JavaScript values from either engine: BIGINT/HUGEINT arrive as bigint in both, so
 * counts become numbers; an `{en, fr}` struct (an unknown KPI's reason) becomes a plain object,
 * from native DuckDB's object or DuckDB-WASM's Arrow struct row; anything else unexpected is a
 * bug in the SQL (cast it explicitly).
 */
export function normaliseValue(value: unknown): number | string | boolean | null | Text {
  if (value === null || value === undefined) return null;
  if (typeof value === "bigint") return Number(value);
  if (typeof value === "number" || typeof value === "string" || typeof value === "boolean") return value;
  if (typeof value === "object") {
    const o = (
      typeof (value as {toJSON?: unknown}).toJSON === "function"
        ? (value as {toJSON(): unknown}).toJSON()
        : value
    ) as {en?: unknown; fr?: unknown};
    if (typeof o.en === "string" && typeof o.fr === "string") return {en: o.en, fr: o.fr};
  }
  throw new TypeError(`unexpected SQL value ${String(value)}: cast it to DOUBLE, INTEGER or VARCHAR`);
}

export function normaliseRow(row: Record<string, unknown>): Row {
  const out: Row = {};
  for (const [k, v] of Object.entries(row)) out[k] = normaliseValue(v);
  return out;
}
