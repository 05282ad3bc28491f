import fc from "fast-check";
import {describe, expect, it} from "vitest";
import {ARCHETYPES, ARCHETYPE_NAMES} from "../../loaders/benchmark/archetypes.ts";
import {buildSyntheticPanel} from "../../loaders/benchmark/build.ts";
import {placeOrganisation} from "../../loaders/benchmark/place.ts";
import type {OrgSummary} from "../../loaders/schema/org-summary.ts";
import {prototypeOrg, summary} from "./helpers.ts";

const panel = buildSyntheticPanel();
const model = panel.meta.model;

/** KPIs multiplied by exp(noise), rates kept in 0..1. */
function perturb(org: OrgSummary, noise: number[]): OrgSummary {
  const keys = [
    "tickets_per_month",
    "tickets_per_agent_month",
    "replies_per_ticket",
    "coverage_hours_weekday",
    "coverage_hours_weekend",
    "self_service_ratio",
    "automation_rules",
    "first_reply_p50_minutes",
  ] as const;
  const out = {...org};
  keys.forEach((k, i) => {
    const v = org[k];
    if (v !== null)
      out[k] = k === "automation_rules" ? Math.round(v * Math.exp(noise[i]!)) : v * Math.exp(noise[i]!);
  });
  if (org.csat !== null) out.csat = Math.min(0.999, org.csat * Math.exp(noise[8]! / 10));
  return out;
}

describe("placement", () => {
  it.each(ARCHETYPES)("puts the prototype of %s in that archetype", (archetype) => {
    const placement = placeOrganisation(prototypeOrg(archetype), model);
    expect(placement.archetype).toBe(archetype);
    expect(placement.confidence).toBeGreaterThan(0.6);
  });

  it.each(ARCHETYPES)("keeps %s's prototype there under a 10 % change of every KPI", (archetype) => {
    const org = prototypeOrg(archetype);
    fc.assert(
      fc.property(
        fc.array(fc.double({min: -0.1, max: 0.1, noNaN: true}), {minLength: 9, maxLength: 9}),
        (noise) => {
          expect(placeOrganisation(perturb(org, noise), model, {moves: false}).archetype).toBe(archetype);
        },
      ),
      {seed: 1, numRuns: 100},
    );
  });

  it("keeps confidently placed panel organisations in place under a 5 % change", () => {
    const confident = panel.rows.filter((r) => placeOrganisation(r, model, {moves: false}).confidence >= 0.6);
    expect(confident.length).toBeGreaterThan(100);
    fc.assert(
      fc.property(
        fc.constantFrom(...confident),
        fc.array(fc.double({min: -0.05, max: 0.05, noNaN: true}), {minLength: 9, maxLength: 9}),
        (org, noise) => {
          const before = placeOrganisation(org, model, {moves: false}).archetype;
          expect(placeOrganisation(perturb(org, noise), model, {moves: false}).archetype).toBe(before);
        },
      ),
      {seed: 2, numRuns: 200},
    );
  });

  it("places on the known features and lowers the confidence for unknown ones", () => {
    const full = prototypeOrg("captains_of_scale");
    const partial = {...full, self_service_ratio: null, automation_rules: null};
    const a = placeOrganisation(full, model);
    const b = placeOrganisation(partial, model);
    expect(b.archetype).toBe("captains_of_scale");
    expect(b.missing_features).toEqual(["self_service_ratio", "automation_rules"]);
    expect(b.completeness).toBeCloseTo(7 / 9);
    expect(b.confidence).toBeLessThan(a.confidence);
  });

  it("refuses an organisation with no model feature known", () => {
    const none = summary({
      tickets_per_month: Number.NaN,
      tickets_per_agent_month: null,
      replies_per_ticket: null,
      coverage_hours_weekday: null,
      coverage_hours_weekend: null,
      self_service_ratio: null,
      automation_rules: null,
      first_reply_p50_minutes: null,
      csat: null,
    });
    expect(() => placeOrganisation(none, model)).toThrow(/no model feature/);
  });

  it("names the features that drove the placement, in both languages", () => {
    const p = placeOrganisation(prototypeOrg("late_bloomers"), model);
    expect(p.drivers.length).toBeGreaterThan(0);
    for (const d of p.drivers) {
      expect(d.share).toBeGreaterThan(0);
      expect(d.text.en).toContain(ARCHETYPE_NAMES.late_bloomers.en);
      expect(d.text.fr).toContain(ARCHETYPE_NAMES.late_bloomers.fr);
    }
  });

  it("gives one move per other archetype, and each move lands there", () => {
    for (const archetype of ARCHETYPES) {
      const org = prototypeOrg(archetype);
      const p = placeOrganisation(org, model);
      expect(p.moves.map((m) => m.archetype).sort()).toEqual(
        ARCHETYPES.filter((a) => a !== archetype).sort(),
      );
      for (const move of p.moves) {
        const moved = {...org};
        for (const c of move.changes) moved[c.feature] = c.to;
        expect(placeOrganisation(moved, model, {moves: false}).archetype).toBe(move.archetype);
        expect(move.text.en).toMatch(/you would sit with the /);
        expect(move.text.fr).toMatch(/vous seriez parmi les /);
      }
    }
  });

  it("finds landing moves for panel organisations with gaps too", () => {
    for (const org of panel.rows.filter((_, i) => i % 30 === 0)) {
      const p = placeOrganisation(org, model);
      expect(p.moves).toHaveLength(3);
      for (const move of p.moves) {
        const moved = {...org};
        for (const c of move.changes) moved[c.feature] = c.to;
        expect(placeOrganisation(moved, model, {moves: false}).archetype).toBe(move.archetype);
      }
    }
  });
});
