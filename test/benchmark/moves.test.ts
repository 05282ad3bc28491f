import fc from "fast-check";
import {describe, expect, it} from "vitest";
import {ARCHETYPES, ARCHETYPE_NAMES} from "../../loaders/benchmark/archetypes.ts";
import {buildSyntheticPanel} from "../../loaders/benchmark/build.ts";
import {FEATURES} from "../../loaders/benchmark/features.ts";
import {LEVERS, leverRanges} from "../../loaders/benchmark/moves.ts";
import {placeOrganisation, type Placement} from "../../loaders/benchmark/place.ts";
import {BOUNDARY, CLEAR, confidenceWords} from "../../loaders/benchmark/reading.ts";
import {formatFactor} from "../../loaders/benchmark/text.ts";
import type {OrgSummary} from "../../loaders/schema/org-summary.ts";
import {summary} from "./helpers.ts";

const panel = buildSyntheticPanel();
const model = panel.meta.model;
const ranges = leverRanges(model, panel.rows);

/** P5 and P95 by the test's own route: sorted values, linear interpolation between order statistics. */
function p5p95(values: number[]): [number, number] {
  const s = [...values].sort((a, b) => a - b);
  const at = (p: number) => {
    const h = (s.length - 1) * p;
    const lo = Math.floor(h);
    return s[lo]! + (h - lo) * (s[Math.ceil(h)]! - s[lo]!);
  };
  return [at(0.05), at(0.95)];
}
const panelRange = Object.fromEntries(
  FEATURES.map((f) => [f.key, p5p95(panel.rows.map((r) => r[f.key]).filter((v): v is number => v !== null))]),
) as Record<string, [number, number]>;

/** "0.0x", "0,0 fois", "0x": a multiplier that says nothing. */
const EMPTY_FACTOR = /(^|[^\d.,])0([.,]0)?(x|\s?fois)\b/;

function checkMoves(org: OrgSummary, p: Placement) {
  expect(p.moves.map((m) => m.archetype).sort()).toEqual(ARCHETYPES.filter((a) => a !== p.archetype).sort());
  for (const move of p.moves) {
    for (const text of [move.text.en, move.text.fr]) expect(text).not.toMatch(EMPTY_FACTOR);
    if (!move.reachable) {
      expect(move.changes).toEqual([]);
      expect(move.text.en).toMatch(/^Out of reach/);
      expect(move.text.fr).toMatch(/^Hors de portée/);
      continue;
    }
    expect(move.changes.length).toBeGreaterThan(0);
    const moved = {...org};
    for (const c of move.changes) {
      // Only levers move; volume and CSAT never do.
      expect(LEVERS).toContain(c.feature);
      const [lo, hi] = panelRange[c.feature]!;
      expect(c.to).toBeGreaterThanOrEqual(lo - 1e-6);
      expect(c.to).toBeLessThanOrEqual(hi + 1e-6);
      moved[c.feature] = c.to;
    }
    expect(placeOrganisation(moved, model, {moves: false}).archetype).toBe(move.archetype);
  }
}

/** Organisations anywhere from 20 tickets a month to 300,000, some features unknown. */
const organisation = fc
  .record({
    tpm: fc.double({min: Math.log(20), max: Math.log(300000), noNaN: true}),
    tpa: fc.double({min: Math.log(5), max: Math.log(400), noNaN: true}),
    replies: fc.double({min: 1, max: 9, noNaN: true}),
    firstReply: fc.double({min: Math.log(1), max: Math.log(10000), noNaN: true}),
    csat: fc.option(fc.double({min: 0.5, max: 0.99, noNaN: true}), {nil: null}),
    weekday: fc.double({min: 5, max: 120, noNaN: true}),
    weekend: fc.double({min: 0, max: 48, noNaN: true}),
    selfService: fc.option(fc.double({min: 0, max: 40, noNaN: true}), {nil: null}),
    automation: fc.option(fc.integer({min: 0, max: 300}), {nil: null}),
  })
  .map((r) => {
    const tickets_per_month = Math.exp(r.tpm);
    const agents = Math.max(1, Math.round(tickets_per_month / Math.exp(r.tpa)));
    return summary({
      tickets_per_month,
      agents,
      tickets_per_agent_month: tickets_per_month / agents,
      replies_per_ticket: r.replies,
      first_reply_p50_minutes: Math.exp(r.firstReply),
      csat: r.csat,
      coverage_hours_weekday: r.weekday,
      coverage_hours_weekend: r.weekend,
      self_service_ratio: r.selfService,
      automation_rules: r.automation,
    });
  });

describe("moves", () => {
  it("ranges are the panel's P5 and P95 of each feature", () => {
    for (const f of FEATURES) {
      expect(ranges[f.key][0]).toBeCloseTo(Math.max(f.bounds[0], panelRange[f.key]![0]), 9);
      expect(ranges[f.key][1]).toBeCloseTo(Math.min(f.bounds[1], panelRange[f.key]![1]), 9);
    }
  });

  it("move only levers, within the panel's P5-P95, land where they say, and never print 0.0x", () => {
    fc.assert(
      fc.property(organisation, (org) => checkMoves(org, placeOrganisation(org, model, {ranges}))),
      {seed: 11, numRuns: 40},
    );
  });

  it("does not shrink a 200,000-ticket organisation's volume; an archetype its volume rules out is out of reach", () => {
    // The case the site once worded "at 0.0x your tickets per month (316 a month instead of 67,638)".
    const org = summary({
      tickets: 200000 * 12,
      tickets_per_month: 200000 / 3,
      agents: 800,
      tickets_per_agent_month: 200000 / 3 / 800,
      replies_per_ticket: 1.6,
      first_reply_p50_minutes: 400,
      csat: 0.8,
      coverage_hours_weekday: 60,
      coverage_hours_weekend: 10,
      self_service_ratio: null,
      automation_rules: null,
    });
    const p = placeOrganisation(org, model, {ranges});
    checkMoves(org, p);
    const builders = p.moves.find((m) => m.archetype === "relationship_builders")!;
    expect(builders.reachable).toBe(false);
    expect(builders.text.en).toContain("tickets per month");
    expect(builders.text.fr).toContain(ARCHETYPE_NAMES.relationship_builders.fr_with_article);
  });

  it("says staffing in agents for the same volume", () => {
    const p = placeOrganisation(
      summary({tickets_per_month: 3000, agents: 10, tickets_per_agent_month: 300}),
      model,
      {
        ranges,
      },
    );
    const staffing = p.moves.find((m) => m.changes.some((c) => c.feature === "tickets_per_agent_month"));
    expect(staffing).toBeDefined();
    expect(staffing!.text.en).toMatch(/about [\d,]+ agents instead of 10 for the same volume/);
    expect(staffing!.text.fr).toMatch(/environ [\d\u202f ]+ agents au lieu de 10 pour le même volume/);
  });

  it("falls back to the model's range without panel rows", () => {
    const fallback = leverRanges(model);
    for (const f of FEATURES) {
      expect(fallback[f.key][0]).toBeLessThan(fallback[f.key][1]);
      expect(fallback[f.key][0]).toBeGreaterThanOrEqual(f.bounds[0]);
    }
  });
});

describe("formatFactor", () => {
  it("never writes 0.0x, in either language", () => {
    fc.assert(
      fc.property(fc.double({min: 1e-6, max: 50, noNaN: true}), (f) => {
        expect(formatFactor(f, "en")).not.toMatch(EMPTY_FACTOR);
        expect(formatFactor(f, "fr")).not.toMatch(EMPTY_FACTOR);
      }),
      {seed: 3, numRuns: 500},
    );
  });
  it.each([
    [1.8, "1.8x", "1,8 fois"],
    [2, "2x", "2 fois"],
    [12.4, "12x", "12 fois"],
    [0.5, "half", "la moitié de"],
    [1 / 3, "a third of", "un tiers de"],
    [0.4, "40 % of", "40 % de"],
    [0.004, "under 1 % of", "moins de 1 % de"],
  ])("%s is %s / %s", (f, en, fr) => {
    expect(formatFactor(f, "en")).toBe(en);
    expect(formatFactor(f, "fr")).toBe(fr);
  });
});

describe("confidenceWords", () => {
  const at = (confidence: number) => ({
    archetype: "captains_of_scale" as const,
    runner_up: "late_bloomers" as const,
    confidence,
  });
  it("is clear from CLEAR up", () => {
    expect(confidenceWords(at(CLEAR), "en")).toBe("clearly a Captain of Scale");
    expect(confidenceWords(at(0.9), "fr")).toBe("clairement parmi les Capitaines du volume");
  });
  it("is near the boundary from BOUNDARY to CLEAR", () => {
    expect(confidenceWords(at(BOUNDARY), "en")).toBe(
      "a Captain of Scale, near the boundary with the Late Bloomers",
    );
    expect(confidenceWords(at(CLEAR - 0.001), "fr")).toBe(
      "parmi les Capitaines du volume, près de la frontière avec les Équipes en devenir",
    );
  });
  it("says when a placement is only indicative", () => {
    expect(confidenceWords({...at(0.9), indicative: true}, "en")).toBe(
      "clearly a Captain of Scale (indicative only)",
    );
    expect(confidenceWords({...at(0.9), indicative: true}, "fr")).toBe(
      "clairement parmi les Capitaines du volume (à titre indicatif)",
    );
  });
  it("is between two archetypes under BOUNDARY", () => {
    expect(confidenceWords(at(0.49), "en")).toBe("between the Captains of Scale and the Late Bloomers");
    expect(confidenceWords(at(0.2), "fr")).toBe("entre les Capitaines du volume et les Équipes en devenir");
  });
});
