/**
 * `npm run bench`: ingestion against its references, as ratios measured in one run.
 *
 *   npm run bench [-- --rows 1000000] [--repeat 1] [--no-kpis] [--no-core] [--no-us] [--no-site] [--no-records] [--no-assess] [--loads 5]
 *
 * Generates (once, cached in bench/output/) a seeded Zendesk-style CSV, then times in separate
 * processes: native DuckDB CSV -> Parquet (the reference), Arquero loading the CSV (the JavaScript
 * peer), the full `servicebench ingest` path with its DuckDB engine (the bar), the same export
 * written with US-locale dates, the core engine the browser runs, and every KPI on the written
 * dataset. Then the site's first screen in headless Chromium (cold cache, median of --loads loads)
 * on the demo organisation and on the big dataset just written, and the Speed page's redraw after a
 * filter change on both (the big one in cube mode, with the Satisfaction page's). Then the ingest time of one
 * record of 1, 8 and 64 MB (record-length.ts), per MB. Then a 100,000-ticket export dropped on
 * the self-assessment page, against ingest + place natively (assess.ts). Prints tables and writes
 * bench/output/results.json. The bars are reported, not asserted: the exit code is 0 unless the
 * harness itself fails.
 */
import {statSync} from "node:fs";
import {rm, writeFile} from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import {fileURLToPath} from "node:url";
import {parseArgs} from "node:util";
import {checkBar, verdict, MAX_PEAK_RSS_MIB, MAX_RATIO_TO_DUCKDB} from "./bar.ts";
import {assessBench} from "./assess.ts";
import {recordBench} from "./record-length.ts";
import {siteBench} from "./site.ts";
import {filterChangeBench} from "./filter-change.ts";
import {analysisChangeBench} from "./analysis-change.ts";
import {runTask} from "./run-task.ts";
import {formatTable} from "./table.ts";
import type {TaskResult} from "./task-result.ts";
import {zendeskCsv, type DateStyle} from "./zendesk-csv.ts";

const OUTPUT = fileURLToPath(new URL("./output/", import.meta.url));

const {values} = parseArgs({
  options: {
    rows: {type: "string", default: "1000000"},
    repeat: {type: "string", default: "1"},
    "no-kpis": {type: "boolean", default: false},
    "no-core": {type: "boolean", default: false},
    "no-us": {type: "boolean", default: false},
    "no-site": {type: "boolean", default: false},
    "no-records": {type: "boolean", default: false},
    "no-assess": {type: "boolean", default: false},
    loads: {type: "string", default: "5"},
  },
});
const rows = Number(values.rows);
const repeat = Number(values.repeat);
if (!Number.isInteger(rows) || rows < 1) throw new Error(`--rows ${values.rows}: a positive whole number`);
if (!Number.isInteger(repeat) || repeat < 1)
  throw new Error(`--repeat ${values.repeat}: a positive whole number`);

/** The cached export, generated (and said so) on first use. */
async function input(style: DateStyle): Promise<string> {
  const t0 = performance.now();
  const {file, generated} = await zendeskCsv(OUTPUT, rows, style);
  if (generated) console.log(`generated ${file} in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  return file;
}
const file = await input("iso");
const usFile = values["no-us"] ? null : await input("us");
const mb = statSync(file).size / 2 ** 20;
console.log(
  `${rows.toLocaleString("en-US")} tickets, ${mb.toFixed(0)} MB, ${os.cpus().length} CPUs, Node ${process.version}\n`,
);

const parquet = path.join(OUTPUT, "duckdb.parquet");
const dataset = path.join(OUTPUT, "dataset");

/** Fastest of `repeat` runs: the least disturbed by other work on the machine. */
async function fastest(task: string, args: string[]): Promise<TaskResult> {
  let best: TaskResult | null = null;
  for (let i = 0; i < repeat; i++) {
    console.log(`running ${task}${repeat > 1 ? ` (${i + 1}/${repeat})` : ""}`);
    const r = await runTask(task, args);
    if (best === null || r.seconds < best.seconds) best = r;
  }
  return best!;
}

const duckdb = await fastest("duckdb-parquet", [file, parquet]);
const arquero = await fastest("arquero-csv", [file]);
/** An ingest into a fresh dataset directory; the last one written stays for the KPIs and the site. */
async function ingestInto(input: string, engine: string): Promise<TaskResult> {
  await rm(dataset, {recursive: true, force: true});
  return fastest("servicebench-ingest", [input, dataset, engine]);
}
const ingest = await ingestInto(file, "auto");
const us = usFile ? await ingestInto(usFile, "auto") : null;
const core = values["no-core"] ? null : await ingestInto(file, "javascript");
const kpis = values["no-kpis"] ? null : await fastest("servicebench-kpis", [dataset]);

const bar = checkBar(ingest.seconds, duckdb.seconds, ingest.peak_rss_mib);

interface Line {
  id: string;
  label: string;
  result: TaskResult;
  bar: string;
}
const lines: Line[] = [
  {id: "duckdb", label: "DuckDB CSV -> Parquet", result: duckdb, bar: "reference"},
  {id: "arquero", label: "Arquero loadCSV", result: arquero, bar: "JS peer"},
  {
    id: "servicebench_ingest",
    label: "servicebench ingest (DuckDB engine)",
    result: ingest,
    bar: verdict(bar),
  },
];
if (us)
  lines.push({
    id: "servicebench_ingest_us_dates",
    label: "  same, US dates (04/03/23 02:32)",
    result: us,
    bar: "(not in bar)",
  });
if (core)
  lines.push({
    id: "servicebench_ingest_core",
    label: "  same, core engine (browser)",
    result: core,
    bar: "(not in bar)",
  });
if (kpis)
  lines.push({id: "servicebench_kpis", label: "servicebench KPIs", result: kpis, bar: "(not in bar)"});

const fixed = (x: number, d: number) => (Number.isFinite(x) ? x.toFixed(d) : "");
const table = formatTable(
  ["task", "time s", "rows/s", "peak RSS MiB", "x DuckDB", "x Arquero", "bar"],
  lines.map(({label, result, bar}) => [
    label,
    fixed(result.seconds, 2),
    Math.round(result.rows / result.seconds).toLocaleString("en-US"),
    fixed(result.peak_rss_mib, 0),
    fixed(result.seconds / duckdb.seconds, 2),
    fixed(result.seconds / arquero.seconds, 2),
    bar,
  ]),
  [0, 6],
);
console.log(`\n${table}`);
console.log(
  `\nBar: full ingest within ${MAX_RATIO_TO_DUCKDB}x DuckDB and under ${MAX_PEAK_RSS_MIB} MiB peak RSS: ${verdict(bar)}`,
);

const site = values["no-site"] ? null : await siteBench(OUTPUT, dataset, rows, Number(values.loads));
// The demo site siteBench just built (site-0): the Speed page's redraw after a filter change.
if (!values["no-site"]) console.log("\nThe demo site (ticket rows):");
const filterChange = values["no-site"] ? null : await filterChangeBench(path.join(OUTPUT, "site-0"));
// The big dataset's site (site-1, cube mode): the same changes, natively on the dataset it was
// built from; and the Satisfaction page, which computes from the ticket rows it fetches.
if (!values["no-site"]) console.log(`\nThe ${rows.toLocaleString("en-US")}-ticket site (cubes):`);
const filterChangeCubes = values["no-site"]
  ? null
  : await filterChangeBench(path.join(OUTPUT, "site-1"), 21, dataset);
const satisfactionChangeCubes = values["no-site"]
  ? null
  : await analysisChangeBench(path.join(OUTPUT, "site-1"));
const records = values["no-records"] ? null : await recordBench(OUTPUT);
// The demo site's build (site-0) when the site part ran, else the last `npm run build`.
const assess = values["no-assess"]
  ? null
  : await assessBench(OUTPUT, site ? path.join(OUTPUT, "site-0") : "dist", Number(values.loads));

const results = {
  generated_at: new Date().toISOString(),
  rows,
  csv: path.basename(file),
  csv_mib: +mb.toFixed(1),
  repeat,
  machine: {cpus: os.cpus().length, node: process.version, platform: `${process.platform}-${process.arch}`},
  bar: {max_ratio_to_duckdb: MAX_RATIO_TO_DUCKDB, max_peak_rss_mib: MAX_PEAK_RSS_MIB, ...bar},
  tasks: lines.map(({id, result}) => ({
    id,
    seconds: +result.seconds.toFixed(3),
    rows: result.rows,
    rows_per_second: Math.round(result.rows / result.seconds),
    peak_rss_mib: Number.isFinite(result.peak_rss_mib) ? result.peak_rss_mib : null,
    ratio_to_duckdb: +(result.seconds / duckdb.seconds).toFixed(3),
    ratio_to_arquero: +(result.seconds / arquero.seconds).toFixed(3),
  })),
  site,
  filter_change: filterChange,
  filter_change_cubes: filterChangeCubes,
  satisfaction_change_cubes: satisfactionChangeCubes,
  records,
  assess,
};
await writeFile(path.join(OUTPUT, "results.json"), `${JSON.stringify(results, null, 2)}\n`);
console.log(`wrote ${path.join(OUTPUT, "results.json")}`);
