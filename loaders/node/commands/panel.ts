import {stat} from "node:fs/promises";
import {resolve} from "node:path";
import type {Command} from "commander";
import {buildClientPanel, MIN_PANEL, MIN_TRAIN} from "../../benchmark/build.ts";
import type {Panel} from "../../benchmark/panel-format.ts";
import {OrgSummary} from "../../schema/org-summary.ts";
import {InputError, UsageError} from "../errors.ts";
import {readPanel, REFERENCE_PANEL_DIR, writePanel} from "../panel-files.ts";

export type Summarise = (dir: string) => Promise<OrgSummary>;

/** The KPI engine's reduction of a dataset, loaded on first use (it brings native DuckDB). */
export const summariseWithKpiEngine: Summarise = async (dir) => {
  const {summariseDataset} = await import("../summary.ts");
  return summariseDataset(dir);
};

/** `servicebench panel <datasets...> --out <dir>`: a client panel of per-organisation aggregates. */
export function register(program: Command): void {
  program
    .command("panel")
    .description(
      `Build a peer panel from client datasets (at least ${MIN_PANEL}): per-organisation aggregates only, names replaced by codes.`,
    )
    .argument("<datasets...>", "dataset directories written by `servicebench ingest`")
    .requiredOption("--out <dir>", "panel directory to write (panel.csv, panel.json, README.md)")
    .action(async (dirs: string[], flags: {out: string}) => {
      const panel = await buildPanelFromDatasets(dirs, flags.out);
      process.stdout.write(describe(panel, flags.out));
    });
}

/** Reduces each dataset, builds the client panel and writes it; returns what was written. */
export async function buildPanelFromDatasets(
  dirs: readonly string[],
  out: string,
  summarise: Summarise = summariseWithKpiEngine,
): Promise<Panel> {
  const unique = [...new Set(dirs.map((d) => resolve(d)))];
  if (unique.length !== dirs.length) throw new UsageError("the same dataset directory is given twice");
  if (unique.length < MIN_PANEL) {
    throw new UsageError(
      `a panel needs at least ${MIN_PANEL} datasets (got ${unique.length}): smaller peer groups are never shown`,
    );
  }
  if (unique.includes(resolve(out))) throw new UsageError("--out must not be one of the datasets");
  for (const dir of dirs) {
    const info = await stat(dir).catch(() => null);
    if (!info?.isDirectory()) throw new UsageError(`not a dataset directory: ${dir}`);
  }

  const problems: string[] = [];
  const summaries: OrgSummary[] = [];
  const seen = new Map<string, string>();
  for (const dir of dirs) {
    try {
      const summary = OrgSummary.parse(await summarise(dir));
      const earlier = seen.get(summary.org_code);
      if (earlier !== undefined)
        problems.push(`${dir}: same organisation (org_id) as ${earlier}: give each organisation once`);
      else seen.set(summary.org_code, dir);
      summaries.push(summary);
    } catch (error) {
      if (error instanceof InputError) problems.push(...error.problems.map((p) => `${dir}: ${p}`));
      else problems.push(`${dir}: ${(error as Error).message.split("\n")[0]}`);
    }
  }
  if (problems.length > 0) throw new InputError(problems);

  const reference = await readPanel(REFERENCE_PANEL_DIR);
  const panel = buildClientPanel(summaries, reference.meta.model);
  await writePanel(out, panel, {"README.md": readme(panel)});
  return panel;
}

function readme(panel: Panel): string {
  return [
    `# ${panel.meta.label}`,
    "",
    `${panel.meta.n} organisations, each reduced to per-organisation statistics (OrgSummary): no ticket,`,
    "no response and no name is kept. Organisations are named by codes in the order the datasets were",
    `given (C001 is the first). Industry, country and size band are kept as attributes.`,
    "",
    `- panel.csv: one row per organisation, with the cluster and archetype the model gives it.`,
    `- panel.json: label, size and the archetype model used for placement (${panel.meta.model_source}).`,
    "",
    `Peer groups under ${panel.meta.min_group} organisations are never shown. Use it with`,
    "`servicebench place <dataset> --panel <this dir>` or `SERVICEBENCH_PANEL=<this dir> npm run build`.",
    "",
  ].join("\n");
}

function describe(panel: Panel, out: string): string {
  const trained = panel.meta.model_source === "trained on this panel";
  return [
    `Wrote ${panel.meta.label}: ${panel.meta.n} organisations (codes C001... in the order given) to ${out}`,
    trained
      ? `Model: trained on this panel (k = ${panel.meta.model.k}, seed ${panel.meta.model.seed}).`
      : `Model: the synthetic reference panel's, reused (a panel trains its own from ${MIN_TRAIN} organisations).`,
    "",
  ].join("\n");
}
