import {describe, expect, it} from "vitest";
import {KPIS} from "../../loaders/metrics/registry.ts";
import {MESSAGES, UNITS_FR, messages, unitText} from "../../src/i18n/messages.ts";

type Leaf = {path: string; value: unknown};

/** Every leaf of a catalogue with its dotted path; arrays are walked by index. */
function leaves(node: unknown, path = ""): Leaf[] {
  if (node !== null && typeof node === "object") {
    return Object.entries(node).flatMap(([k, v]) => leaves(v, path ? `${path}.${k}` : k));
  }
  return [{path, value: node}];
}

/** A leaf's text: a string as is, a function called with "1" for every argument. */
const text = (value: unknown): unknown =>
  typeof value === "function"
    ? (value as (...args: string[]) => unknown)(...Array<string>(value.length).fill("1"))
    : value;

const en = leaves(MESSAGES.en);
const fr = leaves(MESSAGES.fr);

describe("message catalogues", () => {
  it("have exactly the same nested keys in French and English", () =>
    expect(fr.map((l) => l.path).sort()).toEqual(en.map((l) => l.path).sort()));

  it("give the same kind of value under each key (text or function)", () => {
    const kinds = (ls: Leaf[]) => Object.fromEntries(ls.map((l) => [l.path, typeof l.value]));
    expect(kinds(fr)).toEqual(kinds(en));
  });

  for (const [lang, catalogue] of [
    ["en", en],
    ["fr", fr],
  ] as const) {
    it(`leave no ${lang} text empty, functions included`, () => {
      const empty = catalogue.filter((l) => {
        const t = text(l.value);
        return typeof t !== "string" || t.trim() === "";
      });
      expect(empty.map((l) => l.path)).toEqual([]);
    });
  }

  it("have seven weekdays in each language", () => {
    expect(MESSAGES.en.weekdays).toHaveLength(7);
    expect(MESSAGES.fr.weekdays).toHaveLength(7);
  });

  it("have lists of the same length in each language", () => {
    const lengths = (node: unknown, path = ""): [string, number][] =>
      node !== null && typeof node === "object"
        ? [
            ...(Array.isArray(node) ? [[path, node.length] as [string, number]] : []),
            ...Object.entries(node).flatMap(([k, v]) => lengths(v, `${path}.${k}`)),
          ]
        : [];
    expect(lengths(MESSAGES.fr).sort()).toEqual(lengths(MESSAGES.en).sort());
  });

  it("name each catalogue's own language", () => {
    expect(MESSAGES.fr.lang).toBe("fr");
    expect(MESSAGES.en.lang).toBe("en");
  });

  it("serve French for fr and English for anything else", () => {
    expect(messages("fr")).toBe(MESSAGES.fr);
    expect(messages("en")).toBe(MESSAGES.en);
    expect(messages("de")).toBe(MESSAGES.en);
    expect(messages(undefined)).toBe(MESSAGES.en);
  });
});

describe("units in French", () => {
  it("map every unit to a non-empty French text", () => {
    const empty = Object.entries(UNITS_FR).filter(([, fr]) => fr.trim() === "");
    expect(empty).toEqual([]);
  });

  it("cover every unit and counting unit of the KPI registry, so no English shows on French pages", () => {
    const units = new Set(KPIS.flatMap((k) => [k.unit, k.countingUnit]));
    expect([...units].filter((u) => !(u in UNITS_FR))).toEqual([]);
  });

  const cases: [string, "en" | "fr", string][] = [
    ["solved tickets", "en", "solved tickets"],
    ["solved tickets", "fr", "tickets résolus"],
    ["hours per week", "fr", "heures par semaine"],
    // A unit the catalogue lacks shows as the registry names it rather than not at all.
    ["light years", "fr", "light years"],
  ];
  for (const [unit, lang, expected] of cases) {
    it(`writes "${unit}" in ${lang} as "${expected}"`, () => expect(unitText(unit, lang)).toBe(expected));
  }
});
