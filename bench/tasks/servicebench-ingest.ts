/**
 * The full `servicebench ingest` path on one export (`ingestToDataset`: read, validate, write the
 * dataset directory) with one engine. Args: <csv> <dataset dir> <auto|javascript>
 */
import {statSync} from "node:fs";
import {defaultProfile} from "../../loaders/node/dataset.ts";
import {ingestToDataset, type IngestEngine} from "../../loaders/node/ingest-run.ts";
import {fileSource} from "../../loaders/node/sources.ts";
import {report, since} from "../task-result.ts";

const [csv, out, engine] = process.argv.slice(2) as [string, string, IngestEngine];
const options = {orgId: "bench", salt: "bench-salt", tz: "Europe/Paris", now: Date.UTC(2025, 0, 1), engine};
const t0 = performance.now();
const run = await ingestToDataset([fileSource(csv, statSync(csv).size, "tickets.csv")], options, out, {
  profile: defaultProfile(options.orgId, options.tz),
  salt: options.salt,
});
const seconds = since(t0);
if (run.problems.length > 0)
  process.stderr.write(`${run.problems.length} problems, first: ${run.problems[0]}\n`);
// The engine asked for must be the one that ran, or the figure measures something else.
if (engine === "auto" && run.engine !== "duckdb") throw new Error(`DuckDB engine declined: ${run.declined}`);
report({seconds, rows: run.manifest.totals.rows_read});
