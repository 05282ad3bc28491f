/**
 * The full `servicebench ingest` path on one export: core `ingest()` then `writeDataset` (Parquet,
 * manifest, rejects). Args: <csv> <dataset dir>
 */
import {statSync} from "node:fs";
import {defaultProfile, writeDataset} from "../../loaders/node/dataset.ts";
import {fileSource} from "../../loaders/node/sources.ts";
import {ingest} from "../../loaders/ingest/index.ts";
import {report, since} from "../task-result.ts";

const [csv, out] = process.argv.slice(2) as [string, string];
const options = {orgId: "bench", salt: "bench-salt", tz: "Europe/Paris", now: Date.UTC(2025, 0, 1)};
const t0 = performance.now();
const result = await ingest([fileSource(csv, statSync(csv).size, "tickets.csv")], options);
const ingested = since(t0);
const t1 = performance.now();
const profile = defaultProfile(options.orgId, options.tz);
await writeDataset(out, {...result, profile, salt: options.salt});
const written = since(t1);
if (result.problems.length > 0)
  process.stderr.write(`${result.problems.length} problems, first: ${result.problems[0]}\n`);
report({
  seconds: since(t0),
  rows: result.manifest.totals.rows_read,
  steps: {ingest: ingested, write: written},
});
