/** Names of people known from the export, masked wherever they appear in free text. */
import {describe, expect, it} from "vitest";
import {Masker} from "../../loaders/privacy/masker.ts";
import {KnownNames} from "../../loaders/privacy/names.ts";

const names = new KnownNames();
names.addAll([
  "Zéphyrine Dupont",
  "Ngozi Okonkwo-Adeyemi",
  "Björk",
  "jane@example.com",
  "12345",
  "Support Team",
]);
const m = new Masker(names);

describe("known names", () => {
  it.each([
    ["Zéphyrine Dupont", "[name]"],
    ["zephyrine_dupont", "[name]"],
    ["vip-zéphyrine-dupont", "vip-[name]"],
    ["DUPONT, Zéphyrine", "[name]"],
    ["zephyrinedupont", "[name]"],
    ["Ngozi Okonkwo-Adeyemi", "[name]"],
    ["björk", "[name]"],
    ["Support Team", "Support Team"],
    ["Billing", "Billing"],
  ])("label %s -> %s", (text, masked) => {
    expect(m.label(text)).toBe(masked);
  });

  it("a first name alone is masked in verbatims when capitalised, never in labels", () => {
    expect(m.verbatim("Thanks to Zéphyrine for the help")).toBe("Thanks to [name] for the help");
    expect(m.verbatim("Merci à Dupont")).toBe("Merci à [name]");
    expect(m.label("Zéphyrine")).toBe("Zéphyrine");
  });

  it("contacts and names in one pass; masked text stays masked", () => {
    const once = m.verbatim("Zéphyrine Dupont, zéphyrine@example.org, +33 6 12 34 56 78");
    expect(once).toBe("[name], [email], [phone]");
    expect(m.verbatim(once)).toBe(once);
  });

  it("addresses and numeric ids are not names", () => {
    expect(m.label("example")).toBe("example");
    expect(m.label("12345")).toBe("12345");
  });

  it("a label that is one bare number is an id, kept; a national phone number is not", () => {
    expect(m.label("360004077472")).toBe("360004077472");
    expect(m.label("0612345678")).toBe("[phone]");
  });
});
