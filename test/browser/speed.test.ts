import {execFileSync} from "node:child_process";
import {rmSync} from "node:fs";
import type {Page} from "playwright-core";
import {afterAll, beforeAll, describe, expect, it} from "vitest";
import {chromiumAvailable, launch, type Browser} from "./chromium.ts";
import {serveDirectory} from "./static-server.ts";
import {DIST, settled} from "./site.ts";
import {drillTallestBar, redrawn} from "./analysis-steps.ts";
import {ingestDemo} from "./cli-kpis.ts";

const CARDS = ["first_reply", "full_resolution", "requester_wait"];
type Report = {kpis: {id: string; rows: Record<string, number | null>[]}[]};

/** `servicebench kpis --json` on the demo organisation, ingested from the raw exports the build used. */
function cli(dataset: string, ...args: string[]): Report {
  return JSON.parse(
    execFileSync("node", ["bin/servicebench.js", "kpis", dataset, "--json", ...args], {encoding: "utf8"}),
  ) as Report;
}

const cardValues = (page: Page) =>
  page.$$eval("#speed-cards [data-kpi]", (nodes) =>
    Object.fromEntries(nodes.map((n) => [n.getAttribute("data-kpi")!, n.getAttribute("data-value")!])),
  );
const histogramCounts = (page: Page) =>
  page.$$eval("#speed-histogram-table button[data-band]", (nodes) =>
    nodes.map(
      (n) =>
        `${n.getAttribute("data-channel")}/${n.getAttribute("data-band")}=${n.getAttribute("data-tickets")}`,
    ),
  );

describe.skipIf(!chromiumAvailable)("the Speed page under filters", () => {
  let server: Awaited<ReturnType<typeof serveDirectory>>;
  let browser: Browser;
  let dataset: string;
  beforeAll(async () => {
    dataset = ingestDemo("speed");
    server = await serveDirectory(DIST);
    browser = await launch(server.origin);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
    rmSync(dataset, {recursive: true, force: true});
  });

  for (const lang of ["en", "fr"] as const) {
    it(`${lang}: two filters redraw every card and chart with the command line's figures, survive a reload, and drill down to a bar's tickets`, async () => {
      const visit = await browser.visit(`${server.origin}/${lang}/speed`, `speed-${lang}`);
      expect(await settled(visit.page)).toEqual([]);
      const page = visit.page;
      await page.waitForSelector("#speed-histogram svg", {timeout: 0});
      const before = {cards: await cardValues(page), histogram: await histogramCounts(page)};
      const curveBefore = await page.$eval("#speed-curve", (s) => s.innerHTML);
      // Unfiltered, the cards are the command line's whole-period figures.
      const all = cli(dataset);
      for (const id of CARDS)
        expect(Number(before.cards[id]), id).toBeCloseTo(all.kpis.find((k) => k.id === id)!.rows[0]!.p50!, 9);

      // Two filters: e-mail, and the first named group.
      await page.click("details[data-dimension='channel'] summary");
      await page.check("input[name='channel'][value='email']");
      await redrawn(page);
      await page.click("details[data-dimension='group'] summary");
      const group = await page.$eval(
        "input[name='group']:not([value='(none)'])",
        (n) => (n as HTMLInputElement).value,
      );
      await page.check(`input[name='group'][value='${group}']`);
      await redrawn(page);
      await page.keyboard.press("Escape");

      const url = new URL(page.url());
      expect(url.searchParams.getAll("channel")).toEqual(["email"]);
      expect(url.searchParams.getAll("group")).toEqual([group]);
      const after = {cards: await cardValues(page), histogram: await histogramCounts(page)};
      const expected = cli(dataset, "--channel", "email", "--group", group);
      for (const id of CARDS) {
        expect(after.cards[id], `${id} changed`).not.toBe(before.cards[id]);
        const p50 = expected.kpis.find((k) => k.id === id)!.rows[0]!.p50;
        if (p50 === null) expect(after.cards[id], id).toBe("");
        else expect(Number(after.cards[id]), id).toBeCloseTo(Number(p50), 9);
      }
      expect(after.histogram).not.toEqual(before.histogram);
      expect(await page.$eval("#speed-curve", (s) => s.innerHTML)).not.toBe(curveBefore);
      // The sidebar carries the filters to the other pages.
      const link = await page.$eval("#observablehq-sidebar a[href*='benchmark']", (a) =>
        a.getAttribute("href"),
      );
      expect(link).toContain(`channel=email`);

      // The bookmarked address opens the same view.
      await page.reload({waitUntil: "load"});
      expect(await settled(page)).toEqual([]);
      await page.waitForSelector("#speed-histogram svg", {timeout: 0});
      expect(await page.isChecked("input[name='channel'][value='email']")).toBe(true);
      expect(await page.isChecked(`input[name='group'][value='${group}']`)).toBe(true);
      expect(await cardValues(page)).toEqual(after.cards);
      expect(await histogramCounts(page)).toEqual(after.histogram);
      await browser.screenshotAt(visit, `speed-${lang}`, 1280);

      // A bar's tickets: as many rows as the bar counts.
      // The tallest bar, clicked where a visitor would: its middle.
      const {drill, bar, csv: lines} = await drillTallestBar(page);
      expect(drill.total).toBe(bar);
      expect(drill.rows).toBe(Math.min(bar, 500));

      // Its CSV: a header of the columns, then one line per ticket listed.
      expect(lines[0]).toBe(
        "ticket_id,channel,group_name,created_date,first_reply_minutes,full_resolution_minutes,status,score",
      );
      expect(lines.length - 1).toBe(drill.rows);
      expect(lines.slice(1).every((l) => l.split(",")[1] === "email")).toBe(true);
      await browser.screenshotAt(visit, `speed-drill-${lang}`, 390);
      await page.click(".drill-back");
      expect(await page.$(".drill-down")).toBeNull();

      // An edited target lives in the address: a reload shows the same share within it.
      await page.setViewportSize({width: 1280, height: 900});
      const row = "#speed-targets tr[data-channel='email']";
      const within = () => page.textContent(`${row} .speed-within button`);
      const shareBefore = await within();
      await page.fill(`${row} input`, "240");
      await page.press(`${row} input`, "Tab");
      // The share is redrawn once the distributions under the new target are in.
      await page.waitForFunction(
        ([selector, old]) => {
          const text = document.querySelector(selector!)?.textContent;
          return text !== undefined && text !== old;
        },
        [`${row} .speed-within button`, shareBefore],
        {timeout: 0},
      );
      const share = await within();
      expect(new URL(page.url()).searchParams.get("target.first_reply.email")).toBe("240");
      await page.reload({waitUntil: "load"});
      expect(await settled(page)).toEqual([]);
      await page.waitForSelector(`${row} .speed-within button`, {timeout: 0});
      expect(await page.inputValue(`${row} input`)).toBe("240");
      expect(await within()).toBe(share);
      await browser.screenshotAt(visit, `speed-targets-${lang}`, 1280);
      await browser.screenshotAt(visit, `speed-targets-${lang}`, 390);
      expect(visit.problems).toEqual([]);
      expect(visit.foreign).toEqual([]);
    });
  }
});
