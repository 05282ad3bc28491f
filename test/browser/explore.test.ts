import {readFile, readdir} from "node:fs/promises";
import {join} from "node:path";
import {tableFromIPC} from "apache-arrow";
import type {Page} from "playwright-core";
import {afterAll, beforeAll, describe, expect, it} from "vitest";
import {CUBE_TABLE_NAMES, cubeTableSpec} from "../../loaders/metrics/cube-tables.ts";
import {createHelpers} from "../../loaders/metrics/macros.ts";
import {TABLES} from "../../loaders/metrics/prepare.ts";
import type {TableSpec} from "../../loaders/metrics/types.ts";
import {NativeRunner} from "../../loaders/node/duckdb-native.ts";
import {formatNumber, type Lang} from "../../src/components/format.ts";
import {chromiumAvailable, launch, type Browser} from "./chromium.ts";
import {serveDirectory} from "./static-server.ts";
import {DIST, DIST_CUBES, settled} from "./site.ts";

/** Wilson's 95 % score interval written out by hand: (p + z²/2n ± z·sqrt(p(1-p)/n + z²/4n²)) / (1 + z²/n). */
function wilsonByHand(k: number, n: number): [number, number] {
  const z = 1.96;
  const p = k / n;
  const centre = p + (z * z) / (2 * n);
  const half = z * Math.sqrt((p * (1 - p)) / n + (z * z) / (4 * n * n));
  return [(centre - half) / (1 + (z * z) / n), (centre + half) / (1 + (z * z) / n)];
}

const SITES = [
  {
    mode: "tickets",
    dist: DIST,
    specs: TABLES as readonly TableSpec[],
    query: `SELECT channel, count(*) AS tickets, sum(CASE WHEN solved THEN 1 ELSE 0 END) AS solved
FROM tickets GROUP BY channel ORDER BY channel`,
    bad: "SELECT nope FROM tickets",
  },
  {
    mode: "cubes",
    dist: DIST_CUBES,
    specs: [
      ...CUBE_TABLE_NAMES.map(cubeTableSpec),
      ...TABLES.filter((t) => t.name === "days" || t.name === "meta"),
    ],
    query: `SELECT tag, sum(tickets) AS tickets, sum(rating_good) AS good
FROM cube_tag GROUP BY tag ORDER BY tag`,
    bad: "SELECT nope FROM cube_tag",
  },
] as const;

/**
 * The shipped Arrow files of `dist` loaded into native DuckDB with the same helpers: the same
 * tables the page queries, through an engine other than the page's.
 */
async function nativeOver(dist: string, specs: readonly TableSpec[]): Promise<NativeRunner> {
  const runner = await NativeRunner.create();
  const dir = join(dist, "_file", "data");
  const files = await readdir(dir);
  for (const spec of specs) {
    const file = files.find((f) => new RegExp(`^${spec.name}\\.[0-9a-f]+\\.arrow$`).test(f));
    if (!file) throw new Error(`${spec.name} is not in ${dir}`);
    const table = tableFromIPC(await readFile(join(dir, file)));
    await runner.load(
      spec,
      table.toArray().map((r: {toJSON(): Record<string, unknown>}) => r.toJSON()),
    );
  }
  await createHelpers(
    runner,
    specs.map((s) => s.name),
  );
  return runner;
}

/** Types a query into the editor and runs it with Ctrl+Enter; resolves once its result or error is shown. */
async function runQuery(page: Page, sql: string): Promise<string> {
  await page.locator("#sql-input").fill(sql);
  await page.evaluate(() => delete document.querySelector<HTMLElement>("#sql-result")!.dataset.state);
  await page.locator("#sql-input").press("Control+Enter");
  await page.waitForSelector("#sql-result[data-state='done'], #sql-result[data-state='error']", {timeout: 0});
  return (await page.getAttribute("#sql-result", "data-state"))!;
}

/** The result table's cells as text, row by row. */
const shownRows = (page: Page) =>
  page.$$eval("#sql-result table tbody tr", (trs) =>
    trs.map((tr) => Array.from(tr.querySelectorAll("td"), (td) => td.textContent ?? "")),
  );

/** Saves the result through its CSV link and returns the file's text. */
async function downloadCsv(page: Page): Promise<string> {
  const [download] = await Promise.all([
    page.waitForEvent("download", {timeout: 0}),
    page.locator("#sql-result a.csv-download").click(),
  ]);
  return readFile((await download.path())!, "utf8");
}

/** A native result as the table writes it: integers grouped per locale, text as is. */
const asShown = (rows: Record<string, unknown>[], lang: Lang) =>
  rows.map((r) => Object.values(r).map((v) => (typeof v === "number" ? formatNumber(v, lang) : String(v))));

for (const site of SITES) {
  describe.skipIf(!chromiumAvailable)(`Explore with SQL, ${site.mode} mode`, () => {
    let server: Awaited<ReturnType<typeof serveDirectory>>;
    let browser: Browser;
    let native: NativeRunner;
    beforeAll(async () => {
      server = await serveDirectory(site.dist);
      browser = await launch(server.origin);
      native = await nativeOver(site.dist, site.specs);
    });
    afterAll(async () => {
      native?.close();
      await browser?.close();
      await server?.close();
    });

    for (const lang of ["en", "fr"] as const) {
      it(`${lang}: runs typed SQL, macros, CSV, errors and shared links as native DuckDB does`, async () => {
        const visit = await browser.visit(`${server.origin}/${lang}/explore`, `explore-${site.mode}-${lang}`);
        const {page} = visit;
        expect(await settled(page)).toEqual([]);
        // The documentation is there at once, one entry per shipped table.
        expect(await page.locator("#tables details").count()).toBe(site.specs.length);
        // The starting example runs once DuckDB is ready, and charts.
        await page.waitForSelector("#sql-status[data-state='ready']", {timeout: 0});
        await page.waitForSelector("#sql-result[data-state='done']", {timeout: 0});
        expect(Number(await page.getAttribute("#sql-result", "data-rows"))).toBeGreaterThan(0);
        expect(await page.locator("#sql-result .quick-chart svg").count()).toBe(1);
        const name = `explore-${site.mode}-${lang}`;
        expect(await browser.screenshotAt(visit, name, 1280)).toBe(0);
        expect(await browser.screenshotAt(visit, name, 390)).toBe(0);
        await page.setViewportSize({width: 1280, height: 900});

        // Tab indents inside the editor.
        await page.locator("#sql-input").fill("SELECT");
        await page.locator("#sql-input").press("End");
        await page.locator("#sql-input").press("Tab");
        expect(await page.locator("#sql-input").inputValue()).toBe("SELECT  ");

        // A typed query: the table holds what native DuckDB returns over the same tables.
        expect(await runQuery(page, site.query)).toBe("done");
        const expected = (await native.rows(site.query)).map((r) =>
          Object.fromEntries(Object.entries(r).map(([k, v]) => [k, typeof v === "bigint" ? Number(v) : v])),
        );
        expect(expected.length).toBeGreaterThan(1);
        expect(await shownRows(page)).toEqual(asShown(expected, lang));
        const csv = await downloadCsv(page);
        const lines = csv
          .replace(/^\ufeff/, "")
          .trimEnd()
          .split("\r\n");
        expect(lines[0]).toBe(Object.keys(expected[0]!).join(","));
        expect(lines.slice(1)).toEqual(expected.map((r) => Object.values(r).map(String).join(",")));

        // The address keeps the query; reloading it shows the same result.
        expect(new URL(page.url()).searchParams.get("q")).toBe(site.query);
        await page.reload();
        await page.waitForSelector("#sql-result[data-state='done']", {timeout: 0});
        expect(await page.locator("#sql-input").inputValue()).toBe(site.query);
        expect(await shownRows(page)).toEqual(asShown(expected, lang));

        // A macro, against Wilson's interval computed by hand; the CSV keeps every digit.
        expect(await runQuery(page, "SELECT wilson_low(8, 10) AS low, wilson_high(8, 10) AS high")).toBe(
          "done",
        );
        const [low, high] = wilsonByHand(8, 10);
        const values = (await downloadCsv(page))
          .replace(/^\ufeff/, "")
          .trimEnd()
          .split("\r\n");
        expect(values[0]).toBe("low,high");
        const [l, h] = values[1]!.split(",").map(Number);
        expect(l).toBeCloseTo(low, 12);
        expect(h).toBeCloseTo(high, 12);
        expect(await shownRows(page)).toEqual([[formatNumber(low, lang, 3), formatNumber(high, lang, 3)]]);

        // A bad query shows DuckDB's own message.
        expect(await runQuery(page, site.bad)).toBe("error");
        const message = await page.locator("#sql-error pre").innerText();
        expect(message).toContain("Binder Error");
        expect(message).toContain("nope");

        expect({problems: visit.problems, foreign: visit.foreign}).toEqual({problems: [], foreign: []});
        await page.close();
      });
    }
  });
}
