import {h} from "./dom.js";
import {type Lang} from "./format.js";
import {messages} from "../i18n/messages.js";

type Text = {en: string; fr: string};

/** The reading of a position in one language (loaders/benchmark/reading.ts). */
interface Reading {
  position: string;
  peers: {text: string};
  strengths: {text: string}[];
  gaps: {text: string}[];
  move_text: string;
}

/** The placement report as the site ships it: `servicebench place --json` plus its reading. */
export interface Position {
  archetype: string;
  archetype_name: Text;
  confidence: number;
  runner_up_name?: Text;
  /** Under the confidence boundary: between two archetypes, not placed in one. */
  between?: boolean;
  /** A sample too small to place firmly (few tickets, few known features): shown, marked indicative. */
  indicative?: boolean;
  indicative_reasons?: Text[];
  reading?: {en: Reading; fr: Reading} | null;
}

/** Why the placement is only indicative, in the page's language, or null when it is firm. */
export function indicativeText(
  place: Pick<Position, "indicative" | "indicative_reasons">,
  lang: Lang,
): string | null {
  if (!place.indicative) return null;
  const reasons = (place.indicative_reasons ?? []).map((r) => r[lang]);
  return `${messages(lang).overview.indicative}${reasons.length ? ` ${reasons.join(" ")}` : ""}`;
}

const list = (items: readonly {text: string}[]) =>
  items.length ? h("ul", {}, ...items.map((s) => h("li", {}, s.text))) : h("p", {class: "muted"}, "–");

/**
 * Where the organisation stands, in one look: its archetype and how firmly, and the reading of
 * its position against its peers (three strengths, three gaps, the most promising move).
 */
export function positionCard(
  place: Position,
  {lang = "en", links = true}: {lang?: Lang; links?: boolean} = {},
): HTMLElement {
  const t = messages(lang).overview;
  const r = place.reading?.[lang];
  const indicative = indicativeText(place, lang);
  return h(
    "div",
    {
      class: "card position-card",
      "data-archetype": place.archetype,
      "data-confidence": String(place.confidence),
    },
    h("h2", {}, t.whereWeStand),
    h(
      "span",
      {class: "big"},
      place.between && place.runner_up_name
        ? `${place.archetype_name[lang]} / ${place.runner_up_name[lang]}`
        : place.archetype_name[lang],
    ),
    r ? h("p", {class: "position-confidence"}, r.position) : null,
    indicative ? h("p", {class: "warning position-indicative"}, indicative) : null,
    r
      ? h(
          "div",
          {class: "grid grid-cols-3 position-reading"},
          h("div", {}, h("h3", {}, t.strengths), list(r.strengths)),
          h("div", {}, h("h3", {}, t.gaps), list(r.gaps)),
          h("div", {}, h("h3", {}, t.move), h("p", {}, r.move_text)),
        )
      : null,
    r ? h("p", {class: "muted"}, r.peers.text) : null,
    links &&
      h(
        "p",
        {class: "position-links"},
        h("a", {href: "./archetypes"}, t.seeArchetypes),
        " · ",
        h("a", {href: "./benchmark"}, t.seeBenchmark),
      ),
  );
}
