import {groupNamesOfJson, type GroupNames} from "../../formats/group-names.ts";
import {readDatasetGroupNames, readGroupNames} from "../group-names.ts";
import {collectInputs} from "../sources.ts";
import {cached} from "./dataset-cache.ts";
import {DEMO_DIR, siteDatasetKey} from "./dataset.ts";

/**
 * Group names by id from parsed export documents (a Zendesk ticket page's `groups` side-load, a
 * groups list...: loaders/formats/group-names.ts), so the Team page shows "Orders & Delivery"
 * where the tickets hold 360001000101. Masked like any label.
 */
export function groupNamesOf(documents: readonly unknown[]): GroupNames {
  return Object.assign({}, ...documents.map((d) => groupNamesOfJson(d)?.names ?? {})) as GroupNames;
}

/**
 * The site's group names: a dataset directory's `group_names.json` (written by `servicebench
 * ingest` when the exports held a name table), or for the demo the name tables among its raw
 * exports, read as the ingest reads them. Empty when the data holds none: pages then show ids.
 */
export async function siteGroupNames(env = process.env): Promise<GroupNames> {
  const dir = env.SERVICEBENCH_DATA || undefined;
  if (dir) return readDatasetGroupNames(dir);
  return cached("group-names", await siteDatasetKey(env), async () => {
    const inputs = await collectInputs([DEMO_DIR]);
    return (await readGroupNames(inputs.sources)).names;
  });
}
