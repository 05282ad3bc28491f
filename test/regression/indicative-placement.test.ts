import {mkdtemp, rm} from "node:fs/promises";
import {tmpdir} from "node:os";
import path from "node:path";
import {describe, expect, it} from "vitest";
import {buildSyntheticPanel} from "../../loaders/benchmark/build.ts";
import {FEATURES} from "../../loaders/benchmark/features.ts";
import {MIN_KNOWN_FEATURES, MIN_PLACE_TICKETS, placeOrganisation} from "../../loaders/benchmark/place.ts";
import {formatPlaceReport, placeDataset} from "../../loaders/node/commands/place.ts";
import {sitePlacement} from "../../loaders/node/site/placement.ts";
import {DAY, T0, many} from "../metrics/helpers.ts";
import {writeTestDataset} from "../metrics/dataset.ts";
import {summary} from "../benchmark/helpers.ts";

// A sample too small to place (fewer than 50 tickets, or fewer than 5 of the 9 model features
// known) was placed as firmly as any other. It is now placed, marked indicative, with the reason,
// on the command line (text and --json) and in the placement JSON the site reads.

const model = buildSyntheticPanel().meta.model;

/** The helper's organisation with only `known` model features known. */
function knowing(known: number) {
  const unknown = Object.fromEntries(FEATURES.slice(known).map((f) => [f.key, null]));
  return summary(unknown);
}

describe("indicative placement", () => {
  it("the thresholds are 50 tickets and 5 known features", () => {
    expect(MIN_PLACE_TICKETS).toBe(50);
    expect(MIN_KNOWN_FEATURES).toBe(5);
  });

  it("is firm from 50 tickets and 5 known features", () => {
    const p = placeOrganisation({...knowing(5), tickets: 50}, model);
    expect(p).toMatchObject({indicative: false, indicative_reasons: []});
  });

  it("is indicative under 50 tickets, and says so in both languages", () => {
    const p = placeOrganisation(summary({tickets: 49}), model);
    expect(p.indicative).toBe(true);
    expect(p.indicative_reasons).toEqual([
      {
        en: "49 tickets, fewer than the 50 a placement needs",
        fr: "49 tickets, moins des 50 qu'un placement demande",
      },
    ]);
  });

  it("is indicative with 4 known features, and gives both reasons when both hold", () => {
    const p = placeOrganisation(knowing(4), model);
    expect(p.indicative).toBe(true);
    expect(p.indicative_reasons.map((r) => r.en)).toEqual([
      "4 of the model's 9 features known, fewer than 5",
    ]);
    expect(placeOrganisation({...knowing(4), tickets: 12}, model).indicative_reasons).toHaveLength(2);
  });

  it("place --json carries the flag and the text says it", async () => {
    const dir = await mkdtemp(path.join(tmpdir(), "servicebench-indicative-"));
    try {
      const report = await placeDataset(dir, undefined, async () => summary({tickets: 20}));
      expect(report).toMatchObject({indicative: true});
      expect(report.indicative_reasons[0]!.en).toMatch(/^20 tickets, fewer than the 50/);
      const text = formatPlaceReport(report);
      expect(text).toMatch(/^Archetype \(indicative\): /m);
      expect(text).toContain(
        "Indicative only, the sample is too small to place: 20 tickets, fewer than the 50",
      );
      const firm = formatPlaceReport(await placeDataset(dir, undefined, async () => summary()));
      expect(firm).not.toMatch(/indicative/i);
    } finally {
      await rm(dir, {recursive: true, force: true});
    }
  });

  it("the site's placement JSON, read from a 30-ticket dataset, is indicative", async () => {
    const dir = await mkdtemp(path.join(tmpdir(), "servicebench-indicative-site-"));
    try {
      const tickets = many(30, (i) => ({created_at: T0 + i * DAY, replies: 2}));
      await writeTestDataset(dir, tickets, [], {agents: 2});
      const report = await sitePlacement({SERVICEBENCH_DATA: dir});
      expect(report.indicative).toBe(true);
      expect(report.indicative_reasons.map((r) => r.en)).toContain(
        "30 tickets, fewer than the 50 a placement needs",
      );
    } finally {
      await rm(dir, {recursive: true, force: true});
    }
  });
});
