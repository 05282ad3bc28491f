import {h} from "./dom.js";
import {formatMinutes, type Lang} from "./format.js";
import {headline, kpiCard, type KpiMeta} from "./kpi-card.js";
import {messages} from "../i18n/messages.js";

type Row = Record<string, unknown>;
export interface CardResult {
  clock: "calendar" | "business" | "none";
  rows: Row[];
}

/** The change of a duration against the previous period, or null when either side has no figure. */
export function durationChange(now: Row | undefined, before: Row | undefined): number | null {
  const [a, b] = [headline({shape: "duration"}, now), headline({shape: "duration"}, before)];
  return a === null || b === null ? null : a - b;
}

/** A signed duration: "+3 min", "−1 h 5 min". */
export function signedMinutes(x: number, lang: Lang): string {
  return `${x > 0 ? "+" : x < 0 ? "−" : "±"}${formatMinutes(Math.abs(x), lang)}`;
}

/**
 * The Speed page's cards: one registry card per duration (p50, p90, n; unknown, too few or no
 * data say so), and with `previous` the change of the median against the previous period, green
 * when faster. `approximate` marks percentiles read from cube histograms.
 */
export function speedCards(
  metas: readonly KpiMeta[],
  results: Record<string, CardResult | undefined>,
  {
    lang,
    previous,
    approximate = false,
  }: {lang: Lang; previous?: Record<string, CardResult | undefined> | null; approximate?: boolean},
): HTMLElement {
  const t = messages(lang).speed;
  const cards = metas.map((meta) => {
    const result = results[meta.id];
    const row = result?.rows[0];
    const card = kpiCard(meta, row, {lang, clock: result?.clock ?? "calendar"});
    // The other figures of the card, for a reader (or a test) to compare with the command line.
    for (const key of ["n", "p90"] as const)
      card.dataset[key] = typeof row?.[key] === "number" ? String(row[key]) : "";
    if (approximate)
      card.querySelector(".kpi-details")?.append(h("br"), h("span", {class: "muted"}, t.approximate));
    if (previous) {
      const before = previous[meta.id]?.rows[0];
      const delta = durationChange(row, before);
      const tone = delta === null || delta === 0 ? "neutral" : delta < 0 ? "good" : "bad";
      const line =
        delta === null
          ? t.changeNone
          : t.change(signedMinutes(delta, lang), formatMinutes(headline(meta, before), lang));
      card.insertBefore(
        h("p", {class: `kpi-change tone-${tone}`, "data-change": delta === null ? "" : String(delta)}, line),
        card.querySelector(".kpi-details"),
      );
    }
    return card;
  });
  return h("div", {class: "grid grid-cols-3 kpi-grid", id: "speed-cards"}, ...cards);
}
