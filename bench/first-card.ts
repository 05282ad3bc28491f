/**
 * The analysis pages' first screen, as bench/first-screen.ts times the Overview's: cold loads in
 * headless Chromium on localhost, and for each page when its first figure is on screen (the
 * Satisfaction cards, the Volume page's first chart, the Team page's first group row) and when
 * DuckDB-WASM is ready on it (the status line's `data-state="ready"`). Both moments are taken by
 * one observer of the document, the same on any build, so a build from before the pages had
 * their build-time figures is timed the same way. Medians over `--loads` loads.
 *
 *   npx tsx bench/first-card.ts [dist] [--loads 5] [--lang en]
 */
import {fileURLToPath} from "node:url";
import {serveDirectory} from "../test/browser/static-server.ts";
import {median, withColdPage} from "./cold-browser.ts";
import {formatTable} from "./table.ts";

/** Each analysis page and the element that is its first figure. */
export const FIRST_CARDS = [
  {page: "satisfaction", selector: "#satisfaction-cards [data-kpi]"},
  {page: "volume", selector: "#volume-by-channel-month svg"},
  {page: "team", selector: "#team-groups tbody tr"},
] as const;

export interface FirstCard {
  page: string;
  loads: number;
  first_card_ms: number;
  duckdb_ready_ms: number;
}

/**
 * Marks `sb:bench-first-card` when `selector` first matches and `sb:bench-duckdb-ready` when the
 * status line says ready. Text, not a function: the page runs it before its own scripts.
 */
const observer = (selector: string) => `
  (() => {
    const seen = {card: false, ready: false};
    const check = () => {
      if (!seen.card && document.querySelector(${JSON.stringify(selector)})) {
        seen.card = true;
        performance.mark("sb:bench-first-card");
      }
      if (!seen.ready && document.querySelector("#analysis-status[data-state='ready']")) {
        seen.ready = true;
        performance.mark("sb:bench-duckdb-ready");
      }
    };
    new MutationObserver(check).observe(document, {subtree: true, childList: true, attributes: true});
  })();`;

async function load(url: string, selector: string): Promise<{card: number; ready: number}> {
  return withColdPage(async (page) => {
    await page.addInitScript(observer(selector));
    await page.goto(url);
    await page.waitForFunction(
      () =>
        performance.getEntriesByName("sb:bench-first-card").length > 0 &&
        performance.getEntriesByName("sb:bench-duckdb-ready").length > 0,
      null,
      {timeout: 0},
    );
    return page.evaluate(() => ({
      card: performance.getEntriesByName("sb:bench-first-card")[0]!.startTime,
      ready: performance.getEntriesByName("sb:bench-duckdb-ready")[0]!.startTime,
    }));
  });
}

/** Medians of `loads` cold loads of each analysis page of a site built in `dist`. */
export async function firstCards(dist: string, loads: number, lang = "en"): Promise<FirstCard[]> {
  const server = await serveDirectory(dist);
  try {
    const out: FirstCard[] = [];
    for (const {page, selector} of FIRST_CARDS) {
      const runs = [];
      for (let i = 0; i < loads; i++) runs.push(await load(`${server.origin}/${lang}/${page}`, selector));
      out.push({
        page,
        loads,
        first_card_ms: Math.round(median(runs.map((r) => r.card))),
        duckdb_ready_ms: Math.round(median(runs.map((r) => r.ready))),
      });
    }
    return out;
  } finally {
    await server.close();
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const option = (name: string, fallback: string) => {
    const i = args.indexOf(`--${name}`);
    return i >= 0 ? args[i + 1]! : fallback;
  };
  const dist = args.find((a, i) => !a.startsWith("--") && !args[i - 1]?.startsWith("--")) ?? "dist";
  const results = await firstCards(dist, Number(option("loads", "5")), option("lang", "en"));
  process.stdout.write(
    formatTable(
      ["page", "loads", "first figure (ms)", "DuckDB ready (ms)"],
      results.map((r) => [r.page, String(r.loads), String(r.first_card_ms), String(r.duckdb_ready_ms)]),
    ) + "\n",
  );
}
