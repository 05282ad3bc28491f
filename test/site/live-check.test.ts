import {describe, expect, it} from "vitest";
import {agrees} from "../../src/components/live-check.ts";

describe("agrees", () => {
  const cases: [string, number | null, number | null, number, boolean][] = [
    ["both unknown", null, null, 1e-9, true],
    ["built unknown, live known", null, 0, 1e-9, false],
    ["built known, live unknown", 0, null, 1e-9, false],
    ["equal", 42, 42, 0, true],
    ["both zero with no tolerance", 0, 0, 0, true],
    // |100 - 100.4| = 0.4 <= 0.005 * 100.4 = 0.502.
    ["within 0.5% of the larger", 100, 100.4, 0.005, true],
    // |100 - 100.6| = 0.6 > 0.005 * 100.6 = 0.503.
    ["beyond 0.5% of the larger", 100, 100.6, 0.005, false],
    // The last bits of a sum: |0.1 + 0.2 - 0.3| is about 5.6e-17, far under 1e-9 * 0.3.
    ["apart by floating rounding only", 0.3, 0.1 + 0.2, 1e-9, true],
    // Relative, not absolute: 1e-9 of a million is 0.001.
    ["a million apart by 0.0005", 1e6, 1e6 + 0.0005, 1e-9, true],
    ["a million apart by 0.002", 1e6, 1e6 + 0.002, 1e-9, false],
    ["zero against a tiny figure", 0, 1e-12, 1e-9, false],
    // |-50 - (-50.2)| = 0.2 <= 0.005 * 50.2 = 0.251.
    ["negative figures within tolerance", -50, -50.2, 0.005, true],
    ["opposite signs", -1, 1, 0.5, false],
  ];
  for (const [name, built, live, tolerance, expected] of cases) {
    it(`${expected ? "agrees" : "disagrees"}: ${name}`, () =>
      expect(agrees(built, live, tolerance)).toBe(expected));
  }
});
