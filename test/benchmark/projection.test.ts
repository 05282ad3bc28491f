import {describe, expect, it} from "vitest";
import {buildSyntheticPanel} from "../../loaders/benchmark/build.ts";
import {FEATURE_KEYS} from "../../loaders/benchmark/features.ts";
import {panelMap, principalAxes} from "../../loaders/benchmark/projection.ts";
import {prototypeOrg} from "./helpers.ts";

/** Sign convention of principalAxes: the largest component is positive. */
const oriented = (v: number[]) => {
  const big = Math.abs(v[0]!) >= Math.abs(v[1]!) ? 0 : 1;
  return v[big]! < 0 ? v.map((x) => -x) : v;
};

describe("principalAxes", () => {
  it("equals the eigenvectors of a 2x2 covariance computed by hand", () => {
    const data = [
      [2, 1],
      [0, 0.5],
      [-1, -1],
      [3, 2.5],
      [-4, -3],
    ];
    const n = data.length;
    const mx = data.reduce((s, r) => s + r[0]!, 0) / n;
    const my = data.reduce((s, r) => s + r[1]!, 0) / n;
    const a = data.reduce((s, r) => s + (r[0]! - mx) ** 2, 0) / n;
    const c = data.reduce((s, r) => s + (r[1]! - my) ** 2, 0) / n;
    const b = data.reduce((s, r) => s + (r[0]! - mx) * (r[1]! - my), 0) / n;
    // Eigenvalues of [[a, b], [b, c]]: (a + c) / 2 ± sqrt(((a - c) / 2)^2 + b^2); eigenvector (b, λ - a).
    const root = Math.sqrt(((a - c) / 2) ** 2 + b ** 2);
    const l1 = (a + c) / 2 + root;
    const l2 = (a + c) / 2 - root;
    const unit = (v: number[]) => v.map((x) => x / Math.hypot(...v));
    const v1 = oriented(unit([b, l1 - a]));
    const v2 = oriented(unit([b, l2 - a]));

    const pca = principalAxes(data, 2);
    expect(pca.values[0]).toBeCloseTo(l1, 9);
    expect(pca.values[1]).toBeCloseTo(l2, 9);
    expect(pca.total).toBeCloseTo(a + c, 12);
    pca.vectors[0]!.forEach((x, i) => expect(x).toBeCloseTo(v1[i]!, 8));
    pca.vectors[1]!.forEach((x, i) => expect(x).toBeCloseTo(v2[i]!, 8));
  });

  it("finds the axes of an uncorrelated table: the wider feature first", () => {
    const pca = principalAxes(
      [
        [3, 0],
        [-3, 0],
        [0, 1],
        [0, -1],
      ],
      2,
    );
    expect(pca.vectors[0]![0]).toBeCloseTo(1, 9);
    expect(pca.vectors[1]![1]).toBeCloseTo(1, 9);
    expect(pca.values).toEqual([expect.closeTo(4.5, 9), expect.closeTo(0.5, 9)]);
  });
});

describe("panelMap", () => {
  const panel = buildSyntheticPanel();
  const model = panel.meta.model;
  const me = {...prototypeOrg("captains_of_scale"), self_service_ratio: null};
  const map = panelMap(model, panel.rows, me);

  it("draws every panel organisation, anonymous", () => {
    expect(map.points).toHaveLength(panel.rows.length);
    for (const p of map.points)
      expect(Object.keys(p).sort()).toEqual(["approximate", "archetype", "cluster", "x", "y"]);
    expect(map.centres).toHaveLength(model.k);
    expect(map.prototypes.map((p) => p.archetype)).toEqual(Object.keys(model.prototypes));
  });

  it("explains a share of the variance per axis, the first the most, and describes both axes", () => {
    const [a, b] = map.axes;
    expect(a.explained).toBeGreaterThanOrEqual(b.explained);
    expect(a.explained + b.explained).toBeLessThanOrEqual(1 + 1e-9);
    const norm = Math.hypot(...FEATURE_KEYS.map((k) => a.loadings[k]));
    expect(norm).toBeCloseTo(1, 9);
    expect(a.text.en).toMatch(/% of the spread between organisations\): towards the right, /);
    expect(b.text.fr).toMatch(/% de la dispersion entre organisations\) : vers le haut, /);
  });

  it("flags a point with unknown features as approximate, and is deterministic", () => {
    expect(map.you?.approximate).toBe(true);
    expect(panelMap(model, panel.rows, prototypeOrg("captains_of_scale")).you?.approximate).toBe(false);
    expect(panelMap(model, panel.rows, me)).toEqual(map);
    // Panel rows with any unknown feature (CSAT, self-service, automation) are approximate too.
    const unknown = panel.rows.filter((r) => FEATURE_KEYS.some((k) => r[k] === null)).length;
    expect(map.points.filter((p) => p.approximate)).toHaveLength(unknown);
  });

  it("puts the captains' prototype nearer the captains' centres than the builders'", () => {
    const proto = map.prototypes.find((p) => p.archetype === "captains_of_scale")!;
    const d = (arch: string) =>
      Math.min(
        ...map.centres
          .filter((c) => c.archetype === arch)
          .map((c) => Math.hypot(c.x - proto.x, c.y - proto.y)),
      );
    expect(d("captains_of_scale")).toBeLessThan(d("relationship_builders"));
  });
});
