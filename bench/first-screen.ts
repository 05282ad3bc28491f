/**
 * The site's first screen in headless Chromium on localhost, cold cache every load: when the
 * first KPI is on screen, when DuckDB-WASM answers its first query on the same page, and how
 * many bytes came over the wire before the first KPI. Medians over several loads.
 */
import {serveDirectory} from "../test/browser/static-server.ts";
import {median, withColdPage} from "./cold-browser.ts";

/** The bars of the site issue: first KPI within 1.5 s, within a third of DuckDB's start, 1 MB before it. */
export const FIRST_KPI_MAX_MS = 1500;
export const FIRST_KPI_MAX_SHARE_OF_DUCKDB = 1 / 3;
export const BYTES_BEFORE_FIRST_KPI_MAX = 1_000_000;

export interface FirstScreen {
  loads: number;
  first_kpi_ms: number;
  duckdb_first_query_ms: number;
  bytes_before_first_kpi: number;
  pass: boolean;
}

/** One cold load: a fresh browser profile, so nothing is cached. */
function load(url: string): Promise<{firstKpi: number; duckdb: number; bytes: number}> {
  return withColdPage(async (page) => {
    await page.goto(url);
    await page.waitForFunction(() => performance.getEntriesByName("sb:duckdb-first-query").length > 0, null, {
      timeout: 0,
    });
    // No named function inside: the evaluated text must not depend on the bundler's helpers.
    return await page.evaluate(() => {
      const firstKpi = performance.getEntriesByName("sb:first-kpi")[0]!.startTime;
      const nav = performance.getEntriesByType("navigation")[0] as PerformanceNavigationTiming;
      const resources = performance.getEntriesByType("resource") as PerformanceResourceTiming[];
      // Bytes on the wire (headers and body) of everything that had arrived when the first KPI was drawn.
      const bytes =
        nav.transferSize +
        resources.filter((r) => r.responseEnd <= firstKpi).reduce((s, r) => s + r.transferSize, 0);
      return {firstKpi, duckdb: performance.getEntriesByName("sb:duckdb-first-query")[0]!.startTime, bytes};
    });
  });
}

/** Medians of `loads` cold loads of `path` on a site built in `dist`. */
export async function firstScreen(dist: string, path: string, loads: number): Promise<FirstScreen> {
  const server = await serveDirectory(dist);
  try {
    const runs = [];
    for (let i = 0; i < loads; i++) runs.push(await load(`${server.origin}${path}`));
    const first = median(runs.map((r) => r.firstKpi));
    const duckdb = median(runs.map((r) => r.duckdb));
    const bytes = median(runs.map((r) => r.bytes));
    return {
      loads,
      first_kpi_ms: Math.round(first),
      duckdb_first_query_ms: Math.round(duckdb),
      bytes_before_first_kpi: Math.round(bytes),
      pass:
        first <= FIRST_KPI_MAX_MS &&
        first <= duckdb * FIRST_KPI_MAX_SHARE_OF_DUCKDB &&
        bytes <= BYTES_BEFORE_FIRST_KPI_MAX,
    };
  } finally {
    await server.close();
  }
}
