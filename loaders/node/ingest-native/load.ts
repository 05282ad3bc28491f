/**
 * Loads the cells a ticket CSV reader uses into a DuckDB table, one row per record, in file
 * order. DuckDB's strict CSV reader refuses what the core's parser reads with a warning or a
 * reject (unterminated quotes, text after a closing quote, short or long rows), and line numbers
 * are only trusted when every record is one physical line: otherwise the file is left to the core.
 */
import {closeSync, openSync, readSync} from "node:fs";
import type {DuckDBConnection} from "@duckdb/node-api";
import {lit} from "../../metrics/sql.ts";
import {SAMPLE_ROWS} from "../../ingest/run-csv.ts";
import {formCast, formText, formGuard, PLAIN_ISO, sampleForm, type DateForm} from "./date-form.ts";
import type {NativeFile} from "./open.ts";

/** The table of file `fi`, and its columns for header column `c`. */
export const rawTable = (fi: number) => `sb_raw${fi}`;
/** The text of a cell of a text column. */
export const cell = (c: number) => `s${c}`;
/** Local epoch ms of a date cell written in its column's form (date-form.ts), else NULL. */
export const localMs = (c: number) => `l${c}`;
/** Value of a number cell made of plain digits (no leading zero), else NULL. */
export const digits = (c: number) => `n${c}`;
/**
 * The texts of a row's date and number cells, in `typedColumns` order, kept only when one of
 * them is not in its fast form (NULL otherwise): storing those texts for every row doubled the
 * time of the load.
 */
export const DIRTY = "dirty";

/** The column's cell cast to TIMESTAMP, and to a whole number, once for both uses (see loadRaw). */
const asTimestamp = (c: number) => `v${c}`;
const asWhole = (c: number) => `u${c}`;

/**
 * Local epoch ms of a date cell written exactly in its column's form, else NULL: the cell must be
 * the text of its own value printed in the form (which rules out every other spelling DuckDB's
 * cast also takes: one-digit fields, surrounding spaces, fractions, offsets), in the years where
 * the core reads it the same way.
 */
const fastDate = (c: number, form: DateForm) =>
  `CASE WHEN ${formText(asTimestamp(c), form)} = c${c} AND ${formGuard(asTimestamp(c), form)} ` +
  `THEN epoch_ms(${asTimestamp(c)}) END`;

/**
 * Value of a cell of 1 to 15 plain digits without a leading zero (what `digitsOnly` reads), else
 * NULL: the cell must be the text of its own cast, which no sign, space, zero in front, exponent
 * or separator survives.
 */
const fastDigits = (c: number) =>
  `CASE WHEN CAST(${asWhole(c)} AS VARCHAR) = c${c} AND ${asWhole(c)} < 1000000000000000 ` +
  `THEN CAST(${asWhole(c)} AS DOUBLE) END`;

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
  return `coalesce(${slow}, ${formText(`epoch_ms(${localMs(c)})`, dateForm(file, c))}, '')`;
}

/** The form of a date column's fast cells (see date-form.ts). */
export const dateForm = (file: NativeFile, c: number): DateForm => file.dateForms.get(c) ?? PLAIN_ISO;

export async function loadRaw(
  connection: DuckDBConnection,
  file: NativeFile,
  fi: number,
  /** Called while DuckDB reads, with the share of the file read so far (0..1). */
  onProgress?: (share: number) => void,
): Promise<{rows: number} | {declined: string}> {
  const width = file.header.length;
  const columns = Array.from({length: width}, (_, i) => `'c${i}': 'VARCHAR'`).join(", ");
  const csv =
    `read_csv(${lit(file.source.path)}, header = true, auto_detect = false, ` +
    `delim = ${lit(file.delimiter)}, quote = '"', escape = '"', columns = {${columns}}, ` +
    `strict_mode = true, null_padding = false, encoding = 'utf-8')`;
  const forms = await sampleForms(connection, file, csv);
  if (typeof forms === "string") return {declined: `${file.source.name}: ${forms}`};
  for (const [c, form] of forms) file.dateForms.set(c, form);
  const casts: string[] = [];
  const parse: string[] = [];
  const keep: string[] = [];
  const typed = typedColumns(file);
  for (const [c, kind] of columnKinds(file)) {
    if (kind === "date") {
      casts.push(`c${c}`, `${formCast(`c${c}`, dateForm(file, c))} AS ${asTimestamp(c)}`);
      parse.push(`${fastDate(c, dateForm(file, c))} AS ${localMs(c)}`, `c${c}`);
      keep.push(localMs(c));
    } else if (kind === "number") {
      casts.push(`c${c}`, `TRY_CAST(c${c} AS UBIGINT) AS ${asWhole(c)}`);
      parse.push(`${fastDigits(c)} AS ${digits(c)}`, `c${c}`);
      keep.push(digits(c));
    } else {
      casts.push(`c${c}`);
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
  const load =
    `CREATE TABLE ${rawTable(fi)} AS SELECT ${keep.join(", ")} FROM ` +
    `(SELECT ${parse.join(", ")} FROM (SELECT ${casts.join(", ")} FROM ${csv}))`;
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
  // LF or CRLF ends, one per line; a last line without an end counts (the core's count).
  file.lines = lines.lf + (lines.lastIsLf ? 0 : 1);
  return {rows};
}

/**
 * The form of each date column, from the first records (those the core samples): their values in
 * file order, and the day/month order they settle; DuckDB's error when it cannot read them.
 */
async function sampleForms(
  connection: DuckDBConnection,
  file: NativeFile,
  csv: string,
): Promise<Map<number, DateForm> | string> {
  const columns = [...columnKinds(file)].filter(([, kind]) => kind === "date").map(([c]) => c);
  if (columns.length === 0) return new Map();
  let rows: unknown[][];
  try {
    const read = await connection.runAndReadAll(
      `SELECT ${file.dateColumns.map((c) => `c${c}`).join(", ")} FROM ${csv} LIMIT ${SAMPLE_ROWS}`,
    );
    rows = read.getRows();
  } catch (error) {
    return (error as Error).message.split("\n")[0]!;
  }
  // As the core observes them: row by row, in the reader's order of date columns.
  const observed = rows.flatMap((row) => row.filter((v): v is string => typeof v === "string" && v !== ""));
  const dayFirst = file.ctx.dates.orderAfterObserving(observed);
  const forms = new Map<number, DateForm>();
  for (const c of columns) {
    const k = file.dateColumns.indexOf(c);
    forms.set(c, sampleForm(k < 0 ? [] : rows.map((row) => row[k] as string | null), dayFirst));
  }
  return forms;
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
