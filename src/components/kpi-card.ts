import {h} from "./dom.js";
import {formatMinutes, formatNumber, formatPercent, type Lang} from "./format.js";
import {messages, unitText} from "../i18n/messages.js";

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

/** Where the organisation stands among its peers on the card's KPI (from the placement). */
export interface CardStanding {
  /** 0..100, 100 = best; null when the KPI has no better side. */
  standing: number | null;
  /** 0..100, the share of peers below (value rank); shown when the KPI has no better side. */
  value_rank: number | null;
  p25: number | null;
  p75: number | null;
  n: number | null;
  /** How the peers' figures are written (same units as the card). */
  format: (x: number | null) => string;
}

type Row = Record<string, unknown>;

const num = (x: unknown): number | null =>
  typeof x === "number" && Number.isFinite(x) ? x : typeof x === "bigint" ? Number(x) : null;

/** The headline number of a KPI row, as the value the card shows (also exposed as data-value for tests). */
export function headline(meta: Pick<KpiMeta, "shape">, row: Row | undefined): number | null {
  if (!row) return null;
  return meta.shape === "duration" ? num(row.p50) : num(row.value);
}

/** A figure of the KPI in its own unit: durations as durations, rates as percentages. */
export function kpiFormatter(
  meta: Pick<KpiMeta, "shape" | "unit">,
  lang: Lang,
): (x: number | null) => string {
  if (meta.shape === "duration") return (x) => formatMinutes(x, lang);
  if (meta.shape === "rate") return (x) => formatPercent(x, lang);
  const digits = meta.unit.startsWith("NPS") ? 0 : 1;
  return (x) => formatNumber(x, lang, digits);
}

/** Why a KPI is unknown, when its row says so (a reason in the row, in one or both languages). */
function reasonOf(row: Row | undefined, lang: Lang): string | null {
  const r = row?.reason ?? row?.unknown_reason;
  if (typeof r === "string") return r;
  if (r && typeof r === "object" && lang in r) return String((r as Record<string, unknown>)[lang]);
  return null;
}

function details(meta: KpiMeta, row: Row, lang: Lang): string {
  const t = messages(lang).card;
  const n = `${t.n} = ${formatNumber(num(row.n), lang)} ${unitText(meta.countingUnit, lang)}`;
  if (meta.shape === "duration")
    return `p50 · ${t.p90} ${formatMinutes(num(row.p90), lang)} · ${t.mean} ${formatMinutes(num(row.mean), lang)} · ${n}`;
  if (num(row.ci_low) !== null)
    return `${t.ci} ${formatPercent(num(row.ci_low), lang)}–${formatPercent(num(row.ci_high), lang)} · ${n}`;
  if (num(row.moe) !== null) return `${t.moe} ${formatNumber(num(row.moe), lang, 1)} · ${n}`;
  return n;
}

/** The standing line: rank among peers, coloured by the KPI's better side, and the peers' band. */
function standingLine(s: CardStanding, lang: Lang): HTMLElement {
  const t = messages(lang).card;
  const rank = s.standing ?? s.value_rank;
  if (rank === null || s.n === null) return h("p", {class: "kpi-standing muted"}, t.noPeers);
  const tone =
    s.standing === null ? "neutral" : s.standing >= 60 ? "good" : s.standing <= 40 ? "bad" : "middle";
  const text =
    s.standing === null ? t.standingNeutral(formatNumber(rank, lang)) : t.standing(formatNumber(rank, lang));
  return h(
    "p",
    {class: `kpi-standing tone-${tone}`, "data-standing": String(rank)},
    h("span", {class: "kpi-rank"}, text),
    h("br"),
    h("span", {class: "muted"}, t.band(s.format(s.p25), s.format(s.p75), formatNumber(s.n, lang))),
  );
}

/**
 * One KPI card: label, headline figure with its unit, clock and counting unit, the standing among
 * peers with their middle half, and the definition behind a disclosure that keyboard and touch
 * open alike. A KPI that could not be computed says why: unknown (the export lacks it), no data
 * (nothing to count) or too few (under the minimum n). Never a 0 in place of unknown.
 */
export function kpiCard(
  meta: KpiMeta,
  row: Row | undefined,
  {
    lang = "en",
    clock = "calendar",
    standing,
  }: {lang?: Lang; clock?: "calendar" | "business" | "none"; standing?: CardStanding | null} = {},
): HTMLElement {
  const m = messages(lang);
  const t = m.card;
  const value = headline(meta, row);
  const reason = reasonOf(row, lang);
  const n = num(row?.n);
  const missing = !row || row.insufficient === true || value === null;
  const state = !missing ? "value" : reason ? "unknown" : n ? "insufficient" : "none";
  const big = {
    value: () => kpiFormatter(meta, lang)(value),
    unknown: () => t.unknown,
    insufficient: () => t.insufficient,
    none: () => t.none,
  }[state]();
  return h(
    "div",
    {
      class: `card kpi-card kpi-${state}`,
      "data-kpi": meta.id,
      "data-value": missing ? "" : String(value),
      "data-state": state,
    },
    h("h2", {}, meta.label[lang]),
    h("span", {class: "big"}, big),
    // Durations and rates carry their unit in the figure; plain values name it.
    meta.shape === "value" && !missing && h("span", {class: "kpi-unit"}, ` ${unitText(meta.unit, lang)}`),
    h(
      "p",
      {class: "kpi-details"},
      state === "value"
        ? details(meta, row!, lang)
        : (reason ?? `${t.n} = ${n === null ? "–" : formatNumber(n, lang)}`),
    ),
    clock !== "none" && h("p", {class: "kpi-clock"}, m.clock[clock]),
    standing && !missing ? standingLine(standing, lang) : null,
    h(
      "details",
      {class: "kpi-definition"},
      h("summary", {}, t.showDefinition),
      h("p", {}, meta.definition[lang]),
    ),
  );
}
