import {quantile} from "./stats.ts";

/** One bin of a peer distribution: its value range and how many organisations fall in it. */
export interface PeerBin {
  x0: number;
  x1: number;
  n: number;
}

/** A peer distribution as the site ships it: equal-count bins and quartiles, never one row per organisation. */
export interface PeerDistribution {
  n: number;
  p25: number;
  p50: number;
  p75: number;
  bins: PeerBin[];
}

/**
 * Equal-count bins of at least `minPerBin` organisations each (k-anonymity: no bin singles out
 * fewer than that), at most `maxBins` of them. A bin's edges are midpoints between neighbouring
 * organisations, so no edge is any one organisation's own value; the outer edges are the P5 and
 * P95 of the group (or the middle of the outer bin when that is further out), never its minimum
 * or maximum. Returns null for a group under `minPerBin`.
 */
export function peerDistribution(
  values: readonly number[],
  {minPerBin = 5, maxBins = 20}: {minPerBin?: number; maxBins?: number} = {},
): PeerDistribution | null {
  const sorted = values.filter((v) => Number.isFinite(v)).sort((a, b) => a - b);
  const n = sorted.length;
  if (n < minPerBin) return null;
  const count = Math.max(1, Math.min(maxBins, Math.floor(n / minPerBin)));
  const ends = Array.from({length: count + 1}, (_, b) => Math.round((b * n) / count));
  const mid = (i: number) => (sorted[i - 1]! + sorted[i]!) / 2;
  // With bins of about 5% each, P5 and P95 fall past the outer bins' inner edges (a bin of zero
  // width, or one overlapping its neighbour): an outer edge never goes past the middle of its bin.
  const first = Math.max(1, Math.floor(ends[1]! / 2));
  const last = Math.min(n - 1, n - Math.floor((n - ends[count - 1]!) / 2));
  const lo = n > 1 ? Math.min(quantile(sorted, 0.05)!, mid(first)) : sorted[0]!;
  const hi = n > 1 ? Math.max(quantile(sorted, 0.95)!, mid(last)) : sorted[0]!;
  const edge = (i: number) => (i <= 0 ? lo : i >= n ? hi : mid(i));
  const bins: PeerBin[] = ends
    .slice(1)
    .map((end, b) => ({x0: edge(ends[b]!), x1: edge(end), n: end - ends[b]!}));
  return {n, p25: quantile(sorted, 0.25)!, p50: quantile(sorted, 0.5)!, p75: quantile(sorted, 0.75)!, bins};
}

/** A cell of the panel map holding at least the minimum group of organisations. */
export interface MapCell {
  x0: number;
  x1: number;
  y0: number;
  y1: number;
  n: number;
  /** The archetype most of the cell's organisations belong to. */
  archetype: string | null;
}

/**
 * Points of the panel map gathered into a `size` x `size` grid, keeping only cells of at least
 * `minPerCell` organisations: a client panel drawn this way shows where its organisations are
 * without a mark that could be one of them. Returns the cells and how many points were left out.
 */
export function mapCells(
  points: readonly {x: number; y: number; archetype: string | null}[],
  {size = 8, minPerCell = 5}: {size?: number; minPerCell?: number} = {},
): {cells: MapCell[]; left_out: number} {
  if (!points.length) return {cells: [], left_out: 0};
  const xs = points.map((p) => p.x);
  const ys = points.map((p) => p.y);
  const [x0, x1, y0, y1] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
  const w = (x1 - x0) / size || 1;
  const hgt = (y1 - y0) / size || 1;
  const cell = (v: number, lo: number, step: number) => Math.min(size - 1, Math.floor((v - lo) / step));
  const groups = new Map<string, {i: number; j: number; members: (string | null)[]}>();
  for (const p of points) {
    const i = cell(p.x, x0, w);
    const j = cell(p.y, y0, hgt);
    const key = `${i},${j}`;
    const g = groups.get(key) ?? {i, j, members: []};
    g.members.push(p.archetype);
    groups.set(key, g);
  }
  const cells: MapCell[] = [];
  let leftOut = 0;
  for (const g of groups.values()) {
    if (g.members.length < minPerCell) {
      leftOut += g.members.length;
      continue;
    }
    const counts = new Map<string | null, number>();
    for (const a of g.members) counts.set(a, (counts.get(a) ?? 0) + 1);
    const top = [...counts.entries()].sort((a, b) => b[1] - a[1])[0]![0];
    cells.push({
      x0: x0 + g.i * w,
      x1: x0 + (g.i + 1) * w,
      y0: y0 + g.j * hgt,
      y1: y0 + (g.j + 1) * hgt,
      n: g.members.length,
      archetype: top,
    });
  }
  return {cells, left_out: leftOut};
}
