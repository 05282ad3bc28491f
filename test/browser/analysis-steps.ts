/**
 * Steps the analysis pages' browser tests share: the command line's rows for a filtered KPI, a
 * filter ticked as a visitor ticks it, the Speed page's tallest bar opened with its CSV, and the
 * Team page's one filtered group row checked against the command line.
 */
import {readFileSync} from "node:fs";
import type {Page} from "playwright-core";
import {expect} from "vitest";
import {formatNumber, formatPercent} from "../../src/components/format.ts";
import {cli} from "./cli-kpis.ts";

export type CliRow = Record<string, number | string | boolean | null>;

/** One KPI's rows from `servicebench kpis --json` on a dataset with the given options. */
export function cliKpi(dataset: string, id: string, ...options: string[]): CliRow[] {
  const report = JSON.parse(cli("kpis", dataset, "--json", ...options).stdout) as {
    kpis: {id: string; rows: CliRow[]}[];
  };
  const k = report.kpis.find((x) => x.id === id);
  if (!k) throw new Error(`${id} missing from the command line's output`);
  return k.rows;
}

/** Ticks one value of one filter in the bar (opening its list first), as a visitor would. */
export async function tick(page: Page, dimension: string, value: string): Promise<void> {
  await page.click(`details[data-dimension='${dimension}'] > summary`);
  await page.check(`details[data-dimension='${dimension}'] input[name='${dimension}'][value='${value}']`);
  await page.click(`details[data-dimension='${dimension}'] > summary`);
}

/**
 * Opens the Speed page's tallest bar, clicked in its middle as a visitor would, then downloads its
 * list: the drill-down's target, total, rows listed and source, the bar's own count, and the CSV's
 * lines (header first).
 */
export async function drillTallestBar(page: Page) {
  await page.$eval("#speed-histogram svg[aria-label] g[aria-label='bar']", (g) =>
    g.scrollIntoView({block: "center"}),
  );
  const box = await page.$$eval("#speed-histogram svg g[aria-label='bar'] rect", (rects) => {
    const r = rects.map((x) => x.getBoundingClientRect()).reduce((a, b) => (b.height > a.height ? b : a));
    return {x: r.x + r.width / 2, y: r.y + r.height / 2};
  });
  await page.mouse.move(box.x, box.y);
  await page.mouse.click(box.x, box.y);
  await page.waitForSelector(".drill-down", {timeout: 0});
  const drill = await page.$eval(".drill-down", (d) => ({
    target: JSON.parse(d.getAttribute("data-target")!) as {channel: string; band: number},
    total: Number(d.getAttribute("data-total")),
    rows: d.querySelectorAll("tbody tr").length,
    source: d.getAttribute("data-source"),
  }));
  const bar = await page.$eval(
    `#speed-histogram-table button[data-channel='${drill.target.channel}'][data-band='${drill.target.band}']`,
    (b) => Number(b.getAttribute("data-tickets")),
  );
  const [download] = await Promise.all([
    page.waitForEvent("download", {timeout: 0}),
    page.click(".drill-down .csv-download"),
  ]);
  const csv = readFileSync((await download.path())!, "utf8")
    .replace(/^\ufeff/, "")
    .trimEnd()
    .split("\r\n");
  return {drill, bar, csv};
}

/**
 * The French Team page filtered to one channel and one group shows that one group, named, with
 * the tickets, one-touch and CSAT of `kpis --by group` under the same filters. Returns those rows.
 */
export async function expectTeamGroupRow(
  page: Page,
  dataset: string,
  {channel, group, name}: {channel: string; group: string; name: string},
): Promise<{tickets: CliRow; csat: CliRow}> {
  const options = ["--by", "group", "--channel", channel, "--group", group];
  const tickets = cliKpi(dataset, "tickets", ...options);
  const oneTouch = cliKpi(dataset, "one_touch", ...options);
  const csat = cliKpi(dataset, "csat", ...options);
  // The filter keeps one group: one row, named as the export names it.
  expect(tickets.map((r) => r.cut)).toEqual([group]);
  const cells = await page.$$eval("#team-groups tbody tr", (rows) =>
    rows.map((r) => Array.from(r.querySelectorAll("td"), (td) => td.textContent ?? "")),
  );
  expect(cells.length).toBe(1);
  const [shown, count, , , touch, , satisfaction] = cells[0]!;
  expect(shown).toBe(name);
  expect(count).toBe(formatNumber(Number(tickets[0]!.n), "fr"));
  expect(touch).toBe(formatPercent(Number(oneTouch[0]!.value), "fr"));
  expect(satisfaction).toBe(formatPercent(Number(csat[0]!.value), "fr"));
  return {tickets: tickets[0]!, csat: csat[0]!};
}
