/**
 * Cube mode answers the filters on the analysis pages (SERVICEBENCH_SITE_MODE=cubes, the demo
 * organisation): on Speed, a channel and a group from the cubes (counts exact, p50 and p90 within
 * EPSILON, the distributions read at histogram buckets) and two tags from the ticket rows (exact);
 * a bar's tickets as many as the bar counts, in its CSV too; Satisfaction and Team from the ticket
 * rows, as the command line computes them; a bookmarked address reopens the same view.
 */
import {rmSync} from "node:fs";
import type {Page} from "playwright-core";
import {afterAll, beforeAll, describe, expect, it} from "vitest";
import {bucketOf, EPSILON, representative} from "../../loaders/metrics/histogram.ts";
import {readDatasetFiles} from "../../loaders/node/dataset.ts";
import type {NativeRunner} from "../../loaders/node/duckdb-native.ts";
import {openDatasetDir} from "../../loaders/node/summary.ts";
import {chromiumAvailable, launch, type Browser, type Visit} from "./chromium.ts";
import {ingestDemo} from "./cli-kpis.ts";
import {serveDirectory} from "./static-server.ts";
import {DIST_CUBES, settled} from "./site.ts";
import {
  cliKpi,
  drillTallestBar,
  expectTeamGroupRow,
  filterSatisfaction,
  redrawn,
  tick,
} from "./analysis-steps.ts";

const CARDS = ["first_reply", "full_resolution", "requester_wait"] as const;
const CHANNEL = "email";
/** A Zendesk group id of the demo, and the name its side-load gives it. */
const GROUP = "360001000101";
const GROUP_NAME = "Orders & Delivery";
const TAGS = ["vip", "refund"];
/** The Speed page's band edges in minutes (src/components/speed-sql.ts), written out again. */
const EDGES = [0, 1, 2, 5, 10, 15, 30, 60, 120, 240, 480, 1440, 2880, 10080, 43200];
const bandOf = (v: number) => EDGES.filter((e) => e > 0 && v >= e).length;

/** Ticks one value of one filter in the bar (opening its list first), as a visitor would. */

interface Card {
  value: string;
  n: string;
  p90: string;
}
const speedCards = (page: Page): Promise<Record<string, Card>> =>
  page.$$eval("#speed-cards [data-kpi]", (nodes) =>
    Object.fromEntries(
      nodes.map((n) => [
        n.getAttribute("data-kpi")!,
        {
          value: n.getAttribute("data-value")!,
          n: n.getAttribute("data-n")!,
          p90: n.getAttribute("data-p90")!,
        },
      ]),
    ),
  );
/** The histogram's counts, "channel/band" -> tickets. */
const histogramCounts = (page: Page): Promise<Record<string, number>> =>
  page.$$eval("#speed-histogram-table button[data-band]", (nodes) =>
    Object.fromEntries(
      nodes.map((n) => [
        `${n.getAttribute("data-channel")}/${n.getAttribute("data-band")}`,
        Number(n.getAttribute("data-tickets")),
      ]),
    ),
  );
const attainment = (page: Page) => page.$eval("#speed-targets tbody", (t) => t.textContent);

/** Cards equal the command line: n exactly; p50 and p90 within EPSILON, or exactly when `exact`. */
function expectCards(shown: Record<string, Card>, dataset: string, options: string[], exact: boolean) {
  for (const id of CARDS) {
    const row = cliKpi(dataset, id, ...options)[0]!;
    expect(Number(shown[id]!.n), `${id} n`).toBe(row.n);
    for (const [key, got] of [
      ["p50", shown[id]!.value],
      ["p90", shown[id]!.p90],
    ] as const) {
      const want = row[key];
      if (want === null) expect(got, `${id} ${key}`).toBe("");
      else if (exact) expect(Number(got), `${id} ${key}`).toBeCloseTo(Number(want), 9);
      else
        expect(Math.abs(Number(got) - Number(want)), `${id} ${key}`).toBeLessThanOrEqual(
          (EPSILON + 1e-12) * Number(want),
        );
    }
  }
}

/**
 * The first-reply histogram of the filtered tickets, by hand from the dataset in native DuckDB:
 * each time read at its bucket's representative (cubes), or as it is (ticket rows).
 */
async function expectedHistogram(
  db: NativeRunner,
  where: string,
  cubes: boolean,
): Promise<Record<string, number>> {
  const rows = await db.query(
    `SELECT channel, first_reply_minutes AS v FROM tickets t WHERE first_reply_minutes IS NOT NULL AND ${where}`,
  );
  const out: Record<string, number> = {};
  for (const r of rows) {
    const v = Number(r.v);
    const key = `${String(r.channel)}/${bandOf(cubes ? representative(bucketOf(v)) : v)}`;
    out[key] = (out[key] ?? 0) + 1;
  }
  return out;
}

const fileRequests = async (visit: Visit, pattern: RegExp) =>
  (await visit.transfers()).filter((t) => pattern.test(t.url)).map((t) => t.url);
const ROWS_FILE = /\/_file\/data\/ticket-rows\.[^/]*duckdb/;

describe.skipIf(!chromiumAvailable)("cube mode under filters (SERVICEBENCH_SITE_MODE=cubes)", () => {
  let server: Awaited<ReturnType<typeof serveDirectory>>;
  let browser: Browser;
  let dataset: string;
  let db: NativeRunner;
  beforeAll(async () => {
    dataset = ingestDemo("cube-filters");
    db = await openDatasetDir(await readDatasetFiles(dataset));
    server = await serveDirectory(DIST_CUBES);
    browser = await launch(server.origin);
  });
  afterAll(async () => {
    db?.close();
    await browser?.close();
    await server?.close();
    rmSync(dataset, {recursive: true, force: true});
  });

  for (const lang of ["en", "fr"] as const) {
    it(`${lang}: Speed on a channel and a group draws every card and chart from the cubes, and a bar's tickets from the ticket rows by the bar's rule`, async () => {
      const visit = await browser.visit(`${server.origin}/${lang}/speed`, `cube-speed-${lang}`);
      const {page} = visit;
      expect(await settled(page)).toEqual([]);
      await page.waitForSelector("#speed-histogram svg", {timeout: 0});
      const before = {
        cards: await speedCards(page),
        histogram: await histogramCounts(page),
        curve: await page.innerHTML("#speed-curve"),
        attainment: await attainment(page),
      };
      await tick(page, "channel", CHANNEL);
      await redrawn(page);
      await tick(page, "group", GROUP);
      await redrawn(page);

      const url = new URL(page.url());
      expect([url.searchParams.getAll("channel"), url.searchParams.getAll("group")]).toEqual([
        [CHANNEL],
        [GROUP],
      ]);
      expect(await page.getAttribute("#speed-source", "data-source")).toBe("cubes");
      const after = {
        cards: await speedCards(page),
        histogram: await histogramCounts(page),
        curve: await page.innerHTML("#speed-curve"),
        attainment: await attainment(page),
      };
      for (const id of CARDS) expect(after.cards[id], `${id} changed`).not.toEqual(before.cards[id]);
      expect(after.histogram).not.toEqual(before.histogram);
      expect(after.curve).not.toBe(before.curve);
      expect(after.attainment).not.toBe(before.attainment);
      expectCards(after.cards, dataset, ["--channel", CHANNEL, "--group", GROUP], false);
      const where = `channel = '${CHANNEL}' AND group_name = '${GROUP}'`;
      expect(after.histogram).toEqual(await expectedHistogram(db, where, true));
      // Approximate figures say so: the cards and each chart.
      expect(await page.locator("#speed-cards .kpi-details .muted").count()).toBe(CARDS.length);
      expect(await page.locator(".speed-approximate").count()).toBe(3);
      // Nothing so far needed the ticket rows.
      expect(await fileRequests(visit, ROWS_FILE)).toEqual([]);

      // The bookmarked address opens the same view.
      await page.reload({waitUntil: "load"});
      expect(await settled(page)).toEqual([]);
      await page.waitForSelector("#speed-histogram svg", {timeout: 0});
      expect(await speedCards(page)).toEqual(after.cards);
      expect(await histogramCounts(page)).toEqual(after.histogram);

      // A bar's tickets come from the ticket rows, fetched now, picked by the bar's bucket rule.
      const {drill, bar, csv} = await drillTallestBar(page);
      expect(drill.source).toBe("cubes");
      expect(drill.total).toBe(bar);
      expect(drill.rows).toBe(Math.min(bar, 500));
      expect(csv[0]).toBe(
        "ticket_id,channel,group_name,created_date,first_reply_minutes,full_resolution_minutes,status,score",
      );
      expect(csv.length - 1).toBe(drill.rows);
      for (const line of csv.slice(1)) {
        const [, channel, group, , minutes] = line.split(",");
        expect([channel, group]).toEqual([CHANNEL, GROUP]);
        expect(bandOf(representative(bucketOf(Number(minutes))))).toBe(drill.target.band);
      }
      expect((await fileRequests(visit, ROWS_FILE)).length).toBe(1);
      // Last, as resizing redraws the charts: the page as a visitor sees it, the list open.
      await browser.screenshotAt(visit, `cube-speed-${lang}`, 1280);
      await browser.screenshotAt(visit, `cube-speed-${lang}`, 390);
      expect({problems: visit.problems, foreign: visit.foreign}).toEqual({problems: [], foreign: []});
      await page.close();
    });

    it(`${lang}: Speed on two tags loads the ticket rows and gives the command line's exact figures`, async () => {
      const visit = await browser.visit(`${server.origin}/${lang}/speed`, `cube-speed-tags-${lang}`);
      const {page} = visit;
      expect(await settled(page)).toEqual([]);
      await page.waitForSelector("#speed-histogram svg", {timeout: 0});
      const before = {cards: await speedCards(page), histogram: await histogramCounts(page)};
      for (const tag of TAGS) {
        await tick(page, "tag", tag);
        await redrawn(page);
      }
      expect(new URL(page.url()).searchParams.getAll("tag").sort()).toEqual([...TAGS].sort());
      await page.waitForSelector("#speed-source[data-state='ready']", {timeout: 0});
      expect(await page.getAttribute("#speed-source", "data-source")).toBe("rows");
      const after = {cards: await speedCards(page), histogram: await histogramCounts(page)};
      for (const id of CARDS) expect(after.cards[id], `${id} changed`).not.toEqual(before.cards[id]);
      expect(after.histogram).not.toEqual(before.histogram);
      expectCards(after.cards, dataset, ["--tag", TAGS.join(",")], true);
      const tagged = `EXISTS (SELECT 1 FROM ticket_tags g WHERE g.ticket_id = t.ticket_id AND g.tag IN ('${TAGS.join("', '")}'))`;
      expect(after.histogram).toEqual(await expectedHistogram(db, tagged, false));
      expect(await page.locator(".speed-approximate").count()).toBe(0);
      expect(await page.locator("#speed-cards .kpi-details .muted").count()).toBe(0);
      const {drill, bar, csv} = await drillTallestBar(page);
      expect(drill.source).toBeNull();
      expect([drill.total, drill.rows, csv.length - 1]).toEqual([
        bar,
        Math.min(bar, 500),
        Math.min(bar, 500),
      ]);
      expect((await fileRequests(visit, ROWS_FILE)).length).toBe(1);
      expect({problems: visit.problems, foreign: visit.foreign}).toEqual({problems: [], foreign: []});
      await page.close();
    });

    it(`${lang}: Satisfaction on a channel and a group computes from the ticket rows what the command line prints`, async () => {
      const visit = await browser.visit(`${server.origin}/${lang}/satisfaction`, `cube-satisfaction-${lang}`);
      const {page} = visit;
      await page.waitForSelector("#analysis-status[data-state='ready']", {state: "attached", timeout: 0});
      expect(await settled(page)).toEqual([]);
      expect(await page.getAttribute("#cube-note", "data-state")).toBe("ready");
      const value = (id: string) => page.getAttribute(`#satisfaction-cards [data-kpi='${id}']`, "data-value");
      const csatBefore = await value("csat");
      expect(await filterSatisfaction(page, CHANNEL, GROUP, csatBefore)).toEqual([]);
      for (const id of ["csat", "csat_response_rate", "nps"]) {
        const row = cliKpi(dataset, id, "--channel", CHANNEL, "--group", GROUP)[0]!;
        const shown = await value(id);
        if (row.value === null) expect(shown, id).toBe("");
        else expect(Number(shown), id).toBeCloseTo(Number(row.value), 9);
      }
      // The bookmarked address opens the same figures.
      const csat = await value("csat");
      await page.reload({waitUntil: "load"});
      await page.waitForSelector("#analysis-status[data-state='ready']", {state: "attached", timeout: 0});
      expect(await settled(page)).toEqual([]);
      expect(await value("csat")).toBe(csat);
      await browser.screenshotAt(visit, `cube-satisfaction-${lang}`, 1280);
      await browser.screenshotAt(visit, `cube-satisfaction-${lang}`, 390);
      expect({problems: visit.problems, foreign: visit.foreign}).toEqual({problems: [], foreign: []});
      await page.close();
    });
  }

  it("Team at a bookmarked channel and group: the group row `kpis --by group` prints, from the ticket rows", async () => {
    const visit = await browser.visit(
      `${server.origin}/fr/team?channel=${CHANNEL}&group=${GROUP}`,
      "cube-team-filtered",
    );
    const {page} = visit;
    await page.waitForSelector("#analysis-status[data-state='ready']", {state: "attached", timeout: 0});
    expect(await settled(page)).toEqual([]);
    await expectTeamGroupRow(page, dataset, {channel: CHANNEL, group: GROUP, name: GROUP_NAME});
    expect({problems: visit.problems, foreign: visit.foreign}).toEqual({problems: [], foreign: []});
    await page.close();
  });
});
