/**
 * The Satisfaction, Volume & channels and Team pages on the demo site, in both languages: they
 * render without a console error, follow the filter bar, and show the figures the command line
 * computes with the same filters.
 */
import {readFileSync, rmSync} from "node:fs";
import type {Page} from "playwright-core";
import {afterAll, beforeAll, describe, expect, it} from "vitest";
import {chromiumAvailable, launch, type Browser} from "./chromium.ts";
import {serveDirectory} from "./static-server.ts";
import {DIST, settled} from "./site.ts";
import {cliKpi, expectTeamGroupRow, filterSatisfaction} from "./analysis-steps.ts";
import {ingestDemo} from "./cli-kpis.ts";

/** The two filters the tests set: one channel and one group (a Zendesk group id in the demo). */
const CHANNEL = "email";
const GROUP = "360001000101";
const GROUP_NAME = "Orders & Delivery";

/** Waits until DuckDB has started on the page and every cell has settled; returns cell errors. */
async function ready(page: Page): Promise<string[]> {
  // Attached, not visible: once ready the status line is empty.
  await page.waitForSelector("#analysis-status[data-state='ready']", {state: "attached", timeout: 0});
  return settled(page);
}

const PAGES = [
  ["satisfaction", "#satisfaction-cards [data-kpi='csat']"],
  ["volume", "#volume-heatmap svg"],
  ["team", "#team-groups tbody tr"],
] as const;

describe.skipIf(!chromiumAvailable)("the analysis pages", () => {
  let server: Awaited<ReturnType<typeof serveDirectory>>;
  let browser: Browser;
  let dataset: string;
  beforeAll(async () => {
    dataset = ingestDemo("analysis");
    server = await serveDirectory(DIST);
    browser = await launch(server.origin);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
    rmSync(dataset, {recursive: true, force: true});
  });

  for (const lang of ["en", "fr"] as const)
    for (const [slug, selector] of PAGES)
      it(`/${lang}/${slug} renders its figures with no console error and nothing from another host`, async () => {
        const visit = await browser.visit(`${server.origin}/${lang}/${slug}`, `${lang}-${slug}`);
        expect(await ready(visit.page)).toEqual([]);
        await visit.page.waitForSelector(selector, {timeout: 0});
        expect(await visit.page.getAttribute("html", "lang")).toBe(lang);
        expect({problems: visit.problems, foreign: visit.foreign}).toEqual({problems: [], foreign: []});
        await visit.page.close();
      });

  it("redraws Satisfaction on a channel and a group, with the CSAT and NPS `kpis --channel --group` prints", async () => {
    const visit = await browser.visit(`${server.origin}/en/satisfaction`, "satisfaction-filtered");
    const {page} = visit;
    expect(await ready(page)).toEqual([]);
    const csat = () => page.getAttribute("#satisfaction-cards [data-kpi='csat']", "data-value");
    const chart = () => page.innerHTML("#csat-over-time svg");
    const [csatBefore, chartBefore] = [await csat(), await chart()];
    const whole = cliKpi(dataset, "csat")[0]!;
    expect(Number(csatBefore)).toBeCloseTo(Number(whole.value), 9);

    expect(await filterSatisfaction(page, CHANNEL, GROUP, csatBefore)).toEqual([]);
    expect(new URL(page.url()).searchParams.getAll("channel")).toEqual([CHANNEL]);
    const filtered = cliKpi(dataset, "csat", "--channel", CHANNEL, "--group", GROUP)[0]!;
    expect(Number(filtered.n)).toBeLessThan(Number(whole.n));
    expect(Number(await csat())).toBeCloseTo(Number(filtered.value), 9);
    const rate = cliKpi(dataset, "csat_response_rate", "--channel", CHANNEL, "--group", GROUP)[0]!;
    expect(
      Number(await page.getAttribute("#satisfaction-cards [data-kpi='csat_response_rate']", "data-value")),
    ).toBeCloseTo(Number(rate.value), 9);
    expect(await chart()).not.toBe(chartBefore);
    expect({problems: visit.problems, foreign: visit.foreign}).toEqual({problems: [], foreign: []});
    await page.close();
  });

  it("opens Team at a bookmarked channel and group with the group row `kpis --by group` prints, and its CSV holds the same", async () => {
    const url = `${server.origin}/fr/team?channel=${CHANNEL}&group=${GROUP}`;
    const visit = await browser.visit(url, "team-filtered");
    const {page} = visit;
    expect(await ready(page)).toEqual([]);
    const {tickets, csat} = await expectTeamGroupRow(page, dataset, {
      channel: CHANNEL,
      group: GROUP,
      name: GROUP_NAME,
    });

    const [download] = await Promise.all([
      page.waitForEvent("download", {timeout: 0}),
      page.click("#team-groups a.csv-download"),
    ]);
    const text = readFileSync((await download.path())!, "utf8");
    expect(text.charCodeAt(0)).toBe(0xfeff);
    const lines = text.slice(1).trimEnd().split("\r\n");
    expect(lines[0]).toBe(
      "group,tickets,first_reply,full_resolution,one_touch,one_touch_n,csat,csat_n,csat_response_rate",
    );
    expect(lines.length).toBe(2);
    const fields = lines[1]!.split(",");
    expect(fields[0]).toBe(GROUP_NAME);
    expect(Number(fields[1])).toBe(tickets.n);
    expect(Number(fields[6])).toBeCloseTo(Number(csat.value), 12);
    expect({problems: visit.problems, foreign: visit.foreign}).toEqual({problems: [], foreign: []});
    await page.close();
  });

  it("opens what a count counts: a group's tickets and CSAT responses, a first-reply bucket's responses", async () => {
    const visit = await browser.visit(`${server.origin}/fr/team?channel=${CHANNEL}`, "team-members");
    const {page} = visit;
    expect(await ready(page)).toEqual([]);
    const options = ["--by", "group", "--channel", CHANNEL];
    const tickets = cliKpi(dataset, "tickets", ...options).find((r) => r.cut === GROUP)!;
    const csat = cliKpi(dataset, "csat", ...options).find((r) => r.cut === GROUP)!;
    /** Clicks a count, waits for its list, returns (total, rows listed, scores shown). */
    const open = async (host: string, button: string) => {
      await page.click(button);
      await page.waitForSelector(`${host} .drill-down`, {timeout: 0});
      return {
        total: Number(await page.getAttribute(`${host} .drill-down`, "data-total")),
        rows: await page.$$eval(`${host} tbody tr`, (r) => r.length),
        scores: await page.$$eval(`${host} tbody tr td:last-child`, (c) => c.map((x) => x.textContent ?? "")),
      };
    };
    const groupRow = `#team-groups .count-button[data-cut='${GROUP}']`;
    const listed = await open("#team-groups-drill", `${groupRow}[data-kpi='tickets']`);
    expect(listed.total).toBe(tickets.n);
    expect(listed.rows).toBe(Math.min(Number(tickets.n), 500));
    // The group column names the group as the export does, not by its id.
    const groups = await page.$$eval("#team-groups-drill tbody tr td:nth-child(3)", (c) => [
      ...new Set(c.map((x) => x.textContent)),
    ]);
    expect(groups).toEqual([GROUP_NAME]);
    const votes = await open("#team-groups-drill", `${groupRow}[data-kpi='csat']`);
    expect(votes.total).toBe(csat.n);
    expect(votes.rows).toBe(csat.n);
    // Each response shows its own score ("4/5") or the rating held on the ticket.
    for (const score of votes.scores) expect(score).toMatch(/^(\d+(\.\d+)?\/\d+|satisfait|insatisfait)$/);
    expect({problems: visit.problems, foreign: visit.foreign}).toEqual({problems: [], foreign: []});
    await page.close();

    const sat = await browser.visit(
      `${server.origin}/en/satisfaction?group=${GROUP}`,
      "satisfaction-members",
    );
    expect(await ready(sat.page)).toEqual([]);
    const buckets = cliKpi(dataset, "csat_by_first_reply", "--group", GROUP).filter((r) => Number(r.n) > 0);
    expect(buckets.length).toBeGreaterThan(0);
    for (const bucket of buckets.slice(0, 2)) {
      await sat.page.click(
        `#satisfaction-by-bucket .count-button[data-kpi='csat_by_first_reply'][data-bucket='${Number(bucket.bucket_order)}']`,
      );
      await sat.page.waitForSelector("#satisfaction-bucket-drill .drill-down", {timeout: 0});
      expect(
        Number(await sat.page.getAttribute("#satisfaction-bucket-drill .drill-down", "data-total")),
      ).toBe(bucket.n);
      await sat.page.click("#satisfaction-bucket-drill .drill-back");
    }
    expect({problems: sat.problems, foreign: sat.foreign}).toEqual({problems: [], foreign: []});
    await sat.page.close();
  });

  it("lists a spike's tickets in the drill-down, as many as the day counts", async () => {
    const visit = await browser.visit(`${server.origin}/en/volume`, "volume-drill");
    const {page} = visit;
    expect(await ready(page)).toEqual([]);
    const days = cliKpi(dataset, "volume_by_day").filter((d) => d.spike === true);
    expect(days.length).toBeGreaterThan(0);
    const spike = days[0]!;
    await page.click(`#spike-list button[data-day='${String(spike.day)}']`);
    await page.waitForSelector("#volume-drill .drill-down", {timeout: 0});
    expect(Number(await page.getAttribute("#volume-drill .drill-down", "data-total"))).toBe(spike.tickets);
    expect(await page.$$eval("#volume-drill tbody tr", (r) => r.length)).toBe(spike.tickets);
    expect({problems: visit.problems, foreign: visit.foreign}).toEqual({problems: [], foreign: []});
    await page.close();
  });
});
