import {mapCells} from "../../benchmark/peer-bins.ts";
import {archetypeProfiles} from "../../benchmark/profiles.ts";
import {panelMap} from "../../benchmark/projection.ts";
import {readPanel} from "../panel-files.ts";
import {sitePlacement} from "./placement.ts";

/**
 * The Archetypes page's data, built from the panel and the placement: the panel on its two
 * principal axes with the cluster centres and the organisation, and the four profiles in both
 * languages. A synthetic panel is drawn one dot per (generated) organisation; a consultant's own
 * panel only as cells of at least the minimum group, so no mark stands for one real organisation.
 */
export async function siteArchetypes(env = process.env) {
  const panel = await readPanel();
  const place = await sitePlacement(env);
  const map = panelMap(panel.meta.model, panel.rows, place.features);
  const binned = !panel.meta.synthetic;
  return {
    synthetic: panel.meta.synthetic,
    map: {
      ...map,
      points: binned ? [] : map.points,
      ...(binned ? mapCells(map.points, {minPerCell: panel.meta.min_group}) : {cells: [], left_out: 0}),
    },
    profiles: {en: archetypeProfiles(panel.meta.model, "en"), fr: archetypeProfiles(panel.meta.model, "fr")},
  };
}
