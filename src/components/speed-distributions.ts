import {drillDown, DRILL_LIMIT} from "./drill-down.js";
import {formatMinutes, type Lang} from "./format.js";
import type {Engine} from "./speed-engine.js";
import {bandLabel} from "./speed-charts.js";
import {
  attainmentRows,
  channelTimes,
  curveRows,
  histogramRows,
  type AttainmentRow,
  type ChannelTimes,
  type CurveRow,
  type HistogramRow,
} from "./speed-counts.js";
import {
  curveGrid,
  drillCountSql,
  drillRowsSql,
  timesSql,
  type ChannelTargets,
  type DrillTarget,
  type SpeedCut,
} from "./speed-sql.js";
import {rows} from "./sql-runner.js";
import {messages} from "../i18n/messages.js";

export interface Distributions {
  histogram: HistogramRow[];
  curve: CurveRow[];
  attainment: AttainmentRow[];
}

/** The last cut's times per engine: a new target recounts them without asking DuckDB again. */
const lastTimes = new WeakMap<Engine, {sql: string; times: Promise<ChannelTimes[]>}>();

function cutTimes(e: Engine, cut: SpeedCut): Promise<ChannelTimes[]> {
  const sql = timesSql(cut);
  const last = lastTimes.get(e);
  if (last?.sql === sql) return last.times;
  const entry = {sql, times: e.db.query(sql).then(channelTimes)};
  lastTimes.set(e, entry);
  // A failed query is not kept: the next call asks again.
  entry.times.catch(() => lastTimes.get(e) === entry && lastTimes.delete(e));
  return entry.times;
}

/**
 * What the Speed page's charts draw: the cut's times in one query, then the histogram, the
 * cumulative curve and the attainment counted from them (speed-counts.ts, the rows of
 * `histogramSql`, `curveSql` and `attainmentSql`).
 */
export async function distributions(
  engine: Promise<Engine | null>,
  cut: SpeedCut,
  targets: ChannelTargets,
): Promise<Distributions | null> {
  const e = await engine;
  if (!e) return null;
  const times = await cutTimes(e, cut);
  return {
    histogram: histogramRows(times),
    curve: curveRows(times, curveGrid(Object.values(targets))),
    attainment: attainmentRows(times, targets),
  };
}

/**
 * Lists the tickets behind a bar or a point in `host` (the first DRILL_LIMIT, slowest first, and
 * how many in all); Back removes the list and gives the focus back to the chart it came from.
 */
export async function drillInto(
  engine: Promise<Engine | null>,
  cut: SpeedCut,
  target: DrillTarget,
  {
    lang,
    host,
    back,
    groupNames,
  }: {lang: Lang; host: HTMLElement; back?: HTMLElement; groupNames?: Record<string, string>},
): Promise<HTMLElement | null> {
  const e = await engine;
  if (!e) return null;
  const t = messages(lang);
  host.replaceChildren(
    Object.assign(document.createElement("p"), {className: "muted", textContent: t.drill.loading}),
  );
  const [count] = await rows(e.db, drillCountSql(cut, target));
  const list = await rows(e.db, drillRowsSql(cut, target, DRILL_LIMIT));
  const element = speedDrillDown(list, Number(count?.n ?? 0), cut, target, {lang, back, groupNames});
  host.replaceChildren(element);
  element.scrollIntoView({block: "nearest"});
  return element;
}

/**
 * The drill-down of one Speed bar or point from its rows and count, whichever engine picked them
 * (ticket rows here, cubes' buckets in speed-cube-view.ts): named by channel and band or time.
 */
export function speedDrillDown(
  list: Record<string, unknown>[],
  total: number,
  cut: SpeedCut,
  target: DrillTarget,
  {lang, back, groupNames}: {lang: Lang; back?: HTMLElement; groupNames?: Record<string, string>},
): HTMLElement {
  const t = messages(lang);
  const channel =
    target.channel === "(all)" ? t.filters.any : (t.filters.channels[target.channel] ?? target.channel);
  const what =
    target.kind === "band"
      ? `${channel} · ${bandLabel(target.band, lang)}`
      : t.drill.curve(channel, formatMinutes(target.x, lang));
  const element = drillDown(list, {
    total,
    lang,
    what,
    groupNames,
    filename: `tickets-${cut.metric}-${target.channel}.csv`.replace(/[^A-Za-z0-9_.()-]+/g, "-"),
    onBack: () => {
      back?.scrollIntoView({block: "nearest"});
      back?.querySelector<HTMLElement>("svg, button")?.focus();
    },
  });
  element.dataset.target = JSON.stringify(target);
  return element;
}
