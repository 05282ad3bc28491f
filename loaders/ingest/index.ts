/**
 * The ingest pipeline: for each input, decode bytes, detect the format from the content, parse
 * it as a stream, map rows onto the canonical schema, validate, and combine every file of the
 * organisation into one dataset with a balanced manifest. Isomorphic: no Node API.
 */
import type {Manifest, Reject, SurveyResponse, Ticket} from "../schema/index.ts";
import {detect, type Detection} from "../formats/index.ts";
import type {FileContext} from "../formats/types.ts";
import {
  collectReader,
  finishWarehouse,
  isWarehouse,
  rowFilter,
  tableOf,
  type TableFile,
  type WarehouseAdapter,
} from "../formats/warehouse/index.ts";
import {ByteDecoder} from "../text/decode.ts";
import {DateReader} from "../text/dates.ts";
import {isValidTimeZone} from "../text/tz.ts";
import {MAX_XLSX_BYTES, readXlsx, rowsToCsv} from "../text/xlsx.ts";
import {sniffBinary, zipProblem} from "../text/xlsx-sniff.ts";
import {KnownNames} from "../privacy/names.ts";
import {Masker} from "../privacy/masker.ts";
import {protect} from "../privacy/protect.ts";
import {Agents} from "./agents.ts";
import {Combiner} from "./combine.ts";
import {runCsv} from "./run-csv.ts";
import {runJson} from "./run-json.ts";
import type {InputSource} from "./sources.ts";
import {runZone} from "./zone.ts";

import {sourceFromString} from "./sources.ts";

export {sourceFromBytes, sourceFromString, type InputSource} from "./sources.ts";

export const SERVICEBENCH_VERSION = "0.1.0";

export interface IngestOptions {
  orgId: string;
  /** Adapter id (see FORMAT_IDS in loaders/formats); default: detected per file from its content. */
  format?: string;
  /** Column mapping for generic ticket, event-log and survey CSVs (see the README). */
  mapping?: unknown;
  /** IANA zone for timestamps without an offset. Default: the mapping's `tz`, else "UTC" (zone.ts). */
  tz?: string;
  /** Slash dates: true = dd/mm/yyyy, false = m/d/yyyy; default inferred per file. */
  dayFirst?: boolean;
  /** Worksheet read from XLSX workbooks. Default: the first. */
  sheet?: string;
  /** Injected clock, epoch ms (for "date in the future"). Default: the time ingest starts. */
  now?: number;
  /** Per-dataset pseudonymisation salt for agent codes. */
  salt: string;
  /**
   * Names of people already met in other files of the run (the native engine's ticket CSVs); the
   * run adds its own to it, and masks every free-text field with them all (loaders/privacy).
   */
  names?: KnownNames;
  onProgress?: (p: {file: string; bytes: number; rows: number}) => void;
}

export interface IngestResult {
  tickets: Ticket[];
  responses: SurveyResponse[];
  manifest: Manifest;
  rejects: Reject[];
  /** Pseudonym -> name or id, for the dataset owner only. */
  agents: {code: string; name: string}[];
  /** One line per invalid row or bad file: `file:line: field: reason`. Any line means exit 1. */
  problems: string[];
  /** Things worth knowing that cost no row (unknown channel words, assumed date order...). */
  warnings: string[];
  /** Every person's name the run met (with `options.names`): the data owner's, never written. */
  names: KnownNames;
}

/** Bytes of decoded text looked at to detect the format. */
const HEAD_CHARS = 16384;

export async function ingest(sources: InputSource[], options: IngestOptions): Promise<IngestResult> {
  const now = options.now ?? Date.now();
  const tz = runZone(options);
  const combiner = new Combiner();
  const agents = new Agents(options.salt);
  const names = options.names ?? new KnownNames();
  const interned = new Map<string, string>();
  const intern = (s: string): string => {
    let v = interned.get(s);
    if (v === undefined) {
      // A fresh copy, so the map does not keep a whole decoded chunk alive through a slice.
      v = s.length > 12 ? s.split("").join("") : s;
      if (interned.size < 100_000) interned.set(v, v);
    }
    return v;
  };
  const tzOk = isValidTimeZone(tz);
  const warehouse: TableFile[] = [];
  for (const source of sources) {
    if (!tzOk) {
      combiner
        .sink(combiner.addFile(source.name, "unknown", "unknown"))
        .fileProblem(0, "tz", `unknown time zone "${tz}"`);
      continue;
    }
    await ingestOne(source, options, {now, tz, combiner, agents, names, intern, warehouse});
  }
  // Marks for the profiler (bench/assess-core.ts) and the browser's performance timeline.
  performance.mark("sb:ingest-read");
  // Synced tables join across files: their tickets exist once every table is read.
  try {
    finishWarehouse(warehouse);
  } catch (error) {
    combiner.problems.push(
      `${warehouse[0]!.ctx.file}:0: file: could not join the tables: ${(error as Error).message}`,
    );
  }
  const {tickets, responses} = combiner.finish(now);
  const files = combiner.manifestFiles();
  performance.mark("sb:ingest-combined");
  const sum = (k: "rows_read" | "accepted" | "rejected" | "duplicates") =>
    files.reduce((a, f) => a + f[k], 0);
  const lines = files.reduce((a, f) => a + (f.lines ?? 0), 0);
  const manifest: Manifest = {
    org_id: options.orgId,
    generated_at: new Date(now).toISOString(),
    servicebench_version: SERVICEBENCH_VERSION,
    timezone: tz,
    files,
    totals: {
      lines,
      rows_read: sum("rows_read"),
      accepted: sum("accepted"),
      rejected: sum("rejected"),
      duplicates: sum("duplicates"),
      tickets: tickets.length,
      responses: responses.length,
    },
  };
  // The privacy policy, once every name of the run is known (loaders/privacy/policy.ts).
  const agentList = agents.list();
  names.addAll(agentList.map((a) => a.name));
  protect({tickets, responses, rejects: combiner.rejects, manifest}, new Masker(names));
  performance.mark("sb:ingest-masked");
  return {
    tickets,
    responses,
    manifest,
    rejects: combiner.rejects,
    agents: agentList,
    problems: combiner.problems,
    warnings: combiner.warnings,
    names,
  };
}

interface Shared {
  now: number;
  tz: string;
  combiner: Combiner;
  agents: Agents;
  names: KnownNames;
  intern: (s: string) => string;
  /** Synced warehouse tables read so far, joined at the end of the run. */
  warehouse: TableFile[];
}

/** The first decoded text of a source, enough to detect its format, and the stream to go on with. */
export interface SourceHead {
  head: string;
  /** True when the head is the whole source. */
  done: boolean;
  /** Bytes read so far. */
  bytes: number;
  /** The source's first bytes, before decoding: they tell binary files (XLSX, XLS...). */
  magic: Uint8Array;
  decoder: ByteDecoder;
  iterator: AsyncIterator<Uint8Array>;
}

/** Reads at least HEAD_CHARS of decoded text (or the whole source when shorter). Throws on read errors. */
export async function readHead(source: InputSource): Promise<SourceHead> {
  const decoder = new ByteDecoder();
  const iterator = source.stream()[Symbol.asyncIterator]();
  let head = "";
  let done = false;
  let bytes = 0;
  let magic: Uint8Array = new Uint8Array(0);
  while (head.length < HEAD_CHARS) {
    const r = await iterator.next();
    if (r.done) {
      head += decoder.end();
      done = true;
      break;
    }
    if (magic.length < 8) magic = concat(magic, r.value.subarray(0, 8 - magic.length));
    bytes += r.value.length;
    head += decoder.decode(r.value);
  }
  return {head, done, bytes, magic, decoder, iterator};
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  const out = new Uint8Array(a.length + b.length);
  out.set(a);
  out.set(b, a.length);
  return out;
}

async function ingestOne(source: InputSource, options: IngestOptions, shared: Shared): Promise<void> {
  const {combiner} = shared;
  let opened: SourceHead;
  try {
    opened = await readHead(source);
  } catch (error) {
    const f = combiner.addFile(source.name, "unknown", "unknown");
    combiner.sink(f).fileProblem(0, "file", `could not read: ${(error as Error).message}`);
    return;
  }
  const binary = sniffBinary(opened.magic);
  if (binary) {
    await opened.iterator.return?.();
    if (binary.kind === "unsupported") {
      const f = combiner.addFile(source.name, "unknown", "unknown");
      combiner.sink(f).fileProblem(1, "format", binary.message);
      return;
    }
    const sheet = await workbookAsCsv(source, options.sheet);
    if (typeof sheet === "string") {
      const f = combiner.addFile(source.name, "xlsx", "unknown");
      combiner.sink(f).fileProblem(1, "format", sheet);
      return;
    }
    const before = combiner.files.length;
    await ingestOne(sourceFromString(source.name, sheet.csv), options, shared);
    // Which sheet was read, when the workbook has several.
    if (sheet.note && combiner.files.length > before) combiner.warn(before, 1, "sheet", sheet.note);
    return;
  }
  const {head, done, decoder, iterator} = opened;
  let bytes = opened.bytes;
  if (head.trim() === "") {
    const f = combiner.addFile(source.name, "unknown", "unknown");
    combiner.sink(f).fileProblem(1, "file", "empty file (no header, no rows)");
    return;
  }
  const found = detect(head, options.mapping, options.format);
  if (found.adapter && isWarehouse(found.adapter)) {
    await collectTable(source, found.adapter, found.csv, opened, options, shared);
    return;
  }
  const f = combiner.addFile(
    source.name,
    found.adapter?.id ?? "unknown",
    found.adapter?.content ?? "unknown",
  );
  const sink = combiner.sink(f);
  if (!found.adapter) {
    sink.fileProblem(1, "format", found.reason);
    return;
  }
  if (decoder.fellBack) sink.warn(1, "encoding", "not valid UTF-8: read as Windows-1252");
  const dates = new DateReader({tz: shared.tz, dayFirst: options.dayFirst});
  const ctx: FileContext = {
    file: source.name,
    orgId: options.orgId,
    dates,
    now: shared.now,
    decimalComma: found.csv?.delimiter === ";",
    mapping: options.mapping,
    agent: (name) => shared.agents.code(name),
    person: (name) => shared.names.add(name),
    intern: shared.intern,
    sink,
  };
  let rows = 0;
  const progress = (n: number) => {
    rows = n;
    options.onProgress?.({file: source.name, bytes, rows});
  };
  const text = () =>
    decodedText({head, done, decoder, iterator}, (n) => {
      bytes += n;
    });
  try {
    const adapter = found.adapter;
    if (adapter.kind === "csv") {
      if (found.shape !== "csv") {
        sink.fileProblem(1, "format", `${adapter.id} expects delimited text, the file is JSON`);
        return;
      }
      const quiet = () => (combiner.files[f]!.quiet = true);
      const lines = await runCsv(
        adapter,
        found.csv!.records,
        found.csv!.delimiter,
        text(),
        ctx,
        progress,
        quiet,
      );
      combiner.files[f]!.lines = lines;
    } else {
      if (found.shape === "csv") {
        sink.fileProblem(1, "format", `${adapter.id} expects JSON, the file is delimited text`);
        return;
      }
      combiner.files[f]!.lines = await runJson(adapter, found.shape === "jsonl", text(), ctx, progress);
    }
  } catch (error) {
    sink.fileProblem(rows, "file", `stopped reading: ${(error as Error).message}`);
  }
  if (dates.assumedOrder && options.dayFirst === undefined)
    sink.warn(
      1,
      "dates",
      "day/month order could not be told from the values; read as month-first (m/d/yyyy)",
    );
}

/**
 * Reads a synced warehouse table into memory (the columns servicebench uses), to be joined with
 * the run's other tables by `finishWarehouse`. A table no KPI needs is listed as not used, its
 * rows unread. Warehouse loaders write UTC times, whatever the helpdesk's zone.
 */
async function collectTable(
  source: InputSource,
  found: WarehouseAdapter,
  csv: Detection["csv"],
  opened: SourceHead,
  options: IngestOptions,
  shared: Shared,
): Promise<void> {
  const {combiner} = shared;
  const header = csv?.records[0] ?? [];
  const kind = tableOf(header, source.name);
  const family = kind?.family ?? "zendesk";
  if (kind === null || csv === null) {
    const f = combiner.addFile(source.name, `warehouse-${family}`, "unknown");
    combiner
      .sink(f)
      .fileProblem(
        1,
        "format",
        "not a synced warehouse table (no _fivetran_synced, _sdc_ or _airbyte_ column)",
      );
    return;
  }
  const f = combiner.addFile(source.name, `warehouse-${family}`, kind.table ?? `not used: ${kind.label}`);
  if (kind.table === null) {
    await opened.iterator.return?.();
    return;
  }
  const stats = combiner.files[f]!;
  const sink = combiner.sink(f);
  const ctx: FileContext = {
    file: source.name,
    orgId: options.orgId,
    dates: new DateReader({tz: "UTC"}),
    now: shared.now,
    decimalComma: csv.delimiter === ";",
    mapping: undefined,
    agent: (name) => shared.agents.code(name),
    person: (name) => shared.names.add(name),
    intern: shared.intern,
    sink,
  };
  const table: TableFile = {
    kind,
    header,
    ctx,
    cols: new Map(),
    rows: [],
    lines: [],
    use: () => {
      stats.read++;
      stats.accepted++;
      stats.kinds.add(kind.table!);
    },
  };
  if (opened.decoder.fellBack) sink.warn(1, "encoding", "not valid UTF-8: read as Windows-1252");
  const adapter = {...found, open: () => collectReader(table, rowFilter(table))};
  let bytes = opened.bytes;
  const {head, done, decoder, iterator} = opened;
  const text = () =>
    decodedText({head, done, decoder, iterator}, (n) => {
      bytes += n;
    });
  const progress = (rows: number) => options.onProgress?.({file: source.name, bytes, rows});
  try {
    stats.lines = await runCsv(
      adapter,
      csv.records,
      csv.delimiter,
      text(),
      ctx,
      progress,
      () => (stats.quiet = true),
    );
  } catch (error) {
    sink.fileProblem(table.lines.at(-1) ?? 0, "file", `stopped reading: ${(error as Error).message}`);
  }
  shared.warehouse.push(table);
}

/**
 * The chosen sheet of an XLSX workbook as CSV text, or why it cannot be read. The whole file is
 * held in memory, so its size is capped like the unzipped parts.
 */
async function workbookAsCsv(
  source: InputSource,
  sheet: string | undefined,
): Promise<{csv: string; note: string | null} | string> {
  const chunks: Uint8Array[] = [];
  let size = 0;
  try {
    for await (const chunk of source.stream()) {
      size += chunk.length;
      if (size > MAX_XLSX_BYTES)
        return `XLSX: the file is larger than ${MAX_XLSX_BYTES / 1048576} MB: export the sheet as CSV`;
      chunks.push(chunk);
    }
  } catch (error) {
    return `could not read: ${(error as Error).message}`;
  }
  const bytes = new Uint8Array(size);
  let at = 0;
  for (const c of chunks) {
    bytes.set(c, at);
    at += c.length;
  }
  const problem = zipProblem(bytes);
  if (problem) return problem;
  try {
    const read = readXlsx(bytes, {sheet});
    if (read.rows.length === 0) return `XLSX: sheet "${read.name}" is empty`;
    const note =
      read.sheets.length > 1 && sheet === undefined
        ? `workbook has ${read.sheets.length} sheets: read the first, "${read.name}" (choose another with --sheet)`
        : null;
    return {csv: rowsToCsv(read.rows), note};
  } catch (error) {
    return `XLSX: ${(error as Error).message}`;
  }
}

/** The rest of an opened file as text: its sniffed head, then each chunk decoded, counting bytes. */
async function* decodedText(
  opened: {
    head: string;
    done: boolean;
    decoder: {decode(b: Uint8Array): string; end(): string};
    iterator: AsyncIterator<Uint8Array>;
  },
  count: (bytes: number) => void,
): AsyncIterable<string> {
  yield opened.head;
  if (opened.done) return;
  for (;;) {
    const r = await opened.iterator.next();
    if (r.done) break;
    count(r.value.length);
    yield opened.decoder.decode(r.value);
  }
  yield opened.decoder.end();
}
