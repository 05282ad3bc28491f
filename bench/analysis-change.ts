/**
 * The Satisfaction page's redraw after a filter change, in headless Chromium once its DuckDB-WASM
 * is ready (in cube mode: with the ticket rows attached): from the filter bar's `sb:filter-change`
 * mark to the moment every part of the page (cards, cuts, buckets, comments) was drawn again. Reported, not
 * held to a bar. Medians over the changes.
 *
 *   npx tsx bench/analysis-change.ts [dist] [--changes 11]
 */
import {fileURLToPath} from "node:url";
import type {Page} from "playwright-core";
import {serveDirectory} from "../test/browser/static-server.ts";
import {median, withColdPage} from "./cold-browser.ts";
import {formatTable} from "./table.ts";

export interface AnalysisChangeBench {
  page: string;
  changes: number;
  /** From opening the page to its figures, DuckDB-WASM's start and the ticket rows included. */
  open_ms: number;
  browser_median_ms: number;
  browser_max_ms: number;
}

/** What the Satisfaction page draws from the filters, first to last: cards, cuts, buckets, comments. */
export const SATISFACTION_PARTS = [
  "#satisfaction-cards",
  "#satisfaction-by-cut",
  "#satisfaction-by-bucket",
  "#comments > *",
];

/** Remembers the elements now drawn for `parts`, so that `redrawn` can tell new ones. */
const remember = (page: Page, parts: readonly string[]) =>
  page.evaluate((ps) => {
    (window as unknown as {sbParts?: (Element | null)[]}).sbParts = ps.map((p) => document.querySelector(p));
  }, parts);

/** Every part drawn anew since `remember`, and no cell pending (Framework's <observablehq-loading>). */
const redrawn = (page: Page, parts: readonly string[]) =>
  page.waitForFunction(
    (ps) => {
      const before = (window as unknown as {sbParts?: (Element | null)[]}).sbParts ?? [];
      return (
        document.querySelectorAll("observablehq-loading").length === 0 &&
        ps.every((p, i) => {
          const now = document.querySelector(p);
          return now !== null && now !== before[i];
        })
      );
    },
    parts,
    {timeout: 0, polling: "raf"},
  );

/** One change: tick a box, wait until every part is drawn again, return the milliseconds. */
async function change(page: Page, selector: string, parts: readonly string[]): Promise<number> {
  await remember(page, parts);
  await page.click(selector);
  await redrawn(page, parts);
  return page.evaluate(
    () => performance.now() - performance.getEntriesByName("sb:filter-change").at(-1)!.startTime,
  );
}

export async function analysisChangeBench(
  dist: string,
  changes = 11,
  slug = "satisfaction",
  parts: readonly string[] = SATISFACTION_PARTS,
): Promise<AnalysisChangeBench> {
  const server = await serveDirectory(dist);
  try {
    return await withColdPage(async (page) => {
      const t0 = performance.now();
      await page.goto(`${server.origin}/en/${slug}`);
      await remember(page, parts);
      await redrawn(page, parts);
      const open = performance.now() - t0;
      await page.click("details[data-dimension='channel'] summary");
      const channels = await page.$$eval("input[name='channel']", (ns) =>
        ns.map((n) => (n as HTMLInputElement).value),
      );
      const ms: number[] = [];
      for (let i = 0; i < changes; i++) {
        const c = channels[i % channels.length]!;
        ms.push(await change(page, `input[name='channel'][value='${c}']`, parts));
      }
      const result = {
        page: slug,
        changes,
        open_ms: +open.toFixed(0),
        browser_median_ms: +median(ms).toFixed(1),
        browser_max_ms: +Math.max(...ms).toFixed(1),
      };
      console.log(
        `\n${formatTable(
          [`${slug} page filter change`, "open ms", "median ms", "max ms"],
          [
            [
              "DuckDB-WASM, every cell settled",
              String(result.open_ms),
              String(result.browser_median_ms),
              String(result.browser_max_ms),
            ],
          ],
          [0],
        )}`,
      );
      return result;
    });
  } finally {
    await server.close();
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const changes = process.argv.includes("--changes")
    ? Number(process.argv[process.argv.indexOf("--changes") + 1])
    : 11;
  const dist = process.argv[2] && !process.argv[2].startsWith("--") ? process.argv[2] : "dist";
  await analysisChangeBench(dist, changes);
}
