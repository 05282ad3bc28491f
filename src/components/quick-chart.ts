import * as Plot from "npm:@observablehq/plot";
import {h} from "./dom.js";
import {formatNumber, type Lang} from "./format.js";
import {messages} from "../i18n/messages.js";
import {chartPlan} from "./chart-plan.js";

type Row = Record<string, unknown>;

/** A date or month as the tables write it, as a UTC instant for a time axis. */
function toDate(v: unknown): Date | null {
  if (v instanceof Date) return v;
  if (typeof v !== "string") return null;
  const [y, m, d] = v.split("-").map(Number);
  return new Date(Date.UTC(y!, (m ?? 1) - 1, d ?? 1));
}

/** The result's quick chart (see chartPlan), or a line saying why there is none. */
export function quickChart(
  rows: readonly Row[],
  columns: readonly string[],
  {lang = "en", width = 640}: {lang?: Lang; width?: number} = {},
): HTMLElement {
  const e = messages(lang).explore;
  const plan = chartPlan(rows, columns);
  if (plan.mark === "none") {
    const text =
      plan.reason === "tooMany"
        ? e.noChart.tooMany(formatNumber(plan.count ?? 0, lang))
        : e.noChart[plan.reason];
    return h("p", {class: "muted", "data-chart": "none"}, text);
  }
  const ticks = (x: number) => formatNumber(x, lang);
  const number = (c: string) => (r: Row) => (r[c] === null || r[c] === undefined ? null : Number(r[c]));
  const common = {
    width: Math.max(width, 320),
    ariaLabel: e.chartTitle,
    ariaDescription: e.chartAlt(
      e.chartKinds[plan.mark] ?? plan.mark,
      plan.x,
      "y" in plan ? String(plan.y) : "",
    ),
  };
  let chart: Element;
  if (plan.mark === "bars") {
    const label = (r: Row) => plan.y.map((c) => String(r[c] ?? "–")).join(" · ");
    const longest = Math.max(...rows.map((r) => label(r).length));
    chart = Plot.plot({
      ...common,
      ariaDescription: e.chartAlt(e.chartKinds.bars!, plan.y.join(" · "), plan.x),
      marginLeft: Math.min(220, 12 + 7 * longest),
      height: Math.max(120, 26 * new Set(rows.map(label)).size + 40),
      x: {label: plan.x, grid: true, tickFormat: ticks, nice: true},
      y: {label: null, domain: [...new Set(rows.map(label))]},
      marks: [
        Plot.barX(rows, {
          x: number(plan.x),
          y: label,
          fill: "var(--theme-foreground-focus)",
          tip: {format: {x: ticks}},
        }),
        Plot.ruleX([0]),
      ],
    });
  } else if (plan.mark === "line") {
    const data = rows
      .map((r) => ({...r, __x: toDate(r[plan.x])}))
      .sort((a, b) => Number(a.__x) - Number(b.__x));
    chart = Plot.plot({
      ...common,
      ariaDescription: e.chartAlt(e.chartKinds.line!, plan.x, plan.y),
      x: {label: plan.x, type: "utc"},
      y: {label: plan.y, grid: true, tickFormat: ticks, zero: true},
      color: plan.z ? {legend: true} : undefined,
      marks: [
        Plot.lineY(data, {
          x: "__x",
          y: number(plan.y),
          ...(plan.z ? {stroke: plan.z} : {stroke: "var(--theme-foreground-focus)"}),
        }),
        Plot.dot(data, {
          x: "__x",
          y: number(plan.y),
          ...(plan.z ? {fill: plan.z} : {fill: "var(--theme-foreground-focus)"}),
          r: 2.5,
          tip: {format: {y: ticks}},
        }),
      ],
    });
  } else {
    chart = Plot.plot({
      ...common,
      ariaDescription: e.chartAlt(e.chartKinds.dots!, plan.x, plan.y),
      x: {label: plan.x, tickFormat: ticks, grid: true},
      y: {label: plan.y, tickFormat: ticks, grid: true},
      marks: [
        Plot.dot(rows, {
          x: number(plan.x),
          y: number(plan.y),
          fill: "var(--theme-foreground-focus)",
          tip: {format: {x: ticks, y: ticks}},
        }),
      ],
    });
  }
  return h("figure", {class: "quick-chart", "data-chart": plan.mark}, chart);
}
