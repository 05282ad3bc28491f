/**
 * Every Plot chart of the site writes its numbers through format.ts: drawn in French with
 * negative values and thousands, each number on an axis uses the minus sign (U+2212) and the
 * narrow no-break space between thousands, never "-1,000" or "1000". The charts are drawn by
 * Plot itself in a jsdom document (the pages' `npm:` import resolved to the installed package).
 */
import {JSDOM} from "jsdom";
import {beforeAll, describe, expect, it, vi} from "vitest";
import {formatNumber, formatPercent, MINUS} from "../../src/components/format.ts";

vi.mock("npm:@observablehq/plot", async () => await import("@observablehq/plot"));

type Chart = () => Element;
const NNBSP = "\u202f";

/** A number as French writes it on an axis: −1 234,5, with an optional percent sign. */
const FRENCH_NUMBER = new RegExp(`^${MINUS}?\\d{1,3}(${NNBSP}\\d{3})*(,\\d+)?(${NNBSP}%| [a-z./]+)?$`);

/** The tick labels of a chart's axes named in `axes` ("x", "y", "fy"...). */
function ticks(chart: Element, axes: readonly string[]): string[] {
  return axes.flatMap((a) =>
    Array.from(
      chart.querySelectorAll(`g[aria-label="${a}-axis tick label"] text`),
      (t) => t.textContent ?? "",
    ),
  );
}

let charts: Record<string, {draw: Chart; axes: string[]; negative?: boolean}>;

beforeAll(async () => {
  const dom = new JSDOM("<!doctype html><body></body>");
  Object.assign(globalThis, {window: dom.window, document: dom.window.document});
  // jsdom has no canvas: a colour legend's ramp is painted on one, which no test here reads.
  const paint = {fillRect: () => {}, fillStyle: ""};
  Object.assign(dom.window.HTMLCanvasElement.prototype, {getContext: () => paint, toDataURL: () => ""});
  const sat = await import("../../src/components/satisfaction-charts.ts");
  const vol = await import("../../src/components/volume-charts.ts");
  const speed = await import("../../src/components/speed-charts.ts");
  const {quickChart} = await import("../../src/components/quick-chart.ts");
  const {peerStripCard} = await import("../../src/components/peer-strip-card.ts");
  const lang = "fr" as const;
  const days = Array.from({length: 60}, (_, i) => ({
    day: new Date(Date.UTC(2026, 0, 1 + i)).toISOString().slice(0, 10),
    tickets: 1500 + 40 * i,
    spike: i === 30,
  }));
  charts = {
    npsOverTime: {
      draw: () =>
        sat.npsOverTime(
          [
            {cut: "2026-01", value: -35, moe: 10, n: 100},
            {cut: "2026-02", value: 20, moe: 8, n: 120},
          ],
          {lang},
        ),
      axes: ["y"],
      negative: true,
    },
    npsByBucket: {
      draw: () =>
        sat.bucketChart([{bucket: "lt_1h", bucket_order: 1, value: -20, moe: 5, n: 50}], {
          lang,
          kind: "nps",
        }) as Element,
      axes: ["x"],
      negative: true,
    },
    channelBars: {
      draw: () =>
        vol.channelBars(
          [
            {channel: "email", tickets: 12000},
            {channel: "chat", tickets: 3000},
          ],
          {lang},
        ),
      axes: ["x"],
    },
    dailyLine: {draw: () => vol.dailyLine(days, {lang}), axes: ["y"]},
    hourHeatmap: {
      draw: () =>
        vol.hourHeatmap(
          Array.from({length: 24}, (_, hour) => ({weekday: 1, hour, tickets: 100 * hour})),
          {lang, width: 900},
        ),
      axes: ["x"],
    },
    channelMonthBars: {
      draw: () =>
        vol.channelMonthBars(
          [
            {month: "2026-01", channel: "email", tickets: 9000},
            {month: "2026-02", channel: "chat", tickets: 4000},
          ],
          {lang},
        ),
      axes: ["y"],
    },
    backlogChart: {
      draw: () =>
        vol.backlogChart(
          days.map((d) => ({day: d.day, open: d.tickets, created: 10, solved: 9})),
          {lang},
        ),
      axes: ["y"],
    },
    histogramChart: {
      draw: () =>
        speed.histogramChart(
          [
            {channel: "email", band: 3, tickets: 5200},
            {channel: "email", band: 6, tickets: 800},
          ],
          {lang, colors: ["email"], onPick: () => {}},
        ),
      axes: ["y"],
    },
    curveChart: {
      draw: () =>
        speed.curveChart(
          [
            {channel: "email", x: 1, within: 10, n: 100},
            {channel: "email", x: 60, within: 80, n: 100},
          ],
          {lang, targets: {}, colors: ["email"], onPick: () => {}},
        ),
      axes: ["y"],
    },
    quickChartDots: {
      draw: () =>
        quickChart(
          [
            {a: -1500, b: 2500},
            {a: 3000, b: -400},
            {a: 1200, b: 900},
          ],
          ["a", "b"],
          {lang},
        ),
      axes: ["x", "y"],
      negative: true,
    },
    peerStripNps: {
      draw: () =>
        peerStripCard("nps", {
          dist: {
            n: 10,
            p25: -30,
            p50: 5,
            p75: 30,
            bins: [
              {x0: -60, x1: 0, n: 5},
              {x0: 0, x1: 60, n: 5},
            ],
          },
          you: -12,
          published: [],
          industry: null,
          lang,
          sized: (render) => render(600),
        }),
      axes: ["x"],
      negative: true,
    },
  };
});

describe("chart ticks in French", () => {
  it("format.ts writes the minus sign and narrow spaces in French, and never -0", () => {
    expect(formatNumber(-1234.5, "fr", 1)).toBe(`${MINUS}1${NNBSP}234,5`);
    expect(formatPercent(-0.05, "fr", 0)).toBe(`${MINUS}5${NNBSP}%`);
    expect(formatNumber(-0.4, "fr")).toBe("0");
    expect(formatNumber(-0.4, "en")).toBe("0");
    // English keeps Intl's own writing.
    expect(formatNumber(-1234.5, "en", 1)).toBe("-1,234.5");
  });

  const names = [
    "npsOverTime",
    "npsByBucket",
    "channelBars",
    "dailyLine",
    "hourHeatmap",
    "channelMonthBars",
    "backlogChart",
    "histogramChart",
    "curveChart",
    "quickChartDots",
    "peerStripNps",
  ];
  for (const name of names)
    it(`${name}: every number on its axes is written the French way`, () => {
      const {draw, axes, negative} = charts[name]!;
      const chart = draw();
      const labels = ticks(chart, axes);
      expect(labels.length, "ticks drawn").toBeGreaterThan(1);
      for (const label of labels) expect(label, name).toMatch(FRENCH_NUMBER);
      if (negative)
        expect(
          labels.some((l) => l.startsWith(MINUS)),
          "a negative tick",
        ).toBe(true);
      // No hyphen-minus as a sign anywhere in the chart's words (titles and legends included);
      // a date's "2026-01" is no sign.
      const words = Array.from(chart.querySelectorAll("text, title, span"), (n) => n.textContent ?? "");
      for (const w of words) expect(w, name).not.toMatch(/(^|[\s(:=])-\d/);
    });

  it("draws thousands with the narrow no-break space", () => {
    const labels = ticks(charts.channelBars!.draw(), ["x"]);
    expect(labels.some((l) => l.includes(NNBSP))).toBe(true);
  });
});
