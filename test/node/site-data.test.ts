import {mkdir, mkdtemp, rm} from "node:fs/promises";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {afterAll, beforeAll, describe, expect, it} from "vitest";
import {CLIENT_LABEL, SYNTHETIC_LABEL} from "../../loaders/benchmark/panel-format.ts";
import {writeDataset} from "../../loaders/node/dataset.ts";
import {buildPanelFromDatasets} from "../../loaders/node/commands/panel.ts";
import {siteDataset, type SiteDataset} from "../../loaders/node/site/dataset.ts";
import {sitePlacement} from "../../loaders/node/site/placement.ts";
import {summary} from "../benchmark/helpers.ts";

describe("the site's data", () => {
  let root: string;
  let demo: SiteDataset;
  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), "servicebench-site-"));
    demo = await siteDataset({});
  });
  afterAll(async () => {
    delete process.env.SERVICEBENCH_PANEL;
    await rm(root, {recursive: true, force: true});
  });

  it("is the demo organisation ingested from its raw exports by default", () => {
    expect(demo.source).toBe("demo");
    expect(demo.profile.org_id).toBe("demo-outdoor-gear");
    expect(demo.tickets.length).toBe(demo.manifest.totals.tickets);
    for (const f of demo.manifest.files) expect(f.rows_read).toBe(f.accepted + f.rejected + f.duplicates);
  });

  it("is the dataset SERVICEBENCH_DATA names when set", async () => {
    const dir = join(root, "dataset");
    await writeDataset(dir, {...demo, rejects: [], agents: [], salt: "test"});
    const read = await siteDataset({SERVICEBENCH_DATA: dir});
    expect(read.source).toBe(dir);
    expect(read.tickets.map((t) => t.ticket_id)).toEqual(demo.tickets.map((t) => t.ticket_id));
  });

  it("compares with the synthetic reference panel by default", async () => {
    delete process.env.SERVICEBENCH_PANEL;
    const report = await sitePlacement();
    expect(report.panel).toMatchObject({label: SYNTHETIC_LABEL, synthetic: true});
  });

  it("compares with the panel SERVICEBENCH_PANEL names when set", async () => {
    const clients = Array.from({length: 6}, (_, i) =>
      summary({org_code: `client ${i}`, tickets_per_month: 100 * (i + 1)}),
    );
    const dirs = clients.map((_, i) => join(root, `client-${i}`));
    for (const dir of dirs) await mkdir(dir);
    const out = join(root, "panel");
    await buildPanelFromDatasets(dirs, out, async (d) => clients[dirs.indexOf(d)]!);
    process.env.SERVICEBENCH_PANEL = out;
    const report = await sitePlacement();
    expect(report.panel).toMatchObject({label: CLIENT_LABEL, synthetic: false, n: 6});
  });
});

describe("the site's placement of a dataset directory", () => {
  it("equals the placement of the same organisation ingested in memory", async () => {
    const root = await mkdtemp(join(tmpdir(), "servicebench-place-"));
    const demo = await siteDataset({});
    const dir = join(root, "dataset");
    await writeDataset(dir, {...demo, rejects: [], agents: [], salt: "test"});
    delete process.env.SERVICEBENCH_PANEL;
    const fromDir = await sitePlacement({SERVICEBENCH_DATA: dir});
    const inMemory = await sitePlacement({});
    expect(fromDir).toEqual(inMemory);
    await rm(root, {recursive: true, force: true});
  });
});
