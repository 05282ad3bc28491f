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
  // Numbers are never words of a name (names.ts drops them), so names that differ only by a
  // final number ("Customer 1", "Customer 2") are one name: dropping a number that ends the name
  // after a space keeps every other word as it was and can shrink a million names to a handful.
  // Only names of at most 200 ASCII characters are rewritten, so their length reads the same here
  // and in JavaScript and names.ts accepts or refuses each as the core would.
  const words = `CASE WHEN strlen(v) = length(v) AND length(v) <= 200 THEN regexp_replace(v, ' [0-9]+$', '') ELSE v END`;
  const reader = await lookups.connection.runAndReadAll(`SELECT DISTINCT ${words} AS v FROM (${union})`);
  // One column read as one array: a million names as row objects cost twenty times more.
  return (reader.getColumnsJS()[0] ?? []) as string[];
}
