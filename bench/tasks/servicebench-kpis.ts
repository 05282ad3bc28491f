/** Every KPI of the dataset the ingest task wrote (read Parquet, load DuckDB, run KPIs). Args: <dir> */
import {readFile} from "node:fs/promises";
import path from "node:path";
import {DATASET_FILES} from "../../loaders/node/dataset.ts";
import {computeKpis} from "../../loaders/node/summary.ts";
import {report, since} from "../task-result.ts";

const [dir] = process.argv.slice(2) as [string];
const t0 = performance.now();
await computeKpis(dir);
const seconds = since(t0);
const manifest = JSON.parse(await readFile(path.join(dir, DATASET_FILES.manifest), "utf8")) as {
  totals: {tickets: number};
};
report({seconds, rows: manifest.totals.tickets});
