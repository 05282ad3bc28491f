/**
 * The Speed page's redraw after a filter change, on the demo site in headless Chromium once
 * DuckDB-WASM is ready: from the filter bar's `sb:filter-change` mark to the later of the cards'
 * and the charts' marks (`sb:speed-cards`, `sb:speed-drawn`). The same cuts are then run by native
 * DuckDB in this process (the registry's SQL, and the page's times query with the counts made from
 * it, on the tables the command line loads), as the reference. Medians over the changes.
 *
 *   npx tsx bench/filter-change.ts [dist] [--changes 21]
 */
import {execFileSync} from "node:child_process";
import {mkdtemp, rm} from "node:fs/promises";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {fileURLToPath} from "node:url";
import type {Page} from "playwright-core";
import {serveDirectory} from "../test/browser/static-server.ts";
import {DEFAULT_FILTERS, type Filters} from "../src/components/filters.ts";
import {curveGrid, timesSql} from "../src/components/speed-sql.ts";
import {attainmentRows, channelTimes, curveRows, histogramRows} from "../src/components/speed-counts.ts";
import {readDatasetFiles} from "../loaders/node/dataset.ts";
import {openDatasetDir} from "../loaders/node/summary.ts";
import {kpi} from "../loaders/metrics/registry.ts";
import {runKpi} from "../loaders/metrics/run.ts";
import {DEFAULT_TARGETS} from "../loaders/metrics/kpis/targets.ts";
import {median, withColdPage} from "./cold-browser.ts";
import {formatTable} from "./table.ts";

/** The bar: a redraw within 100 ms (median) once DuckDB-WASM is ready. */
export const FILTER_CHANGE_MAX_MS = 100;

export interface FilterChangeBench {
  changes: number;
  browser_median_ms: number;
  browser_max_ms: number;
  native_median_ms: number;
  pass: boolean;
}

/** One change: tick a box, wait for both marks after it, return the milliseconds. */
async function change(page: Page, selector: string): Promise<number> {
  await page.click(selector);
  // No named function inside: tsx would wrap it in a helper the page does not have.
  await page.waitForFunction(
    () => {
      const c = performance.getEntriesByName("sb:filter-change").at(-1)?.startTime ?? -1;
      return (
        (performance.getEntriesByName("sb:speed-cards").at(-1)?.startTime ?? -1) > c &&
        (performance.getEntriesByName("sb:speed-drawn").at(-1)?.startTime ?? -1) > c
      );
    },
    null,
    {timeout: 0},
  );
  return page.evaluate(
    () =>
      Math.max(
        performance.getEntriesByName("sb:speed-cards").at(-1)!.startTime,
        performance.getEntriesByName("sb:speed-drawn").at(-1)!.startTime,
      ) - performance.getEntriesByName("sb:filter-change").at(-1)!.startTime,
  );
}

/** The cuts the browser made, by native DuckDB over the same tables: cards and distributions. */
async function native(
  dataset: string,
  cuts: Filters[],
  period: {from: string; to: string},
): Promise<number[]> {
  const runner = await openDatasetDir(await readDatasetFiles(dataset));
  try {
    const out: number[] = [];
    for (const f of cuts) {
      const t0 = performance.now();
      const options = {filter: {channel: f.channel}, clock: f.clock};
      for (const id of ["first_reply", "full_resolution", "requester_wait"])
        await runKpi(runner, kpi(id), options);
      const cut = {filters: f, period, metric: "first_reply" as const, clock: f.clock};
      const times = channelTimes(await runner.rows(timesSql(cut)));
      histogramRows(times);
      curveRows(times, curveGrid(Object.values(DEFAULT_TARGETS)));
      attainmentRows(times, DEFAULT_TARGETS);
      out.push(performance.now() - t0);
    }
    return out;
  } finally {
    runner.close();
  }
}

/**
 * `dataset`: the dataset directory the site was built from, for the native reference (a cube-mode
 * site over a big organisation); without it the demo is ingested for it.
 */
export async function filterChangeBench(
  dist: string,
  changes = 21,
  dataset: string | null = null,
): Promise<FilterChangeBench> {
  const server = await serveDirectory(dist);
  const demo = dataset ? null : await mkdtemp(join(tmpdir(), "servicebench-bench-demo-"));
  try {
    return await withColdPage((page) => measure(page, server.origin, dataset ?? demo!, changes, !dataset));
  } finally {
    await server.close();
    if (demo) await rm(demo, {recursive: true, force: true});
  }
}

/** The changes on the Speed page, then the same cuts natively. */
async function measure(
  page: Page,
  origin: string,
  dataset: string,
  changes: number,
  ingestDemo = true,
): Promise<FilterChangeBench> {
  await page.goto(`${origin}/en/speed`);
  await page.waitForFunction(() => performance.getEntriesByName("sb:speed-drawn").length > 0, null, {
    timeout: 0,
  });
  await page.click("details[data-dimension='channel'] summary");
  const channels = await page.$$eval("input[name='channel']", (ns) =>
    ns.map((n) => (n as HTMLInputElement).value),
  );
  const period = {
    from: await page.$eval("#filter-from", (n) => (n as HTMLInputElement).value),
    to: await page.$eval("#filter-to", (n) => (n as HTMLInputElement).value),
  };
  // Tick and untick each channel in turn: every change redraws every card and chart.
  const ms: number[] = [];
  const cuts: Filters[] = [];
  let chosen: string[] = [];
  for (let i = 0; i < changes; i++) {
    const c = channels[i % channels.length]!;
    chosen = chosen.includes(c) ? chosen.filter((x) => x !== c) : [...chosen, c];
    cuts.push({...DEFAULT_FILTERS, channel: chosen});
    ms.push(await change(page, `input[name='channel'][value='${c}']`));
  }
  if (ingestDemo)
    try {
      execFileSync(
        "node",
        ["bin/servicebench.js", "ingest", "data/demo", "--org", "demo-outdoor-gear", "--out", dataset],
        {
          stdio: "ignore",
        },
      );
    } catch (error) {
      if ((error as {status?: number}).status !== 1) throw error;
    }
  const reference = await native(dataset, cuts, period);
  const result = {
    changes,
    browser_median_ms: +median(ms).toFixed(1),
    browser_max_ms: +Math.max(...ms).toFixed(1),
    native_median_ms: +median(reference).toFixed(1),
    pass: median(ms) <= FILTER_CHANGE_MAX_MS,
  };
  console.log(
    `\n${formatTable(
      ["Speed page filter change", "median ms", "max ms", "bar"],
      [
        [
          "DuckDB-WASM, cards and charts drawn",
          String(result.browser_median_ms),
          String(result.browser_max_ms),
          result.pass ? "pass" : "FAIL",
        ],
        ["native DuckDB, same cuts (no drawing)", String(result.native_median_ms), "", ""],
      ],
      [0],
    )}`,
  );
  console.log(
    `\nBar: a redraw within ${FILTER_CHANGE_MAX_MS} ms (median of ${changes} changes) once DuckDB-WASM is ready.`,
  );
  return result;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const changes = process.argv.includes("--changes")
    ? Number(process.argv[process.argv.indexOf("--changes") + 1])
    : 21;
  const dist = process.argv[2] && !process.argv[2].startsWith("--") ? process.argv[2] : "dist";
  await filterChangeBench(dist, changes);
}
