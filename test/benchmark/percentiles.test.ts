import fc from "fast-check";
import {describe, expect, it} from "vitest";
import {buildSyntheticPanel} from "../../loaders/benchmark/build.ts";
import type {PanelRow} from "../../loaders/benchmark/panel-row.ts";
import {PEER_GROUPS, PERCENTILE_KPIS, peerPercentiles} from "../../loaders/benchmark/percentiles.ts";
import {percentileRank, quantile} from "../../loaders/benchmark/stats.ts";
import {summary} from "./helpers.ts";

const panel = buildSyntheticPanel();

/** Percentile by the definition, counted one organisation at a time. */
function directPercentile(values: number[], x: number): number {
  let score = 0;
  for (const v of values) score += v < x ? 1 : v === x ? 0.5 : 0;
  return (100 * score) / values.length;
}

function row(code: string, over: Partial<PanelRow>): PanelRow {
  return {
    ...summary({org_code: code}),
    generated_from: null,
    primary_channel: null,
    cluster: 0,
    archetype: "late_bloomers",
    ...over,
  };
}

describe("quantiles and percentile ranks", () => {
  it("interpolate linearly between order statistics", () => {
    expect(quantile([1, 2, 3, 4], 0.25)).toBeCloseTo(1.75);
    expect(quantile([10], 0.75)).toBe(10);
    expect(quantile([], 0.5)).toBeNull();
  });

  it("count ties as half", () => {
    expect(percentileRank([1, 2, 2, 3], 2)).toBe(50);
    expect(percentileRank([5, 5, 5, 5, 5], 5)).toBe(50);
  });

  it("agree with a direct count", () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({min: 0, max: 20}), {minLength: 1, maxLength: 50}),
        fc.integer({min: 0, max: 20}),
        (xs, x) => {
          expect(percentileRank(xs, x)).toBeCloseTo(directPercentile(xs, x), 10);
        },
      ),
      {seed: 4},
    );
  });
});

describe("peer percentiles", () => {
  const org = summary({industry: "Software", size_band: "10-49", csat: 0.93});
  const result = peerPercentiles(org, "late_bloomers", panel.rows);

  it("cover every KPI and every peer group", () => {
    expect(Object.keys(result)).toEqual(PERCENTILE_KPIS.map((k) => k.key));
    for (const kpi of Object.values(result)) expect(Object.keys(kpi.groups)).toEqual([...PEER_GROUPS]);
  });

  it("agree with a direct computation over each group, each organisation weighing once", () => {
    const groups: Record<string, PanelRow[]> = {
      all: panel.rows,
      archetype: panel.rows.filter((r) => r.archetype === "late_bloomers"),
      industry: panel.rows.filter((r) => r.industry === "Software"),
      size_band: panel.rows.filter((r) => r.size_band === "10-49"),
    };
    for (const kpi of PERCENTILE_KPIS) {
      for (const g of PEER_GROUPS) {
        const values = groups[g]!.map((r) => r[kpi.key]).filter((v): v is number => v !== null);
        const stats = result[kpi.key].groups[g];
        if (values.length < 5) {
          expect(stats.suppressed).toBe(true);
          continue;
        }
        expect(stats.n).toBe(values.length);
        const sorted = [...values].sort((a, b) => a - b);
        const at = (p: number) => {
          const h = (sorted.length - 1) * p;
          return (
            sorted[Math.floor(h)]! + (h - Math.floor(h)) * (sorted[Math.ceil(h)]! - sorted[Math.floor(h)]!)
          );
        };
        expect(stats.p25).toBeCloseTo(at(0.25), 9);
        expect(stats.p50).toBeCloseTo(at(0.5), 9);
        expect(stats.p75).toBeCloseTo(at(0.75), 9);
        const value = org[kpi.key];
        if (value !== null) expect(stats.value_rank).toBeCloseTo(directPercentile(values, value), 9);
      }
    }
  });

  it("turn the percentile so that 100 is best", () => {
    const frt = result.first_reply_p50_minutes.groups.all;
    expect(frt.standing).toBeCloseTo(100 - frt.value_rank!, 9);
    expect(result.csat.groups.all.standing).toBe(result.csat.groups.all.value_rank);
    expect(result.tickets_per_month.groups.all.standing).toBeNull();
  });

  it("suppresses groups under 5 organisations, with the reason and no figures", () => {
    const rows = [
      ...Array.from({length: 6}, (_, i) => row(`A${i}`, {industry: "Retail & wholesale", nps: null})),
      ...Array.from({length: 4}, (_, i) => row(`B${i}`, {industry: "Education", nps: i < 2 ? 10 : null})),
    ];
    const r = peerPercentiles(summary({industry: "Education"}), "late_bloomers", rows);
    const industry = r.csat.groups.industry;
    expect(industry).toMatchObject({
      suppressed: true,
      n: null,
      p25: null,
      p50: null,
      p75: null,
      value_rank: null,
    });
    expect(industry.reason).toMatch(/fewer than 5 organisations/);
    expect(r.csat.groups.all.suppressed).toBe(false);
    expect(r.csat.groups.all.n).toBe(10);
    // Only 2 organisations know their NPS: suppressed even in "all".
    expect(r.nps.groups.all.suppressed).toBe(true);
  });

  it("suppresses a group the organisation cannot be matched to", () => {
    const r = peerPercentiles(summary({industry: null, size_band: null}), null, panel.rows);
    expect(r.csat.groups.industry).toMatchObject({suppressed: true, reason: "industry unknown"});
    expect(r.csat.groups.size_band).toMatchObject({suppressed: true, reason: "size band unknown"});
    expect(r.csat.groups.archetype).toMatchObject({suppressed: true, reason: "archetype unknown"});
  });

  it("matches an industry named differently to the one panel industry that contains it", () => {
    const r = peerPercentiles(summary({industry: "retail"}), null, panel.rows);
    expect(r.csat.groups.industry.group_value).toBe("Retail & wholesale");
    expect(r.csat.groups.industry.suppressed).toBe(false);
    const none = peerPercentiles(summary({industry: "Aerospace"}), null, panel.rows);
    expect(none.csat.groups.industry).toMatchObject({
      suppressed: true,
      reason: "no organisation of this industry in the panel",
    });
  });

  it("never names another organisation", () => {
    const text = JSON.stringify(result);
    for (const r of panel.rows.slice(0, 50)) expect(text).not.toContain(r.org_code);
  });
});
