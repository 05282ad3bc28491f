import {placeReport} from "../../benchmark/index.ts";
import {readPanel} from "../panel-files.ts";
import {kpisOf, openDataset, summarise} from "../summary.ts";
import {siteDataset} from "./dataset.ts";

/**
 * The site organisation's placement against the panel (`SERVICEBENCH_PANEL`, else the synthetic
 * reference panel): the same report `servicebench place --json` prints.
 */
export async function sitePlacement() {
  const dataset = await siteDataset();
  const runner = await openDataset(dataset);
  try {
    const summary = summarise(await kpisOf(runner, dataset, {}), dataset);
    return placeReport(summary, await readPanel());
  } finally {
    runner.close();
  }
}
