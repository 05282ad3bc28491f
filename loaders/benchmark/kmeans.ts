import {deriveSeed, mulberry32, type Rng} from "./prng.ts";

/** A point in standardised feature space; `null` marks an unknown feature. */
export type Point = readonly (number | null)[];

/**
 * Squared distance over the features the point knows, scaled up to all `d` features so points
 * with gaps compare fairly with complete ones (the partial-distance strategy).
 */
export function partialDistance2(x: Point, c: readonly number[]): number {
  let sum = 0;
  let known = 0;
  for (let j = 0; j < c.length; j++) {
    const v = x[j];
    if (v === null || v === undefined) continue;
    const diff = v - c[j]!;
    sum += diff * diff;
    known++;
  }
  return known === 0 ? 0 : (sum * c.length) / known;
}

export interface KMeansOptions {
  k: number;
  seed: number;
  /** Independent k-means++ starts; the lowest inertia wins (the earliest on ties). Default 10. */
  restarts?: number;
  /** Lloyd iterations per start. Default 300. */
  maxIterations?: number;
}

export interface KMeansResult {
  centroids: number[][];
  assignments: number[];
  sizes: number[];
  /** Sum of squared (partial) distances of the points to their centroids. */
  inertia: number;
}

/** k-means with k-means++ seeding; reproducible bit for bit from `seed`. */
export function kmeans(points: readonly Point[], options: KMeansOptions): KMeansResult {
  const {k, seed, restarts = 10, maxIterations = 300} = options;
  if (points.length < k) throw new Error(`k-means needs at least k = ${k} points, got ${points.length}`);
  let best: KMeansResult | null = null;
  for (let r = 0; r < restarts; r++) {
    const rng = mulberry32(deriveSeed(seed, r));
    const result = lloyd(points, seedCentroids(points, k, rng), maxIterations);
    if (best === null || result.inertia < best.inertia) best = result;
  }
  return best!;
}

function fill(x: Point): number[] {
  return x.map((v) => v ?? 0);
}

/** k-means++: each next centre drawn with probability proportional to D^2. */
function seedCentroids(points: readonly Point[], k: number, rng: Rng): number[][] {
  const centroids = [fill(points[rng.int(points.length)]!)];
  const d2 = points.map((p) => partialDistance2(p, centroids[0]!));
  while (centroids.length < k) {
    const total = d2.reduce((a, b) => a + b, 0);
    const index = total > 0 ? rng.weighted(d2) : rng.int(points.length);
    const c = fill(points[index]!);
    centroids.push(c);
    for (let i = 0; i < points.length; i++) d2[i] = Math.min(d2[i]!, partialDistance2(points[i]!, c));
  }
  return centroids;
}

export function nearest(x: Point, centroids: readonly (readonly number[])[]): {index: number; d2: number} {
  let index = 0;
  let d2 = Infinity;
  for (let c = 0; c < centroids.length; c++) {
    const d = partialDistance2(x, centroids[c]!);
    if (d < d2) {
      d2 = d;
      index = c;
    }
  }
  return {index, d2};
}

function lloyd(points: readonly Point[], start: number[][], maxIterations: number): KMeansResult {
  const k = start.length;
  const d = start[0]!.length;
  const centroids = start.map((c) => c.slice());
  const assignments = new Array<number>(points.length).fill(-1);
  for (let iteration = 0; iteration < maxIterations; iteration++) {
    let changed = false;
    for (let i = 0; i < points.length; i++) {
      const {index} = nearest(points[i]!, centroids);
      if (index !== assignments[i]) {
        assignments[i] = index;
        changed = true;
      }
    }
    refillEmpty(points, centroids, assignments);
    updateCentroids(points, centroids, assignments, d);
    if (!changed) break;
  }
  const sizes = new Array<number>(k).fill(0);
  let inertia = 0;
  for (let i = 0; i < points.length; i++) {
    sizes[assignments[i]!]!++;
    inertia += partialDistance2(points[i]!, centroids[assignments[i]!]!);
  }
  return {centroids, assignments, sizes, inertia};
}

/** Means over the members that know each feature; a feature no member knows keeps its value. */
function updateCentroids(points: readonly Point[], centroids: number[][], assignments: number[], d: number) {
  const k = centroids.length;
  const sum = centroids.map(() => new Array<number>(d).fill(0));
  const count = centroids.map(() => new Array<number>(d).fill(0));
  for (let i = 0; i < points.length; i++) {
    const c = assignments[i]!;
    const p = points[i]!;
    for (let j = 0; j < d; j++) {
      const v = p[j];
      if (v === null || v === undefined) continue;
      sum[c]![j]! += v;
      count[c]![j]!++;
    }
  }
  for (let c = 0; c < k; c++) {
    for (let j = 0; j < d; j++) {
      if (count[c]![j]! > 0) centroids[c]![j] = sum[c]![j]! / count[c]![j]!;
    }
  }
}

/** An empty cluster takes the point farthest from its own centroid, so k clusters survive. */
function refillEmpty(points: readonly Point[], centroids: number[][], assignments: number[]) {
  for (let c = 0; c < centroids.length; c++) {
    if (assignments.includes(c)) continue;
    const sizes = new Array<number>(centroids.length).fill(0);
    for (const a of assignments) sizes[a]!++;
    let far = -1;
    let farD = -1;
    for (let i = 0; i < points.length; i++) {
      if (sizes[assignments[i]!]! < 2) continue;
      const dist = partialDistance2(points[i]!, centroids[assignments[i]!]!);
      if (dist > farD) {
        farD = dist;
        far = i;
      }
    }
    if (far < 0) continue;
    assignments[far] = c;
    centroids[c] = fill(points[far]!);
  }
}
