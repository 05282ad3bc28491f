/**
 * Loads the cells a ticket CSV reader uses into a DuckDB table, one row per record, in file
 * order. DuckDB's strict CSV reader refuses what the core's parser reads with a warning or a
 * reject (unterminated quotes, text after a closing quote, short or long rows), and line numbers
 * are only trusted when every record is one physical line: otherwise the file is left to the core.
 */
import {closeSync, openSync, readSync} from "node:fs";
import type {DuckDBConnection} from "@duckdb/node-api";
import {lit} from "../../metrics/sql.ts";
import type {NativeFile} from "./open.ts";

/** The table of file `fi`, and its columns for header column `c`. */
export const rawTable = (fi: number) => `sb_raw${fi}`;
/** The text of a cell of a text column. */
export const cell = (c: number) => `s${c}`;
/** Local epoch ms of a date cell in the fast form, else NULL. */
export const localMs = (c: number) => `l${c}`;
/** How a fast date cell was written: +1 "T" between date and time, +2 a trailing "Z". */
export const dateForm = (c: number) => `f${c}`;
/** Value of a number cell made of plain digits (no leading zero), else NULL. */
export const digits = (c: number) => `n${c}`;
/**
 * The texts of a row's date and number cells, in `typedColumns` order, kept only when one of
 * them is not in its fast form (NULL otherwise): storing those texts for every row doubled the
 * time of the load.
 */
export const DIRTY = "dirty";

/**
 * "YYYY-MM-DD HH:MM:SS", "…THH:MM:SS", with an optional "Z": the form `fastIso` reads, with every
 * field in its usual range, so the text prints back from the value (24:00:00, second 60 and
 * years before 1000 are valid to JavaScript but go to its DateReader).
 */
const FAST_DATE =
  "[1-9][0-9]{3}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])[ T]([01][0-9]|2[0-3]):[0-5][0-9]:[0-5][0-9]Z?";

/** Local epoch ms of a cell in the fast form, when DuckDB reads the same instant, else NULL. */
const fastDate = (x: string) =>
  `CASE WHEN regexp_full_match(${x}, '${FAST_DATE}') THEN epoch_ms(TRY_CAST(` +
  `CASE WHEN length(${x}) = 19 THEN ${x} ELSE ${x}[1:19] END AS TIMESTAMP)) END`;

/**
 * Value of a cell of 1 to 15 plain digits without a leading zero (what `digitsOnly` reads, and
 * text that prints back from the value), else NULL.
 */
const fastDigits = (x: string) =>
  `CASE WHEN regexp_full_match(${x}, '0|[1-9][0-9]{0,14}') THEN CAST(CAST(${x} AS UBIGINT) AS DOUBLE) END`;

export type ColumnKind = "date" | "number" | "text";

/** What each used column of a file is read as. */
export function columnKinds(file: NativeFile): Map<number, ColumnKind> {
  const {cols} = file.plan;
  const kinds = new Map<number, ColumnKind>();
  const dates = [cols.created, cols.updated, cols.solved, cols.firstReplyAt];
  const numbers = [cols.replies, cols.reopens, ...cols.metrics.map((m) => m.index)];
  for (const c of file.columns) {
    const date = dates.includes(c);
    const number = numbers.includes(c);
    // A column read two ways (an odd mapping) is left to the core (see openFile).
    kinds.set(c, date && number ? "text" : date ? "date" : number ? "number" : "text");
  }
  return kinds;
}

/** Date and number columns, in the order of the DIRTY list. */
export function typedColumns(file: NativeFile): number[] {
  return [...columnKinds(file)].filter(([, kind]) => kind !== "text").map(([c]) => c);
}

/** The text of a date or number cell that SQL did not read itself, else NULL. */
export function slowText(file: NativeFile, c: number): string {
  const k = typedColumns(file).indexOf(c);
  const fast = columnKinds(file).get(c) === "date" ? localMs(c) : digits(c);
  return `CASE WHEN ${fast} IS NULL THEN ${DIRTY}[${k + 1}] END`;
}

/** The cell as the core's parser gives it, rebuilt when SQL read it: for reject excerpts. */
export function cellText(file: NativeFile, c: number): string {
  const kind = columnKinds(file).get(c);
  if (kind === "text") return `coalesce(${cell(c)}, '')`;
  const slow = slowText(file, c);
  if (kind === "number") return `coalesce(${slow}, CAST(CAST(${digits(c)} AS BIGINT) AS VARCHAR), '')`;
  const text = `strftime(epoch_ms(${localMs(c)}), '%Y-%m-%d %H:%M:%S')`;
  const t = `CASE WHEN ${dateForm(c)} & 1 = 1 THEN replace(${text}, ' ', 'T') ELSE ${text} END`;
  return `coalesce(${slow}, ${t} || CASE WHEN ${dateForm(c)} & 2 = 2 THEN 'Z' ELSE '' END, '')`;
}

export async function loadRaw(
  connection: DuckDBConnection,
  file: NativeFile,
  fi: number,
  /** Called while DuckDB reads, with the share of the file read so far (0..1). */
  onProgress?: (share: number) => void,
): Promise<{rows: number} | {declined: string}> {
  const width = file.header.length;
  const columns = Array.from({length: width}, (_, i) => `'c${i}': 'VARCHAR'`).join(", ");
  const parse: string[] = [];
  const keep: string[] = [];
  const typed = typedColumns(file);
  for (const [c, kind] of columnKinds(file)) {
    if (kind === "date") {
      parse.push(`${fastDate(`c${c}`)} AS ${localMs(c)}`, `c${c}`);
      keep.push(
        localMs(c),
        `CASE WHEN ${localMs(c)} IS NULL THEN NULL WHEN length(c${c}) = 19 AND c${c}[11] = ' ' THEN 0 ` +
          `ELSE (CASE WHEN c${c}[11] = 'T' THEN 1 ELSE 0 END + CASE WHEN length(c${c}) = 20 THEN 2 ELSE 0 END) END::UTINYINT AS ${dateForm(c)}`,
      );
    } else if (kind === "number") {
      parse.push(`${fastDigits(`c${c}`)} AS ${digits(c)}`, `c${c}`);
      keep.push(digits(c));
    } else {
      parse.push(`c${c}`);
      keep.push(`c${c} AS ${cell(c)}`);
    }
  }
  if (typed.length > 0) {
    const slow = typed.map(
      (c) =>
        `(${columnKinds(file).get(c) === "date" ? localMs(c) : digits(c)} IS NULL AND c${c} IS NOT NULL)`,
    );
    keep.push(
      `CASE WHEN ${slow.join(" OR ")} THEN [${typed.map((c) => `c${c}`).join(", ")}] END AS ${DIRTY}`,
    );
  }
  const csv =
    `read_csv(${lit(file.source.path)}, header = true, auto_detect = false, ` +
    `delim = ${lit(file.delimiter)}, quote = '"', escape = '"', columns = {${columns}}, ` +
    `strict_mode = true, null_padding = false, encoding = 'utf-8')`;
  const load = `CREATE TABLE ${rawTable(fi)} AS SELECT ${keep.join(", ")} FROM (SELECT ${parse.join(", ")} FROM ${csv})`;
  const poll = onProgress
    ? setInterval(() => {
        const {percentage} = connection.progress;
        if (percentage >= 0) onProgress(Math.min(percentage / 100, 1));
      }, 200)
    : undefined;
  const [loaded, lines] = await Promise.all([
    connection
      .run(load)
      .then(() => null)
      .catch((error: unknown) => (error as Error).message.split("\n")[0]!)
      .finally(() => clearInterval(poll)),
    countLineEnds(file.source.path),
  ]);
  if (loaded !== null) return {declined: `${file.source.name}: ${loaded}`};
  const count = await connection.runAndReadAll(`SELECT count(*)::DOUBLE FROM ${rawTable(fi)}`);
  const rows = count.getRows()[0]![0] as number;
  // Header + one line per record, the last one with or without its line end.
  const oneLineEach = lines.lf === rows + (lines.lastIsLf ? 1 : 0);
  if (!oneLineEach || (lines.cr !== 0 && lines.cr !== lines.lf))
    return {declined: `${file.source.name}: records span several lines (or blank lines)`};
  return {rows};
}

/**
 * LF and CR bytes in a file, read in large blocks while DuckDB loads it on its own threads
 * (synchronous reads: a stream's small chunks cost twice the time).
 */
async function countLineEnds(path: string): Promise<{lf: number; cr: number; lastIsLf: boolean}> {
  await Promise.resolve();
  const fd = openSync(path, "r");
  const block = Buffer.allocUnsafe(1 << 22);
  let lf = 0;
  let cr = 0;
  let last = -1;
  try {
    for (let n = readSync(fd, block); n > 0; n = readSync(fd, block)) {
      const b = n === block.length ? block : block.subarray(0, n);
      last = b[n - 1]!;
      for (let i = b.indexOf(10); i >= 0; i = b.indexOf(10, i + 1)) lf++;
      for (let i = b.indexOf(13); i >= 0; i = b.indexOf(13, i + 1)) cr++;
    }
  } finally {
    closeSync(fd);
  }
  return {lf, cr, lastIsLf: last === 10};
}
