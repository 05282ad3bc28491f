import fc from "fast-check";
import {describe, expect, it} from "vitest";
import {formatCount, formatDuration, formatPercent, formatUnknown} from "../../loaders/metrics/format.ts";
import {UNKNOWN} from "../../loaders/metrics/unknown.ts";

describe("formatDuration", () => {
  const cases: [number | null, "en" | "fr", string][] = [
    [null, "en", "–"],
    [Number.NaN, "en", "–"],
    [0, "en", "0 s"],
    [0.8, "en", "48 s"],
    [1.6, "en", "1.6 min"],
    [1.6, "fr", "1,6 min"],
    [42.4, "en", "42 min"],
    [96, "en", "1 h 36 min"],
    [120, "en", "2 h"],
    [145, "en", "2 h 25 min"],
    [16.4 * 60, "en", "16 h"],
    [1542, "fr", "26 h"],
    [3.9 * 1440, "en", "3.9 d"],
    [3.9 * 1440, "fr", "3,9 j"],
    [4000, "fr", "2,8 j"],
    // Rounding carries into the hour: never "3 h 60 min" nor "60 min".
    [239.7, "en", "4 h"],
    [59.7, "en", "1 h"],
    [-145, "en", "−2 h 25 min"],
  ];
  for (const [minutes, lang, expected] of cases) {
    it(`${minutes} min in ${lang} is ${expected}`, () =>
      expect(formatDuration(minutes, lang)).toBe(expected));
  }

  it("hours and minutes add up to the duration rounded to the minute, minutes below 60", () => {
    fc.assert(
      fc.property(fc.double({min: 59.5, max: 599.49, noNaN: true}), (m) => {
        const text = formatDuration(m, "en");
        const match = /^(\d+) h(?: (\d+) min)?$/.exec(text);
        expect(match, text).not.toBeNull();
        const [h, rest] = [Number(match![1]), Number(match![2] ?? 0)];
        expect(rest).toBeLessThan(60);
        expect(h * 60 + rest).toBe(Math.round(m));
      }),
      {seed: 7, numRuns: 2000},
    );
  });
});

describe("percent, count and unknown", () => {
  it("uses the language's decimal mark and spacing", () => {
    expect(formatPercent(0.947, "en")).toBe("94.7%");
    expect(formatPercent(0.947, "fr")).toBe("94,7\u202f%");
    expect(formatCount(12345.6, "en")).toBe("12,346");
    expect(formatPercent(null)).toBe("–");
  });

  it("says unknown and why, in both languages", () => {
    expect(formatUnknown(UNKNOWN.reopens, "en")).toBe("unknown (the export has no reopen counts)");
    expect(formatUnknown(UNKNOWN.reopens, "fr")).toBe(
      "inconnu (l'export ne contient aucun nombre de réouvertures)",
    );
    expect(formatUnknown(null)).toBe("unknown");
  });
});
