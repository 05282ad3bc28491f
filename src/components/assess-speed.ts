import {h} from "./dom.js";
import type {Lang} from "./format.js";
import {DEFAULT_FILTERS} from "./filters.js";
import type {Engine} from "./speed-engine.js";
import type {ChannelTargets, SpeedCut} from "./speed-sql.js";
import {messages} from "../i18n/messages.js";

type Charts = typeof import("./speed-charts.js");
type Distributions = typeof import("./speed-distributions.js");

/** What the page loads when it opens, so that a drop fetches nothing: the Speed page's charts. */
export const speedModules = (): Promise<[Charts, Distributions]> =>
  Promise.all([import("./speed-charts.js"), import("./speed-distributions.js")]);

/**
 * The dropped organisation's first-reply distributions, drawn by the Speed page's own components
 * over the tables loaded for it: the share of tickets answered within any time per channel with
 * the targets drawn, tickets per time band, and the tickets behind any bar or point.
 */
export async function assessSpeed(
  connection: {query(sql: string): Promise<unknown>},
  period: {first: string | null; last: string | null},
  {
    lang,
    width,
    targets,
    label,
    modules,
  }: {
    lang: Lang;
    width: number;
    targets: ChannelTargets;
    label: string;
    modules: Promise<[Charts, Distributions]>;
  },
): Promise<HTMLElement | null> {
  if (!period.first || !period.last) return null;
  const [charts, {distributions, drillInto}] = await modules;
  const t = messages(lang).speed;
  // The Speed page's engine is a query client and a registry; these charts need the client only.
  const engine: Promise<Engine | null> = Promise.resolve({
    db: {query: (sql: string) => connection.query(sql) as Promise<Iterable<Record<string, unknown>>>},
    registry: [],
  });
  const cut: SpeedCut = {
    filters: DEFAULT_FILTERS,
    period: {from: period.first, to: period.last},
    metric: "first_reply",
    clock: "calendar",
  };
  const dist = await distributions(engine, cut, targets);
  if (!dist || dist.histogram.length === 0) return null;
  const colors = [...new Set(dist.histogram.map((r) => String(r.channel)))].sort();
  const curveHost = h("div", {class: "card", id: "assess-speed-curve"});
  const histogramHost = h("div", {class: "card", id: "assess-speed-histogram"});
  const drillHost = h("div", {id: "assess-speed-drill"});
  const open = (target: Parameters<typeof drillInto>[2], back: HTMLElement) =>
    void drillInto(engine, cut, target, {lang, host: drillHost, back});
  const pickBand = (channel: string, band: number) => open({kind: "band", channel, band}, histogramHost);
  const pickWithin = (channel: string, x: number) => open({kind: "within", channel, x}, curveHost);
  curveHost.append(
    charts.curveChart(dist.curve, {width: width - 32, lang, targets, colors, onPick: pickWithin}),
  );
  histogramHost.append(
    charts.histogramChart(dist.histogram, {width: width - 32, lang, colors, onPick: pickBand}),
    charts.histogramTable(dist.histogram, {lang, onPick: pickBand}),
  );
  return h(
    "div",
    {id: "assess-speed"},
    h("h3", {}, t.cumulative(label)),
    h("p", {class: "muted"}, t.cumulativeNote),
    curveHost,
    h("h3", {}, t.histogram(label)),
    h("p", {class: "muted"}, t.histogramNote),
    histogramHost,
    drillHost,
  );
}
