import {execFileSync} from "node:child_process";
import {mkdtempSync, rmSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {afterAll, beforeAll, describe, expect, it} from "vitest";
import {chromiumAvailable, launch, type Browser} from "./chromium.ts";
import {serveDirectory} from "./static-server.ts";
import {DIST, settled} from "./site.ts";
import {expectCardsMatch, type CliKpi} from "./cli-kpis.ts";

/** The command line's numbers for the demo organisation: ingest its raw exports, then `kpis --json`. */
function cliKpis(dir: string): Map<string, CliKpi> {
  const cli = (...args: string[]) =>
    execFileSync("node", ["bin/servicebench.js", ...args], {encoding: "utf8"});
  try {
    cli("ingest", "data/demo", "--org", "demo-outdoor-gear", "--out", dir);
  } catch (error) {
    // Exit 1 still writes the dataset; the rows it could not read are not KPI inputs here.
    if ((error as {status?: number}).status !== 1) throw error;
  }
  const report = JSON.parse(cli("kpis", dir, "--json")) as {kpis: CliKpi[]};
  return new Map(report.kpis.map((k) => [k.id, k]));
}

describe.skipIf(!chromiumAvailable)("the browser computes the command line's numbers", () => {
  let server: Awaited<ReturnType<typeof serveDirectory>>;
  let browser: Browser;
  let dataset: string;
  let cli: Map<string, CliKpi>;
  beforeAll(async () => {
    dataset = mkdtempSync(join(tmpdir(), "servicebench-demo-"));
    cli = cliKpis(dataset);
    server = await serveDirectory(DIST);
    browser = await launch(server.origin);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
    rmSync(dataset, {recursive: true, force: true});
  });

  it("shows on every KPI card, as built and as recomputed in DuckDB-WASM, the value `servicebench kpis --json` prints", async () => {
    const visit = await browser.visit(`${server.origin}/en/`, "overview-vs-cli");
    expect(await settled(visit.page)).toEqual([]);
    // The cards come from the build; DuckDB-WASM then recomputes each one in the page.
    await visit.page.waitForSelector("#live-status[data-state='ready']", {timeout: 0});
    const cards = await visit.page.$$eval("#kpi-cards [data-kpi]", (nodes) =>
      nodes.flatMap((n) => [
        [n.getAttribute("data-kpi")!, n.getAttribute("data-value")!] as const,
        [n.getAttribute("data-kpi")!, n.getAttribute("data-live-value")!] as const,
      ]),
    );
    expectCardsMatch(cards, cli);
  });

  it("prints in the French study the channel volumes and group figures the command line computes", async () => {
    const visit = await browser.visit(`${server.origin}/fr/study/demo-outdoor-gear`, "study-vs-cli");
    await visit.page.waitForSelector("html[data-study-ready='true']", {timeout: 0});
    const cells = (selector: string) =>
      visit.page.$$eval(selector, (rows) =>
        rows.map((r) => Array.from(r.querySelectorAll("td"), (td) => td.textContent ?? "")),
      );
    // French numbers group thousands with a narrow no-break space.
    const count = (text: string) => Number(text.replace(/[\s\u202f\u00a0]/g, ""));
    const channels = await cells("#study-channels tbody tr");
    const expected = cli.get("volume_by_channel")!.rows;
    expect(channels.length).toBe(expected.length);
    for (const row of expected) {
      const shown = channels.find((c) => c[0] === row.channel);
      expect(shown, String(row.channel)).toBeDefined();
      expect(count(shown![1]!), String(row.channel)).toBe(row.tickets);
    }
    const groups = await cells("#study-groups tbody tr");
    const tickets = cli.get("tickets")!;
    expect(groups.reduce((sum, g) => sum + count(g[1]!), 0)).toBe(tickets.rows[0]!.n);
    expect({problems: visit.problems, foreign: visit.foreign}).toEqual({problems: [], foreign: []});
  });
});
