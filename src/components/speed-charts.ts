import * as Plot from "npm:@observablehq/plot";
import {h} from "./dom.js";
import {formatMinutes, formatNumber, formatPercent, type Lang} from "./format.js";
import {BAND_EDGES, bandRange, type ChannelTargets} from "./speed-sql.js";
import {messages} from "../i18n/messages.js";

type Row = Record<string, unknown>;

/** A chart measured before layout can report a sliver of width; never draw narrower than this. */
const MIN_WIDTH = 320;

/** A band as read on the axis: "< 1 min", "1–2 min", "≥ 30 d". */
export function bandLabel(band: number, lang: Lang): string {
  const {lo, hi} = bandRange(band);
  if (lo === 0 && hi !== null) return `< ${formatMinutes(hi, lang)}`;
  if (hi === null) return `≥ ${formatMinutes(lo, lang)}`;
  return `${formatMinutes(lo, lang)}–${formatMinutes(hi, lang)}`;
}

const channelName = (lang: Lang) => (c: unknown) => {
  const t = messages(lang).filters;
  return c === "(all)" ? t.any : (t.channels[String(c)] ?? String(c));
};

/**
 * A tip's text written only for the datum pointed at: a `title` function is called for every
 * datum as the chart is drawn (hundreds of number formats per redraw), a tip's `format` only
 * when the tip shows.
 */
function lazyTitle(text: (d: Row) => string) {
  return {title: (d: Row) => d, format: {title: (d: Row) => text(d)}};
}

/** Calls `pick` with the datum under the pointer when the chart is clicked (Plot's pointer value). */
function onClick(figure: Element, pick: (d: Row) => void): void {
  figure.addEventListener("click", () => {
    const d = (figure as unknown as {value?: Row | null}).value;
    if (d) pick(d);
  });
}

/**
 * The share of tickets done within any time, one line per channel and one for all channels, on
 * a log time axis; each channel's target is a dashed rule in its colour. Clicking a point lists
 * the tickets of that channel done within that time.
 */
export function curveChart(
  rows: readonly Row[],
  {
    width = 640,
    lang,
    targets,
    colors,
    onPick,
  }: {
    width?: number;
    lang: Lang;
    targets: ChannelTargets;
    /** Every channel of the site in order, so a channel keeps its colour from chart to chart. */
    colors: readonly string[];
    onPick: (channel: string, x: number) => void;
  },
): Element {
  const t = messages(lang).speed;
  const data: Row[] = rows
    .filter((r) => Number(r.n) > 0)
    .map((r) => ({...r, share: Number(r.within) / Number(r.n)}));
  const channels = [...new Set(data.map((r) => String(r.channel)))];
  const rules = channels
    .filter((c) => typeof targets[c] === "number" && (targets[c] as number) > 0)
    .map((c) => ({channel: c, x: targets[c] as number}));
  const name = channelName(lang);
  const figure = Plot.plot({
    width: Math.max(width, MIN_WIDTH),
    height: 320,
    marginLeft: 48,
    ariaLabel: t.cumulative(""),
    x: {type: "log", label: t.xTime, tickFormat: (x: number) => formatMinutes(x, lang), ticks: 6},
    y: {domain: [0, 1], label: t.yShare, grid: true, tickFormat: (y: number) => formatPercent(y, lang, 0)},
    color: {legend: true, domain: ["(all)", ...colors], tickFormat: name},
    marks: [
      Plot.ruleY([0]),
      Plot.ruleX(rules, {x: "x", stroke: "channel", strokeDasharray: "4,3", strokeOpacity: 0.8}),
      Plot.line(data, {
        x: "x",
        y: "share",
        z: "channel",
        stroke: "channel",
        strokeWidth: 1.5,
      }),
      Plot.dot(data, Plot.pointer({x: "x", y: "share", stroke: "channel", r: 4})),
      Plot.tip(
        data,
        Plot.pointer({
          x: "x",
          y: "share",
          ...lazyTitle(
            (d) =>
              `${name(d.channel)}\n${formatPercent(Number(d.share), lang)} ≤ ${formatMinutes(Number(d.x), lang)} (${formatNumber(Number(d.within), lang)} / ${formatNumber(Number(d.n), lang)})`,
          ),
        }),
      ),
    ],
  });
  onClick(figure, (d) => onPick(String(d.channel), Number(d.x)));
  return figure;
}

/**
 * Tickets per time band, one row of bars per channel, counts from zero. Clicking a bar lists its
 * tickets; the same counts are in `histogramTable`, whose cells do it from the keyboard.
 */
export function histogramChart(
  rows: readonly Row[],
  {
    width = 640,
    lang,
    colors,
    onPick,
  }: {width?: number; lang: Lang; colors: readonly string[]; onPick: (channel: string, band: number) => void},
): Element {
  const t = messages(lang).speed;
  const w = Math.max(width, MIN_WIDTH);
  const name = channelName(lang);
  const bands = BAND_EDGES.map((_, i) => i);
  const channels = [...new Set(rows.map((r) => String(r.channel)))];
  const figure = Plot.plot({
    width: w,
    height: 40 + 90 * Math.max(channels.length, 1) + 60,
    marginLeft: 48,
    marginRight: 90,
    marginBottom: 70,
    ariaLabel: t.histogram(""),
    x: {domain: bands, label: null, tickFormat: (b: number) => bandLabel(b, lang), tickRotate: -40},
    y: {label: t.yCount, grid: true, nice: true, tickFormat: (y: number) => formatNumber(y, lang), ticks: 3},
    fy: {label: null, tickFormat: name, domain: channels},
    color: {domain: ["(all)", ...colors]},
    marks: [
      Plot.barY(rows, {x: "band", y: "tickets", fy: "channel", fill: "channel", inset: 1}),
      Plot.ruleY([0]),
      Plot.tip(
        rows,
        Plot.pointerX({
          x: "band",
          y: "tickets",
          fy: "channel",
          ...lazyTitle(
            (d) =>
              `${name(d.channel)} · ${bandLabel(Number(d.band), lang)}\n${formatNumber(Number(d.tickets), lang)} ${t.tickets}`,
          ),
        }),
      ),
    ],
  });
  onClick(figure, (d) => onPick(String(d.channel), Number(d.band)));
  return figure;
}

/** The histogram's counts as a table: a row per channel, a button per non-empty band. */
export function histogramTable(
  rows: readonly Row[],
  {lang, onPick}: {lang: Lang; onPick: (channel: string, band: number) => void},
): HTMLElement {
  const t = messages(lang).speed;
  const name = channelName(lang);
  const channels = [...new Set(rows.map((r) => String(r.channel)))];
  const bands = [...new Set(rows.map((r) => Number(r.band)))].sort((a, b) => a - b);
  const count = (c: string, b: number) => rows.find((r) => r.channel === c && Number(r.band) === b);
  return h(
    "details",
    {class: "speed-figures"},
    h("summary", {}, t.figures),
    h(
      "div",
      {class: "table-scroll"},
      h(
        "table",
        {id: "speed-histogram-table"},
        h(
          "thead",
          {},
          h(
            "tr",
            {},
            h("th", {scope: "col"}, t.channel),
            ...bands.map((b) => h("th", {scope: "col", class: "num"}, bandLabel(b, lang))),
          ),
        ),
        h(
          "tbody",
          {},
          ...channels.map((c) =>
            h(
              "tr",
              {},
              h("th", {scope: "row"}, name(c)),
              ...bands.map((b) => {
                const r = count(c, b);
                if (!r) return h("td", {class: "num"}, "0");
                const button = h(
                  "button",
                  {
                    type: "button",
                    class: "link-button",
                    "data-channel": c,
                    "data-band": String(b),
                    "data-tickets": String(r.tickets),
                  },
                  formatNumber(Number(r.tickets), lang),
                );
                button.addEventListener("click", () => onPick(c, b));
                return h("td", {class: "num"}, button);
              }),
            ),
          ),
        ),
      ),
    ),
  );
}
