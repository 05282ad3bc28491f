/**
 * A dataset dropped back on the page, read in the browser: its Parquet files with hyparquet (pure
 * JavaScript; ZSTD pages, which the command line writes, through fzstd), its sidecars as text.
 * The rows come out as the canonical rows `ingest` gives, instants as epoch milliseconds, so
 * `prepare()` builds the same tables from them as from the exports they were ingested from.
 */
import {decompress} from "fzstd";
import {parquetReadObjects} from "hyparquet";
import {z} from "zod";
import {Manifest, Profile, Reject, type SurveyResponse, type Ticket} from "../schema/index.ts";
import {RESPONSE_TABLE, TICKET_TABLE, AGENT_COLUMNS, REJECT_COLUMNS} from "../schema/dataset-layout.ts";
import type {Column} from "../schema/table-columns.ts";
import {decodeBytes} from "../text/decode.ts";
import {parseCsv} from "../text/csv.ts";
import {csvCellText} from "../text/csv-write.ts";
import type {BlobSource} from "./file-source.ts";
import {AssessError, say} from "./messages.ts";

type Row = Record<string, unknown>;

const PARSERS = {
  // Instants as epoch milliseconds, as every canonical row holds them (DuckDB writes microseconds).
  timestampFromMilliseconds: (ms: bigint) => Number(ms),
  timestampFromMicroseconds: (us: bigint) => Number(us / 1000n),
  timestampFromNanoseconds: (ns: bigint) => Number(ns / 1_000_000n),
};

/** The canonical rows of one dataset Parquet file, every column of `columns` present (null when absent). */
export async function readParquetRows(source: BlobSource, columns: readonly Column[]): Promise<Row[]> {
  const bytes = await source.bytes();
  let rows: Row[];
  try {
    rows = (await parquetReadObjects({
      file: bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer,
      parsers: PARSERS,
      compressors: {ZSTD: (input: Uint8Array, length: number) => decompress(input, new Uint8Array(length))},
    })) as Row[];
  } catch (error) {
    throw new AssessError(say.badDatasetFile(source.name, (error as Error).message));
  }
  for (const row of rows) {
    for (const c of columns) {
      const v = row[c.name];
      if (v === undefined || v === null) row[c.name] = c.type === "VARCHAR[]" ? [] : null;
      else if (typeof v === "bigint") row[c.name] = Number(v);
      else if (c.type === "VARCHAR[]" && Array.isArray(v)) row[c.name] = v.filter((x) => x !== null);
    }
  }
  return rows;
}

export const readTickets = (source: BlobSource) =>
  readParquetRows(source, TICKET_TABLE) as Promise<unknown[]> as Promise<Ticket[]>;
export const readResponses = (source: BlobSource) =>
  readParquetRows(source, RESPONSE_TABLE) as Promise<unknown[]> as Promise<SurveyResponse[]>;

async function text(source: BlobSource): Promise<string> {
  return decodeBytes(await source.bytes()).text;
}

function parsed<T>(source: BlobSource, value: string, schema: z.ZodType<T>): T {
  let json: unknown;
  try {
    json = JSON.parse(value);
  } catch (error) {
    throw new AssessError(say.badDatasetFile(source.name, `not valid JSON: ${(error as Error).message}`));
  }
  const result = schema.safeParse(json);
  if (result.success) return result.data;
  throw new AssessError(
    say.badDatasetFile(
      source.name,
      result.error.issues.map((i) => `${i.path.join(".") || "(root)"}: ${i.message}`).join("; "),
    ),
  );
}

export async function readProfileFile(source: BlobSource): Promise<Profile> {
  return parsed(source, await text(source), Profile);
}

export async function readManifestFile(source: BlobSource): Promise<Manifest> {
  return parsed(source, await text(source), Manifest);
}

/** The records of a CSV the dataset wrote, by its header, cells read back as they were written. */
async function csvRecords<K extends string>(
  source: BlobSource,
  header: readonly K[],
): Promise<Record<K, string>[]> {
  const {records} = parseCsv(await text(source), ",");
  const [head, ...rows] = records;
  const at = header.map((k) => head?.indexOf(k) ?? -1);
  const missing = header.filter((_, i) => at[i]! < 0);
  if (missing.length > 0)
    throw new AssessError(say.badDatasetFile(source.name, `missing column ${missing.join(", ")}`));
  return rows
    .filter((r) => !(r.length === 1 && r[0] === ""))
    .map(
      (r) => Object.fromEntries(header.map((k, i) => [k, csvCellText(r[at[i]!] ?? "")])) as Record<K, string>,
    );
}

export async function readRejectsFile(source: BlobSource): Promise<Reject[]> {
  const rows = await csvRecords(source, REJECT_COLUMNS);
  return rows.map((r, i) => {
    const reject = Reject.safeParse({...r, line: Number(r.line)});
    if (!reject.success)
      throw new AssessError(
        say.badDatasetFile(source.name, `line ${i + 2}: ${reject.error.issues[0]?.message ?? "unreadable"}`),
      );
    return reject.data;
  });
}

export async function readAgentsFile(source: BlobSource): Promise<{code: string; name: string}[]> {
  return csvRecords(source, AGENT_COLUMNS);
}

export async function readSaltFile(source: BlobSource): Promise<string> {
  return (await text(source)).trim();
}
