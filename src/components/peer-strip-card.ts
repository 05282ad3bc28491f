import {h} from "./dom.js";
import {formatNumber, type Lang} from "./format.js";
import {peerStrip, type PeerBin} from "./peer-strip.js";
import {LOG_SCALE, peerFormatter} from "./peer-kpis.js";
import {referenceLabel, referencesFor, type Published} from "./references.js";
import {sourceLink} from "./table.js";
import {messages} from "../i18n/messages.js";

export interface PeerStripCardOptions {
  /** The peers' distribution of this KPI (bins of 5 or more and quartiles), or null when hidden. */
  dist: {n: number; p25: number; p50: number; p75: number; bins: PeerBin[]} | null;
  /** The organisation's own value. */
  you: number | null;
  published: readonly Published[];
  /** The organisation's industry: its published figures are drawn, other industries' are not. */
  industry: string | null;
  lang?: Lang;
  /** Draws the chart at a width: Framework's `resize` on screen, a fixed width for paper. */
  sized: (render: (width: number) => Node) => Node;
  heading?: "h2" | "h3";
  className?: string;
}

/**
 * One KPI among peers, as the Benchmark page and the study show it: the label, the organisation's
 * value beside the peers' quartiles and n, the density strip, and the published figures drawn on
 * it, numbered and listed with their sources.
 */
export function peerStripCard(key: string, options: PeerStripCardOptions): HTMLElement {
  const {dist, you, published, industry, lang = "en", sized, heading = "h2", className = "card"} = options;
  const t = messages(lang);
  const fmt = peerFormatter(key, lang);
  const log = LOG_SCALE.has(key);
  const refs = referencesFor(key, published, industry).map((r, i) => ({...r, mark: String(i + 1)}));
  const yours = you === null ? t.common.unknown : fmt(you);
  return h(
    "div",
    {class: className, "data-strip": key},
    h(
      heading,
      {},
      t.peerKpis[key] ?? key,
      log ? h("span", {class: "muted"}, ` (${t.benchmark.logScale})`) : null,
    ),
    h(
      "p",
      {class: "muted"},
      `${t.benchmark.you}: `,
      h("strong", {}, yours),
      ` · P25 ${fmt(dist?.p25 ?? null)} · P50 ${fmt(dist?.p50 ?? null)} · P75 ${fmt(dist?.p75 ?? null)} · n = ${formatNumber(dist?.n ?? null, lang)}`,
    ),
    dist
      ? sized((width) =>
          peerStrip(dist, {
            width,
            you,
            log,
            references: refs.map((r) => ({value: r.scaled, mark: r.mark})),
            tickFormat: (x) => fmt(x),
            ariaLabel: t.peerKpis[key],
            ariaDescription: `${t.benchmark.you} ${yours}; P50 ${fmt(dist.p50)}`,
          }),
        )
      : h("p", {}, t.common.hidden),
    refs.length
      ? h(
          "ol",
          {class: "ref-list"},
          ...refs.map((r) =>
            h(
              "li",
              {},
              `[${r.mark}] ${fmt(r.scaled)}: `,
              sourceLink(r.source_url, referenceLabel(r, t.common.undated)),
            ),
          ),
        )
      : null,
  );
}
