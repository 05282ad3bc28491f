import type {OrgSummary} from "../schema/org-summary.ts";
import {createHelpers} from "../metrics/macros.ts";
import {TABLES, loadPrepared, prepare} from "../metrics/prepare.ts";
import {kpisOf, summarise, type KpisReport} from "../metrics/report.ts";
import type {KpiOptions} from "../metrics/types.ts";
import {readDatasetFiles, readRows, type Dataset, type DatasetFiles} from "./dataset.ts";
export {kpisOf, summarise, type KpiReport, type KpisReport} from "../metrics/report.ts";
import {NativeRunner} from "./duckdb-native.ts";
import {loadPreparedNative, parquetSource} from "./prepare-native.ts";

const TABLE_NAMES = TABLES.map((t) => t.name);

/**
 * Loads a dataset into a fresh in-memory native DuckDB, with the SQL helpers the Explore page
 * documents (macros.ts), so SQL written there runs here unchanged.
 */
export async function openDataset(dataset: Dataset): Promise<NativeRunner> {
  const runner = await NativeRunner.create();
  await loadPrepared(runner, prepare(dataset));
  await createHelpers(runner, TABLE_NAMES);
  return runner;
}

/**
 * Loads a dataset directory into a fresh in-memory native DuckDB, the same tables as
 * `openDataset(await readDataset(dir))`: DuckDB reads the Parquet files itself and builds the
 * tables in SQL (prepare-native.ts), so no row becomes a JavaScript object. Instants out of the
 * fast path's range take the `prepare()` path.
 */
export async function openDatasetDir(files: DatasetFiles): Promise<NativeRunner> {
  const runner = await NativeRunner.create();
  try {
    // The tables stay resident while the KPIs run: memory DuckDB frees after each step goes back
    // to the system rather than into its allocator's caches (default 128MB per flush).
    await runner.connection.run("SET allocator_flush_threshold = '8MB'");
    if (!(await loadPreparedNative(runner, parquetSource(files.tickets, files.responses), files.profile)))
      await loadPrepared(runner, prepare(await readRows(files)));
    await createHelpers(runner, TABLE_NAMES);
    return runner;
  } catch (error) {
    runner.close();
    throw error;
  }
}

/** Every KPI of one organisation, optionally cut and restricted to a creation-date period. */
export async function computeKpis(dir: string, options: KpiOptions = {}): Promise<KpisReport> {
  const dataset = await readDatasetFiles(dir);
  const runner = await openDatasetDir(dataset);
  try {
    return await kpisOf(runner, dataset, options);
  } finally {
    runner.close();
  }
}

/** The benchmark row of one organisation: per-organisation statistics, no ticket rows, no names. */
export async function summariseDataset(dir: string): Promise<OrgSummary> {
  const dataset = await readDatasetFiles(dir);
  const runner = await openDatasetDir(dataset);
  try {
    return summarise(await kpisOf(runner, dataset, {}), dataset);
  } finally {
    runner.close();
  }
}
