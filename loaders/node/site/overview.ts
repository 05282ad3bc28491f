import {overviewOf} from "../../view/organisation.ts";
import {siteKpis} from "./kpis.ts";

export {OVERVIEW_CARDS, OVERVIEW_CHARTS} from "../../view/organisation.ts";

/**
 * What the Overview draws first, computed at build time by the registry SQL in native DuckDB: each
 * card's registry fields and rows on both clocks, the charts' rows and the period. The page needs
 * nothing else to show its first screen, so it never waits for DuckDB-WASM or the library bundle.
 */
export async function siteOverview(env = process.env) {
  return overviewOf(await siteKpis(env));
}
