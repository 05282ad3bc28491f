import {describe, expect, it} from "vitest";
import {formatMinutes, formatNumber, formatPercent} from "../../src/components/format.ts";

describe("formatMinutes", () => {
  const cases: [number | null, "en" | "fr", string][] = [
    [null, "en", "–"],
    [0.8, "en", "48 s"],
    [1.6, "en", "1.6 min"],
    [96, "en", "1 h 36 min"],
    [120, "en", "2 h"],
    [16.4 * 60, "en", "16 h"],
    [1542, "fr", "26 h"],
    [4000, "fr", "2,8 j"],
  ];
  for (const [minutes, lang, expected] of cases) {
    it(`${minutes} min in ${lang} is ${expected}`, () => expect(formatMinutes(minutes, lang)).toBe(expected));
  }
});

describe("formatPercent and formatNumber", () => {
  it("uses the language's decimal mark", () => {
    expect(formatPercent(0.947, "en")).toBe("94.7 %");
    expect(formatPercent(0.947, "fr")).toBe("94,7 %");
  });
  it("shows a dash for unknown values, never 0", () => {
    expect(formatPercent(null)).toBe("–");
    expect(formatNumber(Number.NaN)).toBe("–");
  });
  it("groups thousands", () => expect(formatNumber(12345.6, "en")).toBe("12,346"));
});
