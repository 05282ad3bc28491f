/**
 * The rows table of one file: every record once, with numbers and lookup codes but no text
 * besides the id. The run's checks read it, and the Parquet files are written from it, decoding
 * the codes (output-sql.ts); reading the values view twice instead cost a second pass of joins.
 */
import type {DuckDBConnection} from "@duckdb/node-api";
import {DURATIONS} from "../../formats/common.ts";
import type {NativeFile} from "./open.ts";
import {codeColumn, CODES, controlTable, filledDurations, valuesView} from "./row-sql.ts";

/**
 * Stores the columns the file has and returns a SELECT giving every file's table the same columns
 * (absent ones NULL), plus the derived ones: `line`, `version` (what decides between two versions
 * of a ticket), `valid` and `reach` (the row passed the checks before warnings and agents).
 */
export async function createRowsTable(
  connection: DuckDBConnection,
  file: NativeFile,
  fi: number,
  /** How many of the file's rules come before a row reaches warnings and agents (rowSql). */
  stageOne: number,
): Promise<string> {
  const {cols} = file.plan;
  const has = (c: number) => c >= 0;
  const filled = filledDurations(file);
  const codes = CODES.filter((name) => has(codeColumn(cols, name)));
  const stored = [
    "r", "id", "created", "updated", "solved", "rj", "excluded",
    ...(has(cols.firstReplyAt) ? ["first_warn"] : []),
    ...(has(cols.replies) ? ["replies"] : []),
    ...(has(cols.reopens) ? ["reopens"] : []),
    ...filled,
    ...codes.map((n) => `${n}_code`),
  ]; // prettier-ignore
  await connection.run(
    `CREATE TABLE ${controlTable(fi)} AS SELECT ${stored.join(", ")} FROM ${valuesView(fi)}`,
  );
  const or = (ok: boolean, v: string, as: string) => `${ok ? v : "NULL"} AS ${as}`;
  return (
    `SELECT ${fi} AS fi, r, r + 2 AS line, id, created, updated, solved, coalesce(updated, created) AS version, ` +
    `rj IS NULL AS valid, rj IS NULL OR rj >= ${stageOne} AS reach, excluded, ` +
    `${has(cols.firstReplyAt) ? "first_warn" : "FALSE AS first_warn"}, ` +
    `${or(has(cols.replies), "replies", "replies")}, ${or(has(cols.reopens), "reopens", "reopens")}, ` +
    `${DURATIONS.map((f) => or(filled.includes(f), f, f)).join(", ")}, ` +
    `${CODES.map((n) => or(codes.includes(n), `${n}_code`, `${n}_code`)).join(", ")} ` +
    `FROM ${controlTable(fi)}`
  );
}
