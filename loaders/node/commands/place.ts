import {stat} from "node:fs/promises";
import type {Command} from "commander";
import {ARCHETYPE_NAMES} from "../../benchmark/archetypes.ts";
import {FEATURE_LABELS, formatFeature} from "../../benchmark/text.ts";
import {PEER_GROUPS, PERCENTILE_KPIS} from "../../benchmark/percentiles.ts";
import {placeReport, type PlaceReport} from "../../benchmark/report.ts";
import {UsageError} from "../errors.ts";
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
  return placeReport(await summarise(dir), panel);
}

const pct = (x: number | null) => (x === null ? "-" : `${x.toFixed(0)}`);

function num(key: string, x: number | null): string {
  if (x === null) return "-";
  const feature = FEATURE_LABELS[key as keyof typeof FEATURE_LABELS];
  if (feature !== undefined) return formatFeature(key as keyof typeof FEATURE_LABELS, x, "en");
  if (key.endsWith("_rate")) return `${(x * 100).toFixed(1)} %`;
  if (key.endsWith("_minutes")) return formatFeature("first_reply_p50_minutes", x, "en");
  return Number.isInteger(x) ? String(x) : x.toFixed(2);
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
    `Archetype: ${r.archetype_name.en} (${r.archetype_name.fr}), confidence ${r.confidence.toFixed(2)}, cluster ${r.cluster}`,
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
  lines.push("", "Peer percentiles (percentile of your value; P25 / P50 / P75 of the peers; n peers):");
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
      if (s.suppressed) {
        lines.push(`    ${label} ${num(kpi.key, entry.value).padStart(14)}   not shown: ${s.reason}`);
        continue;
      }
      const band = `${num(kpi.key, s.p25)} / ${num(kpi.key, s.p50)} / ${num(kpi.key, s.p75)}`;
      lines.push(
        `    ${label} ${num(kpi.key, entry.value).padStart(14)}   P${pct(s.percentile).padEnd(4)} ${band}   n ${s.n}`,
      );
    }
  }
  lines.push("");
  return lines.join("\n");
}
