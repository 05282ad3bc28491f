/**
 * Ingests one export with the core engine (parse, map, validate; no dataset written): the
 * record-length bench's timing. Args: <file>. Fails unless the three tickets are read.
 */
import {statSync} from "node:fs";
import path from "node:path";
import {ingest} from "../../loaders/ingest/index.ts";
import {fileSource} from "../../loaders/node/sources.ts";
import {report, since} from "../task-result.ts";

const [file] = process.argv.slice(2) as [string];
const t0 = performance.now();
const run = await ingest([fileSource(file, statSync(file).size, path.basename(file))], {
  orgId: "bench",
  salt: "bench-salt",
  now: Date.UTC(2025, 0, 1),
});
const seconds = since(t0);
if (run.problems.length > 0 || run.tickets.length !== 3)
  throw new Error(`expected 3 tickets and no problem, got ${run.tickets.length}: ${run.problems[0] ?? ""}`);
report({seconds, rows: run.manifest.totals.rows_read});
