/**
 * Regenerates the synthetic reference panel in data/benchmarks/ (panel.csv, panel.json,
 * published.csv) from its seed, and prints the calibration check used in the README.
 * Run: npx tsx scripts/build-panel.ts
 */
import {writeFile} from "node:fs/promises";
import {join} from "node:path";
import {buildSyntheticPanel} from "../loaders/benchmark/build.ts";
import {calibrationReport} from "../loaders/benchmark/calibration-report.ts";
import {formatPublishedCsv} from "../loaders/benchmark/published.ts";
import {REFERENCE_PANEL_DIR, writePanel} from "../loaders/node/panel-files.ts";

const panel = buildSyntheticPanel();
await writePanel(REFERENCE_PANEL_DIR, panel);
await writeFile(join(REFERENCE_PANEL_DIR, "published.csv"), formatPublishedCsv());
process.stdout.write(
  `Wrote ${panel.meta.n} organisations (${panel.meta.label}) to ${REFERENCE_PANEL_DIR}\n\n`,
);
process.stdout.write(calibrationReport(panel));
