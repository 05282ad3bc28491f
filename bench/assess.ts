/**
 * The self-assessment part of `npm run bench`: a 100,000-ticket Zendesk export dropped on the
 * built site's self-assessment page in headless Chromium, timed from the drop to the placement on
 * screen (the page's own marks, `sb:assess-drop` to `sb:assess-placed`), against
 * `servicebench ingest` plus `servicebench place` on the same file natively, in the same run.
 */
import {spawnSync} from "node:child_process";
import {mkdtemp, rm} from "node:fs/promises";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {serveDirectory} from "../test/browser/static-server.ts";
import {median, withColdPage} from "./cold-browser.ts";
import {formatTable} from "./table.ts";
import {zendeskCsv} from "./zendesk-csv.ts";

/** The bars of the self-assessment issue. */
export const ASSESS_MAX_MS = 5000;
export const ASSESS_MAX_RATIO_TO_CLI = 3;
export const ASSESS_ROWS = 100_000;

export interface AssessBench {
  rows: number;
  drops: number;
  /** Median, drop to placement on screen, in the browser. */
  browser_ms: number;
  /** Median, `servicebench ingest` then `servicebench place`, wall time of both processes. */
  cli_ms: number;
  ratio_to_cli: number;
  pass: boolean;
}

/** `servicebench ingest` + `place` on the file, natively: the command line a user would run. */
async function cliRun(file: string): Promise<number> {
  const out = await mkdtemp(join(tmpdir(), "servicebench-assess-bench-"));
  try {
    const t0 = performance.now();
    const cli = (...args: string[]) => {
      const r = spawnSync("node", ["bin/servicebench.js", ...args], {encoding: "utf8"});
      if (r.status !== 0 && r.status !== 1) throw new Error(`servicebench ${args[0]}: ${r.stderr}`);
    };
    cli("ingest", file, "--org", "bench", "--out", join(out, "dataset"));
    cli("place", join(out, "dataset"), "--json");
    return performance.now() - t0;
  } finally {
    await rm(out, {recursive: true, force: true});
  }
}

/** One drop on a freshly loaded page: from the drop to the placement on screen. */
function browserRun(origin: string, file: string): Promise<number> {
  return withColdPage(async (page) => {
    await page.goto(`${origin}/en/assess`);
    // The drop is timed once the page is ready, as a user drops once it says so.
    await page.waitForSelector("#assess-status[data-state='ready']", {timeout: 0});
    await page.setInputFiles("#assess-files", file, {timeout: 0});
    await page.waitForSelector("#assess-result[data-ready='true'], #assess-error", {timeout: 0});
    const failed = await page.$("#assess-error");
    if (failed) throw new Error(`the page could not assess ${file}: ${await failed.textContent()}`);
    return await page.evaluate(
      () =>
        performance.getEntriesByName("sb:assess-placed")[0]!.startTime -
        performance.getEntriesByName("sb:assess-drop")[0]!.startTime,
    );
  });
}

export async function assessBench(output: string, dist: string, drops: number): Promise<AssessBench> {
  const {file} = await zendeskCsv(output, ASSESS_ROWS, "iso");
  const server = await serveDirectory(dist);
  const browser: number[] = [];
  const cli: number[] = [];
  try {
    // Alternated, so that both see the same load on the machine.
    for (let i = 0; i < drops; i++) {
      console.log(
        `self-assessment: drop ${i + 1}/${drops} of ${ASSESS_ROWS.toLocaleString("en-US")} tickets`,
      );
      browser.push(await browserRun(server.origin, file));
      cli.push(await cliRun(file));
    }
  } finally {
    await server.close();
  }
  const browserMs = Math.round(median(browser));
  const cliMs = Math.round(median(cli));
  const ratio = +(browserMs / cliMs).toFixed(2);
  const result: AssessBench = {
    rows: ASSESS_ROWS,
    drops,
    browser_ms: browserMs,
    cli_ms: cliMs,
    ratio_to_cli: ratio,
    pass: browserMs <= ASSESS_MAX_MS && ratio <= ASSESS_MAX_RATIO_TO_CLI,
  };
  console.log(
    `\n${formatTable(
      ["self-assessment", "drop to placement ms", "ingest + place ms (native)", "x native", "bar"],
      [
        [
          `${ASSESS_ROWS.toLocaleString("en-US")} tickets`,
          String(browserMs),
          String(cliMs),
          ratio.toFixed(2),
          result.pass ? "pass" : "FAIL",
        ],
      ],
      [0],
    )}`,
  );
  console.log(
    `\nBar: drop to placement within ${ASSESS_MAX_MS} ms and ${ASSESS_MAX_RATIO_TO_CLI}x the native command line (median of ${drops} drops).`,
  );
  return result;
}
