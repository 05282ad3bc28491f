import {describe, expect, it} from "vitest";
import {ARCHETYPES} from "../../loaders/benchmark/archetypes.ts";
import {buildSyntheticPanel} from "../../loaders/benchmark/build.ts";
import {kmeans} from "../../loaders/benchmark/kmeans.ts";
import {trainModel} from "../../loaders/benchmark/model.ts";
import {deriveSeed, mulberry32} from "../../loaders/benchmark/prng.ts";
import {generateSyntheticOrgs} from "../../loaders/benchmark/synthetic-panel.ts";

describe("seeded random numbers", () => {
  it("repeat exactly from the same seed", () => {
    const a = mulberry32(42);
    const b = mulberry32(42);
    const xs = Array.from({length: 1000}, () => a.next());
    expect(Array.from({length: 1000}, () => b.next())).toEqual(xs);
    expect(xs.every((x) => x >= 0 && x < 1)).toBe(true);
  });

  it("differ between seeds and derived streams", () => {
    expect(mulberry32(1).next()).not.toBe(mulberry32(2).next());
    expect(deriveSeed(7, 0)).not.toBe(deriveSeed(7, 1));
  });

  it("give standard normals with mean 0 and sd 1", () => {
    const rng = mulberry32(3);
    const xs = Array.from({length: 20000}, () => rng.normal());
    const mean = xs.reduce((a, b) => a + b, 0) / xs.length;
    const sd = Math.sqrt(xs.reduce((a, b) => a + (b - mean) ** 2, 0) / xs.length);
    expect(Math.abs(mean)).toBeLessThan(0.03);
    expect(Math.abs(sd - 1)).toBeLessThan(0.03);
  });
});

describe("k-means", () => {
  it("gives the same clusters bit for bit from the same seed", () => {
    const orgs = generateSyntheticOrgs({seed: 11, n: 300});
    const a = trainModel(orgs, {seed: 5});
    const b = trainModel(orgs, {seed: 5});
    expect(JSON.stringify(b)).toBe(JSON.stringify(a));
  });

  it("regenerates the shipped panel identically", () => {
    expect(JSON.stringify(buildSyntheticPanel())).toBe(JSON.stringify(buildSyntheticPanel()));
  });

  it("recovers well-separated blobs, with unknown features left out", () => {
    const rng = mulberry32(9);
    const centres = [
      [0, 0],
      [10, 0],
      [5, 10],
    ];
    const points = centres.flatMap(([x, y]) =>
      Array.from({length: 30}, (_, i) => [
        x! + rng.normal() * 0.5,
        // Every fifth point does not know its second coordinate.
        i % 5 === 0 ? null : y! + rng.normal() * 0.5,
      ]),
    );
    const result = kmeans(points, {k: 3, seed: 1});
    for (let c = 0; c < 3; c++) {
      const labels = new Set(result.assignments.slice(c * 30, c * 30 + 30));
      expect(labels.size).toBe(1);
    }
    expect(new Set(result.assignments).size).toBe(3);
  });

  it("keeps k clusters and maps every archetype to at least one", () => {
    const {model} = buildSyntheticPanel().meta;
    expect(model.centroids).toHaveLength(12);
    expect(model.cluster_sizes.every((n) => n > 0)).toBe(true);
    for (const a of ARCHETYPES) expect(model.cluster_archetype).toContain(a);
  });
});
