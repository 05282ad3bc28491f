import type {NativeRunner} from "../duckdb-native.ts";
import {openDataset, openDatasetDir} from "../summary.ts";
import {organisationKpis, type OrganisationKpis} from "../../view/organisation.ts";
import {readDatasetFiles, type Dataset, type DatasetFiles} from "../dataset.ts";
import {cached} from "./dataset-cache.ts";
import {siteDataset, siteDatasetKey} from "./dataset.ts";

/** Every KPI of the site's organisation on both clocks, and the period its tickets span. */
export type SiteKpis = OrganisationKpis;

/**
 * Runs `work` on native DuckDB loaded with the site's organisation (SERVICEBENCH_DATA's dataset
 * directory, else the demo's exports), and its dataset; closes DuckDB afterwards.
 */
export async function withSiteRunner<T>(
  env: NodeJS.ProcessEnv,
  work: (runner: NativeRunner, dataset: Dataset | DatasetFiles) => Promise<T>,
): Promise<T> {
  const dir = env.SERVICEBENCH_DATA || undefined;
  const dataset = dir ? await readDatasetFiles(dir) : await siteDataset(env);
  const runner = dir ? await openDatasetDir(dataset as DatasetFiles) : await openDataset(dataset as Dataset);
  try {
    return await work(runner, dataset);
  } finally {
    runner.close();
  }
}

/**
 * The site's KPIs computed at build time by the registry SQL in native DuckDB, exactly as
 * `servicebench kpis --json` computes them: pages draw their first screen from this, so nothing
 * the visitor sees first waits for DuckDB-WASM. A dataset directory takes the command line's own
 * path (tables built natively from Parquet); the demo exists only in memory. Cached per build,
 * since the Overview, the placement and the study all read it.
 */
export async function siteKpis(env = process.env): Promise<SiteKpis> {
  return cached("kpis", await siteDatasetKey(env), () =>
    withSiteRunner(env, (runner, dataset) => organisationKpis(runner, dataset)),
  );
}
