import {stat} from "node:fs/promises";
import type {Command} from "commander";
import {ARCHETYPE_NAMES} from "../../benchmark/archetypes.ts";
import {FEATURE_LABELS, formatFeature} from "../../benchmark/text.ts";
import {PEER_GROUPS, PERCENTILE_KPIS, type GroupStats} from "../../benchmark/percentiles.ts";
import {formatDuration, formatPercent} from "../../metrics/format.ts";
import {NothingToPlace} from "../../benchmark/place.ts";
import {placeReport, type PlaceReport} from "../../benchmark/report.ts";
import {InputError, UsageError} from "../errors.ts";
import {readPanel, resolvePanelDir} from "../panel-files.ts";
import {summariseWithKpiEngine, type Summarise} from "./panel.ts";

/** `servicebench place <dataset>`: archetype, why, what would move it, and peer percentiles. */
export function register(program: Command): void {
  program
    .command("place")
    .description("Place an organisation among the four service archetypes and against its peers.")
    .argument("<dataset>", "dataset directory written by `servicebench ingest`")
    .option(
      "--panel <dir>",
      "peer panel directory (default: SERVICEBENCH_PANEL, else the synthetic reference panel)",
    )
    .option("--json", "print stable JSON instead of a readable summary")
    .action(async (dir: string, flags: {panel?: string; json?: boolean}) => {
      const report = await placeDataset(dir, flags.panel);
      process.stdout.write(flags.json ? `${JSON.stringify(report, null, 2)}\n` : formatPlaceReport(report));
    });
}

export async function placeDataset(
  dir: string,
  panelDir?: string,
  summarise: Summarise = summariseWithKpiEngine,
): Promise<PlaceReport> {
  const info = await stat(dir).catch(() => null);
  if (!info?.isDirectory()) throw new UsageError(`not a dataset directory: ${dir}`);
  if (panelDir !== undefined) {
    const p = await stat(panelDir).catch(() => null);
    if (!p?.isDirectory()) throw new UsageError(`not a panel directory: ${panelDir}`);
  }
  const panel = await readPanel(resolvePanelDir(panelDir));
  try {
    return placeReport(await summarise(dir), panel);
  } catch (error) {
    // Bad input, not a bug: say which dataset and why, exit 1.
    if (error instanceof NothingToPlace) throw new InputError([`${dir}: cannot place: ${error.message}`]);
    throw error;
  }
}

function num(key: string, x: number | null): string {
  if (x === null) return "-";
  if (key.endsWith("_minutes")) return formatDuration(x, "en");
  const feature = FEATURE_LABELS[key as keyof typeof FEATURE_LABELS];
  if (feature !== undefined) return formatFeature(key as keyof typeof FEATURE_LABELS, x, "en");
  if (key.endsWith("_rate")) return formatPercent(x, "en");
  return Number.isInteger(x) ? String(x) : x.toFixed(2);
}

/**
 * "standing 75/100" (better than 75 % of peers) where the KPI has a better side; for volumes and
 * sizes, where the value sits ("above 62 % of peers"); never a rank for an unknown value.
 */
export function standingText(value: number | null, s: GroupStats): string {
  if (value === null) return "not ranked: unknown";
  if (s.standing !== null) return `standing ${s.standing.toFixed(0)}/100`;
  return s.value_rank === null ? "-" : `above ${s.value_rank.toFixed(0)} % of peers`;
}

/** Readable summary in English; the JSON holds the French texts too. */
export function formatPlaceReport(r: PlaceReport): string {
  const lines: string[] = [];
  const panelNote = r.panel.synthetic
    ? "synthetic organisations, not real ones"
    : "real organisations, named by codes";
  lines.push(
    `Organisation ${r.org_code} against the ${r.panel.label} (${r.panel.n} organisations; ${panelNote})`,
  );
  lines.push("");
  lines.push(
    `Archetype${r.indicative ? " (indicative)" : ""}: ${r.archetype_name.en} (${r.archetype_name.fr}), confidence ${r.confidence.toFixed(2)}, cluster ${r.cluster}`,
  );
  if (r.indicative)
    lines.push(
      `  Indicative only, the sample is too small to place: ${r.indicative_reasons.map((x) => x.en).join("; ")}.`,
    );
  lines.push(`  Model: ${r.model.note}.`);
  if (r.missing_features.length > 0) {
    const names = r.missing_features.map((f) => FEATURE_LABELS[f].en).join(", ");
    lines.push(`  Unknown, left out of the placement (confidence lowered): ${names}.`);
  }
  lines.push("", "Why:");
  for (const d of r.drivers) lines.push(`  - ${d.text.en}`);
  lines.push("", "What would move you:");
  for (const m of r.moves) lines.push(`  - ${m.text.en}`);
  lines.push(
    "",
    "Peers (standing: share of peers you do better than, 100 = best;",
    "       peer quartiles: the peers' values at 25 %, 50 % and 75 %; n: peers who know the KPI):",
  );
  for (const g of PEER_GROUPS) {
    const sample = Object.values(r.percentiles)[0]!.groups[g];
    const title =
      g === "all"
        ? "all peers"
        : g === "archetype"
          ? `same archetype (${ARCHETYPE_NAMES[r.archetype].en})`
          : `same ${g === "industry" ? "industry" : "size band"} (${sample.group_value ?? "unknown"})`;
    lines.push(`  ${title}`);
    for (const kpi of PERCENTILE_KPIS) {
      const entry = r.percentiles[kpi.key];
      const s = entry.groups[g];
      const label = kpi.key.padEnd(28);
      // An unknown value reads "unknown", never "0" or a rank.
      const value = (entry.value === null ? "unknown" : num(kpi.key, entry.value)).padStart(14);
      if (s.suppressed) {
        lines.push(`    ${label} ${value}   not shown: ${s.reason}`);
        continue;
      }
      const band = `${num(kpi.key, s.p25)} / ${num(kpi.key, s.p50)} / ${num(kpi.key, s.p75)}`;
      lines.push(
        `    ${label} ${value}   ${standingText(entry.value, s).padEnd(22)} peer quartiles ${band}   n ${s.n}`,
      );
    }
  }
  lines.push("");
  return lines.join("\n");
}
