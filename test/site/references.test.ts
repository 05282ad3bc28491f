import {describe, expect, it} from "vitest";
import {referencesFor, type Published} from "../../src/components/references.ts";

/** A published figure with only what referencesFor reads filled in. */
const figure = (metric: string, value: number, population: string): Published => ({
  metric,
  value,
  unit: "percent",
  population,
  year: 2012,
  source_url: "https://example.org/benchmark",
});

const PUBLISHED: Published[] = [
  figure("csat_global", 86, "Zendesk customers, 15,000+ companies"),
  figure("csat_by_industry", 82, "Zendesk customers, industry: Retail & wholesale"),
  figure("csat_by_industry", 94, "Zendesk customers, industry: Professional services"),
  figure("csat_by_industry", 93, "Zendesk customers, industry: Financial & insurance services"),
  figure("csat", 95.6, "Zendesk benchmark API, industry: manufacturing, median across accounts"),
  figure("first_reply_median", 984, "Zendesk monthly benchmark, industry: hosting"),
  figure("first_reply_median", 285, "Zendesk benchmark API, industry: manufacturing, median across accounts"),
  figure("nps_global", 33, "Zendesk Benchmark Q3 2014, 103,000 responses"),
  figure("nps_average", 32, "SurveyMonkey benchmark, 150,000+ organisations"),
];

/** The [metric, value] pairs referencesFor keeps, in the order given. */
const kept = (key: string, industry: string | null) =>
  referencesFor(key, PUBLISHED, industry).map((r) => [r.metric, r.value]);

describe("referencesFor", () => {
  it("keeps figures tied to no industry whatever the organisation's industry", () => {
    expect(kept("nps", null)).toEqual([
      ["nps_global", 33],
      ["nps_average", 32],
    ]);
    expect(kept("nps", "Manufacturing")).toEqual([
      ["nps_global", 33],
      ["nps_average", 32],
    ]);
  });

  it("draws the global CSAT figures on the CSAT strip", () =>
    expect(kept("csat", null)).toEqual([["csat_global", 86]]));

  const industries: [string | null, [string, number][]][] = [
    [null, [["csat_global", 86]]],
    [
      "Manufacturing",
      [
        ["csat_global", 86],
        ["csat", 95.6],
      ],
    ],
    // The demo's free-form "retail" is Zendesk's "Retail & wholesale".
    [
      "retail",
      [
        ["csat_global", 86],
        ["csat_by_industry", 82],
      ],
    ],
    // "services" alone is no match: neither professional services nor IT services are finance.
    [
      "Financial & insurance services",
      [
        ["csat_global", 86],
        ["csat_by_industry", 93],
      ],
    ],
    ["Software", [["csat_global", 86]]],
  ];
  for (const [industry, expected] of industries) {
    it(`keeps only the own industry's CSAT figures for ${industry ?? "an unknown industry"}`, () =>
      expect(kept("csat", industry)).toEqual(expected));
  }

  it("matches an industry named in fewer words ('hosting' for 'Technology - hosting')", () =>
    expect(kept("first_reply_p50_minutes", "Technology - hosting")).toEqual([["first_reply_median", 984]]));

  it("brings a published figure to the KPI's scale: CSAT percent to 0..1, minutes unchanged", () => {
    const csat = referencesFor("csat", PUBLISHED, "Manufacturing").map((r) => r.scaled);
    expect(csat[0]).toBeCloseTo(0.86, 12);
    expect(csat[1]).toBeCloseTo(0.956, 12);
    expect(referencesFor("first_reply_p50_minutes", PUBLISHED, "manufacturing")[0]!.scaled).toBe(285);
  });

  it("keeps the published figure's own fields beside the scaled value", () => {
    const [r] = referencesFor("nps", PUBLISHED, null);
    expect(r).toEqual({...PUBLISHED[7], scaled: 33});
  });

  it("returns nothing for a KPI with no published counterpart", () => {
    expect(referencesFor("reopen_rate", PUBLISHED, "Manufacturing")).toEqual([]);
    expect(referencesFor("no_such_kpi", PUBLISHED, null)).toEqual([]);
  });
});
