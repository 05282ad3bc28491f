import {describe, expect, it} from "vitest";
import type {Archetype} from "../../loaders/benchmark/archetypes.ts";
import {buildSyntheticPanel} from "../../loaders/benchmark/build.ts";
import type {Move} from "../../loaders/benchmark/moves.ts";
import type {PanelRow} from "../../loaders/benchmark/panel-row.ts";
import {archetypeProfiles} from "../../loaders/benchmark/profiles.ts";
import {readPosition, type ReadingInput} from "../../loaders/benchmark/reading.ts";
import {placeReport} from "../../loaders/benchmark/report.ts";
import type {OrgSummary} from "../../loaders/schema/org-summary.ts";
import {prototypeOrg, summary} from "./helpers.ts";

function row(archetype: Archetype, over: Partial<OrgSummary>, i: number): PanelRow {
  return {
    ...summary({org_code: `P${i}`, ...over}),
    generated_from: null,
    primary_channel: null,
    cluster: 0,
    archetype,
  };
}

/**
 * Six Captains of Scale whose first reply is 60..110 min, CSAT 0.90..0.95, reopen rate 4..9 %,
 * one-touch 40..50 %, everything else equal to the organisation's: the organisation's answers are
 * known by construction.
 */
const captains = [0, 1, 2, 3, 4, 5].map((i) =>
  row(
    "captains_of_scale",
    {
      first_reply_p50_minutes: 60 + 10 * i,
      csat: 0.9 + 0.01 * i,
      reopen_rate: 0.04 + 0.01 * i,
      one_touch_rate: 0.4 + 0.02 * i,
    },
    i,
  ),
);
/** Four Relationship Builders: better CSAT and reopen rate than the organisation, slower replies. */
const builders = [0, 1, 2, 3, 4].map((i) =>
  row(
    "relationship_builders",
    {first_reply_p50_minutes: 600, csat: 0.99, reopen_rate: 0.01, one_touch_rate: 0.6},
    10 + i,
  ),
);
const peers = [...captains, ...builders];

const me = summary({
  first_reply_p50_minutes: 30, // better than every captain: the top strength
  csat: 0.85, // worse than every captain: the worst gap
  reopen_rate: 0.2, // worse than every captain
  one_touch_rate: 0.3, // worse than every captain
});

function input(org: OrgSummary, archetype: Archetype, moves: Move[] = []): ReadingInput {
  return {
    archetype,
    runner_up: "late_bloomers",
    confidence: 0.7,
    moves,
    percentiles: Object.fromEntries(
      Object.entries(org).map(([k, v]) => [k, {value: typeof v === "number" ? v : null}]),
    ),
  };
}

const move = (archetype: Archetype, effort: number, reachable = true): Move => ({
  archetype,
  reachable,
  cluster: 0,
  changes: [],
  effort,
  text: {en: `With X, you would sit with ${archetype}.`, fr: `Avec X, vous seriez parmi ${archetype}.`},
});

describe("readPosition", () => {
  it("picks the strengths and gaps against same-archetype peers", () => {
    const r = readPosition(input(me, "captains_of_scale"), peers, "en");
    expect(r.peers).toMatchObject({group: "archetype", n: 6});
    expect(r.strengths[0]!.kpi).toBe("first_reply_p50_minutes");
    // The median of 60..110 by hand: (80 + 90) / 2.
    expect(r.strengths[0]!.peer_median).toBe(85);
    expect(r.strengths[0]!.standing).toBe(100);
    expect(r.strengths[0]!.text).toBe(
      "First reply time (median): 30 min, against a median of 1 h 25 min among the Captains of Scale (better than all of them)",
    );
    // p90 is the same family as p50 and equal to everyone's: never a second first-reply strength.
    expect(r.strengths.filter((s) => s.kpi.startsWith("first_reply"))).toHaveLength(1);
    expect(r.gaps.map((g) => g.kpi).sort()).toEqual(["csat", "one_touch_rate", "reopen_rate"]);
    for (const g of r.gaps) expect(g.standing).toBe(0);
  });

  it("speaks French as a French support manager reads it", () => {
    const r = readPosition(input(me, "captains_of_scale"), peers, "fr");
    expect(r.strengths[0]!.text).toBe(
      "Délai de première réponse (médiane) : 30 min, contre une médiane de 1 h 25 min chez les Capitaines du volume (mieux que toutes)",
    );
    expect(r.paragraphs.join(" ")).toMatch(/^Clairement parmi les Capitaines du volume \(confiance 0,7 ;/);
    expect(r.paragraphs.join(" ")).toContain("Points faibles :");
  });

  it("falls back to all peers when fewer than 5 share the archetype, and says so", () => {
    const r = readPosition(input(me, "relationship_builders"), peers.slice(0, 10), "en");
    expect(r.peers.group).toBe("all");
    expect(r.peers.n).toBe(10);
    expect(r.peers.text).toBe(
      "Compared with all 10 organisations of the panel: fewer than 5 are placed among the Relationship Builders.",
    );
  });

  it("leaves out a KPI the organisation does not know", () => {
    const r = readPosition(input({...me, csat: null}, "captains_of_scale"), peers, "en");
    expect([...r.strengths, ...r.gaps].map((i) => i.kpi)).not.toContain("csat");
  });

  it("suggests the reachable move whose archetype beats the gaps, with its effect", () => {
    const moves = [
      move("late_bloomers", 0.1),
      move("relationship_builders", 2),
      move("masters_of_complexity", 0.1, false),
    ];
    const r = readPosition(input(me, "captains_of_scale", moves), peers, "en");
    expect(r.move?.archetype).toBe("relationship_builders");
    expect(r.move!.effects.map((e) => e.kpi).sort()).toEqual(["csat", "one_touch_rate", "reopen_rate"]);
    expect(r.move!.effects.find((e) => e.kpi === "csat")!.theirs).toBe(0.99);
    expect(r.move_text).toMatch(/^Most promising move: With X/);
    expect(r.move_text).toContain("Customer satisfaction (CSAT) 99.0% (yours: 85.0%)");
  });

  it("suggests no move when no reachable archetype does better", () => {
    const r = readPosition(input(me, "captains_of_scale", [move("late_bloomers", 0.1)]), peers, "fr");
    expect(r.move).toBeNull();
    expect(r.move_text).toMatch(/^Aucun profil à votre portée/);
  });

  it("travels in the placement report, in both languages", () => {
    const panel = buildSyntheticPanel();
    const report = placeReport(prototypeOrg("late_bloomers"), panel);
    expect(report.reading.en.lang).toBe("en");
    expect(report.reading.fr.paragraphs[0]).toMatch(/Équipes en devenir/);
    expect(report.reading.en.strengths.length + report.reading.en.gaps.length).toBeGreaterThan(0);

    const profiles = archetypeProfiles(panel.meta.model, "fr");
    expect(profiles.map((p) => p.name)).toEqual([
      "Bâtisseurs de relation",
      "Maîtres de la complexité",
      "Équipes en devenir",
      "Capitaines du volume",
    ]);
    expect(profiles.reduce((n, p) => n + p.organisations, 0)).toBe(panel.rows.length);
    const captains = profiles[3]!;
    const line = (key: string) => captains.lines.find((l) => l.key === key)!;
    expect(line("agents").value).toBeCloseTo(
      line("tickets_per_month").value / line("tickets_per_agent_month").value,
    );
    expect(line("first_reply_p50_minutes").text).toMatch(/^\d+ min$|h/);
    expect(line("csat").text).toMatch(/^\d+,\d\s?%$/);
  });
});
