/**
 * The record-length part of `npm run bench`: ingests (core engine, the one the browser runs)
 * an export holding one record of 1, 8 and 64 MB between two ordinary ones, as a CSV quoted
 * cell and as a JSON string, and prints the time per MB: flat when parsing is linear in the
 * record length. 64 MB here is 64,000,000 characters, under the 64 MiB limit (MAX_RECORD_CHARS).
 */
import {createWriteStream, existsSync} from "node:fs";
import {rename} from "node:fs/promises";
import path from "node:path";
import {runTask} from "./run-task.ts";
import {formatTable} from "./table.ts";
import {ZENDESK_CSV_HEAD, zendeskCsvRow, zendeskTicket} from "../test/ingest/zendesk-records.ts";

export const RECORD_MB = [1, 8, 64];

export interface RecordBench {
  format: "csv" | "json";
  mb: number;
  seconds: number;
  /** Time above the same export with an empty record (fixed costs), per MB of record. */
  ms_per_mb: number;
  peak_rss_mib: number;
}

const CSV_HEAD = ZENDESK_CSV_HEAD;
const csvRow = zendeskCsvRow;
const jsonRecord = zendeskTicket;

/** A line of text with commas, quotes and a line end, repeated: the parser's slow paths too. */
const LINE = 'Customer says: "it broke", again, and again; see below.\n';

/** Writes the export with one record of about `mb` million characters (cached: same bytes each time). */
async function write(file: string, format: "csv" | "json", mb: number): Promise<void> {
  if (existsSync(file)) return;
  const partial = `${file}.partial`;
  const out = createWriteStream(partial);
  const put = (s: string) =>
    out.write(s) ? Promise.resolve() : new Promise<void>((r) => out.once("drain", () => r()));
  // The line as the format escapes it, repeated whole: a cut escape would end the record early.
  const unit = format === "csv" ? LINE.replaceAll('"', '""') : JSON.stringify(LINE).slice(1, -1);
  const units = Math.floor((mb * 1_000_000) / unit.length);
  const per = Math.floor(65536 / unit.length);
  const [head, tail] =
    format === "csv"
      ? [CSV_HEAD + csvRow(1, "before") + csvRow(2, "@").slice(0, -2), `"\n${csvRow(3, "after")}`]
      : [`{"tickets": [\n${jsonRecord(1, "before")},\n`, `,\n${jsonRecord(3, "after")}\n]}\n`];
  const [open, close] = format === "csv" ? ['"', ""] : (jsonRecord(2, "@").split("@") as [string, string]);
  await put(head + open);
  for (let n = 0; n < units; n += per) await put(unit.repeat(Math.min(per, units - n)));
  await put(close + tail);
  await new Promise<void>((resolve, reject) => out.end((e?: Error | null) => (e ? reject(e) : resolve())));
  await rename(partial, file);
}

export async function recordBench(output: string): Promise<RecordBench[]> {
  const results: RecordBench[] = [];
  for (const format of ["csv", "json"] as const) {
    let base = 0;
    for (const mb of [0, ...RECORD_MB]) {
      const file = path.join(output, `record-${mb}mb.${format}`);
      await write(file, format, mb);
      console.log(`running record-length (${format}, ${mb} MB)`);
      const r = await runTask("record-length", [file]);
      // The empty record measures what every run pays (start-up, compiling the parser).
      if (mb === 0) {
        base = r.seconds;
        continue;
      }
      results.push({
        format,
        mb,
        seconds: +r.seconds.toFixed(3),
        ms_per_mb: +((Math.max(0, r.seconds - base) * 1000) / mb).toFixed(1),
        peak_rss_mib: r.peak_rss_mib,
      });
    }
  }
  const table = formatTable(
    ["record", "MB", "time s", "ms per MB (over an empty record)", "peak RSS MiB"],
    results.map((r) => [
      r.format === "csv" ? "CSV quoted cell" : "JSON string",
      String(r.mb),
      r.seconds.toFixed(2),
      r.ms_per_mb.toFixed(1),
      String(r.peak_rss_mib),
    ]),
  );
  console.log(`\n${table}\n\nLinear in the record length when ms per MB stays flat from 1 to 64 MB.`);
  return results;
}
