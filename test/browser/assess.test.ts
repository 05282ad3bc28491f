import {cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync} from "node:fs";
import {tmpdir} from "node:os";
import {dirname, join} from "node:path";
import {unzipSync} from "fflate";
import {afterAll, beforeAll, describe, expect, it} from "vitest";
import type {Page} from "playwright-core";
import {chromiumAvailable, launch, type Browser} from "./chromium.ts";
import {cli, cliKpis as kpisOf, expectCardsMatch, type CliKpi} from "./cli-kpis.ts";
import {serveDirectory} from "./static-server.ts";
import {zendeskCsv} from "../../bench/zendesk-csv.ts";
import {DIST, settled} from "./site.ts";

const ORG = "demo-outdoor-gear";

/** What the page shows on its cards, as the value each card holds. */
const cardValues = (page: Page) =>
  page.$$eval("#assess-kpi-cards [data-kpi]", (nodes) =>
    nodes.map((n) => [n.getAttribute("data-kpi")!, n.getAttribute("data-value")!] as const),
  );

/** Numbers to 9 significant digits: two engines may differ in a sum's last bits, never more. */
const rounded = (report: Map<string, CliKpi>) =>
  JSON.parse(
    JSON.stringify([...report.values()], (_k, v: unknown) =>
      typeof v === "number" && !Number.isInteger(v) ? Number(v.toPrecision(9)) : v,
    ),
  ) as unknown;

/** Opens the settings and names the organisation as the command line run does. */
async function setOrg(page: Page) {
  await page.click(".assess-settings summary", {timeout: 0});
  await page.fill("#assess-org", ORG, {timeout: 0});
}

async function dropAndWait(page: Page, input: string, files: string | string[]) {
  await page.evaluate(() => document.querySelector("#assess-result")?.removeAttribute("data-ready"));
  await page.setInputFiles(input, files, {timeout: 0});
  await page.waitForSelector("#assess-result[data-ready='true'], #assess-error", {timeout: 0});
}

describe.skipIf(!chromiumAvailable)("self-assessment: dropped exports computed in the browser", () => {
  let server: Awaited<ReturnType<typeof serveDirectory>>;
  let browser: Browser;
  let work: string;
  let cliKpis: Map<string, CliKpi>;
  let cliPlace: {archetype: string; confidence: number};
  beforeAll(async () => {
    work = mkdtempSync(join(tmpdir(), "servicebench-assess-"));
    // The command line on the same files: the demo organisation's raw exports.
    cli("ingest", "data/demo", "--org", ORG, "--out", join(work, "cli"));
    cliKpis = kpisOf(join(work, "cli"));
    cliPlace = JSON.parse(cli("place", join(work, "cli"), "--json").stdout) as typeof cliPlace;
    server = await serveDirectory(DIST);
    browser = await launch(server.origin);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
    if (work) rmSync(work, {recursive: true, force: true});
  });

  it("places a dropped folder as `servicebench place` does, with the network cut and no request after the drop", async () => {
    const visit = await browser.visit(`${server.origin}/en/assess`, "assess-en");
    expect(await settled(visit.page)).toEqual([]);
    await visit.page.waitForSelector("#assess-status[data-state='ready']", {timeout: 0});
    const after: string[] = [];
    visit.page.context().on("request", (r) => after.push(r.url()));
    await visit.page.context().setOffline(true);
    try {
      await checkOffline(visit.page);
    } finally {
      await visit.page.context().setOffline(false);
    }
    expect(after, "requests after the page loaded").toEqual([]);
    expect(visit.foreign).toEqual([]);
    expect(visit.problems).toEqual([]);
    for (const width of [1280, 390]) expect(await browser.screenshotAt(visit, "assess-en", width)).toBe(0);
  });

  /** Drops the demo folder, checks the view, downloads the dataset and drops it again. */
  async function checkOffline(page: Page) {
    await setOrg(page);
    await dropAndWait(page, "#assess-folder", "data/demo");
    expect(await page.$("#assess-error")).toBeNull();

    const position = await page.$eval("#assess-position [data-archetype]", (n) => ({
      archetype: n.getAttribute("data-archetype"),
      confidence: Number(n.getAttribute("data-confidence")),
    }));
    expect(position.archetype).toBe(cliPlace.archetype);
    expect(position.confidence).toBeCloseTo(cliPlace.confidence, 12);
    expectCardsMatch(await cardValues(page), cliKpis);
    // The first-reply distributions count every ticket with a first reply, as the KPI does, and a
    // band opens exactly its tickets.
    const bands = await page.$$eval("#assess-speed-histogram [data-tickets]", (nodes) =>
      nodes.map((n) => Number(n.getAttribute("data-tickets"))),
    );
    expect(bands.reduce((a, b) => a + b, 0)).toBe(cliKpis.get("first_reply")!.rows[0]!.n);
    // The counts table sits behind a disclosure, as on the Speed page.
    await page.click("#assess-speed-histogram .speed-figures summary", {timeout: 0});
    const band = page.locator("#assess-speed-histogram [data-tickets]").first();
    const expected = Number(await band.getAttribute("data-tickets"));
    await band.click({timeout: 0});
    await page.waitForSelector("#assess-speed-drill table", {timeout: 0});
    const listed = await page.$$eval("#assess-speed-drill tbody tr", (rows) => rows.length);
    expect(listed).toBe(Math.min(expected, 500));
    // The panel is the synthetic one, and the page says so.
    expect(await page.textContent("#assess-panel-note")).toMatch(/synthetic/);
    expect(await page.textContent("#assess-privacy")).toMatch(/nothing is uploaded/);

    // The dataset the page saves is the command line's: `servicebench kpis` on it prints the same.
    const [download] = await Promise.all([
      page.waitForEvent("download", {timeout: 0}),
      page.click("#assess-download", {timeout: 0}),
    ]);
    const zip = join(work, "assess.zip");
    await download.saveAs(zip);
    expect(download.suggestedFilename()).toBe(`${ORG}-dataset.zip`);
    const dataset = join(work, "browser");
    for (const [name, bytes] of Object.entries(unzipSync(readFileSync(zip)))) {
      mkdirSync(dirname(join(dataset, name)), {recursive: true});
      writeFileSync(join(dataset, name), bytes);
    }
    // The zip holds one folder, the dataset, as `servicebench ingest --out` would write it.
    expect(rounded(kpisOf(join(dataset, `${ORG}-dataset`)))).toEqual(rounded(cliKpis));

    // Dropping that dataset again gives the same view.
    await dropAndWait(page, "#assess-files", zip);
    expectCardsMatch(await cardValues(page), cliKpis);
  }

  it("cancels a long read on request, keeps nothing, and reads the next drop", async () => {
    const {file} = await zendeskCsv(work, 60_000, "iso");
    const visit = await browser.visit(`${server.origin}/en/assess`, "assess-cancel");
    await visit.page.waitForSelector("#assess-status[data-state='ready']", {timeout: 0});
    await visit.page.setInputFiles("#assess-files", file, {timeout: 0});
    // Cancel once the worker has said how far it is.
    await visit.page.waitForSelector("#assess-progress progress", {timeout: 0});
    await visit.page.click("#assess-cancel", {timeout: 0});
    await visit.page.waitForSelector("#assess-cancelled", {timeout: 0});
    expect(await visit.page.$("#assess-result [data-kpi]")).toBeNull();
    await setOrg(visit.page);
    await dropAndWait(visit.page, "#assess-folder", "data/demo");
    expectCardsMatch(await cardValues(visit.page), cliKpis);
    expect(visit.problems).toEqual([]);
  });

  it("lists a broken file's problems as the command line does, in French, and still places the valid files", async () => {
    const input = join(work, "broken");
    cpSync("data/demo", input, {recursive: true});
    // Cut the last ticket page in the middle of a record.
    const page4 = join(input, "zendesk", "incremental-tickets-page-4.json");
    const text = readFileSync(page4, "utf8");
    writeFileSync(page4, text.slice(0, Math.floor(text.length / 2)));
    const run = cli("ingest", input, "--org", ORG, "--out", join(work, "broken-cli"));
    expect(run.status).toBe(1);
    const cliLines = run.stderr
      .split("\n")
      .filter((l) => /^[^\s:]+:\d+: /.test(l) || /^[^\s:]+: /.test(l))
      .filter((l) => !l.startsWith("warning:") && !l.startsWith("servicebench:"));
    expect(cliLines.length).toBeGreaterThan(0);

    const visit = await browser.visit(`${server.origin}/fr/assess`, "assess-fr");
    expect(await settled(visit.page)).toEqual([]);
    await visit.page.waitForSelector("#assess-status[data-state='ready']", {timeout: 0});
    await setOrg(visit.page);
    await dropAndWait(visit.page, "#assess-folder", input);
    const shown = await visit.page.$$eval("#assess-problems li", (nodes) =>
      nodes.map((n) => n.textContent ?? ""),
    );
    expect(shown.slice(0, cliLines.length)).toEqual(cliLines);
    // The valid files still give a placement, in French.
    expect(await visit.page.$("#assess-position [data-archetype]")).not.toBeNull();
    expect(await visit.page.getAttribute("html", "lang")).toBe("fr");
    expect(await visit.page.textContent("#assess-panel-note")).toMatch(/synthétiques/);
    expect(visit.problems).toEqual([]);
    for (const width of [1280, 390]) expect(await browser.screenshotAt(visit, "assess-fr", width)).toBe(0);
  });
});
