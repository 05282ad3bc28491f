import {mkdtemp, readdir, readFile, mkdir} from "node:fs/promises";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {describe, expect, it} from "vitest";
import {buildClientPanel, MIN_TRAIN} from "../../loaders/benchmark/build.ts";
import {PANEL_COLUMNS} from "../../loaders/benchmark/panel-row.ts";
import {CLIENT_LABEL, panelFiles, parsePanel} from "../../loaders/benchmark/panel-format.ts";
import {generateSyntheticOrgs} from "../../loaders/benchmark/synthetic-panel.ts";
import {buildPanelFromDatasets} from "../../loaders/node/commands/panel.ts";
import {formatPlaceReport, placeDataset} from "../../loaders/node/commands/place.ts";
import {InputError, UsageError} from "../../loaders/node/errors.ts";
import {readPanel} from "../../loaders/node/panel-files.ts";
import type {OrgSummary} from "../../loaders/schema/org-summary.ts";
import {summary} from "./helpers.ts";

const NAMES = [
  "Acme Retail",
  "Globex Support",
  "Initech Helpdesk",
  "Umbrella Care",
  "Hooli Service",
  "Vandelay Imports",
];

/** Six client organisations whose org ids are names, as summariseDataset would give them. */
const clients: OrgSummary[] = NAMES.map((name, i) =>
  summary({
    org_code: name,
    tickets_per_month: 100 * (i + 1),
    csat: 0.9 + i / 100,
    industry: "Retail & wholesale",
  }),
);

async function datasets(): Promise<{dirs: string[]; byDir: Map<string, OrgSummary>; root: string}> {
  const root = await mkdtemp(join(tmpdir(), "servicebench-panel-"));
  const dirs: string[] = [];
  const byDir = new Map<string, OrgSummary>();
  for (const [i, c] of clients.entries()) {
    const dir = join(root, `client-${i}`);
    await mkdir(dir);
    dirs.push(dir);
    byDir.set(dir, c);
  }
  return {dirs, byDir, root};
}

describe("client panel", () => {
  it("merges an industry held by fewer than 5 clients into other, so the panel never singles one out", async () => {
    const rows = [...clients.slice(0, 5), summary({org_code: "Orbital Parts", industry: "Aerospace"})];
    const panel = buildClientPanel(rows, (await readPanel()).meta.model);
    expect(panel.rows.map((r) => r.industry)).toEqual([...Array(5).fill("Retail & wholesale"), "other"]);
    expect(JSON.stringify(panel)).not.toContain("Aerospace");
    expect(panel.meta.description).toMatch(/1 industry or country values? held by fewer than 5/);
  });

  it("keeps per-organisation aggregates only: no names, no ticket rows", async () => {
    const {dirs, byDir, root} = await datasets();
    const out = join(root, "panel");
    const panel = await buildPanelFromDatasets(dirs, out, async (d) => byDir.get(d)!);
    const files = await readdir(out);
    expect(files.sort()).toEqual(["README.md", "panel.csv", "panel.json"]);
    const csv = await readFile(join(out, "panel.csv"), "utf8");
    const all =
      csv +
      (await readFile(join(out, "panel.json"), "utf8")) +
      (await readFile(join(out, "README.md"), "utf8"));
    for (const name of NAMES) expect(all).not.toContain(name);
    const lines = csv.trim().split("\n");
    expect(lines).toHaveLength(1 + clients.length);
    expect(lines[0]!.split(",")).toEqual([...PANEL_COLUMNS]);
    expect(panel.rows.map((r) => r.org_code)).toEqual(["C001", "C002", "C003", "C004", "C005", "C006"]);
    expect(panel.meta).toMatchObject({label: CLIENT_LABEL, synthetic: false, n: 6});
    expect(panel.meta.model_source).toMatch(/reused/);
  });

  it("is read back and used by place, labelled as a client panel", async () => {
    const {dirs, byDir, root} = await datasets();
    const out = join(root, "panel");
    await buildPanelFromDatasets(dirs, out, async (d) => byDir.get(d)!);
    const report = await placeDataset(dirs[0]!, out, async (d) => byDir.get(d)!);
    expect(report.panel).toEqual({
      label: CLIENT_LABEL,
      synthetic: false,
      n: 6,
      model_source: expect.any(String),
    });
    expect(report.percentiles.csat.groups.industry.n).toBe(6);
    expect(report.percentiles.csat.groups.size_band.n).toBe(6);
    expect(formatPlaceReport(report)).toContain("client panel");
  });

  it("refuses fewer than 5 datasets and a dataset given twice", async () => {
    const {dirs, byDir, root} = await datasets();
    const s = async (d: string) => byDir.get(d)!;
    await expect(buildPanelFromDatasets(dirs.slice(0, 4), join(root, "p"), s)).rejects.toThrow(UsageError);
    await expect(buildPanelFromDatasets([...dirs.slice(0, 5), dirs[0]!], join(root, "p"), s)).rejects.toThrow(
      /twice/,
    );
  });

  it("reports every dataset that cannot be summarised, and the same organisation twice", async () => {
    const {dirs, byDir, root} = await datasets();
    const twin = async (d: string) => (d === dirs[1] ? byDir.get(dirs[0]!)! : byDir.get(d)!);
    const error = await buildPanelFromDatasets(dirs, join(root, "p"), twin).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InputError);
    expect((error as InputError).problems[0]).toMatch(/same organisation/);
    const broken = async (d: string) =>
      d === dirs[2] ? Promise.reject(new Error("no tickets.parquet")) : byDir.get(d)!;
    const error2 = await buildPanelFromDatasets(dirs, join(root, "p"), broken).catch((e: unknown) => e);
    expect((error2 as InputError).problems).toEqual([`${dirs[2]}: no tickets.parquet`]);
  });

  it(`trains its own model from ${MIN_TRAIN} organisations`, async () => {
    const reference = (await readPanel()).meta.model;
    const orgs = generateSyntheticOrgs({seed: 99, n: MIN_TRAIN});
    const panel = buildClientPanel(orgs, reference);
    expect(panel.meta.model_source).toBe("trained on this panel");
    expect(panel.rows.every((r) => r.generated_from === null && r.org_code.startsWith("C"))).toBe(true);
    const again = buildClientPanel(orgs, reference);
    expect(JSON.stringify(again)).toBe(JSON.stringify(panel));
    const files = panelFiles(panel);
    expect(parsePanel(files["panel.csv"], files["panel.json"]).rows).toEqual(panel.rows);
  });
});
