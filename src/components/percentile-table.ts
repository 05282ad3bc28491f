import {h} from "./dom.js";
import {formatNumber, type Lang} from "./format.js";
import {messages} from "../i18n/messages.js";
import {peerFormatter} from "./peer-kpis.js";
import type {GroupStats, KpiPercentiles} from "../../loaders/benchmark/percentiles.ts";

const GROUPS = ["all", "archetype", "industry", "size_band"] as const; // PEER_GROUPS, in display order

/** Blue at or above 60, orange at or below 40, as on the KPI cards; words say the same. */
export function tone(standing: number | null): "good" | "bad" | "middle" | "neutral" {
  if (standing === null) return "neutral";
  return standing >= 60 ? "good" : standing <= 40 ? "bad" : "middle";
}

function cell(
  stats: GroupStats | undefined,
  format: (x: number | null) => string,
  lang: Lang,
  label: string,
): HTMLElement {
  const t = messages(lang);
  if (!stats || stats.suppressed) return h("td", {class: "suppressed", "data-label": label}, t.common.hidden);
  const rank = stats.standing ?? stats.value_rank;
  return h(
    "td",
    {"data-n": String(stats.n), "data-label": label, class: `tone-${tone(stats.standing)}`},
    h("strong", {class: "kpi-rank"}, rank === null ? "–" : formatNumber(rank, lang)),
    h("span", {class: "muted"}, " / 100"),
    h("br"),
    h("span", {class: "muted"}, `${format(stats.p25)} · ${format(stats.p50)} · ${format(stats.p75)}`),
    h("br"),
    h("span", {class: "muted"}, `n = ${formatNumber(stats.n, lang)}`),
  );
}

/**
 * The organisation's standing among peer groups for each KPI (share of peers it does better
 * than, 100 = best; for volumes, the share below), the group's P25 · P50 · P75 in the KPI's unit
 * and its n. Groups of fewer than 5 organisations are hidden, never shown. On a phone each row
 * becomes a block, so nothing scrolls sideways.
 */
export function percentileTable(
  percentiles: Record<string, KpiPercentiles>,
  {lang = "en"}: {lang?: Lang} = {},
): HTMLElement {
  const t = messages(lang);
  const head = t.benchmark;
  return h(
    "table",
    {class: "percentiles responsive"},
    h(
      "thead",
      {},
      h(
        "tr",
        {},
        h("th", {scope: "col"}, head.kpi),
        h("th", {scope: "col"}, head.you),
        ...GROUPS.map((g) => h("th", {scope: "col"}, head.groups[g])),
      ),
    ),
    h(
      "tbody",
      {},
      ...Object.entries(percentiles).map(([key, p]) => {
        const fmt = peerFormatter(key, lang);
        return h(
          "tr",
          {"data-kpi": key},
          h("th", {scope: "row"}, t.peerKpis[key] ?? key),
          h("td", {"data-label": head.you, class: "you"}, p.value === null ? t.common.unknown : fmt(p.value)),
          ...GROUPS.map((g) => cell(p.groups[g], fmt, lang, head.groups[g])),
        );
      }),
    ),
  );
}
