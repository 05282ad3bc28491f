import {placeReport} from "../../benchmark/index.ts";
import {readPanel} from "../panel-files.ts";
import {summarise} from "../summary.ts";
import {readDatasetFiles} from "../dataset.ts";
import {siteDataset} from "./dataset.ts";
import {siteKpis} from "./kpis.ts";

/**
 * The site organisation's placement against the panel (`SERVICEBENCH_PANEL`, else the synthetic
 * reference panel): the same report `servicebench place --json` prints, from the build's KPIs.
 */
export async function sitePlacement(env = process.env) {
  const panel = await readPanel();
  const {calendar} = await siteKpis(env);
  const dataset = env.SERVICEBENCH_DATA
    ? await readDatasetFiles(env.SERVICEBENCH_DATA)
    : await siteDataset(env);
  return placeReport(summarise(calendar, dataset), panel);
}
