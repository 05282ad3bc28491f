import type {OrgSummary} from "../schema/org-summary.ts";
import {ARCHETYPES, ARCHETYPE_NAMES, type Archetype} from "./archetypes.ts";
import {nearestCluster} from "./distance.ts";
import {FEATURES, featureVector, forward, rawFromZ, standardise, type FeatureKey} from "./features.ts";
import {standardisationOf, type PanelModel} from "./model.ts";
import {FEATURE_LABELS, formatFactor, formatFeature, type Lang} from "./text.ts";

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
  /** Cluster the organisation would fall into. */
  cluster: number;
  changes: Change[];
  /** Size of the change in panel standard deviations (plus a penalty per unknown feature). */
  effort: number;
  text: {en: string; fr: string};
}

const STEP = 0.01;
/** Setting a feature the organisation does not know costs this much extra (sd units). */
const UNKNOWN_PENALTY = 1;
/** A single feature is never asked to move further than this (sd units): beyond, advice is absurd. */
const SINGLE_LIMIT = 2.5;
/** Features whose change reads best as a multiple ("2.1x your tickets per agent"). */
const RATIO_FEATURES = new Set<FeatureKey>([
  "tickets_per_month",
  "tickets_per_agent_month",
  "replies_per_ticket",
  "first_reply_p50_minutes",
  "self_service_ratio",
  "automation_rules",
]);

/** Each extra feature in a suggestion costs this much (sd units): short advice reads better. */
const FEATURE_COST = 0.5;
/** Changes smaller than this (sd units) are dropped from the wording. */
const NEGLIGIBLE = 0.05;

/**
 * For every other archetype, the cheapest change after which the nearest cluster belongs to it.
 * Cost = Euclidean size of the change in panel sds + FEATURE_COST per feature beyond the first.
 * Tried: one feature alone (at most SINGLE_LIMIT sds, unknown features included), two or three
 * known features moved together towards one of its clusters, and as a last resort the fewest
 * features, largest first, moved towards its nearest cluster.
 */
export function findMoves(
  summary: OrgSummary,
  z: readonly (number | null)[],
  model: PanelModel,
  current: Archetype,
): Move[] {
  const moves: Move[] = [];
  for (const target of ARCHETYPES) {
    if (target === current || !model.cluster_archetype.includes(target)) continue;
    let best: Candidate | null = null;
    const score = (c: Candidate) => c.effort + FEATURE_COST * (c.zs.length - 1);
    for (const candidate of [
      singleMove(z, model, target),
      subsetMove(z, model, target, 2),
      subsetMove(z, model, target, 3),
    ]) {
      if (candidate !== null && (best === null || score(candidate) < score(best))) best = candidate;
    }
    best ??= fullMove(z, model, target);
    if (best === null) continue;
    const move = settle(summary, z, model, target, best);
    if (move !== null) moves.push(move);
  }
  return moves;
}

/**
 * Turns a candidate into raw changes that, once rounded, really land in the target: drops
 * negligible changes when that still works, and pushes a change sitting on a boundary slightly
 * further (up to 1.5 times) when rounding put it back.
 */
function settle(
  summary: OrgSummary,
  z: readonly (number | null)[],
  model: PanelModel,
  target: Archetype,
  candidate: Candidate,
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
        change(summary, model, j, z[j] === null ? t * stretch : z[j]! + (t - z[j]!) * stretch),
      );
      const cluster = lands(changes);
      if (cluster < 0) continue;
      return {
        archetype: target,
        cluster,
        changes,
        effort: candidate.effort * stretch,
        text: {en: sentence(changes, target, "en"), fr: sentence(changes, target, "fr")},
      };
    }
  }
  return null;
}

interface Candidate {
  cluster: number;
  effort: number;
  /** Feature index and new standardised value. */
  zs: [number, number][];
}

/** Standardised range a suggestion may reach: the panel range widened a little, within bounds. */
function range(model: PanelModel, j: number): [number, number] {
  const f = FEATURES[j]!;
  const m = model.features[j]!;
  const toZ = (raw: number) => (forward(f.transform, raw) - m.mean) / m.sd;
  return [Math.max(m.min - 0.5, toZ(f.bounds[0])), Math.min(m.max + 0.5, toZ(f.bounds[1]))];
}

function singleMove(z: readonly (number | null)[], model: PanelModel, target: Archetype): Candidate | null {
  let best: Candidate | null = null;
  for (let j = 0; j < FEATURES.length; j++) {
    const from = z[j] ?? 0;
    const penalty = z[j] === null || z[j] === undefined ? UNKNOWN_PENALTY : 0;
    const [wideLo, wideHi] = range(model, j);
    const lo = Math.max(wideLo, from - SINGLE_LIMIT);
    const hi = Math.min(wideHi, from + SINGLE_LIMIT);
    const probe = z.slice();
    // Walk outwards from the current value; the first hit in either direction is the smallest.
    for (let step = 1; from - step * STEP >= lo || from + step * STEP <= hi; step++) {
      if (best !== null && step * STEP + penalty >= best.effort) break;
      let hit: Candidate | null = null;
      for (const t of [from - step * STEP, from + step * STEP]) {
        if (t < lo || t > hi) continue;
        probe[j] = t;
        const c = nearestCluster(probe, model.centroids);
        if (model.cluster_archetype[c] === target) {
          hit = {cluster: c, effort: step * STEP + penalty, zs: [[j, t]]};
          break;
        }
      }
      if (hit !== null) {
        best = hit;
        break;
      }
    }
  }
  return best;
}

/** `size` known features moved together along the line towards one of the target's clusters. */
function subsetMove(
  z: readonly (number | null)[],
  model: PanelModel,
  target: Archetype,
  size: number,
): Candidate | null {
  let best: Candidate | null = null;
  const known = FEATURES.map((_, j) => j).filter((j) => z[j] !== null && z[j] !== undefined);
  const subsets = combinations(known, size);
  model.centroids.forEach((centre, c) => {
    if (model.cluster_archetype[c] !== target) return;
    for (const dims of subsets) {
      const hit = alongLine(z, model, target, centre, dims);
      if (hit !== null && (best === null || hit.effort < best.effort)) best = hit;
    }
  });
  return best;
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
 * Every known feature moved towards the target's nearest cluster; then only the largest changes
 * are kept, as few as still land in the target.
 */
function fullMove(z: readonly (number | null)[], model: PanelModel, target: Archetype): Candidate | null {
  const known = FEATURES.map((_, j) => j).filter((j) => z[j] !== null && z[j] !== undefined);
  let bestC = -1;
  let bestD = Infinity;
  model.centroids.forEach((centre, c) => {
    if (model.cluster_archetype[c] !== target) return;
    const d = known.reduce((s, j) => s + (z[j]! - centre[j]!) ** 2, 0);
    if (d < bestD) {
      bestD = d;
      bestC = c;
    }
  });
  if (bestC < 0) return null;
  const hit = alongLine(z, model, target, model.centroids[bestC]!, known);
  if (hit === null) return null;
  const bySize = hit.zs.slice().sort((x, y) => Math.abs(y[1] - z[y[0]]!) - Math.abs(x[1] - z[x[0]]!));
  for (let m = 1; m <= bySize.length; m++) {
    const kept = bySize.slice(0, m);
    const probe = z.slice();
    for (const [j, t] of kept) probe[j] = t;
    const c = nearestCluster(probe, model.centroids);
    if (model.cluster_archetype[c] === target) {
      const effort = Math.sqrt(kept.reduce((s, [j, t]) => s + (t - z[j]!) ** 2, 0));
      return {cluster: c, effort, zs: kept.sort((x, y) => x[0] - y[0])};
    }
  }
  return hit;
}

/** Smallest step along the straight line towards `centre` on `dims` that lands in `target`. */
function alongLine(
  z: readonly (number | null)[],
  model: PanelModel,
  target: Archetype,
  centre: readonly number[],
  dims: readonly number[],
): Candidate | null {
  const probe = z.slice();
  const length = Math.sqrt(dims.reduce((s, j) => s + (centre[j]! - z[j]!) ** 2, 0));
  if (length === 0) return null;
  for (let lambda = STEP; lambda <= 1 + 1e-9; lambda += STEP) {
    for (const j of dims) probe[j] = z[j]! + lambda * (centre[j]! - z[j]!);
    const c = nearestCluster(probe, model.centroids);
    if (model.cluster_archetype[c] === target) {
      return {cluster: c, effort: lambda * length, zs: dims.map((j) => [j, probe[j]!])};
    }
  }
  return null;
}

const round = (x: number, digits: number) => Math.round(x * 10 ** digits) / 10 ** digits;

function change(summary: OrgSummary, model: PanelModel, j: number, t: number): Change {
  const f = FEATURES[j]!;
  const from = summary[f.key];
  let to = Math.min(f.bounds[1], Math.max(f.bounds[0], rawFromZ(j, t, standardisationOf(model))));
  if (f.key === "automation_rules") to = Math.round(to);
  const factor = from !== null && from > 0 && RATIO_FEATURES.has(f.key) ? round(to / from, 2) : null;
  return {feature: f.key, from, to: round(to, 4), factor};
}

function phrase(c: Change, lang: Lang): string {
  const label = FEATURE_LABELS[c.feature];
  const to = formatFeature(c.feature, c.to, lang);
  if (c.from === null) {
    return lang === "en"
      ? `with ${label.en} at ${to} (unknown today)`
      : `avec ${label.fr_the} à ${to} (inconnu aujourd'hui)`;
  }
  const from = formatFeature(c.feature, c.from, lang);
  if (c.factor !== null) {
    return lang === "en"
      ? `at ${formatFactor(c.factor, "en")} your ${label.en} (${to} instead of ${from})`
      : `avec ${formatFactor(c.factor, "fr")} ${label.fr_your} (${to} au lieu de ${from})`;
  }
  return lang === "en"
    ? `with your ${label.en} at ${to} instead of ${from}`
    : `avec ${label.fr_the} à ${to} au lieu de ${from}`;
}

/** "At 2.1x your tickets per agent (...) you would sit with the Captains of Scale." */
export function sentence(changes: readonly Change[], target: Archetype, lang: Lang): string {
  const parts = changes.map((c) => phrase(c, lang));
  const joined =
    parts.length <= 1
      ? (parts[0] ?? "")
      : `${parts.slice(0, -1).join(", ")}${lang === "en" ? " and " : " et "}${parts.at(-1)}`;
  const head = joined.charAt(0).toUpperCase() + joined.slice(1);
  return lang === "en"
    ? `${head}, you would sit with the ${ARCHETYPE_NAMES[target].en}.`
    : `${head}, vous seriez parmi ${ARCHETYPE_NAMES[target].fr_with_article}.`;
}
