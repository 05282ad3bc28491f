import type {Row, TableSpec} from "./types.ts";

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
 * counts become numbers; anything else unexpected is a bug in the SQL (cast it explicitly).
 */
export function normaliseValue(value: unknown): number | string | boolean | null {
  if (value === null || value === undefined) return null;
  if (typeof value === "bigint") return Number(value);
  if (typeof value === "number" || typeof value === "string" || typeof value === "boolean") return value;
  throw new TypeError(`unexpected SQL value ${String(value)}: cast it to DOUBLE, INTEGER or VARCHAR`);
}

export function normaliseRow(row: Record<string, unknown>): Row {
  const out: Row = {};
  for (const [k, v] of Object.entries(row)) out[k] = normaliseValue(v);
  return out;
}
