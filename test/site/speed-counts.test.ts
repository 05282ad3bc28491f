import {mkdtemp, rm} from "node:fs/promises";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {afterAll, beforeAll, describe, expect, it} from "vitest";
import {DEFAULT_FILTERS, type Filters} from "../../src/components/filters.ts";
import {
  attainmentRows,
  bandOf,
  channelTimes,
  compareText,
  countWithin,
  curveRows,
  histogramRows,
  type ChannelTimes,
} from "../../src/components/speed-counts.ts";
import {
  BAND_EDGES,
  attainmentSql,
  bandExpr,
  curveGrid,
  curveSql,
  drillCountSql,
  histogramSql,
  timesSql,
  type ChannelTargets,
  type SpeedCut,
} from "../../src/components/speed-sql.ts";
import {loadPrepared, prepare, type Prepared} from "../../loaders/metrics/prepare.ts";
import type {WasmRunner} from "../../loaders/metrics/runner-wasm.ts";
import {NativeRunner} from "../../loaders/node/duckdb-native.ts";
import {createWasmRunner} from "../../loaders/node/duckdb-wasm.ts";
import {siteDataset} from "../../loaders/node/site/dataset.ts";

/**
 * The counts the Speed page computes in JavaScript from one query's times, against the SQL
 * builders they replace on the page, run by native DuckDB over the demo organisation's tables
 * (the site's own). The times are read both from native DuckDB's rows and from DuckDB-WASM's
 * Arrow table, the form the page gets.
 */
let cache: string;
let prepared: Prepared;
let native: NativeRunner;
let wasm: WasmRunner;
beforeAll(async () => {
  cache = await mkdtemp(join(tmpdir(), "servicebench-speed-counts-"));
  prepared = prepare(await siteDataset({}, cache));
  native = await NativeRunner.create();
  wasm = await createWasmRunner();
  await loadPrepared(native, prepared);
  await loadPrepared(wasm, prepared);
});
afterAll(async () => {
  native?.close();
  await rm(cache, {recursive: true, force: true});
});

const channels = () => [...new Set(prepared.tickets.map((t) => String(t.channel)))].sort();
const groups = () =>
  [...new Set(prepared.tickets.map((t) => t.group_name).filter((g) => g !== null))].map(String).sort();
const lastDay = () =>
  prepared.tickets
    .map((t) => String(t.created_date))
    .sort()
    .at(-1)!;
const firstDay = () => prepared.tickets.map((t) => String(t.created_date)).sort()[0]!;

/** Cuts of every kind: whole span, channels, a group, the business clock, each metric, a short period, nothing. */
function cuts(): [string, SpeedCut][] {
  const whole = {from: firstDay(), to: lastDay()};
  const [a, b] = channels();
  const f = (more: Partial<Filters>): Filters => ({...DEFAULT_FILTERS, ...more});
  const cut = (filters: Filters, metric: SpeedCut["metric"], clock: SpeedCut["clock"], period = whole) => ({
    filters,
    period,
    metric,
    clock,
  });
  return [
    ["whole span, first reply", cut(f({}), "first_reply", "calendar")],
    ["whole span, resolution, business clock", cut(f({}), "full_resolution", "business")],
    ["two channels, requester wait", cut(f({channel: [a!, b!]}), "requester_wait", "calendar")],
    ["one channel and a group", cut(f({channel: [a!], group: [groups()[0]!]}), "first_reply", "business")],
    ["one month", cut(f({}), "first_reply", "calendar", {from: `${lastDay().slice(0, 8)}01`, to: lastDay()})],
    ["no ticket", cut(f({channel: ["no-such-channel"]}), "first_reply", "calendar")],
  ];
}

/** Targets on some channels, none on another, a zero and a fraction. */
function targets(): ChannelTargets {
  const [a, b, c, d] = channels();
  return {[a!]: 60, [b!]: 0, [c!]: null, ...(d ? {[d]: 2.5} : {})};
}

async function fromNative(cut: SpeedCut): Promise<ChannelTimes[]> {
  return channelTimes(await native.rows(timesSql(cut)));
}

async function fromWasm(cut: SpeedCut): Promise<ChannelTimes[]> {
  return channelTimes(
    (await wasm.connection.query(timesSql(cut))) as unknown as Iterable<Record<string, unknown>>,
  );
}

describe("the Speed page's counts in JavaScript", () => {
  it("band a time as bandExpr does, at and around every edge", async () => {
    const xs = [-1, 0, 0.5, ...BAND_EDGES.flatMap((e) => [e - 1e-9, e, e + 1e-9]), 1e9];
    const sql = `SELECT x, ${bandExpr("x")} AS band FROM (VALUES ${xs.map((x) => `(${x}::DOUBLE)`).join(", ")}) v(x)`;
    const rows = await native.query<{x: number; band: number}>(sql);
    expect(rows.map((r) => [r.x, bandOf(r.x)])).toEqual(rows.map((r) => [r.x, r.band]));
  });

  it("count the times within x by halving, as a plain count does", () => {
    const times = Float64Array.from([3, 1, 2, 2, NaN, 5]).sort();
    for (const x of [0, 1, 2, 2.5, 5, 9])
      expect(countWithin(times, x)).toBe([1, 2, 2, 3, 5].filter((v) => v <= x).length);
  });

  it("order channels as DuckDB does, by code point", async () => {
    const words = ["web", "(all)", "Email", "émail", "\u{1F4E7}mail", "\uFF45mail", "e"];
    const rows = await native.query<{w: string}>(
      `SELECT w FROM (VALUES ${words.map((w) => `('${w}')`).join(", ")}) v(w) ORDER BY w`,
    );
    expect([...words].sort(compareText)).toEqual(rows.map((r) => r.w));
  });

  it("give the rows of histogramSql, curveSql and attainmentSql, exactly, for every kind of cut", async () => {
    const grid = curveGrid(Object.values(targets()));
    for (const [what, cut] of cuts()) {
      const histogram = await native.query(histogramSql(cut));
      const curve = await native.query(curveSql(cut, grid));
      const attainment = await native.query(attainmentSql(cut, targets()));
      if (what !== "no ticket") expect(histogram.length, what).toBeGreaterThan(0);
      for (const times of [await fromNative(cut), await fromWasm(cut)]) {
        expect(histogramRows(times), what).toEqual(histogram);
        expect(curveRows(times, grid), what).toEqual(curve);
        expect(attainmentRows(times, targets()), what).toEqual(attainment);
      }
    }
  });

  it("give each bar the count its drill-down lists", async () => {
    const [, cut] = cuts()[2]!;
    for (const r of histogramRows(await fromWasm(cut))) {
      const [count] = await native.query<{n: number}>(
        drillCountSql(cut, {kind: "band", channel: r.channel, band: r.band}),
      );
      expect(count!.n, `${r.channel}/${r.band}`).toBe(r.tickets);
    }
  });

  it("leave nothing to draw for a cut without tickets, and no attainment without a target", () => {
    expect([histogramRows([]), curveRows([], [1, 2]), attainmentRows([], {a: 1})]).toEqual([[], [], []]);
    const times = [{channel: "a", times: Float64Array.from([1, 2, 3])}];
    expect(attainmentRows(times, {})).toEqual([{channel: "a", target: null, n: 3, within: 0, share: null}]);
  });
});
