/**
 * Sorts the files of a run for the native engine, reading only their first bytes: flat ticket
 * CSVs it can read, files the core reads without touching tickets (survey exports, unreadable or
 * empty files), and anything else, which sends the whole run to the core.
 */
import {detect} from "../../formats/index.ts";
import type {TicketCsvPlan} from "../../formats/ticket-csv.ts";
import type {FileContext, Sink} from "../../formats/types.ts";
import {readHead, type IngestOptions} from "../../ingest/index.ts";
import {DateReader} from "../../text/dates.ts";
import type {FileInput} from "../sources.ts";
import type {DateForm} from "./date-form.ts";

export interface NativeFile {
  kind: "native";
  source: FileInput;
  adapterId: string;
  delimiter: string;
  header: string[];
  plan: TicketCsvPlan;
  ctx: FileContext;
  /** Columns the reader uses, in header order. */
  columns: number[];
  dateColumns: number[];
  /** How each date column's cells are written (date-form.ts), set by loadRaw from the first rows. */
  dateForms: Map<number, DateForm>;
  /** Records per byte in the file's first bytes, to turn bytes read into an estimate of rows. */
  recordsPerByte: number;
  /** Physical lines of the file, set by loadRaw (the manifest's `lines`, as the core counts them). */
  lines: number | null;
}

/**
 * "native": a flat ticket CSV this engine reads; "decline": a ticket CSV it cannot read exactly
 * (the run goes to the core); "elsewhere": tickets in a format only the core reads (so does the
 * run); "core": a file the core reads beside this engine (surveys, unreadable or empty files).
 */
export type OpenedFile =
  NativeFile | {kind: "core"; source: FileInput} | {kind: "decline" | "elsewhere"; reason: string};

/** What `ticketCsvReader` calls while opening; anything said then is the core's to say. */
function silentSink(said: string[]): Sink {
  const note = (what: string) => () => void said.push(what);
  return {
    ticket: note("ticket"),
    metrics: note("metrics"),
    rating: note("rating"),
    response: note("response"),
    reject: note("reject"),
    exclude: note("exclude"),
    mergedInto: note("mergedInto"),
    duplicate: note("duplicate"),
    warn: note("warn"),
    fileProblem: note("fileProblem"),
  };
}

export async function openFile(
  source: FileInput,
  options: IngestOptions,
  shared: {tz: string; now: number; agent: (name: string) => string; intern: (s: string) => string},
): Promise<OpenedFile> {
  let head: string;
  let decoder;
  try {
    const opened = await readHead(source);
    await opened.iterator.return?.();
    head = opened.head;
    decoder = opened.decoder;
  } catch {
    return {kind: "core", source};
  }
  if (head.trim() === "") return {kind: "core", source};
  const found = detect(head, options.mapping, options.format);
  const adapter = found.adapter;
  if (!adapter) return {kind: "core", source};
  if (adapter.content === "responses") return {kind: "core", source};
  const name = source.name;
  if (adapter.kind !== "csv" || found.shape !== "csv" || !found.csv)
    return {kind: "elsewhere", reason: `${name}: ${adapter.id} is read by the core`};
  if (decoder.encoding !== "utf-8" || decoder.fellBack)
    return {kind: "decline", reason: `${name}: not UTF-8`};
  const records = found.csv.records;
  if (adapter.headerRows(records, options.mapping) !== 1 || records.length === 0)
    return {kind: "decline", reason: `${name}: several header rows`};
  const said: string[] = [];
  const ctx: FileContext = {
    file: name,
    orgId: options.orgId,
    dates: new DateReader({tz: shared.tz, dayFirst: options.dayFirst}),
    now: shared.now,
    decimalComma: found.csv.delimiter === ";",
    mapping: options.mapping,
    agent: shared.agent,
    intern: shared.intern,
    sink: silentSink(said),
  };
  const header = records[0]!;
  const reader = adapter.open([header], ctx, []);
  if (!("row" in reader)) return {kind: "decline", reason: `${name}: ${reader.field}: ${reader.reason}`};
  if (!reader.ticketCsv || said.length > 0)
    return {kind: "decline", reason: `${name}: ${adapter.id} reads rows its own way`};
  const {cols} = reader.ticketCsv;
  const dates = [cols.created, cols.updated, cols.solved, cols.firstReplyAt].filter((c) => c >= 0);
  const numbers = [cols.replies, cols.reopens, ...cols.metrics.map((m) => m.index)].filter((c) => c >= 0);
  if (dates.some((c) => numbers.includes(c)))
    return {kind: "decline", reason: `${name}: one column read both as a date and as a number`};
  return {
    kind: "native",
    source,
    adapterId: adapter.id,
    delimiter: found.csv.delimiter,
    header,
    plan: reader.ticketCsv,
    ctx,
    columns: [...new Set(reader.columns ?? header.map((_, i) => i))].sort((a, b) => a - b),
    dateColumns: reader.dateColumns,
    dateForms: new Map(),
    recordsPerByte: Math.max(records.length - 1, 1) / Math.max(head.length, 1),
    lines: null,
  };
}
