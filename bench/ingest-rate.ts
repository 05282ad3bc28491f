/**
 * Ingest rate of a synthetic Zendesk-style CSV (legacy full export columns, local times read in
 * a DST zone): the core `ingest()` alone, in this process. The file is generated once and cached
 * in bench/output/ (shared with `npm run bench`, which measures the whole command against DuckDB).
 *
 *   npx tsx bench/ingest-rate.ts [rows=1000000]
 */
import {createReadStream, statSync} from "node:fs";
import {fileURLToPath} from "node:url";
import {ingest, type InputSource} from "../loaders/ingest/index.ts";
import {zendeskCsv} from "./zendesk-csv.ts";

const rows = Number(process.argv[2] ?? 1_000_000);
const {file: path, generated} = await zendeskCsv(fileURLToPath(new URL("./output/", import.meta.url)), rows);
if (generated) console.log(`wrote ${rows} rows to ${path}`);
const size = statSync(path).size;
const source: InputSource = {
  name: "tickets.csv",
  size,
  stream: () => createReadStream(path, {highWaterMark: 1 << 16}),
};

let peak = 0;
const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 50);
const t0 = performance.now();
const result = await ingest([source], {
  orgId: "bench",
  salt: "bench-salt",
  tz: "Europe/Paris",
  now: Date.UTC(2025, 0, 1),
});
const seconds = (performance.now() - t0) / 1000;
clearInterval(timer);
peak = Math.max(peak, process.memoryUsage().rss, process.resourceUsage().maxRSS * 1024);
const m = result.manifest.files[0]!;
console.log(
  JSON.stringify({
    rows: m.rows_read,
    accepted: m.accepted,
    rejected: m.rejected,
    problems: result.problems.length,
    mb: +(size / 2 ** 20).toFixed(1),
    seconds: +seconds.toFixed(2),
    rows_per_second: Math.round(m.rows_read / seconds),
    peak_rss_mib: Math.round(peak / 2 ** 20),
  }),
);
