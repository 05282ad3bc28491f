import {describe, expect, it} from "vitest";
import {pageFacts} from "../../src/i18n/page-facts.ts";

describe("pageFacts", () => {
  const cases: [string, {lang: string; title: string} | null][] = [
    ["fr/benchmark.html", {lang: "fr", title: "Comparaison aux pairs | servicebench"}],
    ["en/index.html", {lang: "en", title: "Overview | servicebench"}],
    ["fr/index.html", {lang: "fr", title: "Vue d'ensemble | servicebench"}],
    ["en/cubes.html", {lang: "en", title: "Cuts from cubes | servicebench"}],
    ["fr/methodology.html", {lang: "fr", title: "Méthode | servicebench"}],
    // A page outside the catalogue keeps its language and is titled by its slug.
    ["en/notes.html", {lang: "en", title: "notes | servicebench"}],
    // The language chooser and Framework's own pages belong to no language.
    ["index.html", null],
    ["404.html", null],
    ["french/index.html", null],
  ];
  for (const [path, expected] of cases) {
    it(`${path} is ${expected ? `${expected.lang}, "${expected.title}"` : "no language"}`, () =>
      expect(pageFacts(path)).toEqual(expected));
  }
});
