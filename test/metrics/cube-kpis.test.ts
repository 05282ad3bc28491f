import {afterAll, beforeAll, describe, expect, it} from "vitest";
import {EPSILON} from "../../loaders/metrics/aggregate.ts";
import {CUBE_KPIS, CubeUnsupported, cubeKpiSql} from "../../loaders/metrics/cube-kpis.ts";
import {cubeTables, loadCubeTables} from "../../loaders/metrics/cube-tables.ts";
import {loadPrepared, prepare, type Prepared} from "../../loaders/metrics/prepare.ts";
import {kpi} from "../../loaders/metrics/registry.ts";
import {runKpi} from "../../loaders/metrics/run.ts";
import {DIMENSIONS, type KpiOptions, type Row, type SqlRunner} from "../../loaders/metrics/types.ts";
import {NativeRunner} from "../../loaders/node/duckdb-native.ts";
import {createWasmRunner} from "../../loaders/node/duckdb-wasm.ts";
import {seededDataset} from "./dataset.ts";

// Percentiles of durations are estimates within EPSILON; means are sums divided by counts,
// equal to DuckDB's avg up to the order of floating additions.
const ESTIMATED = new Set(["p50", "p90"]);
const DURATIONS = new Set(["first_reply", "full_resolution", "requester_wait"]);
const SLACK = 1e-9;

function compare(id: string, o: KpiOptions, exact: Row[], cube: Row[]): void {
  const where = `${id} ${JSON.stringify(o)}`;
  expect(cube.length, where).toBe(exact.length);
  exact.forEach((row, i) => {
    const other = cube[i]!;
    expect(Object.keys(other), where).toEqual(Object.keys(row));
    for (const [k, v] of Object.entries(row)) {
      const w = other[k];
      const at = `${where} row ${i} ${k}`;
      if (typeof v !== "number" || typeof w !== "number") expect(w, at).toEqual(v);
      else if (DURATIONS.has(id) && ESTIMATED.has(k))
        expect(Math.abs(w - v), at).toBeLessThanOrEqual((EPSILON + SLACK) * Math.abs(v));
      else if (DURATIONS.has(id) && k === "mean")
        expect(Math.abs(w - v), at).toBeLessThanOrEqual(1e-12 * Math.abs(v));
      else expect(w, at).toBe(v);
    }
  });
}

const OPTIONS: KpiOptions[] = [
  {},
  {clock: "business"},
  {from: "2024-04-01", to: "2024-04-30"},
  {from: "2024-04-01"},
  ...DIMENSIONS.map((by) => ({by})),
  {by: "channel", clock: "business"},
  {by: "month", from: "2024-03-01", to: "2024-04-30"},
];

/** What the site's Overview needs from cubes, which must never fall back to ticket rows. */
const REQUIRED: [string, KpiOptions][] = [
  ...[
    "tickets",
    "first_reply",
    "full_resolution",
    "requester_wait",
    "one_touch",
    "reopen_rate",
    "replies_per_ticket",
    "target_attainment",
    "csat",
    "csat_response_rate",
    "nps",
    "tickets_per_agent_month",
    "coverage_hours",
    "active_agents",
  ].flatMap((id): [string, KpiOptions][] => [
    [id, {}],
    [id, {clock: "business"}],
  ]),
  ["volume_by_channel", {}],
  ["volume_by_hour", {}],
  ["volume_by_day", {}],
  ["backlog", {}],
];

function suite(engine: string, create: () => Promise<SqlRunner>) {
  describe(`cube KPIs equal ticket-level KPIs (${engine})`, () => {
    let exact: SqlRunner;
    let cubes: SqlRunner;
    let prepared: Prepared;
    beforeAll(async () => {
      prepared = prepare({...seededDataset(), profile: {timezone: "Europe/Paris", agents: null}});
      exact = await create();
      cubes = await create();
      await loadPrepared(exact, prepared);
      await loadCubeTables(cubes, prepared);
    });
    afterAll(() => {
      for (const r of [exact, cubes]) if (r instanceof NativeRunner) r.close();
    });

    for (const k of CUBE_KPIS) {
      it(`${k.id}: every cut and period the cubes hold`, async () => {
        let answered = 0;
        for (const o of OPTIONS) {
          let sql: string;
          try {
            sql = k.sql(o);
          } catch (error) {
            if (error instanceof CubeUnsupported) continue;
            throw error;
          }
          const want = (await runKpi(exact, kpi(k.id), o)).rows;
          expect(want.length, `${k.id} ${JSON.stringify(o)}`).toBeGreaterThan(0);
          compare(k.id, o, want, await cubes.query(sql));
          answered += 1;
        }
        expect(answered).toBeGreaterThan(0);
      });
    }

    it("answers every Overview card and chart from cubes", () => {
      for (const [id, o] of REQUIRED) expect(() => cubeKpiSql(id, o), id).not.toThrow();
    });

    it("ships ticket ids only in the bounded drill-down table", () => {
      for (const {spec, rows} of cubeTables(prepared)) {
        const replied = prepared.tickets.filter((t) => t.first_reply_minutes !== null).length;
        if (spec.name === "slowest_first_replies") expect(rows.length).toBe(Math.min(500, replied));
        else
          expect(
            spec.columns.map((c) => c.name),
            spec.name,
          ).not.toContain("ticket_id");
      }
    });

    it("ships tables that do not grow with the number of tickets", () => {
      // Three copies of every ticket and response: same cells, buckets, days and slots.
      const {tickets, responses} = seededDataset();
      const copies = [0, 1, 2].map((i) => ({
        tickets: tickets.map((t) => ({...t, ticket_id: `${t.ticket_id}-${i}`})),
        responses: responses.map((r) => ({
          ...r,
          response_id: `${r.response_id}-${i}`,
          ticket_id: r.ticket_id && `${r.ticket_id}-${i}`,
        })),
      }));
      const tripled = prepare({
        tickets: copies.flatMap((c) => c.tickets),
        responses: copies.flatMap((c) => c.responses),
        profile: {timezone: "Europe/Paris", agents: null},
      });
      // The drill-down sample grows up to its cap, then stays there.
      const sizes = (p: Prepared) =>
        cubeTables(p)
          .filter(({spec}) => spec.name !== "slowest_first_replies")
          .map(({spec, rows}) => [spec.name, rows.length]);
      expect(sizes(tripled)).toEqual(sizes(prepared));
    });
  });
}

suite("native DuckDB", () => NativeRunner.create());
suite("DuckDB-WASM", createWasmRunner);

describe("what cubes cannot answer", () => {
  it("refuses periods that are not whole months", () => {
    expect(() => cubeKpiSql("first_reply", {from: "2024-04-02"})).toThrow(CubeUnsupported);
    expect(() => cubeKpiSql("first_reply", {to: "2024-04-29"})).toThrow(CubeUnsupported);
    expect(() => cubeKpiSql("first_reply", {from: "2024-02-01", to: "2024-02-29"})).not.toThrow();
  });

  it("refuses cuts no cube holds and KPIs that need ticket rows", () => {
    expect(() => cubeKpiSql("active_agents", {by: "channel"})).toThrow(CubeUnsupported);
    expect(() => cubeKpiSql("csat_by_first_reply")).toThrow(CubeUnsupported);
    expect(() => cubeKpiSql("target_attainment", {targets: {email: 60}})).toThrow(CubeUnsupported);
  });
});
