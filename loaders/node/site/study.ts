import {readFile} from "node:fs/promises";
import path from "node:path";
import {z} from "zod";
import {placeReport} from "../../benchmark/index.ts";
import {ARCHETYPE_NAMES} from "../../benchmark/archetypes.ts";
import {BOUNDARY} from "../../benchmark/reading.ts";
import type {Row} from "../../metrics/types.ts";
import {readDatasetFiles, readProfile, type Dataset, type DatasetFiles} from "../dataset.ts";
import {UsageError} from "../errors.ts";
import {readPanel} from "../panel-files.ts";
import {kpisOf, openDataset, openDatasetDir, summarise, type KpisReport} from "../summary.ts";
import {cached, fingerprint} from "./dataset-cache.ts";
import {DEMO_DIR, siteDataset, siteDatasetKey} from "./dataset.ts";

/**
 * A consultant's study file (`SERVICEBENCH_STUDY=study.json`): who presents it, and the client
 * organisations' dataset directories, relative to the file. The panel comes from
 * `SERVICEBENCH_PANEL` (the consultant's own, built with `servicebench panel`) or is the synthetic
 * reference panel, labelled as such.
 */
export const StudyConfig = z.strictObject({
  consultant: z.strictObject({
    name: z.string().min(1),
    /** An SVG or PNG file, relative to the study file; drawn on each study's cover. */
    logo: z.string().nullable().default(null),
  }),
  datasets: z.array(z.string().min(1)).min(1),
});
export type StudyConfig = z.infer<typeof StudyConfig>;

/** One organisation of the study: its code in URLs (its org_id) and where its data is. */
export interface StudyOrg {
  code: string;
  name: string;
  /** A dataset directory, or null for the demo organisation built from its raw exports. */
  dir: string | null;
}

export interface Study {
  consultant: {name: string; logo: string | null};
  orgs: StudyOrg[];
}

/** An org_id fit for a URL path segment: what `servicebench ingest --org` should have been given. */
const CODE = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;

/** The logo as a data: URL, so the page needs no file of its own (the CSP allows data: images). */
async function logoUrl(file: string): Promise<string> {
  const ext = path.extname(file).toLowerCase();
  const type = ext === ".svg" ? "image/svg+xml" : ext === ".png" ? "image/png" : null;
  if (!type) throw new UsageError(`${file}: the logo must be an .svg or .png file`);
  return `data:${type};base64,${(await readFile(file)).toString("base64")}`;
}

/**
 * The study the site is built for: the organisations of `SERVICEBENCH_STUDY`, else the site's own
 * organisation alone (`SERVICEBENCH_DATA`, or the demo), so every build has a study to show.
 */
export async function readStudy(env = process.env): Promise<Study> {
  const file = env.SERVICEBENCH_STUDY || undefined;
  if (!file) {
    const dir = env.SERVICEBENCH_DATA || null;
    // The demo's profile sits beside its raw exports: no need to ingest them to know its code.
    const profile = dir ? (await readDatasetFiles(dir)).profile : await readProfile(path.join(DEMO_DIR, "profile.json"));
    if (!profile) throw new UsageError(`${DEMO_DIR}/profile.json is missing`);
    return {
      consultant: {name: "servicebench", logo: null},
      orgs: [{code: profile.org_id, name: profile.display_name, dir}],
    };
  }
  let config: StudyConfig;
  try {
    config = StudyConfig.parse(JSON.parse(await readFile(file, "utf8")));
  } catch (error) {
    throw new UsageError(`${file}: not a study file (${(error as Error).message.split("\n")[0]})`);
  }
  const base = path.dirname(file);
  const orgs: StudyOrg[] = [];
  for (const d of config.datasets) {
    const dir = path.resolve(base, d);
    const {profile} = await readDatasetFiles(dir);
    if (!CODE.test(profile.org_id))
      throw new UsageError(`${dir}: org_id "${profile.org_id}" cannot be a page address (letters, digits, . _ -)`);
    if (orgs.some((o) => o.code === profile.org_id))
      throw new UsageError(`${dir}: org_id "${profile.org_id}" is already in the study`);
    orgs.push({code: profile.org_id, name: profile.display_name, dir});
  }
  const logo = config.consultant.logo ? await logoUrl(path.resolve(base, config.consultant.logo)) : null;
  return {consultant: {name: config.consultant.name, logo}, orgs};
}

type Cut = Record<string, Row[]>;

/** The rows of each KPI of a cut report, by KPI id. */
const byId = (report: KpisReport): Cut => Object.fromEntries(report.kpis.map((k) => [k.id, k.rows]));

/**
 * Everything one organisation's study shows, computed at build time by the registry's SQL in
 * native DuckDB: its KPIs whole and cut by channel and by group (never by agent: the team view is
 * by group), the placement and its reading against the panel. Nothing about any other organisation
 * but the panel's aggregates.
 */
export async function studyOrg(code: string, env = process.env) {
  const study = await readStudy(env);
  const org = study.orgs.find((o) => o.code === code);
  if (!org) throw new UsageError(`no organisation "${code}" in the study`);
  const key = org.dir ? await fingerprint([org.dir, "loaders"], org.dir + (env.SERVICEBENCH_PANEL ?? "")) : await siteDatasetKey(env);
  return cached(`study-${code}`, key, async () => {
    const files: DatasetFiles | null = org.dir ? await readDatasetFiles(org.dir) : null;
    const dataset: Dataset | DatasetFiles = files ?? (await siteDataset(env));
    const runner = files ? await openDatasetDir(files) : await openDataset(dataset as Dataset);
    try {
      const whole = await kpisOf(runner, dataset, {});
      const channels = await kpisOf(runner, dataset, {by: "channel"});
      const groups = await kpisOf(runner, dataset, {by: "group"});
      const [span] = await runner.query<{first: string | null; last: string | null}>(
        "SELECT min(created_date)::VARCHAR AS first, max(created_date)::VARCHAR AS last FROM tickets",
      );
      const report = placeReport(summarise(whole, dataset), await readPanel());
      const {en, fr} = ARCHETYPE_NAMES[report.runner_up];
      return {
        code,
        profile: dataset.profile,
        consultant: study.consultant,
        period: span ?? {first: null, last: null},
        kpis: byId(whole),
        channels: byId(channels),
        groups: byId(groups),
        placement: {...report, runner_up_name: {en, fr}, between: report.confidence < BOUNDARY},
      };
    } finally {
      runner.close();
    }
  });
}

/** The consultant's index of the study: each organisation's code, name and archetype. */
export async function studyIndex(env = process.env) {
  const study = await readStudy(env);
  const orgs = [];
  for (const o of study.orgs) {
    const s = await studyOrg(o.code, env);
    orgs.push({
      code: o.code,
      name: o.name,
      tickets: s.kpis.tickets?.[0]?.n ?? null,
      archetype_name: s.placement.archetype_name,
      confidence: s.placement.confidence,
      period: s.period,
    });
  }
  return {consultant: study.consultant, orgs};
}
