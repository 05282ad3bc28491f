/** Squared distances to every centroid over the known (non-null) features of `z`. */
export function clusterDistances(
  z: readonly (number | null)[],
  centroids: readonly (readonly number[])[],
): number[] {
  return centroids.map((c) => {
    let d = 0;
    for (let j = 0; j < c.length; j++) {
      const v = z[j];
      if (v === null || v === undefined) continue;
      d += (v - c[j]!) ** 2;
    }
    return d;
  });
}

/** Index of the smallest value among those `keep` accepts (the first on ties); -1 if none. */
export function argmin(xs: readonly number[], keep: (i: number) => boolean = () => true): number {
  let best = -1;
  for (let i = 0; i < xs.length; i++) if (keep(i) && (best < 0 || xs[i]! < xs[best]!)) best = i;
  return best;
}

export function nearestCluster(
  z: readonly (number | null)[],
  centroids: readonly (readonly number[])[],
): number {
  return argmin(clusterDistances(z, centroids));
}
