import {execFileSync} from "node:child_process";
import {mkdtempSync, rmSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {afterAll, beforeAll, describe, expect, it} from "vitest";
import {EPSILON} from "../../loaders/metrics/histogram.ts";
import {chromiumAvailable, launch, type Browser, type Visit} from "./chromium.ts";
import {serveDirectory} from "./static-server.ts";
import {DIST_CUBES, settled} from "./site.ts";

interface CliKpi {
  id: string;
  shape: string;
  rows: Record<string, number | string | boolean | null>[];
}

const cli = (...args: string[]) => execFileSync("node", ["bin/servicebench.js", ...args], {encoding: "utf8"});

/** The demo organisation ingested into `dir` (exit 1 still writes the dataset). */
function ingestDemo(dir: string): void {
  try {
    cli("ingest", "data/demo", "--org", "demo-outdoor-gear", "--out", dir);
  } catch (error) {
    if ((error as {status?: number}).status !== 1) throw error;
  }
}

function kpis(dir: string, clock: string): Map<string, CliKpi> {
  const report = JSON.parse(cli("kpis", dir, "--json", "--clock", clock)) as {kpis: CliKpi[]};
  return new Map(report.kpis.map((k) => [k.id, k]));
}

/** The cards' values: as built (`data-value`) or as DuckDB-WASM recomputed them from cubes (`data-live-value`). */
async function cards(
  visit: Visit,
  which: "data-value" | "data-live-value",
): Promise<(readonly [string, string])[]> {
  if (which === "data-live-value")
    await visit.page.waitForSelector("#live-status[data-state='ready']", {timeout: 0});
  return visit.page.$$eval(
    "#kpi-cards [data-kpi]",
    (nodes, attribute) =>
      nodes.map((n) => [n.getAttribute("data-kpi")!, n.getAttribute(attribute)!] as const),
    which,
  );
}

/**
 * Cards equal the command line's values: every figure exactly when `exact` (computed at build time
 * from every ticket), else p50 durations within EPSILON (recomputed from cubes).
 */
function expectMatches(
  shown: (readonly [string, string])[],
  cli: Map<string, CliKpi>,
  clock: string,
  exact = false,
): void {
  expect(shown.length).toBeGreaterThanOrEqual(10);
  for (const [id, value] of shown) {
    const k = cli.get(id);
    expect(k, `${id} is missing from the command line's output`).toBeDefined();
    const row = k!.rows[0]!;
    const expected = (k!.shape === "duration" ? row.p50 : row.value) as number | null;
    if (expected === null) {
      expect(value, id).toBe("");
      continue;
    }
    const got = Number(value);
    if (k!.shape === "duration" && !exact) {
      const error = Math.abs(got - expected) / expected;
      console.log(
        `cube ${clock} ${id}: p50 ${got} vs ${expected} (relative error ${error.toExponential(2)})`,
      );
      expect(error, id).toBeLessThanOrEqual(EPSILON + 1e-9);
    } else expect(got, id).toBeCloseTo(expected, 9);
  }
}

describe.skipIf(!chromiumAvailable)("the site in cube mode (SERVICEBENCH_SITE_MODE=cubes)", () => {
  let server: Awaited<ReturnType<typeof serveDirectory>>;
  let browser: Browser;
  let dataset: string;
  beforeAll(async () => {
    dataset = mkdtempSync(join(tmpdir(), "servicebench-demo-"));
    ingestDemo(dataset);
    server = await serveDirectory(DIST_CUBES);
    browser = await launch(server.origin);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
    rmSync(dataset, {recursive: true, force: true});
  });

  it("shows the command line's numbers, transferring no ticket-level table", async () => {
    const visit = await browser.visit(`${server.origin}/en/`, "overview-cubes");
    expect(await settled(visit.page)).toEqual([]);
    expect(await visit.page.locator("#cube-mode").count()).toBe(1);
    const cli = kpis(dataset, "calendar");
    expectMatches(await cards(visit, "data-value"), cli, "calendar", true);
    expectMatches(await cards(visit, "data-live-value"), cli, "calendar");
    await visit.page.waitForSelector("#volume-by-channel svg", {timeout: 0});
    expect({problems: visit.problems, foreign: visit.foreign}).toEqual({problems: [], foreign: []});

    const transfers = await visit.transfers();
    const files = transfers.filter((t) => t.url.includes("/_file/data/"));
    const ticketLevel =
      /\/_file\/data\/(tickets|ticket_tags|ticket-rows|activity|responses|slowest_first_replies)\./;
    expect(files.filter((t) => ticketLevel.test(t.url)).map((t) => t.url)).toEqual([]);
    expect(files.some((t) => t.url.includes("/cube_channel_hist."))).toBe(true);
    const sum = (ts: {bytes: number}[]) => ts.reduce((s, t) => s + t.bytes, 0);
    const wasm = transfers.filter((t) => t.url.endsWith(".wasm"));
    console.log(
      `overview in cube mode: ${sum(transfers)} bytes in ${transfers.length} requests; ` +
        `data files ${sum(files)} bytes (${files.map((f) => `${f.url.split("/").pop()} ${f.bytes}`).join(", ")}); ` +
        `DuckDB-WASM engine ${sum(wasm)} bytes; other ${sum(transfers) - sum(files) - sum(wasm)} bytes`,
    );
  });

  it("shows the business-clock figures the build computed from every ticket", async () => {
    const visit = await browser.visit(`${server.origin}/en/`, "overview-cubes-business");
    expect(await settled(visit.page)).toEqual([]);
    await visit.page.getByLabel("Business hours").check();
    await visit.page.waitForFunction(
      () =>
        document.querySelector("#kpi-cards [data-kpi='first_reply'] .kpi-clock")?.textContent ===
        "business hours",
      null,
      {timeout: 0},
    );
    expect(await settled(visit.page)).toEqual([]);
    expectMatches(await cards(visit, "data-value"), kpis(dataset, "business"), "business", true);
  });

  it("renders cuts from cubes and the drill-down rows", async () => {
    const visit = await browser.visit(`${server.origin}/en/cubes`, "cubes");
    expect(await settled(visit.page)).toEqual([]);
    await visit.page.waitForSelector("#cut-first-reply table tbody tr", {timeout: 0});
    expect(await visit.page.locator("#cut-first-reply table tbody tr").count()).toBeGreaterThan(1);
    expect({problems: visit.problems, foreign: visit.foreign}).toEqual({problems: [], foreign: []});
  });
});
