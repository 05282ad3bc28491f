import {afterAll, beforeAll, describe, expect, it} from "vitest";
import {DEFAULT_FILTERS, type Filters} from "../../src/components/filters.ts";
import {
  BAND_EDGES,
  attainmentSql,
  curveGrid,
  curveSql,
  drillCountSql,
  drillRowsSql,
  histogramSql,
  type SpeedCut,
} from "../../src/components/speed-sql.ts";
import {loadPrepared, prepare, type Prepared} from "../../loaders/metrics/prepare.ts";
import {kpi} from "../../loaders/metrics/registry.ts";
import {runKpi} from "../../loaders/metrics/run.ts";
import {NativeRunner} from "../../loaders/node/duckdb-native.ts";
import {seededDataset} from "../metrics/dataset.ts";

let db: NativeRunner;
let prepared: Prepared;
beforeAll(async () => {
  prepared = prepare({...seededDataset(), profile: {timezone: "Europe/Paris", agents: null}});
  db = await NativeRunner.create();
  await loadPrepared(db, prepared);
});
afterAll(() => db.close());

const filters: Filters = {...DEFAULT_FILTERS, channel: ["email", "chat", "web"], group: ["tier1", "(none)"]};
const cut: SpeedCut = {
  filters,
  period: {from: "2024-03-01", to: "2024-05-31"},
  metric: "first_reply",
  clock: "calendar",
};

/** The counted times by hand from the prepared rows, for a channel. */
function times(channel: string | null, metric = "first_reply_minutes", solvedOnly = false): number[] {
  return prepared.tickets
    .filter(
      (t) =>
        ["email", "chat", "web"].includes(String(t.channel)) &&
        [null, "tier1"].includes(t.group_name as null),
    )
    .filter((t) => String(t.created_date) >= "2024-03-01" && String(t.created_date) <= "2024-05-31")
    .filter((t) => channel === null || t.channel === channel)
    .filter((t) => !solvedOnly || t.solved === true)
    .map((t) => t[metric])
    .filter((v): v is number => typeof v === "number");
}

describe("the Speed page's SQL", () => {
  it("bands every counted ticket once, as a hand count does", async () => {
    const hist = await db.query<{channel: string; band: number; tickets: number}>(histogramSql(cut));
    for (const channel of ["email", "chat", "web"]) {
      const own = hist.filter((r) => r.channel === channel);
      const values = times(channel);
      expect(own.reduce((s, r) => s + r.tickets, 0)).toBe(values.length);
      for (const r of own) {
        const lo = BAND_EDGES[r.band]!;
        const hi = BAND_EDGES[r.band + 1] ?? Infinity;
        expect(r.tickets).toBe(values.filter((v) => v >= lo && v < hi).length);
      }
    }
  });

  it("gives each bar's tickets to the drill-down, no more, no less", async () => {
    const hist = await db.query<{channel: string; band: number; tickets: number}>(histogramSql(cut));
    for (const r of hist) {
      const target = {kind: "band", channel: r.channel, band: r.band} as const;
      const [count] = await db.query<{n: number}>(drillCountSql(cut, target));
      const list = await db.query(drillRowsSql(cut, target, 1000));
      expect([count!.n, list.length]).toEqual([r.tickets, r.tickets]);
    }
  });

  it("reads the curve and the attainment as the hand count does", async () => {
    const grid = curveGrid([1, 60, 1440]);
    const curve = await db.query<{channel: string; x: number; within: number; n: number}>(
      curveSql(cut, grid),
    );
    const all = times(null);
    for (const x of [1, 60, 1440]) {
      const point = curve.find((r) => r.channel === "(all)" && r.x === x)!;
      expect([point.within, point.n]).toEqual([all.filter((v) => v <= x).length, all.length]);
    }
    const attained = await db.query<{channel: string; n: number; within: number; share: number | null}>(
      attainmentSql(cut, {email: 1440, chat: 1, web: null}),
    );
    const email = attained.find((r) => r.channel === "email")!;
    const mail = times("email");
    expect([email.n, email.within]).toEqual([mail.length, mail.filter((v) => v <= 1440).length]);
    expect(attained.find((r) => r.channel === "web")!.share).toBeNull();
  });

  it("counts resolution over solved tickets, as the registry's KPI", async () => {
    const c: SpeedCut = {...cut, metric: "full_resolution"};
    const hist = await db.query<{tickets: number}>(histogramSql(c));
    const registry = await runKpi(db, kpi("full_resolution"), {
      from: c.period.from,
      to: c.period.to,
      filter: {channel: filters.channel, group: filters.group},
    });
    expect(hist.reduce((s, r) => s + r.tickets, 0)).toBe(registry.rows[0]!.n);
    expect(registry.rows[0]!.n).toBe(times(null, "full_resolution_minutes", true).length);
  });
});
