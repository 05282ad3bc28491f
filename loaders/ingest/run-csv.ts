/**
 * Drives a CSV adapter over a decoded text stream: header rows, date-order sampling, rows.
 * Lines the parser cannot read as rows (a stray quote's damage, records over the limit) are
 * rejected one by one, so every line of the file is a row read, a header, or blank.
 */
import type {CsvAdapter, CsvReader, FileContext} from "../formats/types.ts";
import {rowExcerpt} from "../formats/common.ts";
import {excerpt} from "../text/mask.ts";
import {CsvParser, type Delimiter} from "../text/csv.ts";

/** Data rows sampled for the day/month order before any row is read. */
/** Records read before any row: the reader is opened on them and their dates set the day/month order. */
export const SAMPLE_ROWS = 500;

/** Returns the file's physical lines (for the manifest). */
export async function runCsv(
  adapter: CsvAdapter,
  headRecords: string[][],
  delimiter: Delimiter,
  text: AsyncIterable<string>,
  ctx: FileContext,
  onRows: (rows: number) => void,
  quiet: () => void,
): Promise<number> {
  const sink = ctx.sink;
  const headerCount = Math.max(1, adapter.headerRows(headRecords, ctx.mapping));
  const header: string[][] = [];
  const sample: {fields: string[]; line: number}[] = [];
  let reader: CsvReader | null = null;
  let failed: {field: string; reason: string} | null = null;
  let rows = 0;

  const feed = (fields: string[], line: number): void => {
    rows++;
    const width = header[0]!.length;
    if (failed) {
      sink.reject(line, failed.field, failed.reason, rowExcerpt(header[0]!, fields));
      return;
    }
    if (fields.length > width) {
      if (fields.slice(width).some((f) => f.trim() !== "")) {
        const reason = `row has ${fields.length} fields, header has ${width} (unquoted delimiter?)`;
        sink.reject(line, "row", reason, rowExcerpt(header[0]!, fields));
        return;
      }
      // Blank cells past the header (a trailing delimiter) are spreadsheet noise, not data.
      fields.length = width;
    }
    try {
      reader!.row(fields, line);
    } catch (error) {
      sink.reject(
        line,
        "row",
        `could not read row: ${(error as Error).message}`,
        rowExcerpt(header[0]!, fields),
      );
    }
  };

  const start = (): void => {
    const opened = adapter.open(
      header,
      ctx,
      sample.map((r) => r.fields),
    );
    if ("row" in opened) {
      reader = opened;
      for (const {fields} of sample)
        for (const c of reader.dateColumns) if (fields[c]) ctx.dates.observe(fields[c]!);
      if (reader.columns) {
        // Only the header's columns: a cell beyond them must reach the extra-field check.
        const wanted = new Uint8Array(header[0]!.length);
        for (const c of reader.columns) if (c >= 0) wanted[c] = 1;
        parser.wanted = wanted;
        // Sampled rows then look like every later row: cells the reader does not use are empty
        // (in reject excerpts too, whichever row is rejected).
        for (const {fields} of sample)
          for (let c = 0; c < fields.length; c++) if (c < wanted.length && wanted[c] === 0) fields[c] = "";
      }
    } else {
      failed = opened;
      sink.fileProblem(1, opened.field, opened.reason);
      quiet();
    }
    for (const r of sample) feed(r.fields, r.line);
    sample.length = 0;
  };

  const parser = new CsvParser((fields, line) => {
    if (header.length < headerCount) {
      header.push(fields);
      // Records that run over lines are checked against the header's width from now on.
      if (header.length === 1) parser.width = fields.length;
      return;
    }
    if (reader === null && failed === null) {
      sample.push({fields, line});
      if (sample.length >= SAMPLE_ROWS) start();
      return;
    }
    feed(fields, line);
  }, delimiter);
  parser.onDamage = (line, reason, text) => {
    rows++;
    // The line is not a row: its cells are cut at every delimiter, so the header's personal
    // columns are hidden where they line up.
    const cells = text.split(delimiter);
    sink.reject(line, "row", reason, header[0] ? rowExcerpt(header[0], cells) : excerpt(text));
  };

  let lastReport = 0;
  for await (const chunk of text) {
    parser.push(chunk);
    if (rows - lastReport >= 10000) {
      lastReport = rows;
      onRows(rows);
    }
  }
  parser.end();
  if (header.length === 0) {
    sink.fileProblem(1, "file", "no header row");
    return parser.lines;
  }
  if (reader === null && failed === null) start();
  if (parser.unterminatedQuoteLine !== null) {
    // Only before the header is known (the parser recovers after it): the rest is lost.
    const from = parser.unterminatedQuoteLine;
    sink.fileProblem(
      from,
      "row",
      `unclosed quote opened on line ${from} swallowed ${parser.lines - from + 1} lines (${from} to ${parser.lines}) to the end of the file`,
    );
  }
  (reader as CsvReader | null)?.end?.();
  onRows(rows);
  return parser.lines;
}
