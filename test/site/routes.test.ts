import {describe, expect, it} from "vitest";
import {languageOf, otherLanguagePath, preferredLanguage} from "../../src/i18n/routes.ts";

describe("languageOf", () => {
  const cases: [string, "fr" | "en" | null][] = [
    ["/fr/benchmark", "fr"],
    ["/en/", "en"],
    ["/en", "en"],
    ["/fr/methodology", "fr"],
    ["/", null],
    ["/index", null],
    ["/french/benchmark", null],
    ["/de/benchmark", null],
    ["fr/benchmark", null],
  ];
  for (const [path, expected] of cases)
    it(`${path} is ${expected ?? "no language"}`, () => expect(languageOf(path)).toBe(expected));
});

describe("otherLanguagePath", () => {
  const cases: [string, string][] = [
    ["/fr/benchmark", "../en/benchmark"],
    ["/en/archetypes", "../fr/archetypes"],
    ["/en/index", "../fr/"],
    ["/en/", "../fr/"],
    ["/en", "../fr/"],
    ["/fr/index", "../en/"],
  ];
  for (const [path, expected] of cases)
    it(`links ${path} to ${expected}`, () => expect(otherLanguagePath(path)).toBe(expected));
});

describe("preferredLanguage", () => {
  const cases: [string[], "fr" | "en"][] = [
    [["fr-CA", "en"], "fr"],
    [["de", "en-GB"], "en"],
    [["en-US", "fr"], "en"],
    [["FR"], "fr"],
    [["de", "es"], "en"],
    [[], "en"],
  ];
  for (const [languages, expected] of cases) {
    it(`[${languages.join(", ")}] gives ${expected}`, () =>
      expect(preferredLanguage(languages)).toBe(expected));
  }
});
