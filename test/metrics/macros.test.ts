import {afterAll, beforeAll, describe, expect, it} from "vitest";
import {SQL_HELPERS, createHelpers, helperStatements} from "../../loaders/metrics/macros.ts";
import {loadPrepared, prepare} from "../../loaders/metrics/prepare.ts";
import {kpi} from "../../loaders/metrics/registry.ts";
import {runKpi} from "../../loaders/metrics/run.ts";
import type {SqlRunner} from "../../loaders/metrics/types.ts";
import {NativeRunner} from "../../loaders/node/duckdb-native.ts";
import {createWasmRunner} from "../../loaders/node/duckdb-wasm.ts";
import {seededDataset} from "./dataset.ts";

/**
 * Wilson's 95 % score interval written out by hand from its textbook form,
 * (p + z²/2n ± z·sqrt(p(1-p)/n + z²/4n²)) / (1 + z²/n), z = 1.96.
 */
function wilsonByHand(k: number, n: number): [number, number] {
  const z = 1.96;
  const p = k / n;
  const centre = p + (z * z) / (2 * n);
  const half = z * Math.sqrt((p * (1 - p)) / n + (z * z) / (4 * n * n));
  const denominator = 1 + (z * z) / n;
  return [(centre - half) / denominator, (centre + half) / denominator];
}

const prepared = prepare({...seededDataset(), profile: {timezone: "Europe/Paris", agents: null}});
const TABLE_NAMES = ["tickets", "ticket_tags", "responses", "activity", "days", "meta"];

const isoWeekday = (date: string) => {
  const d = new Date(`${date}T00:00:00Z`).getUTCDay();
  return d === 0 ? 7 : d;
};

for (const engine of ["native DuckDB", "DuckDB-WASM"] as const) {
  describe(`SQL helpers in ${engine}`, () => {
    let db: SqlRunner;
    let native: NativeRunner | undefined;
    beforeAll(async () => {
      db = engine === "native DuckDB" ? (native = await NativeRunner.create()) : await createWasmRunner();
      await loadPrepared(db, prepared);
      await createHelpers(db, TABLE_NAMES);
    });
    afterAll(() => native?.close());

    it("wilson_low and wilson_high give the hand-computed 95 % bounds", async () => {
      // 8 of 10: the interval commonly quoted for Wilson's method, 0.4902 to 0.9433.
      const [low, high] = wilsonByHand(8, 10);
      expect(low).toBeCloseTo(0.4902, 4);
      expect(high).toBeCloseTo(0.9433, 4);
      for (const [k, n] of [
        [8, 10],
        [0, 10],
        [10, 10],
        [45, 50],
        [1, 1],
        [123, 456],
      ] as const) {
        const [row] = await db.query(`SELECT wilson_low(${k}, ${n}) AS low, wilson_high(${k}, ${n}) AS high`);
        const [l, h] = wilsonByHand(k, n);
        expect(row!.low as number, `${k}/${n}`).toBeCloseTo(l, 12);
        expect(row!.high as number, `${k}/${n}`).toBeCloseTo(h, 12);
      }
      // Aggregates and integer columns go in as they are in a query.
      const [agg] = await db.query(
        "SELECT wilson_low(sum(x), count(*)) AS low FROM (SELECT CAST(i < 8 AS INTEGER) AS x FROM range(10) t(i))",
      );
      expect(agg!.low as number).toBeCloseTo(wilsonByHand(8, 10)[0], 12);
    });

    it("gives no interval without observations", async () => {
      const [row] = await db.query("SELECT wilson_low(0, 0) AS low, wilson_high(0, 0) AS high");
      expect(row).toEqual({low: null, high: null});
    });

    it("top2box follows the CSAT rule: top two of 4+ point scales, top one below", async () => {
      // [score, min, max, satisfied], from the CSAT definition's own words.
      const cases = [
        [5, 1, 5, 1],
        [4, 1, 5, 1],
        [3, 1, 5, 0],
        [7, 1, 7, 1],
        [6, 1, 7, 1],
        [5, 1, 7, 0],
        [10, 0, 10, 1],
        [9, 0, 10, 1],
        [8, 0, 10, 0],
        [3, 1, 3, 1],
        [2, 1, 3, 0],
        [1, 0, 1, 1],
        [0, 0, 1, 0],
      ] as const;
      for (const [score, min, max, good] of cases) {
        const [row] = await db.query(`SELECT top2box(${score}, ${min}, ${max}) AS good`);
        expect(row!.good, `${score} of ${min}-${max}`).toBe(good);
      }
      const [none] = await db.query("SELECT top2box(NULL, 1, 5) AS good");
      expect(none!.good).toBeNull();
    });

    it("top2box over the survey responses counts what the CSAT KPI counts", async () => {
      // The KPI adds ratings held only on tickets; the survey responses' part is top2box's sum.
      const onTickets = await db.query(
        `SELECT CAST(count(*) AS INTEGER) AS n, CAST(sum(CASE WHEN satisfaction = 'good' THEN 1 ELSE 0 END) AS INTEGER) AS good FROM tickets
         WHERE satisfaction IN ('good', 'bad')
           AND ticket_id NOT IN (SELECT ticket_id FROM responses WHERE kind = 'csat' AND ticket_id IS NOT NULL)`,
      );
      const [surveys] = await db.query(
        "SELECT CAST(count(*) AS INTEGER) AS n, CAST(sum(top2box(score, scale_min, scale_max)) AS INTEGER) AS good FROM responses WHERE kind = 'csat'",
      );
      const [csat] = (await runKpi(db, kpi("csat"), {})).rows;
      expect(Number(surveys!.n) + Number(onTickets[0]!.n)).toBe(csat!.n);
      expect(Number(surveys!.good) + Number(onTickets[0]!.good ?? 0)).toBe(csat!.numerator);
      expect(Number(surveys!.n)).toBeGreaterThan(0);
    });

    it("responses_detail adds the local weekday, the ticket's creation time and its tags to each response", async () => {
      const detail = await db.query(
        "SELECT response_id, responded_date, responded_weekday, created_hour, tags::VARCHAR AS tags FROM responses_detail ORDER BY response_id",
      );
      expect(detail.length).toBe(prepared.responses.length);
      const tickets = new Map(prepared.tickets.map((t) => [t.ticket_id, t]));
      const tagsOf = new Map<string, string[]>();
      for (const r of prepared.ticket_tags)
        tagsOf.set(String(r.ticket_id), [...(tagsOf.get(String(r.ticket_id)) ?? []), String(r.tag)]);
      const byId = new Map(prepared.responses.map((r) => [r.response_id, r]));
      let withTags = 0;
      for (const row of detail) {
        const r = byId.get(row.response_id as string)!;
        expect(row.responded_weekday).toBe(
          r.responded_date === null ? null : isoWeekday(String(r.responded_date)),
        );
        const t = r.ticket_id === null ? undefined : tickets.get(r.ticket_id);
        expect(row.created_hour).toBe(t ? t.created_hour : null);
        const tags = (tagsOf.get(String(r.ticket_id)) ?? []).sort();
        if (tags.length) withTags++;
        expect(row.tags).toBe(`[${tags.join(", ")}]`);
      }
      expect(withTags).toBeGreaterThan(0);
    });
  });
}

describe("helperStatements", () => {
  it("leaves out a view whose tables are not loaded, as in cube mode", () => {
    expect(helperStatements(["days", "meta", "survey_cells"])).toHaveLength(
      SQL_HELPERS.filter((h) => h.kind === "macro").length,
    );
    expect(helperStatements(TABLE_NAMES)).toHaveLength(SQL_HELPERS.length);
  });
});
