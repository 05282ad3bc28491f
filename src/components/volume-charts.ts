import * as Plot from "npm:@observablehq/plot";
import {formatDate, formatNumber, LOCALES, type Lang} from "./format.js";
import {messages} from "../i18n/messages.js";
import {hourTicks} from "./volume-series.js";
import {onClick} from "./chart-click.js";

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
  const weekday = (d: number) => m.weekdays[d - 1] ?? "";
  return Plot.plot({
    width: w,
    marginLeft: 44,
    ariaLabel: m.overview.byHour(timezone),
    ariaDescription: m.overview.chartAlt.byHour(slot(peak)),
    x: {label: m.overview.hour, ticks: hourTicks(w, 44), tickFormat: ticks(lang)},
    y: {label: null, tickFormat: weekday},
    color: {
      scheme: "blues",
      legend: true,
      label: m.overview.tickets,
      domain: [0, Math.max(1, ...rows.map((d) => Number(d.tickets)))],
      tickFormat: ticks(lang),
    },
    marks: [
      Plot.cell(rows, {
        x: "hour",
        y: "weekday",
        fill: "tickets",
        inset: 0.5,
        tip: {format: {x: ticks(lang), y: weekday, fill: ticks(lang)}},
      }),
    ],
  });
}

/**
 * Tickets per local day with spikes dotted and dated; the y axis starts at zero. With `onPick`,
 * a pointer follows the days and a click opens the day's tickets.
 */
export function dailyLine(
  rows: readonly Row[],
  {width = 640, lang = "en", onPick}: {width?: number; lang?: Lang; onPick?: (d: Row) => void} = {},
) {
  const t = messages(lang).overview;
  const spikes = rows.filter((d) => d.spike === true);
  const day = (d: Row) => new Date(`${String(d.day)}T00:00:00Z`);
  const title = (d: Row) => `${formatDate(String(d.day), lang)}: ${formatNumber(Number(d.tickets), lang)}`;
  const figure = Plot.plot({
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
      Plot.dot(spikes, {x: day, y: "tickets", fill: "#b35806", r: 4, title}),
      onPick ? Plot.tip(rows, Plot.pointerX({x: day, y: "tickets", title})) : null,
    ],
  });
  onClick(figure, onPick);
  return figure;
}

/** Tickets per month, stacked by channel, from zero; channels named in the page's language. */
export function channelMonthBars(
  rows: readonly {month: string; channel: string; tickets: number}[],
  {
    width = 640,
    lang = "en",
    channelName = (c: string) => c,
    onPick,
  }: {
    width?: number;
    lang?: Lang;
    channelName?: (c: string) => string;
    onPick?: (d: {month: string; channel: string; tickets: number}) => void;
  } = {},
) {
  const m = messages(lang);
  const all = [...new Set(rows.map((r) => r.month))].sort();
  const months = all.length;
  const month = (d: {month: string}) => new Date(`${d.month}-01T00:00:00Z`);
  // A label every month, or every 2nd or 3rd when the bars are too narrow for "Sep 24".
  const w = Math.max(width, MIN_WIDTH);
  const step = [1, 2, 3, 4, 6, 12].find((s) => (s * (w - 60)) / Math.max(1, months) >= 52) ?? 12;
  const monthText = (d: Date) =>
    d.toLocaleDateString(LOCALES[lang], {month: "short", year: "2-digit", timeZone: "UTC"});
  const figure = Plot.plot({
    width: w,
    height: 260,
    ariaLabel: m.volume.byChannelTime,
    ariaDescription: m.volume.chartAlt.byChannelTime(formatNumber(months, lang)),
    x: {
      type: "band",
      label: null,
      tickFormat: monthText,
      ticks: all.filter((_, i) => i % step === 0).map((d) => month({month: d})),
    },
    y: {label: m.overview.tickets, grid: true, nice: true, tickFormat: ticks(lang)},
    color: {legend: true, tickFormat: channelName},
    marks: [
      Plot.barY(rows, {
        x: month,
        y: "tickets",
        fill: "channel",
        tip: {format: {x: monthText, y: ticks(lang), fill: channelName}},
      }),
      Plot.ruleY([0]),
    ],
  });
  onClick(figure, onPick);
  return figure;
}

/**
 * Average tickets per occurrence of each weekday, by local hour: the cells of
 * volume-series.ts `hourlyAverages`. The colour scale runs from zero to the busiest average.
 */
export function averageHeatmap(
  cells: readonly {weekday: number; hour: number; average: number | null; tickets: number}[],
  {
    width = 640,
    lang = "en",
    timezone = "",
    onPick,
  }: {
    width?: number;
    lang?: Lang;
    timezone?: string;
    onPick?: (d: {weekday: number; hour: number; tickets: number}) => void;
  } = {},
) {
  const m = messages(lang);
  const w = Math.max(width, MIN_WIDTH);
  const peak = [...cells].sort((a, b) => (b.average ?? 0) - (a.average ?? 0))[0];
  const slot = peak ? `${m.weekdays[peak.weekday - 1]} ${peak.hour} h` : m.overview.none;
  const figure = Plot.plot({
    width: w,
    marginLeft: 44,
    ariaLabel: m.volume.heatmap(timezone),
    ariaDescription: m.overview.chartAlt.byHour(slot),
    x: {label: m.overview.hour, ticks: hourTicks(w, 44), tickFormat: ticks(lang)},
    y: {label: null, tickFormat: (d: number) => m.weekdays[d - 1] ?? ""},
    color: {
      scheme: "blues",
      legend: true,
      label: m.volume.perDay,
      domain: [0, Math.max(0.1, ...cells.map((d) => d.average ?? 0))],
      tickFormat: (x: number) => formatNumber(x, lang, 1),
    },
    marks: [
      Plot.cell(cells, {
        x: "hour",
        y: "weekday",
        fill: "average",
        inset: 0.5,
        tip: true,
        title: (d: {weekday: number; hour: number; average: number | null; tickets: number}) =>
          `${m.weekdays[d.weekday - 1]} ${d.hour} h: ${formatNumber(d.average, lang, 1)} (${formatNumber(d.tickets, lang)} ${m.overview.tickets})`,
      }),
    ],
  });
  onClick(figure, onPick);
  return figure;
}

/** Open tickets at the end of each day, from zero, with the day's created and solved as thin bars below. */
export function backlogChart(
  series: readonly {day: string; open: number; created: number; solved: number}[],
  {width = 640, lang = "en"}: {width?: number; lang?: Lang} = {},
) {
  const m = messages(lang);
  const day = (d: {day: string}) => new Date(`${d.day}T00:00:00Z`);
  const last = series[series.length - 1];
  return Plot.plot({
    width: Math.max(width, MIN_WIDTH),
    height: 220,
    ariaLabel: m.volume.backlog,
    ariaDescription: m.volume.chartAlt.backlog(
      formatNumber(series.length, lang),
      last ? formatNumber(last.open, lang) : m.overview.none,
      formatNumber(Math.max(0, ...series.map((d) => d.open)), lang),
    ),
    x: {
      type: "utc",
      label: null,
      tickFormat: (d: Date) =>
        d.toLocaleDateString(LOCALES[lang], {month: "short", year: "2-digit", timeZone: "UTC"}),
    },
    y: {
      label: m.volume.open,
      grid: true,
      domain: [0, Math.max(1, ...series.map((d) => d.open))],
      nice: true,
      tickFormat: ticks(lang),
    },
    marks: [
      Plot.areaY(series, {x: day, y: "open", fill: "var(--theme-foreground-focus)", fillOpacity: 0.15}),
      Plot.lineY(series, {x: day, y: "open", stroke: "var(--theme-foreground-focus)"}),
      Plot.ruleY([0]),
      Plot.tip(
        series,
        Plot.pointerX({
          x: day,
          y: "open",
          title: (d: {day: string; open: number; created: number; solved: number}) =>
            `${formatDate(d.day, lang)}\n${m.volume.open}: ${formatNumber(d.open, lang)}\n${m.volume.created}: ${formatNumber(d.created, lang)}\n${m.volume.solved}: ${formatNumber(d.solved, lang)}`,
        }),
      ),
    ],
  });
}
