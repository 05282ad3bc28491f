import {afterAll, beforeAll, describe, expect, it} from "vitest";
import {cubeKpiSql} from "../../loaders/metrics/cube-kpis.ts";
import {loadCubeTables} from "../../loaders/metrics/cube-tables.ts";
import {SPIKE_MIN_TICKETS, SPIKE_Z} from "../../loaders/metrics/kpis/volume-by-day.ts";
import {loadPrepared, prepare} from "../../loaders/metrics/prepare.ts";
import {kpi} from "../../loaders/metrics/registry.ts";
import {runKpi} from "../../loaders/metrics/run.ts";
import type {Row} from "../../loaders/metrics/types.ts";
import {NativeRunner} from "../../loaders/node/duckdb-native.ts";
import type {Ticket} from "../../loaders/schema/ticket.ts";
import {DAY, HOUR, T0, ticket} from "../metrics/helpers.ts";

// On a quiet queue (most days 0 tickets) a day with 1 ticket scored a robust z far above 3.5 and
// was flagged as a spike. A spike now needs the z rule and at least SPIKE_MIN_TICKETS tickets.

/** Tickets per day, day 0 = 2024-01-01, each at noon UTC. */
function tickets(perDay: number[]): Ticket[] {
  return perDay.flatMap((n, day) =>
    Array.from({length: n}, () => ticket({created_at: T0 + day * DAY + 12 * HOUR})),
  );
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};

/** The robust z of every day, computed here by hand: 0.6745 (x - median) / MAD, else the mean deviation. */
function robustZ(counts: number[]): (number | null)[] {
  const med = median(counts);
  const dev = counts.map((x) => Math.abs(x - med));
  const mad = median(dev);
  const meanad = dev.reduce((a, b) => a + b, 0) / dev.length;
  return counts.map((x) =>
    mad > 0 ? (0.6745 * (x - med)) / mad : meanad > 0 ? (x - med) / (1.253314 * meanad) : null,
  );
}

describe("spikes need a minimum daily volume", () => {
  let exact: NativeRunner;
  let cubes: NativeRunner;
  beforeAll(async () => {
    exact = await NativeRunner.create();
    cubes = await NativeRunner.create();
  });
  afterAll(() => {
    exact.close();
    cubes.close();
  });

  async function days(perDay: number[]): Promise<Row[]> {
    const prepared = prepare({
      tickets: tickets(perDay),
      responses: [],
      profile: {timezone: "UTC", agents: null},
    });
    await loadPrepared(exact, prepared);
    await loadCubeTables(cubes, prepared);
    const rows = (await runKpi(exact, kpi("volume_by_day"))).rows;
    // The cube twin flags the same days.
    expect(await cubes.query(cubeKpiSql("volume_by_day"))).toEqual(rows);
    expect(rows.map((r) => r.tickets)).toEqual(perDay);
    return rows;
  }

  it(`the minimum is ${SPIKE_MIN_TICKETS} tickets on top of z > ${SPIKE_Z}`, () => {
    expect(SPIKE_MIN_TICKETS).toBe(10);
    expect(SPIKE_Z).toBe(3.5);
  });

  it("a day with 1 ticket on a quiet queue is never a spike, however high its z", async () => {
    const perDay = Array.from({length: 60}, (_, d) => (d === 0 || d === 30 || d === 59 ? 1 : 0));
    const z = robustZ(perDay);
    // The z rule alone would flag the three days with a ticket.
    for (const d of [0, 30, 59]) expect(z[d]!).toBeGreaterThan(SPIKE_Z);
    const rows = await days(perDay);
    rows.forEach((r, d) => expect(r.z).toBeCloseTo(z[d]!, 4));
    expect(rows.filter((r) => r.spike === true)).toEqual([]);
  });

  it("a busy day is a spike from 10 tickets, not at 9", async () => {
    const perDay = Array.from({length: 30}, (_, d) => (d === 15 ? 12 : d === 20 ? 9 : 3));
    const z = robustZ(perDay);
    expect(z[15]!).toBeGreaterThan(SPIKE_Z);
    expect(z[20]!).toBeGreaterThan(SPIKE_Z);
    const rows = await days(perDay);
    rows.forEach((r, d) => {
      expect(r.z).toBeCloseTo(z[d]!, 4);
      expect(r.spike, `day ${d}`).toBe(z[d]! > SPIKE_Z && perDay[d]! >= SPIKE_MIN_TICKETS);
    });
    expect(rows.filter((r) => r.spike === true).map((r) => r.day)).toEqual(["2024-01-16"]);
  });
});
