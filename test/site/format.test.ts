import {describe, expect, it} from "vitest";
import {
  formatDate,
  formatMinutes,
  formatMonth,
  formatNumber,
  formatPercent,
} from "../../src/components/format.ts";
import {referenceLabel} from "../../src/components/references.ts";

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
    [145, "en", "2 h 25 min"],
    // Rounding carries into the hour: never "3 h 60 min".
    [239.7, "en", "4 h"],
    [59.7, "en", "1 h"],
    // Seconds round into the minute too: never "60 s".
    [59.7 / 60, "en", "1 min"],
    [59.4 / 60, "fr", "59 s"],
    [-59.7 / 60, "en", "−1 min"],
  ];
  for (const [minutes, lang, expected] of cases) {
    it(`${minutes} min in ${lang} is ${expected}`, () => expect(formatMinutes(minutes, lang)).toBe(expected));
  }
});

describe("formatPercent and formatNumber", () => {
  it("uses the language's decimal mark", () => {
    expect(formatPercent(0.947, "en")).toBe("94.7%");
    expect(formatPercent(0.947, "fr")).toBe("94,7\u202f%");
    expect(formatPercent(12.345, "en")).toBe("1,234.5%");
    expect(formatPercent(12.345, "fr")).toBe("1\u202f234,5\u202f%");
  });
  it("shows a dash for unknown values, never 0", () => {
    expect(formatPercent(null)).toBe("–");
    expect(formatNumber(Number.NaN)).toBe("–");
  });
  it("groups thousands", () => expect(formatNumber(12345.6, "en")).toBe("12,346"));
  it("writes dates the language's way", () => {
    expect(formatDate("2026-12-05", "en")).toBe("5 Dec 2026");
    expect(formatDate("2026-12-05", "fr")).toBe("5 déc. 2026");
    expect(formatDate(null, "fr")).toBe("–");
  });
  it("writes months the language's way, and leaves what is not a month alone", () => {
    expect(formatMonth("2024-03", "en")).toBe("Mar 2024");
    expect(formatMonth("2024-03", "fr")).toBe("mars 2024");
    expect(formatMonth("(none)", "fr")).toBe("(none)");
  });
});

describe("referenceLabel", () => {
  const cases: [{population: string; year: number | null}, string][] = [
    [
      {population: "Zendesk benchmark API, industry: manufacturing, median across accounts", year: 2018},
      "manufacturing (Zendesk 2018)",
    ],
    [
      {population: "Zendesk Benchmark Q3 2014, 103,000 responses, 230 companies", year: 2014},
      "Zendesk Benchmark Q3 2014",
    ],
    [
      {population: "SurveyMonkey benchmark, 150,000+ organisations", year: null},
      "SurveyMonkey benchmark (undated)",
    ],
  ];
  for (const [figure, expected] of cases) it(expected, () => expect(referenceLabel(figure)).toBe(expected));
});
