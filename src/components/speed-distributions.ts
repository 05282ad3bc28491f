import {drillDown, DRILL_LIMIT} from "./drill-down.js";
import {formatMinutes, type Lang} from "./format.js";
import type {Engine} from "./speed-engine.js";
import {bandLabel} from "./speed-charts.js";
import {
  attainmentSql,
  curveGrid,
  curveSql,
  drillCountSql,
  drillRowsSql,
  histogramSql,
  type ChannelTargets,
  type DrillTarget,
  type SpeedCut,
} from "./speed-sql.js";
import {rows} from "./sql-runner.js";
import {messages} from "../i18n/messages.js";

type Row = Record<string, unknown>;

export interface Distributions {
  histogram: Row[];
  curve: Row[];
  attainment: Row[];
}

/** The three queries behind the Speed page's charts, one after the other (one connection). */
export async function distributions(
  engine: Promise<Engine | null>,
  cut: SpeedCut,
  targets: ChannelTargets,
): Promise<Distributions | null> {
  const e = await engine;
  if (!e) return null;
  const histogram = await rows(e.db, histogramSql(cut));
  const curve = await rows(e.db, curveSql(cut, curveGrid(Object.values(targets))));
  const attainment = await rows(e.db, attainmentSql(cut, targets));
  return {histogram, curve, attainment};
}

/**
 * Lists the tickets behind a bar or a point in `host` (the first DRILL_LIMIT, slowest first, and
 * how many in all); Back removes the list and gives the focus back to the chart it came from.
 */
export async function drillInto(
  engine: Promise<Engine | null>,
  cut: SpeedCut,
  target: DrillTarget,
  {lang, host, back}: {lang: Lang; host: HTMLElement; back?: HTMLElement},
): Promise<HTMLElement | null> {
  const e = await engine;
  if (!e) return null;
  const t = messages(lang);
  host.replaceChildren(
    Object.assign(document.createElement("p"), {className: "muted", textContent: t.drill.loading}),
  );
  const [count] = await rows(e.db, drillCountSql(cut, target));
  const list = await rows(e.db, drillRowsSql(cut, target, DRILL_LIMIT));
  const channel =
    target.channel === "(all)" ? t.filters.any : (t.filters.channels[target.channel] ?? target.channel);
  const what =
    target.kind === "band"
      ? `${channel} · ${bandLabel(target.band, lang)}`
      : t.drill.curve(channel, formatMinutes(target.x, lang));
  const element = drillDown(list, {
    total: Number(count?.n ?? 0),
    lang,
    what,
    filename: `tickets-${cut.metric}-${target.channel}.csv`.replace(/[^A-Za-z0-9_.()-]+/g, "-"),
    onBack: () => {
      back?.scrollIntoView({block: "nearest"});
      back?.querySelector<HTMLElement>("svg, button")?.focus();
    },
  });
  element.dataset.target = JSON.stringify(target);
  host.replaceChildren(element);
  element.scrollIntoView({block: "nearest"});
  return element;
}
