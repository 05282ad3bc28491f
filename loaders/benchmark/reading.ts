import {ARCHETYPE_NAMES, ARCHETYPE_PORTRAITS, type Archetype} from "./archetypes.ts";
import type {Move} from "./moves.ts";
import type {PanelRow} from "./panel-row.ts";
import {MIN_GROUP, PERCENTILE_KPIS} from "./percentiles.ts";
import {percentileRank, quantile} from "./stats.ts";
import {formatKpi, formatNumber, joinWords, KPI_LABELS, type Lang, type PanelKpi} from "./text.ts";

/**
 * Confidence at or above this reads as a clear placement. Measured on 2,000 held-out synthetic
 * organisations: 98.8 % to 100 % are placed back in their generating archetype from 0.6 up.
 */
export const CLEAR = 0.6;
/**
 * Below this the organisation is described as between two archetypes, not placed: 0.5 is the
 * boundary itself, and under it only 74 % of held-out organisations land where they came from
 * (80 % to 95 % between 0.5 and 0.6, which reads "near the boundary").
 */
export const BOUNDARY = 0.5;

/** What the words need of a placement (a Placement or a PlaceReport). */
export interface Placed {
  archetype: Archetype;
  runner_up: Archetype;
  confidence: number;
  /** A sample too small to place firmly (place.ts): the words say "indicative". */
  indicative?: boolean;
  indicative_reasons?: readonly {en: string; fr: string}[];
}

/**
 * The placement in words, honest about its confidence: "clearly a Captain of Scale" (from 0.6),
 * "a Captain of Scale, near the boundary with the Late Bloomers" (0.5 to 0.6), "between the
 * Captains of Scale and the Late Bloomers" (under 0.5, nearest first); "(indicative only)" is
 * added when the sample is too small to place firmly.
 */
export function confidenceWords(p: Placed, lang: Lang): string {
  const words = firmness(p, lang);
  if (!p.indicative) return words;
  return lang === "en" ? `${words} (indicative only)` : `${words} (à titre indicatif)`;
}

function firmness(p: Placed, lang: Lang): string {
  const own = ARCHETYPE_NAMES[p.archetype];
  const other = ARCHETYPE_NAMES[p.runner_up];
  if (lang === "en") {
    if (p.confidence >= CLEAR) return `clearly ${own.en_one}`;
    if (p.confidence >= BOUNDARY) return `${own.en_one}, near the boundary with the ${other.en}`;
    return `between the ${own.en} and the ${other.en}`;
  }
  if (p.confidence >= CLEAR) return `clairement parmi ${own.fr_with_article}`;
  if (p.confidence >= BOUNDARY)
    return `parmi ${own.fr_with_article}, près de la frontière avec ${other.fr_with_article}`;
  return `entre ${own.fr_with_article} et ${other.fr_with_article}`;
}

/** What a reading needs: the placement, its moves, and the organisation's KPI values. */
export interface ReadingInput extends Placed {
  moves: readonly Move[];
  /** The organisation's value of each KPI, as in a PlaceReport's `percentiles`. */
  percentiles: Partial<Record<PanelKpi, {value: number | null}>>;
}

export interface ReadingItem {
  kpi: PanelKpi;
  label: string;
  value: number;
  value_text: string;
  peer_median: number;
  peer_median_text: string;
  /** Percentile of the value turned so that 100 is best (share of peers doing worse, ties halved). */
  standing: number;
  /** Peers that know this KPI. */
  n: number;
  text: string;
}

export interface Reading {
  lang: Lang;
  /** "Clearly a Captain of Scale (confidence 0.74)." with the archetype's portrait. */
  position: string;
  peers: {group: "archetype" | "all"; n: number; text: string};
  strengths: ReadingItem[];
  gaps: ReadingItem[];
  move: {
    archetype: Archetype;
    text: string;
    /** The org's gaps on which that archetype's organisations do better, their median against yours. */
    effects: {kpi: PanelKpi; label: string; yours: number; theirs: number}[];
  } | null;
  /** The most promising move and its expected effect, or why there is none. */
  move_text: string;
  /** The whole reading, one paragraph per part. */
  paragraphs: string[];
}

/** A KPI is a strength from this standing up and a gap from 100 minus it down: 50 is the median. */
export const STANDOUT = 55;
export const PER_SIDE = 3;

/** p50 and p90 of one duration say the same thing twice: a reading keeps the more telling one. */
const family = (k: PanelKpi) => k.replace(/_p\d+_minutes$/, "");

/**
 * Three strengths and three gaps against the peers of the same archetype (all panel organisations
 * when fewer than 5 share it, which the reading says), each with the KPI, the value with its unit
 * and the peers' median, then the most promising move. Only KPIs with a better side count; a KPI
 * the organisation does not know, or fewer than 5 peers know, is left out. The most promising move
 * is the reachable one towards the archetype whose organisations beat the organisation on most of
 * its gaps, provided they beat it on more KPIs than they lose (then the most KPIs won, then the
 * smallest change); its effect is what those organisations achieve: a description, not a promise.
 */
export function readPosition(placement: ReadingInput, peers: readonly PanelRow[], lang: Lang): Reading {
  const en = lang === "en";
  const same = peers.filter((r) => r.archetype === placement.archetype);
  const group: "archetype" | "all" = same.length >= MIN_GROUP ? "archetype" : "all";
  const members = group === "archetype" ? same : peers;
  const name = ARCHETYPE_NAMES[placement.archetype];
  const among =
    group === "archetype"
      ? en
        ? `among the ${name.en}`
        : `chez ${name.fr_with_article}`
      : en
        ? "across the panel"
        : "dans l'ensemble du panel";

  const items: ReadingItem[] = [];
  for (const def of PERCENTILE_KPIS) {
    if (def.better === null) continue;
    const key = def.key as PanelKpi;
    const value = placement.percentiles[key]?.value ?? null;
    if (value === null || !Number.isFinite(value)) continue;
    const values = members.map((r) => r[key]).filter((v): v is number => v !== null && Number.isFinite(v));
    if (values.length < MIN_GROUP) continue;
    const rank = percentileRank(values, value)!;
    const standing = def.better === "higher" ? rank : 100 - rank;
    const median = quantile(values, 0.5)!;
    const label = KPI_LABELS[key][lang];
    const valueText = formatKpi(key, value, lang);
    const medianText = formatKpi(key, median, lang);
    const share = Math.round(standing >= 50 ? standing : 100 - standing);
    const ahead = standing >= 50;
    const compare =
      share >= 100
        ? en
          ? `${ahead ? "better" : "worse"} than all of them`
          : `${ahead ? "mieux" : "moins bien"} que toutes`
        : en
          ? `${ahead ? "better" : "worse"} than ${share} % of them`
          : `${ahead ? "mieux" : "moins bien"} que ${share} % d'entre elles`;
    items.push({
      kpi: key,
      label,
      value,
      value_text: valueText,
      peer_median: median,
      peer_median_text: medianText,
      standing,
      n: values.length,
      text: en
        ? `${label}: ${valueText}, against a median of ${medianText} ${among} (${compare})`
        : `${label} : ${valueText}, contre une médiane de ${medianText} ${among} (${compare})`,
    });
  }
  const pick = (list: ReadingItem[]) => {
    const seen = new Set<string>();
    return list.filter((i) => !seen.has(family(i.kpi)) && seen.add(family(i.kpi))).slice(0, PER_SIDE);
  };
  const strengths = pick(items.filter((i) => i.standing >= STANDOUT).sort((a, b) => b.standing - a.standing));
  const gaps = pick(
    items.filter((i) => i.standing <= 100 - STANDOUT).sort((a, b) => a.standing - b.standing),
  );

  const {move, moveText} = promisingMove(placement, items, gaps, peers, lang);

  const portrait = ARCHETYPE_PORTRAITS[placement.archetype][lang];
  const words = confidenceWords(placement, lang);
  const confidence = formatNumber(Math.round(placement.confidence * 100) / 100, lang);
  const position = en
    ? `${words.charAt(0).toUpperCase()}${words.slice(1)} (confidence ${confidence}; 0.5 is the boundary). ${placement.confidence >= BOUNDARY ? `${name.en}: ${portrait}` : "The placement is not firm: read both archetypes' portraits."}`
    : `${words.charAt(0).toUpperCase()}${words.slice(1)} (confiance ${confidence} ; 0,5 correspond à la frontière). ${placement.confidence >= BOUNDARY ? `${name.fr} : ${portrait}` : "Le classement n'est pas ferme : lisez le portrait des deux profils."}`;
  const why = (placement.indicative_reasons ?? []).map((r) => r[lang]);
  const caveat =
    placement.indicative && why.length > 0
      ? en
        ? ` Indicative only: ${joinWords(why, "en")}.`
        : ` À titre indicatif seulement : ${joinWords(why, "fr")}.`
      : "";
  const n = formatNumber(members.length, lang);
  const peersText =
    group === "archetype"
      ? en
        ? `Compared with the ${n} organisations of the panel placed among the ${name.en}.`
        : `Comparaison avec les ${n} organisations du panel classées parmi ${name.fr_with_article}.`
      : en
        ? `Compared with all ${n} organisations of the panel: fewer than ${MIN_GROUP} are placed among the ${name.en}.`
        : `Comparaison avec les ${n} organisations du panel : moins de ${MIN_GROUP} sont classées parmi ${name.fr_with_article}.`;
  const list = (xs: ReadingItem[], title: string, none: string) =>
    xs.length === 0 ? `${title} ${none}` : `${title} ${xs.map((i) => i.text).join(en ? "; " : " ; ")}.`;
  const paragraphs = [
    position + caveat,
    peersText,
    list(
      strengths,
      en ? "Strengths:" : "Points forts :",
      en ? "none stands out from these peers." : "aucun ne se détache de ces pairs.",
    ),
    list(
      gaps,
      en ? "Gaps:" : "Points faibles :",
      en ? "none stands out from these peers." : "aucun ne se détache de ces pairs.",
    ),
    moveText,
  ];
  return {
    lang,
    position,
    peers: {group, n: members.length, text: peersText},
    strengths,
    gaps,
    move,
    move_text: moveText,
    paragraphs,
  };
}

function promisingMove(
  placement: ReadingInput,
  items: readonly ReadingItem[],
  gaps: readonly ReadingItem[],
  peers: readonly PanelRow[],
  lang: Lang,
): {move: Reading["move"]; moveText: string} {
  const en = lang === "en";
  const betterSide = new Map(PERCENTILE_KPIS.map((d) => [d.key as string, d.better]));
  type Effects = NonNullable<Reading["move"]>["effects"];
  let best: {move: Move; effects: Effects; net: number} | null = null;
  for (const move of placement.moves) {
    if (!move.reachable) continue;
    const there = peers.filter((r) => r.archetype === move.archetype);
    const effects: Effects = [];
    // Net count of KPIs on which that archetype's median beats the organisation: a move that
    // closes one gap while losing on most other KPIs is not promising.
    let net = 0;
    for (const item of items) {
      const values = there
        .map((r) => r[item.kpi])
        .filter((v): v is number => v !== null && Number.isFinite(v));
      if (values.length < MIN_GROUP) continue;
      const theirs = quantile(values, 0.5)!;
      if (theirs === item.value) continue;
      const better = betterSide.get(item.kpi) === "higher" ? theirs > item.value : theirs < item.value;
      net += better ? 1 : -1;
      if (better && gaps.includes(item))
        effects.push({kpi: item.kpi, label: item.label, yours: item.value, theirs});
    }
    if (effects.length === 0 || net <= 0) continue;
    if (
      best === null ||
      effects.length > best.effects.length ||
      (effects.length === best.effects.length &&
        (net > best.net || (net === best.net && move.effort < best.move.effort)))
    ) {
      best = {move, effects, net};
    }
  }
  if (best === null) {
    const reason =
      gaps.length === 0
        ? en
          ? "No move is suggested: no KPI stands out below your peers."
          : "Aucun changement de profil n'est suggéré : aucun indicateur n'est nettement en dessous de vos pairs."
        : placement.moves.some((m) => m.reachable)
          ? en
            ? "No archetype within reach does better on your gaps: they are best closed against your own peers."
            : "Aucun profil à votre portée ne fait mieux sur vos points faibles : c'est face à vos pairs actuels qu'ils se travaillent."
          : en
            ? "No other archetype is within reach of the levers you control, within the range seen in the panel."
            : "Aucun autre profil n'est à la portée des leviers que vous maîtrisez, dans les valeurs observées dans le panel.";
    return {move: null, moveText: reason};
  }
  const {move, effects} = best;
  const effectText = effects.map((e) => {
    const theirs = formatKpi(e.kpi, e.theirs, lang);
    const yours = formatKpi(e.kpi, e.yours, lang);
    return en ? `${e.label} ${theirs} (yours: ${yours})` : `${e.label} ${theirs} (vous : ${yours})`;
  });
  const moveText = en
    ? `Most promising move: ${move.text.en} Organisations there do better on ${effects.length === 1 ? "one of your gaps" : `${effects.length} of your gaps`}, in median: ${joinWords(effectText, "en")}. This describes them; it is not a forecast for you.`
    : `Piste la plus prometteuse : ${move.text.fr} Ces organisations font mieux sur ${effects.length === 1 ? "un de vos points faibles" : `${effects.length} de vos points faibles`}, en médiane : ${joinWords(effectText, "fr")}. C'est une description de ce profil, pas une prévision pour vous.`;
  return {
    move: {archetype: move.archetype, text: move.text[lang], effects},
    moveText,
  };
}

/** The reading in both languages, as the placement report carries it. */
export function readPositionBoth(
  placement: ReadingInput,
  peers: readonly PanelRow[],
): {en: Reading; fr: Reading} {
  return {en: readPosition(placement, peers, "en"), fr: readPosition(placement, peers, "fr")};
}
