import {placeReport} from "../../benchmark/index.ts";
import {readPanel} from "../panel-files.ts";
import {summarise} from "../summary.ts";
import {readDatasetFiles} from "../dataset.ts";
import {positionOf} from "../../view/organisation.ts";
import {siteDataset} from "./dataset.ts";
import {siteKpis} from "./kpis.ts";

export {positionOf};

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

/**
 * What the site's pages read: the placement report plus the runner-up's name and whether the
 * organisation sits between two archetypes (confidence under the boundary), so a page never
 * shows a firm archetype where the reading says "between".
 */
export async function sitePosition(env = process.env) {
  return positionOf(await sitePlacement(env));
}
