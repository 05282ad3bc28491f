import * as Plot from "npm:@observablehq/plot";
import {formatNumber, formatPercent, LOCALES, type Lang} from "./format.js";
import {messages} from "../i18n/messages.js";
import {onClick} from "./chart-click.js";

type Row = Record<string, unknown>;

/** A card measured before layout can report a sliver of width; never draw narrower than this. */
const MIN_WIDTH = 320;

const month = (d: Row) => new Date(`${String(d.cut)}-01T00:00:00Z`);
const shown = (d: Row) => d.insufficient !== true && typeof d.value === "number";
const monthTick = (lang: Lang) => (d: Date) =>
  d.toLocaleDateString(LOCALES[lang], {month: "short", year: "2-digit", timeZone: "UTC"});

/**
 * A satisfaction score per month: each month a dot with its interval as a bar; months under the
 * minimum n are left out and named in the chart's description.
 */
function monthlyIntervals(
  rows: readonly Row[],
  {
    width,
    lang,
    ariaLabel,
    y,
    low,
    high,
    title,
    onPick,
  }: {
    width: number;
    lang: Lang;
    ariaLabel: string;
    y: {label: string; domain: [number, number]; tickFormat: (x: number) => string};
    /** The interval's ends: a column name or a function of the row. */
    low: string | ((d: Row) => number);
    high: string | ((d: Row) => number);
    title: (d: Row) => string;
    /** A click on a month gives its row (the page lists the month's responses). */
    onPick?: (d: Row) => void;
  },
) {
  const t = messages(lang).satisfaction;
  const ok = rows.filter(shown);
  const few = rows.filter((d) => !shown(d)).map((d) => String(d.cut));
  const figure = Plot.plot({
    width: Math.max(width, MIN_WIDTH),
    height: 240,
    ariaLabel,
    ariaDescription: t.chartAlt.overTime(
      formatNumber(ok.length, lang),
      few.length ? few.join(", ") : t.noneOmitted,
    ),
    x: {type: "utc", label: null, tickFormat: monthTick(lang)},
    y: {...y, grid: true},
    marks: [
      Plot.ruleY([0]),
      Plot.ruleX(ok, {x: month, y1: low, y2: high, stroke: "var(--theme-foreground-muted)", strokeWidth: 2}),
      Plot.dot(ok, {x: month, y: "value", fill: "var(--theme-foreground-focus)", r: 4, title}),
      onPick ? Plot.tip(ok, Plot.pointerX({x: month, y: "value", title})) : null,
    ],
  });
  onClick(figure, onPick);
  return figure;
}

/** CSAT per month with its Wilson 95 % interval, on a scale from 0 to 100 %. */
export function csatOverTime(
  rows: readonly Row[],
  {width = 640, lang = "en", onPick}: {width?: number; lang?: Lang; onPick?: (d: Row) => void} = {},
) {
  return monthlyIntervals(rows, {
    width,
    lang,
    onPick,
    ariaLabel: messages(lang).satisfaction.csatOverTime,
    y: {label: "CSAT", domain: [0, 1], tickFormat: (x: number) => formatPercent(x, lang, 0)},
    low: "ci_low",
    high: "ci_high",
    title: (d) =>
      `${String(d.cut)}: ${formatPercent(Number(d.value), lang)} (${formatPercent(Number(d.ci_low), lang)}–${formatPercent(Number(d.ci_high), lang)}, n = ${formatNumber(Number(d.n), lang)})`,
  });
}

/** NPS per month with its 95 % margin of error, on the full -100..100 scale. */
export function npsOverTime(
  rows: readonly Row[],
  {width = 640, lang = "en", onPick}: {width?: number; lang?: Lang; onPick?: (d: Row) => void} = {},
) {
  return monthlyIntervals(rows, {
    width,
    lang,
    onPick,
    ariaLabel: messages(lang).satisfaction.npsOverTime,
    y: {label: "NPS", domain: [-100, 100], tickFormat: (x: number) => formatNumber(x, lang)},
    low: (d) => Number(d.value) - Number(d.moe),
    high: (d) => Number(d.value) + Number(d.moe),
    title: (d) =>
      `${String(d.cut)}: ${formatNumber(Number(d.value), lang)} ± ${formatNumber(Number(d.moe), lang, 1)} (n = ${formatNumber(Number(d.n), lang)})`,
  });
}

/**
 * CSAT (0..100 %) or NPS (-100..100) per first-reply bucket, with its interval, buckets in the
 * registry's order; a bucket under the minimum n has no bar and is named in the description.
 */
export function bucketChart(
  rows: readonly Row[],
  {
    width = 640,
    lang = "en",
    kind,
    onPick,
  }: {width?: number; lang?: Lang; kind: "csat" | "nps"; onPick?: (d: Row) => void},
) {
  const t = messages(lang).satisfaction;
  const label = (d: Row) => t.buckets[String(d.bucket)] ?? String(d.bucket);
  const order = [...rows].sort((a, b) => Number(a.bucket_order) - Number(b.bucket_order)).map(label);
  const ok = rows.filter(shown);
  const few = rows.filter((d) => !shown(d)).map(label);
  const nps = kind === "nps";
  if (!ok.length) {
    const note = document.createElement("p");
    note.className = "muted";
    note.textContent = rows.length ? t.bucketsTooFew : t.noLinked;
    return note;
  }
  const low = (d: Row) => (nps ? Number(d.value) - Number(d.moe) : Number(d.ci_low));
  const high = (d: Row) => (nps ? Number(d.value) + Number(d.moe) : Number(d.ci_high));
  const text = (x: number) => (nps ? formatNumber(x, lang) : formatPercent(x, lang, 0));
  const figure = Plot.plot({
    width: Math.max(width, MIN_WIDTH),
    height: 220,
    marginLeft: 90,
    ariaLabel: nps ? t.npsByBucket : t.csatByBucket,
    ariaDescription: t.chartAlt.byBucket(few.length ? few.join(", ") : t.noneOmitted),
    x: {label: nps ? "NPS" : "CSAT", domain: nps ? [-100, 100] : [0, 1], grid: true, tickFormat: text},
    y: {label: null, domain: order},
    marks: [
      Plot.barX(ok, {x: "value", y: label, fill: "var(--theme-foreground-focus)", fillOpacity: 0.7}),
      Plot.ruleY(ok, {y: label, x1: low, x2: high, stroke: "var(--theme-foreground)", strokeWidth: 1.5}),
      Plot.ruleX([0]),
      Plot.text(ok, {
        x: "value",
        y: label,
        text: (d: Row) => `n = ${formatNumber(Number(d.n), lang)}`,
        textAnchor: "start",
        dx: 6,
        dy: -8,
        fontSize: 10,
        fill: "var(--theme-foreground-muted)",
      }),
      onPick
        ? Plot.tip(
            ok,
            Plot.pointerY({
              x: "value",
              y: label,
              title: (d: Row) =>
                `${label(d)}: ${text(Number(d.value))} (n = ${formatNumber(Number(d.n), lang)})`,
            }),
          )
        : null,
    ],
  });
  onClick(figure, onPick);
  return figure;
}
