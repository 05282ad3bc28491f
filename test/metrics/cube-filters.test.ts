import {afterAll, beforeAll, describe, expect, it} from "vitest";
import {EPSILON} from "../../loaders/metrics/aggregate.ts";
import {CubeUnsupported, cubeKpiSql} from "../../loaders/metrics/cube-kpis.ts";
import {loadCubeTables} from "../../loaders/metrics/cube-tables.ts";
import {loadPrepared, prepare} from "../../loaders/metrics/prepare.ts";
import {kpi} from "../../loaders/metrics/registry.ts";
import {runKpi} from "../../loaders/metrics/run.ts";
import type {KpiOptions} from "../../loaders/metrics/types.ts";
import {NativeRunner} from "../../loaders/node/duckdb-native.ts";
import {seededDataset} from "./dataset.ts";

// The filters the cubes hold (channel, group, priority, type, one tag) give the ticket-level
// figures: counts exact, percentiles within EPSILON.
const FILTERED: KpiOptions[] = [
  {filter: {channel: ["email", "chat"], group: ["tier1"]}},
  {filter: {group: ["(none)"], priority: ["high", "(none)"]}, clock: "business"},
  {filter: {type: ["incident"]}, from: "2024-04-01", to: "2024-04-30", by: "channel"},
  {filter: {tag: ["vip"]}},
  {filter: {tag: ["(none)"], channel: ["web"]}},
];

describe("cube KPIs under filters", () => {
  let exact: NativeRunner;
  let cubes: NativeRunner;
  beforeAll(async () => {
    const prepared = prepare({...seededDataset(), profile: {timezone: "Europe/Paris", agents: null}});
    exact = await NativeRunner.create();
    cubes = await NativeRunner.create();
    await loadPrepared(exact, prepared);
    await loadCubeTables(cubes, prepared);
  });
  afterAll(() => {
    exact.close();
    cubes.close();
  });

  for (const o of FILTERED) {
    it(`equal the ticket rows: ${JSON.stringify(o)}`, async () => {
      for (const id of ["tickets", "first_reply", "full_resolution", "requester_wait"]) {
        const want = (await runKpi(exact, kpi(id), o)).rows;
        const got = await cubes.query(cubeKpiSql(id, o));
        expect(
          got.map((r) => [r.cut, r.n]),
          id,
        ).toEqual(want.map((r) => [r.cut, r.n]));
        want.forEach((r, i) => {
          for (const k of ["p50", "p90"]) {
            const [v, w] = [r[k], got[i]![k]];
            if (typeof v !== "number") expect(w, `${id} ${k}`).toEqual(v);
            else
              expect(Math.abs(Number(w) - v), `${id} ${k}`).toBeLessThanOrEqual(
                (EPSILON + 1e-9) * Math.abs(v),
              );
          }
        });
      }
    });
  }

  it("say what they cannot answer: two tags, a tag with a group, survey KPIs", () => {
    expect(() => cubeKpiSql("first_reply", {filter: {tag: ["vip", "bug"]}})).toThrow(CubeUnsupported);
    expect(() => cubeKpiSql("first_reply", {filter: {tag: ["vip"], group: ["tier1"]}})).toThrow(
      CubeUnsupported,
    );
    expect(() => cubeKpiSql("csat", {filter: {channel: ["email"]}})).toThrow(CubeUnsupported);
  });
});
