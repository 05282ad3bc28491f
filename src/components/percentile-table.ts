import {h} from "./dom.js";
import {formatNumber, type Lang} from "./format.js";
import type {GroupStats, KpiPercentiles} from "../../loaders/benchmark/percentiles.ts";

const GROUPS = ["all", "archetype", "industry", "size_band"] as const; // PEER_GROUPS, in display order
const HEAD = {
  en: {
    kpi: "KPI",
    you: "You",
    all: "All peers",
    archetype: "Your archetype",
    industry: "Your industry",
    size_band: "Your size band",
  },
  fr: {
    kpi: "Indicateur",
    you: "Vous",
    all: "Tous les pairs",
    archetype: "Votre archétype",
    industry: "Votre secteur",
    size_band: "Votre taille",
  },
};

function cell(stats: GroupStats | undefined, format: (x: number | null) => string, lang: Lang): HTMLElement {
  if (!stats || stats.suppressed)
    return h(
      "td",
      {class: "suppressed", title: stats?.reason ?? ""},
      lang === "fr" ? "masqué (n < 5)" : "hidden (n < 5)",
    );
  // P is the standing (100 = best) only; volumes and sizes have none.
  const rank = stats.standing;
  return h(
    "td",
    {"data-n": String(stats.n)},
    h("strong", {}, rank === null ? "–" : `P${Math.round(rank)}`),
    h("br"),
    h("span", {class: "muted"}, `${format(stats.p25)} · ${format(stats.p50)} · ${format(stats.p75)}`),
    h("br"),
    h("span", {class: "muted"}, `n = ${formatNumber(stats.n, lang)}`),
  );
}

/**
 * The organisation's rank among peer groups for each KPI: the percentile (100 = best where the
 * KPI has a better direction), the P25 · P50 · P75 of the group and its n. Groups of fewer than
 * 5 organisations are hidden, never shown.
 */
export function percentileTable(
  percentiles: Record<string, KpiPercentiles>,
  {
    lang = "en",
    labels = {},
    format = {},
  }: {
    lang?: Lang;
    labels?: Record<string, string>;
    format?: Record<string, (x: number | null) => string>;
  } = {},
): HTMLElement {
  const head = HEAD[lang];
  return h(
    "table",
    {class: "percentiles"},
    h(
      "thead",
      {},
      h("tr", {}, h("th", {}, head.kpi), h("th", {}, head.you), ...GROUPS.map((g) => h("th", {}, head[g]))),
    ),
    h(
      "tbody",
      {},
      ...Object.entries(percentiles).map(([id, p]) => {
        const fmt = format[id] ?? ((x: number | null) => formatNumber(x, lang, 1));
        return h(
          "tr",
          {"data-kpi": id},
          h("th", {}, labels[id] ?? id),
          h("td", {}, fmt(p.value)),
          ...GROUPS.map((g) => cell(p.groups[g], fmt, lang)),
        );
      }),
    ),
  );
}
