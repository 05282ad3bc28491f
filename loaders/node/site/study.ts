import {readFile} from "node:fs/promises";
import {readDatasetGroupNames} from "../group-names.ts";
import {siteGroupNames} from "./group-names.ts";
import path from "node:path";
import {z} from "zod";
import {placeReport} from "../../benchmark/index.ts";
import {
  digitalShift,
  DEFAULT_SCENARIO,
  type ChannelFigures,
  type Scenario,
} from "../../metrics/digital-shift.ts";
import {kpi} from "../../metrics/registry.ts";
import {runKpi} from "../../metrics/run.ts";
import type {CostTable, Row, SqlRunner} from "../../metrics/types.ts";
import {readDatasetFiles, readProfile, type Dataset, type DatasetFiles} from "../dataset.ts";
import {UsageError} from "../errors.ts";
import {readPanel} from "../panel-files.ts";
import {kpisOf, openDataset, openDatasetDir, summarise, type KpisReport} from "../summary.ts";
import {cached, fingerprint} from "./dataset-cache.ts";
import {DEMO_DIR, siteDataset} from "./dataset.ts";
import {positionOf} from "./placement.ts";

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
  /**
   * Monthly cost of each channel per organisation (by org_id), in one currency: the study then
   * shows the cost per contact and the digital-shift scenario. Organisations without costs get
   * neither.
   */
  costs: z
    .record(
      z.string(),
      z.strictObject({currency: z.string().min(1), monthly: z.record(z.string(), z.number().nonnegative())}),
    )
    .default({}),
  /** The digital-shift scenario (default: 20 % of phone contacts, half of them to self-service, half to chat). */
  scenario: z
    .strictObject({
      from: z.string(),
      to: z.string(),
      share: z.number().min(0).max(1),
      self_service: z.number().min(0).max(1),
    })
    .default(DEFAULT_SCENARIO),
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
  costs: StudyConfig["costs"];
  scenario: Scenario;
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
    const profile = dir
      ? (await readDatasetFiles(dir)).profile
      : await readProfile(path.join(DEMO_DIR, "profile.json"));
    if (!profile) throw new UsageError(`${DEMO_DIR}/profile.json is missing`);
    return {
      consultant: {name: "servicebench", logo: null},
      orgs: [{code: profile.org_id, name: profile.display_name, dir}],
      costs: {},
      scenario: DEFAULT_SCENARIO,
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
      throw new UsageError(
        `${dir}: org_id "${profile.org_id}" cannot be a page address (letters, digits, . _ -)`,
      );
    if (orgs.some((o) => o.code === profile.org_id))
      throw new UsageError(`${dir}: org_id "${profile.org_id}" is already in the study`);
    orgs.push({code: profile.org_id, name: profile.display_name, dir});
  }
  const logo = config.consultant.logo ? await logoUrl(path.resolve(base, config.consultant.logo)) : null;
  for (const code of Object.keys(config.costs))
    if (!orgs.some((o) => o.code === code))
      throw new UsageError(`${file}: costs for "${code}", which is not in the study`);
  return {
    consultant: {name: config.consultant.name, logo},
    orgs,
    costs: config.costs,
    scenario: config.scenario,
  };
}

/** Cost per contact by channel and the digital-shift scenario, from the cost KPI and first replies. */
async function costsOf(
  runner: SqlRunner,
  costs: StudyConfig["costs"][string],
  channels: Cut,
  scenario: Scenario,
) {
  const {rows} = await runKpi(runner, kpi("cost_per_contact"), {costs: costs.monthly as CostTable});
  const figures: ChannelFigures[] = rows.map((r) => ({
    channel: String(r.channel),
    contacts_per_month: Number(r.tickets) / Number(r.months),
    cost_per_contact: typeof r.value === "number" ? r.value : null,
    first_reply_p50: (channels.first_reply?.find((f) => f.cut === r.channel)?.p50 as number | null) ?? null,
  }));
  return {currency: costs.currency, by_channel: rows, scenario: digitalShift(figures, scenario)};
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
  // The study's own inputs count too: the panel, this organisation's costs and the scenario.
  const inputs = JSON.stringify([env.SERVICEBENCH_PANEL ?? "", study.costs[code] ?? null, study.scenario]);
  const key = await fingerprint(
    [org.dir ?? DEMO_DIR, "loaders", env.SERVICEBENCH_PANEL ?? ""].filter(Boolean),
    inputs,
  );
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
      const costs = study.costs[code];
      const byChannel = byId(channels);
      return {
        code,
        profile: dataset.profile,
        consultant: study.consultant,
        period: span ?? {first: null, last: null},
        kpis: byId(whole),
        channels: byChannel,
        costs: costs ? await costsOf(runner, costs, byChannel, study.scenario) : null,
        groups: byId(groups),
        groupNames: org.dir ? await readDatasetGroupNames(org.dir) : await siteGroupNames(env),
        placement: positionOf(report),
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
