import path from "node:path";
import {ingest} from "../../ingest/index.ts";
import {readDataset, readProfile, type Dataset} from "../dataset.ts";
import {UsageError} from "../errors.ts";
import {collectInputs} from "../sources.ts";
import {cached, fingerprint} from "./dataset-cache.ts";
import {readFile} from "node:fs/promises";
import {KnownNames} from "../../privacy/names.ts";
import {Masker} from "../../privacy/masker.ts";
import {protect} from "../../privacy/protect.ts";
import {DATASET_FILES} from "../dataset.ts";
import {shippedSources} from "../shipped-sources.ts";

/** The demo organisation's raw exports, shipped with the project. */
export const DEMO_DIR = "data/demo";

export interface SiteDataset extends Dataset {
  /** "demo" for the shipped demo organisation, else the dataset directory. */
  source: string;
}

/**
 * The dataset the site is built from: `SERVICEBENCH_DATA` (a directory written by
 * `servicebench ingest`) when set, else the demo organisation ingested from its raw exports, so
 * the demo also exercises the importer. Data loaders call this; it never writes to stdout.
 */
export async function siteDataset(env = process.env, cacheDir?: string): Promise<SiteDataset> {
  return cached("dataset", await siteDatasetKey(env), () => loadSiteDataset(env), cacheDir);
}

/** Changes with the inputs and with the library's own code: neither may serve stale data. */
export async function siteDatasetKey(env = process.env): Promise<string> {
  const dir = env.SERVICEBENCH_DATA || undefined;
  return fingerprint([dir ?? DEMO_DIR, "loaders"], dir ?? "demo");
}

async function loadSiteDataset(env: NodeJS.ProcessEnv): Promise<SiteDataset> {
  const dir = env.SERVICEBENCH_DATA || undefined;
  if (dir) return {...(await siteSafe(dir, await readDataset(dir))), source: dir};
  const inputs = await collectInputs([DEMO_DIR]);
  const profile = inputs.profileFile ? await readProfile(inputs.profileFile) : null;
  if (!profile) throw new UsageError(`${path.join(DEMO_DIR, "profile.json")} is missing`);
  // A fixed salt keeps the demo's agent codes stable from one build to the next.
  const result = await ingest(shippedSources(inputs.sources), {
    orgId: profile.org_id,
    tz: profile.timezone,
    salt: "demo",
  });
  return {
    tickets: result.tickets,
    responses: result.responses,
    manifest: result.manifest,
    profile,
    source: "demo",
  };
}

/**
 * A dataset as the site may show it: the privacy policy applied again (loaders/privacy/policy.ts),
 * so a dataset written before it, or edited by hand, ships no address, phone number, agent name
 * or local path either. The agents' names come from the owner's private file, when it is there.
 */
async function siteSafe(dir: string, dataset: Dataset): Promise<Dataset> {
  const names = new KnownNames();
  const agents = await readFile(path.join(dir, DATASET_FILES.agents), "utf8").catch(() => "");
  for (const line of agents.split("\n").slice(1)) {
    const comma = line.indexOf(",");
    if (comma > 0) names.add(unquote(line.slice(comma + 1)));
  }
  protect({...dataset, rejects: []}, new Masker(names));
  return dataset;
}

/** One CSV cell as `writeCsv` writes it: quotes and the formula guard undone. */
function unquote(cell: string): string {
  const text = cell.startsWith('"') && cell.endsWith('"') ? cell.slice(1, -1).replaceAll('""', '"') : cell;
  return /^'[=+\-@\t\r]/.test(text) ? text.slice(1) : text;
}
