import type {OrgSummary} from "../schema/org-summary.ts";
import {ARCHETYPES, type Archetype} from "./archetypes.ts";
import {
  FEATURES,
  featureVector,
  fitStandardisation,
  standardise,
  type FeatureKey,
  type Standardisation,
  type Transform,
} from "./features.ts";
import {kmeans, nearest, partialDistance2} from "./kmeans.ts";
import {quantile} from "./stats.ts";
import {prototypeSummary} from "./synthetic-panel.ts";

export const K = 12;
export const RESTARTS = 10;

export interface ModelFeature {
  key: FeatureKey;
  transform: Transform;
  /** Mean and sd of the transformed values over the panel (standardisation). */
  mean: number;
  sd: number;
  /** Panel range, standardised units. */
  min: number;
  max: number;
  /** Median raw value over the organisations that know it, for plain-words comparisons. */
  median: number | null;
}

/** Everything placement needs, serialised in panel.json. */
export interface PanelModel {
  k: number;
  seed: number;
  restarts: number;
  features: ModelFeature[];
  /** Cluster centres in standardised feature space, ordered by archetype then volume. */
  centroids: number[][];
  cluster_sizes: number[];
  cluster_archetype: Archetype[];
  /** Archetype prototypes in raw units and in this panel's standardised space. */
  prototypes: Record<Archetype, {raw: Record<FeatureKey, number>; z: number[]}>;
  /** Pooled within-cluster variance per feature: how tight the clusters are. */
  sigma2: number;
  inertia: number;
}

export function standardisationOf(model: PanelModel): Standardisation {
  return {
    mean: model.features.map((f) => f.mean),
    sd: model.features.map((f) => f.sd),
    min: model.features.map((f) => f.min),
    max: model.features.map((f) => f.max),
  };
}

export interface TrainOptions {
  seed: number;
  k?: number;
  restarts?: number;
}

/** Standardise, cluster with seeded k-means, map each cluster to the nearest prototype. */
export function trainModel(
  summaries: readonly OrgSummary[],
  options: TrainOptions,
): {model: PanelModel; clusters: number[]} {
  const {seed, k = K, restarts = RESTARTS} = options;
  const vectors = summaries.map(featureVector);
  const s = fitStandardisation(vectors);
  const points = vectors.map((v) => standardise(v, s));
  const result = kmeans(points, {k, seed, restarts});

  const prototypes = {} as PanelModel["prototypes"];
  for (const a of ARCHETYPES) {
    const raw = prototypeSummary(a);
    const z = standardise(featureVector(raw), s) as number[];
    prototypes[a] = {raw, z};
  }
  const mapped = mapClusters(result.centroids, prototypes);

  // Order clusters by archetype, then by tickets per month, so cluster numbers read well.
  const order = result.centroids
    .map((c, i) => ({i, a: ARCHETYPES.indexOf(mapped[i]!), v: c[0]!}))
    .sort((x, y) => x.a - y.a || x.v - y.v)
    .map((o) => o.i);
  const renumber = new Array<number>(k);
  order.forEach((old, fresh) => (renumber[old] = fresh));

  const features: ModelFeature[] = FEATURES.map((f, j) => ({
    key: f.key,
    transform: f.transform,
    mean: s.mean[j]!,
    sd: s.sd[j]!,
    min: s.min[j]!,
    max: s.max[j]!,
    median: quantile(
      summaries.map((r) => r[f.key]).filter((x): x is number => x !== null),
      0.5,
    ),
  }));
  const model: PanelModel = {
    k,
    seed,
    restarts,
    features,
    centroids: order.map((i) => result.centroids[i]!),
    cluster_sizes: order.map((i) => result.sizes[i]!),
    cluster_archetype: order.map((i) => mapped[i]!),
    prototypes,
    sigma2: result.inertia / (points.length * FEATURES.length),
    inertia: result.inertia,
  };
  return {model, clusters: result.assignments.map((a) => renumber[a]!)};
}

/**
 * Each cluster takes the archetype whose prototype is nearest. An archetype left without a
 * cluster takes its nearest cluster from an archetype that holds several.
 */
export function mapClusters(
  centroids: readonly (readonly number[])[],
  prototypes: PanelModel["prototypes"],
): Archetype[] {
  const protoCentres = ARCHETYPES.map((a) => prototypes[a].z);
  const mapped = centroids.map((c) => ARCHETYPES[nearest(c, protoCentres).index]!);
  for (const a of ARCHETYPES) {
    if (mapped.includes(a)) continue;
    let best = -1;
    let bestD = Infinity;
    centroids.forEach((c, i) => {
      const owner = mapped[i]!;
      if (mapped.filter((m) => m === owner).length < 2) return;
      const d = partialDistance2(c, prototypes[a].z);
      if (d < bestD) {
        bestD = d;
        best = i;
      }
    });
    if (best >= 0) mapped[best] = a;
  }
  return mapped;
}
