/**
 * The self-assessment's core on one export, phase by phase: what the page's worker runs on a
 * dropped file (`assessFiles`), timed in Node, with a digest of everything it returns so that a
 * faster core can be shown to give the same bytes.
 *
 *     npx tsx bench/assess-core.ts bench/output/zendesk-100000-v1.csv
 *     npx tsx bench/assess-core.ts <file or folder> --repeat 5 --tz Europe/Paris
 *     node --import tsx --cpu-prof --cpu-prof-dir=bench/output/prof bench/assess-core.ts <file>
 *
 * Phases: decode + parse (the file read by the CSV parser alone, a separate pass), read (decode,
 * parse, row mapping and checks, the names met: ingest until every file is read; the row work is
 * read minus decode + parse), combine (versions, merges, manifest), masking (the privacy policy
 * over every row), prepare (the tables' rows, local times) and Arrow (IPC of each table). The
 * phases inside `assessFiles` come from its performance marks (`sb:ingest-*`, `sb:assess-*`).
 */
import {createHash} from "node:crypto";
import {readdir, readFile, stat} from "node:fs/promises";
import path from "node:path";
import {assessFiles, type AssessResult} from "../loaders/assess/assess.ts";
import {blobSource, type BlobSource, SLICE_BYTES} from "../loaders/assess/file-source.ts";
import {ByteDecoder} from "../loaders/text/decode.ts";
import {CsvParser, sniffDelimiter} from "../loaders/text/csv.ts";
import {formatTable} from "./table.ts";

/** The marks `assessFiles` leaves, in order, each ending the phase named beside it. */
const MARKS: [string, string][] = [
  ["sb:ingest-read", "read (decode, parse, rows, names)"],
  ["sb:ingest-combined", "combine"],
  ["sb:ingest-masked", "masking"],
  ["sb:assess-prepared", "prepare"],
  ["sb:assess-arrow", "Arrow"],
];
const START = "sb:assess-start";

/** A fixed salt and clock: the digest then depends on the input alone. */
const SALT = "0123456789abcdef0123456789abcdef";
const NOW = Date.UTC(2024, 5, 1);

async function drop(target: string): Promise<BlobSource[]> {
  if (!(await stat(target)).isDirectory())
    return [blobSource(new Blob([await readFile(target)]), path.basename(target))];
  const entries = await readdir(target, {recursive: true, withFileTypes: true});
  const files = entries
    .filter((e) => e.isFile())
    .map((e) => path.relative(target, path.join(e.parentPath, e.name)))
    .sort();
  return Promise.all(files.map(async (f) => blobSource(new Blob([await readFile(path.join(target, f))]), f)));
}

/** The parser alone over the bytes, in the slices the page reads: the floor of the read phase. */
async function parseOnly(sources: BlobSource[]): Promise<{ms: number; records: number}> {
  const t0 = performance.now();
  let records = 0;
  for (const source of sources) {
    const decoder = new ByteDecoder();
    let parser: CsvParser | null = null;
    for await (const chunk of source.stream()) {
      const text = decoder.decode(chunk);
      parser ??= new CsvParser(() => records++, sniffDelimiter(text));
      parser.push(text);
    }
    parser?.push(decoder.end());
    parser?.end();
  }
  return {ms: performance.now() - t0, records};
}

/** Everything the page gets back, hashed: tables' bytes, rows, rejects, manifest, agents. */
export function digest(result: AssessResult): string {
  const hash = createHash("sha256");
  for (const t of result.tables) hash.update(t.name).update(t.ipc);
  hash.update(
    JSON.stringify({
      profile: result.profile,
      manifest: result.manifest,
      rejects: result.rejects,
      problems: result.problems,
      warnings: result.warnings,
      tickets: result.tickets,
      responses: result.responses,
      agents: result.agents,
    }),
  );
  return hash.digest("hex").slice(0, 16);
}

async function once(
  sources: BlobSource[],
  tz: string | undefined,
): Promise<{phases: number[]; total: number; result: AssessResult}> {
  performance.clearMarks();
  performance.mark(START);
  const t0 = performance.now();
  const result = await assessFiles(sources, {orgId: "bench", salt: SALT, now: NOW, tz});
  const total = performance.now() - t0;
  let at = performance.getEntriesByName(START)[0]!.startTime;
  const phases = MARKS.map(([name]) => {
    const mark = performance.getEntriesByName(name)[0];
    const ms = mark ? mark.startTime - at : NaN;
    if (mark) at = mark.startTime;
    return ms;
  });
  return {phases, total, result};
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const target = args.find((a, k) => !a.startsWith("--") && !["--repeat", "--tz"].includes(args[k - 1]!));
  const repeatAt = args.indexOf("--repeat");
  const repeat = repeatAt >= 0 ? Number(args[repeatAt + 1]) : 3;
  const tzAt = args.indexOf("--tz");
  const tz = tzAt >= 0 ? args[tzAt + 1] : undefined;
  if (!target) {
    console.error("usage: npx tsx bench/assess-core.ts <export file or folder> [--repeat n] [--tz zone]");
    process.exit(2);
  }
  const sources = await drop(target);
  const runs: {phases: number[]; total: number; parse: number}[] = [];
  let last = "";
  let tickets = 0;
  for (let i = 0; i < repeat; i++) {
    const parse = await parseOnly(sources);
    const {phases, total, result} = await once(sources, tz);
    const d = digest(result);
    if (last && d !== last) throw new Error(`run ${i + 1} gave digest ${d}, the first ${last}`);
    last = d;
    tickets = result.tickets.length;
    runs.push({phases, total, parse: parse.ms});
  }
  // The fastest run per phase: the least disturbed by the machine's other work.
  const best = (f: (r: (typeof runs)[number]) => number) => Math.min(...runs.map(f));
  const ms = (x: number) => (Number.isNaN(x) ? "-" : Math.round(x).toString());
  const phase = (k: number) => ms(best((r) => r.phases[k]!));
  const rows: string[][] = [
    [MARKS[0]![1], phase(0)],
    ["  of which decode + parse (alone)", ms(best((r) => r.parse))],
    ["  of which rows and names", ms(best((r) => r.phases[0]! - r.parse))],
    ...MARKS.slice(1).map(([, label], k) => [label, phase(k + 1)]),
  ];
  rows.push(["assessFiles total", ms(best((r) => r.total))]);
  console.log(formatTable(["phase (best of " + repeat + ")", "ms"], rows, [0]));
  console.log(`\n${tickets} tickets; digest ${last} (salt and clock fixed: equal digests, equal output)`);
  console.log(`totals: ${runs.map((r) => Math.round(r.total)).join(", ")} ms; slice ${SLICE_BYTES} bytes`);
}

await main();
