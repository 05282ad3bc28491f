import * as Plot from "npm:@observablehq/plot";
import {formatDate, formatNumber, LOCALES, type Lang} from "./format.js";
import {messages} from "../i18n/messages.js";

type Row = Record<string, unknown>;

/** A card measured before layout can report a sliver of width; never draw narrower than this. */
const MIN_WIDTH = 320;

/** Plot's number ticks in the page's language. */
const ticks = (lang: Lang) => (x: number) => formatNumber(x, lang);

/** Tickets per channel as horizontal bars from zero, largest first. */
export function channelBars(
  rows: readonly Row[],
  {width = 640, lang = "en"}: {width?: number; lang?: Lang} = {},
) {
  const t = messages(lang).overview;
  const top = [...rows].sort((a, b) => Number(b.tickets) - Number(a.tickets))[0];
  return Plot.plot({
    width: Math.max(width, MIN_WIDTH),
    marginLeft: 80,
    ariaLabel: t.byChannel,
    ariaDescription: t.chartAlt.byChannel(
      top ? `${top.channel} (${formatNumber(Number(top.tickets), lang)})` : t.none,
    ),
    x: {label: t.tickets, grid: true, tickFormat: ticks(lang), nice: true},
    y: {label: null},
    marks: [
      Plot.barX(rows, {
        x: "tickets",
        y: "channel",
        sort: {y: "-x"},
        fill: "var(--theme-foreground-focus)",
        tip: {format: {x: ticks(lang)}},
      }),
      Plot.ruleX([0]),
    ],
  });
}

/** Tickets by weekday (rows) and local hour (columns); the colour scale starts at zero. */
export function hourHeatmap(
  rows: readonly Row[],
  {width = 640, lang = "en", timezone = ""}: {width?: number; lang?: Lang; timezone?: string} = {},
) {
  const m = messages(lang);
  const w = Math.max(width, MIN_WIDTH);
  const peak = [...rows].sort((a, b) => Number(b.tickets) - Number(a.tickets))[0];
  const slot = (d: Row | undefined) =>
    d ? `${m.weekdays[Number(d.weekday) - 1]} ${d.hour} h` : m.overview.none;
  return Plot.plot({
    width: w,
    marginLeft: 44,
    ariaLabel: m.overview.byHour(timezone),
    ariaDescription: m.overview.chartAlt.byHour(slot(peak)),
    // Every third hour on a phone, so the labels never overlap.
    x: {
      label: m.overview.hour,
      ticks: w < 560 ? [0, 3, 6, 9, 12, 15, 18, 21] : [0, 2, 4, 6, 8, 10, 12, 14, 16, 18, 20, 22],
    },
    y: {label: null, tickFormat: (d: number) => m.weekdays[d - 1] ?? ""},
    color: {
      scheme: "blues",
      legend: true,
      label: m.overview.tickets,
      domain: [0, Math.max(1, ...rows.map((d) => Number(d.tickets)))],
      tickFormat: ticks(lang),
    },
    marks: [Plot.cell(rows, {x: "hour", y: "weekday", fill: "tickets", inset: 0.5, tip: true})],
  });
}

/** Tickets per local day with spikes dotted and dated; the y axis starts at zero. */
export function dailyLine(
  rows: readonly Row[],
  {width = 640, lang = "en"}: {width?: number; lang?: Lang} = {},
) {
  const t = messages(lang).overview;
  const spikes = rows.filter((d) => d.spike === true);
  const day = (d: Row) => new Date(`${String(d.day)}T00:00:00Z`);
  return Plot.plot({
    width: Math.max(width, MIN_WIDTH),
    height: 220,
    ariaLabel: t.byDay,
    ariaDescription: t.chartAlt.byDay(
      formatNumber(rows.length, lang),
      spikes.length ? spikes.map((d) => formatDate(String(d.day), lang)).join(", ") : t.none,
    ),
    x: {
      type: "utc",
      label: null,
      tickFormat: (d: Date) =>
        d.toLocaleDateString(LOCALES[lang], {month: "short", year: "2-digit", timeZone: "UTC"}),
    },
    y: {
      label: t.tickets,
      grid: true,
      domain: [0, Math.max(1, ...rows.map((d) => Number(d.tickets)))],
      nice: true,
      tickFormat: ticks(lang),
    },
    marks: [
      Plot.lineY(rows, {x: day, y: "tickets", stroke: "var(--theme-foreground-muted)"}),
      Plot.ruleY([0]),
      Plot.dot(spikes, {
        x: day,
        y: "tickets",
        fill: "#b35806",
        r: 4,
        title: (d: Row) => `${formatDate(String(d.day), lang)}: ${formatNumber(Number(d.tickets), lang)}`,
      }),
    ],
  });
}
