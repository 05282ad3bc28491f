import {mkdtemp} from "node:fs/promises";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {describe, expect, it} from "vitest";
import {formatPlaceReport, placeDataset} from "../../loaders/node/commands/place.ts";
import {UsageError} from "../../loaders/node/errors.ts";
import {prototypeOrg} from "./helpers.ts";

describe("servicebench place", () => {
  it("gives the stable JSON keys against the synthetic reference panel", async () => {
    const dir = await mkdtemp(join(tmpdir(), "servicebench-place-"));
    const org = {...prototypeOrg("late_bloomers"), org_code: "acme"};
    const report = await placeDataset(dir, undefined, async () => org);
    expect(Object.keys(report)).toEqual([
      "version",
      "org_code",
      "archetype",
      "archetype_name",
      "confidence",
      "cluster",
      "runner_up",
      "indicative",
      "indicative_reasons",
      "completeness",
      "missing_features",
      "features",
      "drivers",
      "moves",
      "reading",
      "percentiles",
      "panel",
      "model",
    ]);
    expect(report.archetype).toBe("late_bloomers");
    expect(report.panel).toMatchObject({label: "synthetic reference panel", synthetic: true, n: 600});
    expect(report.model.note).toMatch(/inspired by the Zendesk Benchmark Q4 2014/);
    expect(report.moves).toHaveLength(3);
    const text = formatPlaceReport(report);
    expect(text).toContain("synthetic reference panel");
    expect(text).toContain(`${report.archetype_name.en} (${report.archetype_name.fr})`);
    expect(text).toMatch(/you would sit with the Captains of Scale/);
  });

  it("is a usage error on a path that is not a directory", async () => {
    await expect(
      placeDataset("/nonexistent/dataset", undefined, async () => prototypeOrg("late_bloomers")),
    ).rejects.toThrow(UsageError);
  });
});
