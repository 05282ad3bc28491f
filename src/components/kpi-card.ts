import {h} from "./dom.js";
import {formatMinutes, formatNumber, formatPercent, type Lang} from "./format.js";

/** The registry fields a card shows (see loaders/metrics/types.ts KpiDefinition). */
export interface KpiMeta {
  id: string;
  label: {en: string; fr: string};
  unit: string;
  countingUnit: string;
  shape: "duration" | "rate" | "value" | "table";
  better: "lower" | "higher" | "neither";
  definition: {en: string; fr: string};
}

type Row = Record<string, unknown>;

const TEXT = {
  en: {
    insufficient: "insufficient data",
    none: "no data",
    n: "n",
    p90: "p90",
    mean: "mean",
    ci: "95 % CI",
    moe: "±",
    clock: {calendar: "calendar clock", business: "business hours", none: ""},
  },
  fr: {
    insufficient: "données insuffisantes",
    none: "aucune donnée",
    n: "n",
    p90: "p90",
    mean: "moyenne",
    ci: "IC 95 %",
    moe: "±",
    clock: {calendar: "horloge calendaire", business: "heures ouvrées", none: ""},
  },
} as const;

const num = (x: unknown): number | null =>
  typeof x === "number" && Number.isFinite(x) ? x : typeof x === "bigint" ? Number(x) : null;

/** The headline number of a KPI row, as the value the card shows (also exposed as data-value for tests). */
export function headline(meta: Pick<KpiMeta, "shape">, row: Row | undefined): number | null {
  if (!row) return null;
  return meta.shape === "duration" ? num(row.p50) : num(row.value);
}

function formatHeadline(meta: KpiMeta, value: number | null, lang: Lang): string {
  if (meta.shape === "duration") return formatMinutes(value, lang);
  if (meta.shape === "rate") return formatPercent(value, lang);
  return formatNumber(value, lang, meta.unit.startsWith("NPS") ? 0 : 1);
}

function details(meta: KpiMeta, row: Row, lang: Lang): string {
  const t = TEXT[lang];
  const n = `${t.n} = ${formatNumber(num(row.n), lang)} ${meta.countingUnit}`;
  if (meta.shape === "duration")
    return `p50 · ${t.p90} ${formatMinutes(num(row.p90), lang)} · ${t.mean} ${formatMinutes(num(row.mean), lang)} · ${n}`;
  if (num(row.ci_low) !== null)
    return `${t.ci} ${formatPercent(num(row.ci_low), lang)}–${formatPercent(num(row.ci_high), lang)} · ${n}`;
  if (num(row.moe) !== null) return `${t.moe} ${formatNumber(num(row.moe), lang, 1)} · ${n}`;
  return n;
}

/**
 * One KPI card: label, headline figure, its unit, clock and counting unit, and n. A row flagged
 * insufficient shows that instead of a number, as the minimum-n rule requires.
 */
export function kpiCard(
  meta: KpiMeta,
  row: Row | undefined,
  {lang = "en", clock = "calendar"}: {lang?: Lang; clock?: "calendar" | "business" | "none"} = {},
): HTMLElement {
  const t = TEXT[lang];
  const value = headline(meta, row);
  const insufficient = !row || row.insufficient === true || value === null;
  return h(
    "div",
    {
      class: "card kpi-card",
      "data-kpi": meta.id,
      "data-value": insufficient ? "" : String(value),
      title: meta.definition[lang],
    },
    h("h2", {}, meta.label[lang]),
    // Nothing to count (no survey of that kind in the export) is not the same as too few.
    h(
      "span",
      {class: "big"},
      insufficient ? (num(row?.n) ? t.insufficient : t.none) : formatHeadline(meta, value, lang),
    ),
    // Durations and rates carry their unit in the figure; plain values name it.
    meta.shape === "value" && !insufficient && h("span", {class: "kpi-unit"}, ` ${meta.unit}`),
    h(
      "p",
      {class: "kpi-details"},
      row && !insufficient ? details(meta, row, lang) : `${t.n} = ${formatNumber(num(row?.n) ?? 0, lang)}`,
    ),
    clock !== "none" && h("p", {class: "kpi-clock"}, t.clock[clock]),
  );
}
