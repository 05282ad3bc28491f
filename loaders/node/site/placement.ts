import {placeReport} from "../../benchmark/index.ts";
import {readPanel} from "../panel-files.ts";
import {kpisOf, openDataset, summarise, summariseDataset} from "../summary.ts";
import {siteDataset} from "./dataset.ts";

/**
 * The site organisation's placement against the panel (`SERVICEBENCH_PANEL`, else the synthetic
 * reference panel): the same report `servicebench place --json` prints.
 */
export async function sitePlacement(env = process.env) {
  const panel = await readPanel();
  // A dataset directory takes the command line's own path (tables built natively from Parquet);
  // the demo exists only in memory, ingested from its raw exports.
  if (env.SERVICEBENCH_DATA) return placeReport(await summariseDataset(env.SERVICEBENCH_DATA), panel);
  const dataset = await siteDataset(env);
  const runner = await openDataset(dataset);
  try {
    return placeReport(summarise(await kpisOf(runner, dataset, {}), dataset), panel);
  } finally {
    runner.close();
  }
}
