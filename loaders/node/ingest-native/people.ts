/** The people's names of a loaded ticket CSV, as the core's reader collects them row by row. */
import {cell, rawTable} from "./load.ts";
import type {Lookups} from "./lookups.ts";
import type {NativeFile} from "./open.ts";

/** Distinct names of every row: one cell, or cells joined with a space (first and last name). */
export async function nativePeople(lookups: Lookups, file: NativeFile): Promise<string[]> {
  const groups = file.plan.people;
  if (groups.length === 0) return [];
  const text = (c: number) => `coalesce(${cell(c)}, '')`;
  const union = groups
    .map((g) => `SELECT ${g.map(text).join(` || ' ' || `)} AS v FROM ${rawTable(lookups.fi)}`)
    .join(" UNION ");
  const reader = await lookups.connection.runAndReadAll(`SELECT DISTINCT v FROM (${union})`);
  return reader.getRowObjectsJS().map((r) => r.v as string);
}
