import type {OrgSummary} from "../schema/org-summary.ts";
import {ARCHETYPE_NAMES, type Archetype} from "./archetypes.ts";
import {FEATURES, featureVector, rawFromZ, standardise, type FeatureKey} from "./features.ts";
import {standardisationOf, type PanelModel} from "./model.ts";
import {argmin, clusterDistances} from "./distance.ts";
import {findMoves, type LeverRanges, type Move} from "./moves.ts";
import {formatFeature, FEATURE_LABELS} from "./text.ts";

export interface Driver {
  feature: FeatureKey;
  value: number;
  panel_median: number | null;
  /** Standardised value: sds above (+) or below (-) the panel mean of the transformed feature. */
  z: number;
  /** Share of the margin between the nearest cluster and the runner-up's that this feature explains. */
  share: number;
  text: {en: string; fr: string};
}

/** Fewer tickets than this, and a placement is indicative: the KPIs behind it are noisy. */
export const MIN_PLACE_TICKETS = 50;
/** Fewer known model features than this, and a placement is indicative: too little to go on. */
export const MIN_KNOWN_FEATURES = 5;

/**
 * Why a placement is indicative rather than firm (none: firm). Each sample too small to place is
 * one reason, in both languages.
 */
export function indicativeReasons(tickets: number, known: number): {en: string; fr: string}[] {
  const out: {en: string; fr: string}[] = [];
  if (tickets < MIN_PLACE_TICKETS)
    out.push({
      en: `${tickets} ticket${tickets === 1 ? "" : "s"}, fewer than the ${MIN_PLACE_TICKETS} a placement needs`,
      fr: `${tickets} ticket${tickets > 1 ? "s" : ""}, moins des ${MIN_PLACE_TICKETS} qu'un placement demande`,
    });
  if (known < MIN_KNOWN_FEATURES)
    out.push({
      en: `${known} of the model's ${FEATURES.length} features known, fewer than ${MIN_KNOWN_FEATURES}`,
      fr: `${known} des ${FEATURES.length} indicateurs du modèle connus, moins de ${MIN_KNOWN_FEATURES}`,
    });
  return out;
}

export interface Placement {
  archetype: Archetype;
  archetype_name: {en: string; fr: string};
  /** Nearest cluster (0-based, in panel.json order). */
  cluster: number;
  /**
   * d_other / (d_own + d_other) from the distances to the nearest cluster of this archetype and
   * of any other one (0.5 on the boundary, 1 at a cluster centre), times sqrt(share of features
   * known), so every unknown feature lowers it.
   */
  confidence: number;
  /** Archetype of the nearest cluster of another archetype. */
  runner_up: Archetype;
  /**
   * True when the sample is too small to place firmly (fewer than MIN_PLACE_TICKETS tickets or
   * MIN_KNOWN_FEATURES known features): the placement is shown, marked indicative, with the reasons.
   */
  indicative: boolean;
  indicative_reasons: {en: string; fr: string}[];
  /** Share of the model's features this organisation knows. */
  completeness: number;
  missing_features: FeatureKey[];
  /** Squared distance to each centroid over the known features (standardised units). */
  distances: number[];
  drivers: Driver[];
  moves: Move[];
}

/**
 * Places one organisation: nearest cluster and its archetype, confidence, drivers, and the
 * smallest change towards each other archetype. Unknown features are left out of every
 * distance (never imputed) and lower the confidence.
 */
/** An organisation none of whose model features is known (no tickets, say): it cannot be placed. */
export class NothingToPlace extends Error {
  override name = "NothingToPlace";
  constructor() {
    super("no model feature is known for this organisation (does the dataset hold any ticket?)");
  }
}

export function placeOrganisation(
  summary: OrgSummary,
  model: PanelModel,
  options: {moves?: boolean; ranges?: LeverRanges} = {},
): Placement {
  const s = standardisationOf(model);
  const z = standardise(featureVector(summary), s);
  const known = z.filter((v) => v !== null).length;
  if (known === 0) throw new NothingToPlace();
  const missing = FEATURES.filter((_, j) => z[j] === null).map((f) => f.key);
  const completeness = known / FEATURES.length;

  const distances = clusterDistances(z, model.centroids);
  const cluster = argmin(distances);
  const archetype = model.cluster_archetype[cluster]!;
  const runnerCluster = argmin(distances, (c) => model.cluster_archetype[c] !== archetype);
  const runner_up = model.cluster_archetype[runnerCluster]!;
  const reasons = indicativeReasons(summary.tickets, known);

  return {
    archetype,
    archetype_name: {en: ARCHETYPE_NAMES[archetype].en, fr: ARCHETYPE_NAMES[archetype].fr},
    cluster,
    confidence: distanceConfidence(distances[cluster]!, distances[runnerCluster]!) * Math.sqrt(completeness),
    runner_up,
    indicative: reasons.length > 0,
    indicative_reasons: reasons,
    completeness,
    missing_features: missing,
    distances,
    drivers: drivers(summary, z, model, cluster, runnerCluster),
    // Moves cost most of the time; bulk evaluations skip them.
    moves: options.moves === false ? [] : findMoves(summary, z, model, archetype, options.ranges),
  };
}

/** 0.5 when equidistant from the two archetypes, 1 at the centre of the own cluster. */
export function distanceConfidence(own2: number, other2: number): number {
  const own = Math.sqrt(own2);
  const other = Math.sqrt(other2);
  return own + other === 0 ? 0.5 : other / (own + other);
}

/** Features that separate the nearest cluster from the nearest cluster of another archetype. */
function drivers(
  summary: OrgSummary,
  z: readonly (number | null)[],
  model: PanelModel,
  cluster: number,
  runner: number,
): Driver[] {
  const s = standardisationOf(model);
  const a = model.centroids[cluster]!;
  const b = model.centroids[runner]!;
  const parts = FEATURES.map((f, j) => {
    const v = z[j];
    return v === null || v === undefined ? 0 : (v - b[j]!) ** 2 - (v - a[j]!) ** 2;
  });
  const positive = parts.reduce((t, p) => t + Math.max(0, p), 0);
  if (positive <= 0) return [];
  return FEATURES.map((f, j) => ({f, j, part: parts[j]!}))
    .filter((x) => x.part > 0 && x.part / positive >= 0.1)
    .sort((x, y) => y.part - x.part)
    .slice(0, 3)
    .map(({f, j, part}) => {
      const value = summary[f.key]!;
      const label = FEATURE_LABELS[f.key];
      const ownArchetype = model.cluster_archetype[cluster]!;
      const otherArchetype = model.cluster_archetype[runner]!;
      const own = rawFromZ(j, a[j]!, s);
      const other = rawFromZ(j, b[j]!, s);
      const fmt = (x: number, lang: "en" | "fr") => formatFeature(f.key, x, lang);
      return {
        feature: f.key,
        value,
        panel_median: model.features[j]!.median,
        z: z[j]!,
        share: part / positive,
        text: {
          en:
            `${label.en} ${fmt(value, "en")}: nearer the ${ARCHETYPE_NAMES[ownArchetype].en} (${fmt(own, "en")}) ` +
            `than the ${ARCHETYPE_NAMES[otherArchetype].en} (${fmt(other, "en")})`,
          fr:
            `${label.fr} ${fmt(value, "fr")} : plus proche des ${ARCHETYPE_NAMES[ownArchetype].fr} (${fmt(own, "fr")}) ` +
            `que des ${ARCHETYPE_NAMES[otherArchetype].fr} (${fmt(other, "fr")})`,
        },
      };
    });
}
