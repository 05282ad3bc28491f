import type {OrgSummary} from "../schema/org-summary.ts";
import {ARCHETYPES, ARCHETYPE_NAMES, type Archetype} from "./archetypes.ts";
import {clusterDistances, nearestCluster} from "./distance.ts";
import {
  FEATURES,
  FEATURE_KEYS,
  featureVector,
  forward,
  rawFromZ,
  standardise,
  type FeatureKey,
} from "./features.ts";
import {standardisationOf, type PanelModel} from "./model.ts";
import {quantile} from "./stats.ts";
import {
  FEATURE_LABELS,
  formatDuration,
  formatFactor,
  formatFeature,
  formatNumber,
  joinWords,
  type Lang,
} from "./text.ts";

export interface Change {
  feature: FeatureKey;
  /** Current raw value; null when the organisation does not know it. */
  from: number | null;
  to: number;
  /** to / from for ratio-like features, else null. */
  factor: number | null;
}

export interface Move {
  archetype: Archetype;
  /**
   * False when no change of the levers, each kept within the panel's P5-P95, lands in this
   * archetype: the move is then said to be out of reach, with what stands in the way.
   */
  reachable: boolean;
  /** Cluster the organisation would fall into; out of reach: the archetype's nearest cluster. */
  cluster: number;
  /** Empty when out of reach. */
  changes: Change[];
  /**
   * Size of the change in panel standard deviations (plus a penalty per unknown feature set);
   * out of reach: the distance to the archetype's nearest cluster.
   */
  effort: number;
  text: {en: string; fr: string};
}

/**
 * The model features an organisation controls: staffing (tickets per agent), replies per ticket,
 * coverage, self-service, automation and first-reply speed. Ticket volume is the demand it serves
 * and CSAT an outcome: neither is ever suggested as a change.
 */
export const LEVERS: readonly FeatureKey[] = [
  "tickets_per_agent_month",
  "replies_per_ticket",
  "coverage_hours_weekday",
  "coverage_hours_weekend",
  "self_service_ratio",
  "automation_rules",
  "first_reply_p50_minutes",
];

/** A lever is moved only within these quantiles of the panel: values most organisations reach. */
export const RANGE_QUANTILES = [0.05, 0.95] as const;
/** Fewer panel organisations than this knowing a feature: its range comes from the model instead. */
const MIN_RANGE_N = 20;
/** P5 and P95 of a normal: the model's range when the rows are not at hand. */
const NORMAL_Q = 1.6449;

/** Raw values each lever may be moved to (inclusive). */
export type LeverRanges = Record<FeatureKey, readonly [number, number]>;

type Values = Partial<Record<FeatureKey, number | null>>;

/**
 * The panel's P5 and P95 of every feature, in raw units, within the feature's hard bounds. From
 * the panel rows when given (and at least 20 know the feature); else from the model's
 * standardisation, mean ± 1.645 sd of the transformed feature, within the panel's min and max.
 */
export function leverRanges(model: PanelModel, rows?: readonly Values[]): LeverRanges {
  const s = standardisationOf(model);
  const out = {} as Record<FeatureKey, readonly [number, number]>;
  FEATURES.forEach((f, j) => {
    const known = (rows ?? [])
      .map((r) => r[f.key])
      .filter((x): x is number => x !== null && x !== undefined && Number.isFinite(x));
    let lo: number;
    let hi: number;
    if (known.length >= MIN_RANGE_N) {
      lo = quantile(known, RANGE_QUANTILES[0])!;
      hi = quantile(known, RANGE_QUANTILES[1])!;
    } else {
      lo = rawFromZ(j, Math.max(s.min[j]!, -NORMAL_Q), s);
      hi = rawFromZ(j, Math.min(s.max[j]!, NORMAL_Q), s);
    }
    out[f.key] = [Math.max(f.bounds[0], lo), Math.min(f.bounds[1], hi)];
  });
  return out;
}

/** Setting a feature the organisation does not know costs this much extra (sd units). */
const UNKNOWN_PENALTY = 1;
/** Each extra feature in a suggestion costs this much (sd units): short advice reads better. */
const FEATURE_COST = 0.5;
/** Changes smaller than this (sd units) are dropped from the wording. */
const NEGLIGIBLE = 0.05;
/** Suggestions aim this far (squared sd units) inside the target, so rounding keeps them there. */
const MARGIN = 0.05;
/** Lever subsets tried one by one; beyond, all levers move together. */
const MAX_SUBSET = 3;

interface Candidate {
  cluster: number;
  /** Feature index and new standardised value. */
  zs: [number, number][];
  effort: number;
  score: number;
}

/**
 * For every other archetype, the cheapest change of the levers after which the nearest cluster
 * belongs to it, each lever kept within the panel's P5-P95. Cost = Euclidean size of the change
 * in panel sds + 0.5 per feature beyond the first + 1 per unknown feature set. For each cluster of
 * the archetype and each set of up to three levers (then all of them), the smallest change is the
 * projection of the current point onto that cluster's cell, which is convex: the half-spaces
 * where it is nearer than every cluster of another archetype, cut by the P5-P95 box. When no
 * set reaches the archetype, the move is out of reach and says what stands in the way.
 */
export function findMoves(
  summary: OrgSummary,
  z: readonly (number | null)[],
  model: PanelModel,
  current: Archetype,
  ranges: LeverRanges = leverRanges(model),
): Move[] {
  const box = zBox(model, ranges);
  const moves: Move[] = [];
  for (const target of ARCHETYPES) {
    if (target === current || !model.cluster_archetype.includes(target)) continue;
    const candidates = search(z, model, target, box);
    let move: Move | null = null;
    for (const c of candidates.slice(0, 10)) {
      move = settle(summary, z, model, target, c, ranges);
      if (move !== null) break;
    }
    moves.push(move ?? outOfReach(summary, z, model, target));
  }
  return moves;
}

/** Lever index -> standardised [lo, hi]. */
function zBox(model: PanelModel, ranges: LeverRanges): Map<number, [number, number]> {
  const box = new Map<number, [number, number]>();
  for (const key of LEVERS) {
    const j = FEATURE_KEYS.indexOf(key);
    const f = FEATURES[j]!;
    const m = model.features[j]!;
    const toZ = (raw: number) => (forward(f.transform, raw) - m.mean) / m.sd;
    const [lo, hi] = ranges[key];
    box.set(j, [toZ(lo), toZ(hi)]);
  }
  return box;
}

function search(
  z: readonly (number | null)[],
  model: PanelModel,
  target: Archetype,
  box: Map<number, [number, number]>,
): Candidate[] {
  const levers = [...box.keys()];
  const subsets: number[][] = [];
  for (let size = 1; size <= Math.min(MAX_SUBSET, levers.length); size++)
    subsets.push(...combinations(levers, size));
  if (levers.length > MAX_SUBSET) subsets.push(levers);
  const found: Candidate[] = [];
  let bestScore = Infinity;
  model.centroids.forEach((_, t) => {
    if (model.cluster_archetype[t] !== target) return;
    for (const dims of subsets) {
      // What this set costs at the least, before any change: skip it when that is already worse.
      const floor =
        FEATURE_COST * (dims.length - 1) +
        UNKNOWN_PENALTY * dims.filter((j) => z[j] === null || z[j] === undefined).length;
      if (floor >= bestScore) continue;
      const x = projectOntoCell(z, model, t, dims, box, bestScore - floor);
      if (x === null) continue;
      const probe = z.slice();
      dims.forEach((j, i) => (probe[j] = x[i]!));
      const landed = nearestCluster(probe, model.centroids);
      if (model.cluster_archetype[landed] !== target) continue;
      const zs: [number, number][] = dims.map((j, i) => [j, x[i]!]);
      const moved = zs.filter(
        ([j, v]) => z[j] === null || z[j] === undefined || Math.abs(v - z[j]!) >= NEGLIGIBLE,
      );
      const effort =
        Math.sqrt(zs.reduce((s, [j, v]) => s + (v - (z[j] ?? 0)) ** 2, 0)) +
        UNKNOWN_PENALTY * zs.filter(([j]) => z[j] === null || z[j] === undefined).length;
      const score = effort + FEATURE_COST * Math.max(0, moved.length - 1);
      bestScore = Math.min(bestScore, score);
      found.push({cluster: landed, zs, effort, score});
    }
  });
  return found.sort((a, b) => a.score - b.score);
}

function combinations(items: readonly number[], size: number): number[][] {
  if (size === 0) return [[]];
  const out: number[][] = [];
  items.forEach((item, i) => {
    for (const rest of combinations(items.slice(i + 1), size - 1)) out.push([item, ...rest]);
  });
  return out;
}

/**
 * Nearest point to the organisation, moving only `dims`, that sits MARGIN inside cluster `t`'s
 * cell (nearer `t` than any cluster of another archetype) and inside the box; null when there is
 * none. Unknown features in `dims` start from the panel mean (0). Dykstra's alternating
 * projections converge to the exact projection onto the intersection of these convex sets.
 */
export function projectOntoCell(
  z: readonly (number | null)[],
  model: PanelModel,
  t: number,
  dims: readonly number[],
  box: Map<number, [number, number]>,
  budget = Infinity,
): number[] | null {
  const inDims = new Set(dims);
  const centre = model.centroids[t]!;
  const fixed = (c: readonly number[]) => {
    let d = 0;
    for (let j = 0; j < c.length; j++) {
      const v = z[j];
      if (inDims.has(j) || v === null || v === undefined) continue;
      d += (v - c[j]!) ** 2;
    }
    return d;
  };
  const ft = fixed(centre);
  // Nearer t than c: sum_j 2 (c_j - t_j) x_j <= F_c - F_t + sum_j (c_j^2 - t_j^2) - MARGIN.
  const halves: {a: number[]; b: number}[] = [];
  for (let c = 0; c < model.centroids.length; c++) {
    if (model.cluster_archetype[c] === model.cluster_archetype[t]) continue;
    const other = model.centroids[c]!;
    const a = dims.map((j) => 2 * (other[j]! - centre[j]!));
    const b = fixed(other) - ft + dims.reduce((s, j) => s + other[j]! ** 2 - centre[j]! ** 2, 0) - MARGIN;
    if (a.every((v) => Math.abs(v) < 1e-12)) {
      if (b < 0) return null;
      continue;
    }
    halves.push({a, b});
  }
  const lo = dims.map((j) => box.get(j)![0]);
  const hi = dims.map((j) => box.get(j)![1]);
  if (lo.some((l, i) => l > hi[i]!)) return null;
  const x = dims.map((j) => z[j] ?? 0);
  // The cell is at least as far as each half-space it lies in: beyond the budget, not worth solving.
  for (const {a, b} of halves) {
    const excess = a.reduce((acc, v, i) => acc + v * x[i]!, 0) - b;
    if (excess > 0 && excess / Math.hypot(...a) >= budget) return null;
  }

  const sets = halves.length + 1;
  const increments = Array.from({length: sets}, () => dims.map(() => 0));
  const y = x.slice();
  for (let sweep = 0; sweep < 300; sweep++) {
    let moved = 0;
    for (let s = 0; s < sets; s++) {
      const p = increments[s]!;
      for (let i = 0; i < x.length; i++) y[i] = x[i]! + p[i]!;
      if (s < halves.length) {
        const {a, b} = halves[s]!;
        const excess = a.reduce((acc, v, i) => acc + v * y[i]!, 0) - b;
        if (excess > 0) {
          const norm2 = a.reduce((acc, v) => acc + v * v, 0);
          for (let i = 0; i < y.length; i++) y[i] = y[i]! - (excess / norm2) * a[i]!;
        }
      } else {
        for (let i = 0; i < y.length; i++) y[i] = Math.min(hi[i]!, Math.max(lo[i]!, y[i]!));
      }
      for (let i = 0; i < x.length; i++) {
        p[i] = x[i]! + p[i]! - y[i]!;
        moved = Math.max(moved, Math.abs(y[i]! - x[i]!));
        x[i] = y[i]!;
      }
    }
    if (moved < 1e-9) break;
  }
  // Infeasible sets never settle: check what the iterations reached.
  const slack = 1e-7;
  if (x.some((v, i) => v < lo[i]! - slack || v > hi[i]! + slack)) return null;
  if (halves.some(({a, b}) => a.reduce((acc, v, i) => acc + v * x[i]!, 0) > b + MARGIN / 2)) return null;
  return x.map((v, i) => Math.min(hi[i]!, Math.max(lo[i]!, v)));
}

/**
 * Turns a candidate into raw changes, rounded as a manager would say them and kept within the
 * panel range, that really land in the target: drops negligible changes when that still works,
 * and pushes the change slightly further (up to 1.5 times, within the range) when rounding put it
 * back over the boundary.
 */
function settle(
  summary: OrgSummary,
  z: readonly (number | null)[],
  model: PanelModel,
  target: Archetype,
  candidate: Candidate,
  ranges: LeverRanges,
): Move | null {
  const s = standardisationOf(model);
  const lands = (changes: Change[]) => {
    const moved = {...summary};
    for (const c of changes) moved[c.feature] = c.to;
    const c = nearestCluster(standardise(featureVector(moved), s), model.centroids);
    return model.cluster_archetype[c] === target ? c : -1;
  };
  const significant = candidate.zs.filter(([j, t]) => z[j] === null || Math.abs(t - z[j]!) >= NEGLIGIBLE);
  const options =
    significant.length > 0 && significant.length < candidate.zs.length
      ? [significant, candidate.zs]
      : [candidate.zs];
  for (const zs of options) {
    for (let stretch = 1; stretch <= 1.5 + 1e-9; stretch += 0.05) {
      const changes = zs.map(([j, t]) =>
        change(summary, model, j, z[j] === null ? t : z[j]! + (t - z[j]!) * stretch, ranges),
      );
      const real = changes.filter((c) => c.from === null || c.to !== c.from);
      if (real.length === 0) continue;
      const cluster = lands(real);
      if (cluster < 0) continue;
      return {
        archetype: target,
        reachable: true,
        cluster,
        changes: real,
        effort: candidate.effort * stretch,
        text: {en: moveSentence(real, summary, target, "en"), fr: moveSentence(real, summary, target, "fr")},
      };
    }
  }
  return null;
}

/** The archetype's nearest cluster and the features outside the organisation's control that keep it away. */
function outOfReach(
  summary: OrgSummary,
  z: readonly (number | null)[],
  model: PanelModel,
  target: Archetype,
): Move {
  const distances = clusterDistances(z, model.centroids);
  let cluster = -1;
  model.centroids.forEach((_, c) => {
    if (model.cluster_archetype[c] === target && (cluster < 0 || distances[c]! < distances[cluster]!))
      cluster = c;
  });
  const centre = model.centroids[cluster]!;
  const s = standardisationOf(model);
  const blockers = FEATURES.map((f, j) => ({
    f,
    j,
    gap: z[j] === null || z[j] === undefined ? 0 : (z[j]! - centre[j]!) ** 2,
  }))
    .filter(({f, gap}) => !LEVERS.includes(f.key) && gap > 0.25)
    .sort((a, b) => b.gap - a.gap);
  const why = (lang: Lang) =>
    blockers.map(({f, j}) => {
      const yours = formatFeature(f.key, summary[f.key]!, lang);
      const theirs = formatFeature(f.key, rawFromZ(j, centre[j]!, s), lang);
      return lang === "en"
        ? `your ${FEATURE_LABELS[f.key].en} (${yours} against ${theirs} at their nearest cluster)`
        : `${FEATURE_LABELS[f.key].fr_your} (${yours} contre ${theirs} dans leur groupe le plus proche)`;
    });
  const en =
    `Out of reach with the levers you control: staffing, coverage, self-service, automation, ` +
    `first-reply speed and replies per ticket, each kept within the range seen in the panel ` +
    `(P5 to P95), do not bring you among the ${ARCHETYPE_NAMES[target].en}` +
    (blockers.length > 0 ? `; what sets you apart from them is ${joinWords(why("en"), "en")}.` : ".");
  const fr =
    `Hors de portée avec les leviers que vous maîtrisez : effectifs, plages de couverture, selfcare, ` +
    `automatisation, rapidité de première réponse et réponses par ticket, chacun dans les valeurs ` +
    `observées dans le panel (du P5 au P95), ne vous amènent pas parmi ${ARCHETYPE_NAMES[target].fr_with_article}` +
    (blockers.length > 0 ? ` ; ce qui vous en sépare : ${joinWords(why("fr"), "fr")}.` : ".");
  return {
    archetype: target,
    reachable: false,
    cluster,
    changes: [],
    effort: Math.sqrt(distances[cluster]!),
    text: {en, fr},
  };
}

const round = (x: number, digits: number) => Math.round(x * 10 ** digits) / 10 ** digits;

/** A value as a manager would state it: whole rules, whole hours, minutes to the nearest 5... */
function tidy(key: FeatureKey, x: number): number {
  switch (key) {
    case "automation_rules":
      return Math.round(x);
    case "tickets_per_agent_month":
      return x >= 10 ? Math.round(x) : round(x, 1);
    case "replies_per_ticket":
      return round(x, 1);
    case "coverage_hours_weekday":
    case "coverage_hours_weekend":
      return x >= 10 ? Math.round(x) : Math.round(x * 2) / 2;
    case "first_reply_p50_minutes":
      return x < 60
        ? Math.max(1, Math.round(x))
        : x < 48 * 60
          ? Math.round(x / 5) * 5
          : Math.round(x / 60) * 60;
    case "self_service_ratio":
      return x >= 10 ? Math.round(x) : x >= 1 ? round(x, 1) : round(x, 2);
    default:
      return round(x, 4);
  }
}

/** Features whose change reads best as a multiple of today's value. */
const RATIO_FEATURES = new Set<FeatureKey>([
  "tickets_per_agent_month",
  "replies_per_ticket",
  "first_reply_p50_minutes",
  "self_service_ratio",
  "automation_rules",
]);

function change(summary: OrgSummary, model: PanelModel, j: number, t: number, ranges: LeverRanges): Change {
  const f = FEATURES[j]!;
  const from = summary[f.key];
  const [lo, hi] = ranges[f.key];
  // Rounded for speech, then held inside the panel range (rounding may cross its edge).
  const to = Math.min(hi, Math.max(lo, tidy(f.key, rawFromZ(j, t, standardisationOf(model)))));
  const factor = from !== null && from > 0 && RATIO_FEATURES.has(f.key) ? round(to / from, 2) : null;
  return {feature: f.key, from, to, factor};
}

/** Below this ratio a change is "slightly" more or less: "1.1x faster" says little. */
const SLIGHT = 1.15;

/** One change in words, to follow "With" ("Avec"). */
export function changeWords(
  c: Change,
  summary: Pick<OrgSummary, "agents" | "tickets_per_month">,
  lang: Lang,
): string {
  const en = lang === "en";
  const n = (x: number) => formatNumber(x, lang);
  const label = FEATURE_LABELS[c.feature];
  const to = formatFeature(c.feature, c.to, lang);
  if (c.from === null) {
    return en ? `${label.en} at ${to} (unknown today)` : `${label.fr_the} à ${to} (inconnu aujourd'hui)`;
  }
  const from = c.from;
  const up = c.to > from;
  switch (c.feature) {
    case "tickets_per_agent_month": {
      const tpm = summary.tickets_per_month;
      const detail = en
        ? `${n(c.to)} tickets per agent a month instead of ${n(from)}`
        : `${n(c.to)} tickets par agent et par mois au lieu de ${n(from)}`;
      const agentsNow = summary.agents;
      if (tpm !== null && tpm !== undefined && tpm > 0 && agentsNow !== null && agentsNow !== undefined) {
        const agentsThen = Math.max(1, Math.round(tpm / c.to));
        if (agentsThen !== agentsNow) {
          const agents = agentsThen === 1 ? "agent" : "agents";
          return en
            ? `about ${n(agentsThen)} ${agents} instead of ${n(agentsNow)} for the same volume (${detail})`
            : `environ ${n(agentsThen)} ${agents} au lieu de ${n(agentsNow)} pour le même volume (${detail})`;
        }
      }
      return detail;
    }
    case "replies_per_ticket":
      return en
        ? `${n(c.to)} replies per ticket instead of ${n(from)}`
        : `${n(c.to)} réponses par ticket au lieu de ${n(from)}`;
    case "coverage_hours_weekday":
    case "coverage_hours_weekend": {
      const hours = Math.abs(c.to - from);
      const delta = n(hours >= 10 ? Math.round(hours) : round(hours, 1));
      const weekday = c.feature === "coverage_hours_weekday";
      if (en) {
        const what = weekday ? "weekday coverage" : "weekend coverage";
        const unit = delta === "1" ? "hour" : "hours";
        return `${delta} ${up ? "more" : "fewer"} ${unit} of ${what} (${n(c.to)} h a week instead of ${n(from)} h)`;
      }
      const when = weekday ? "du lundi au vendredi" : "le week-end";
      return `${delta} h de couverture ${up ? "en plus" : "en moins"} ${when} (${n(c.to)} h par semaine au lieu de ${n(from)} h)`;
    }
    case "self_service_ratio": {
      const values = en ? `(${n(c.to)} instead of ${n(from)})` : `(${n(c.to)} au lieu de ${n(from)})`;
      if (from <= 0) {
        return en
          ? `${n(c.to)} help-centre views per ticket instead of none`
          : `${n(c.to)} consultations du centre d'aide par ticket au lieu d'aucune`;
      }
      if (up && c.to / from < SLIGHT) {
        return en
          ? `slightly more help-centre views per ticket ${values}`
          : `un peu plus de consultations du centre d'aide par ticket ${values}`;
      }
      if (up) {
        return en
          ? `${formatFactor(c.to / from, "en")} the help-centre views per ticket ${values}`
          : `${formatFactor(c.to / from, "fr")} plus de consultations du centre d'aide par ticket ${values}`;
      }
      return en
        ? `fewer help-centre views per ticket ${values}`
        : `moins de consultations du centre d'aide par ticket ${values}`;
    }
    case "automation_rules": {
      const delta = n(Math.abs(c.to - from));
      return en
        ? `${delta} ${up ? "more" : "fewer"} automation rules (${n(c.to)} instead of ${n(from)})`
        : `${delta} règles d'automatisation ${up ? "de plus" : "de moins"} (${n(c.to)} au lieu de ${n(from)})`;
    }
    case "first_reply_p50_minutes": {
      const values = en
        ? `(median ${formatDuration(c.to, "en")} instead of ${formatDuration(from, "en")})`
        : `(médiane de ${formatDuration(c.to, "fr")} au lieu de ${formatDuration(from, "fr")})`;
      const ratio = up ? c.to / Math.max(from, 1e-9) : from / Math.max(c.to, 1e-9);
      if (ratio < SLIGHT) {
        if (en) return `a slightly ${up ? "slower" : "faster"} first reply ${values}`;
        return `une première réponse un peu plus ${up ? "lente" : "rapide"} ${values}`;
      }
      if (en) return `a first reply ${formatFactor(ratio, "en")} ${up ? "slower" : "faster"} ${values}`;
      return `une première réponse ${formatFactor(ratio, "fr")} plus ${up ? "lente" : "rapide"} ${values}`;
    }
    default:
      return en
        ? `your ${label.en} at ${to} instead of ${formatFeature(c.feature, from, "en")}`
        : `${label.fr_the} à ${to} au lieu de ${formatFeature(c.feature, from, "fr")}`;
  }
}

/** "With about 9 agents instead of 5 (...) and ..., you would sit with the Captains of Scale." */
export function moveSentence(
  changes: readonly Change[],
  summary: Pick<OrgSummary, "agents" | "tickets_per_month">,
  target: Archetype,
  lang: Lang,
): string {
  const parts = joinWords(
    changes.map((c) => changeWords(c, summary, lang)),
    lang,
  );
  return lang === "en"
    ? `With ${parts}, you would sit with the ${ARCHETYPE_NAMES[target].en}.`
    : `Avec ${parts}, vous seriez parmi ${ARCHETYPE_NAMES[target].fr_with_article}.`;
}
