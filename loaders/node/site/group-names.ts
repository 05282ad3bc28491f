import {readdir, readFile} from "node:fs/promises";
import path from "node:path";
import {maskContacts} from "../../text/mask.ts";
import {cached} from "./dataset-cache.ts";
import {DEMO_DIR, siteDatasetKey} from "./dataset.ts";

/**
 * Group names by group id, from the `groups` side-load of Zendesk JSON exports
 * (`?include=groups`), so the Team page shows "Orders & Delivery" where the tickets hold
 * 360001000101. Canonical tickets keep the export's group value (an id for Zendesk JSON); a
 * dataset directory holds no side-load, so its groups are shown as the dataset holds them.
 */
export function groupNamesOf(documents: readonly unknown[]): Record<string, string> {
  const names: Record<string, string> = {};
  for (const doc of documents) {
    const groups = (doc as {groups?: unknown} | null)?.groups;
    if (!Array.isArray(groups)) continue;
    for (const g of groups as {id?: unknown; name?: unknown}[]) {
      const id = typeof g?.id === "number" || typeof g?.id === "string" ? String(g.id) : null;
      if (id !== null && typeof g.name === "string" && g.name.trim()) names[id] = maskContacts(g.name.trim());
    }
  }
  return names;
}

/** The site's group names: the demo's Zendesk side-loads, none for a dataset directory. */
export async function siteGroupNames(env = process.env): Promise<Record<string, string>> {
  if (env.SERVICEBENCH_DATA) return {};
  return cached("group-names", await siteDatasetKey(env), async () => {
    const dir = path.join(DEMO_DIR, "zendesk");
    const files = (await readdir(dir).catch(() => [] as string[])).filter((f) => f.endsWith(".json")).sort();
    const docs: unknown[] = [];
    for (const f of files) {
      const text = await readFile(path.join(dir, f), "utf8");
      // Only the ticket pages carry side-loads; the others need not be parsed.
      if (text.includes('"groups"')) docs.push(JSON.parse(text));
    }
    return groupNamesOf(docs);
  });
}
