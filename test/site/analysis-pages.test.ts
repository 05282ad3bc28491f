import fc from "fast-check";
import {afterAll, describe, expect, it} from "vitest";
import {loadPrepared, prepare} from "../../loaders/metrics/prepare.ts";
import {kpi} from "../../loaders/metrics/registry.ts";
import {digitalShift} from "../../loaders/metrics/digital-shift.ts";
import {queryOptions} from "../../src/components/analysis-db.ts";
import {NativeRunner} from "../../loaders/node/duckdb-native.ts";
import {commentRows} from "../../loaders/node/site/comments.ts";
import {groupNamesOf} from "../../loaders/node/site/group-names.ts";
import {filterComments, toneOf, type Comment} from "../../src/components/satisfaction-comments.ts";
import {sortRows, type SortColumn} from "../../src/components/team-table.ts";
import {
  backlogSeries,
  channelFigures,
  hourTicks,
  hourlyAverages,
  isoWeekday,
  scenarioGaps,
  spikeDays,
  weekdayOccurrences,
} from "../../src/components/volume-series.ts";
import {seededDataset} from "../metrics/dataset.ts";
import {response} from "../metrics/helpers.ts";

const DAY_MS = 86_400_000;

/** Weekday counts the slow way, one day at a time: the reference for weekdayOccurrences. */
function countDays(from: string, to: string): number[] {
  const counts = [0, 0, 0, 0, 0, 0, 0];
  for (let ms = Date.parse(`${from}T00:00:00Z`); ms <= Date.parse(`${to}T00:00:00Z`); ms += DAY_MS)
    counts[(new Date(ms).getUTCDay() + 6) % 7]! += 1;
  return counts;
}

describe("weekday averages for the hour × weekday heatmap", () => {
  it("counts 13 Mondays and 12 Sundays from Monday 1 January to Saturday 30 March 2024", () => {
    // 90 days: 12 whole weeks and Monday..Saturday once more.
    expect(weekdayOccurrences("2024-01-01", "2024-03-30")).toEqual([13, 13, 13, 13, 13, 13, 12]);
  });

  it("counts every weekday the way a day-by-day walk does", () => {
    const day = fc
      .integer({min: 0, max: 800})
      .map((d) => new Date(Date.UTC(2023, 0, 1) + d * DAY_MS).toISOString().slice(0, 10));
    fc.assert(
      fc.property(day, fc.integer({min: 0, max: 400}), (from, length) => {
        const to = new Date(Date.parse(`${from}T00:00:00Z`) + length * DAY_MS).toISOString().slice(0, 10);
        expect(weekdayOccurrences(from, to)).toEqual(countDays(from, to));
      }),
      {seed: 12, numRuns: 300},
    );
  });

  it("gives a Sunday and a Monday with the same tickets per occurrence the same average", () => {
    // 26 tickets over 13 Mondays and 24 over 12 Sundays at 10:00: 2 per occurrence both.
    const cells = hourlyAverages(
      [
        {weekday: 1, hour: 10, tickets: 26},
        {weekday: 7, hour: 10, tickets: 24},
      ],
      "2024-01-01",
      "2024-03-30",
    );
    expect(cells.map((c) => [c.weekday, c.occurrences, c.average])).toEqual([
      [1, 13, 2],
      [7, 12, 2],
    ]);
  });

  it("has no average for a weekday the period never reaches", () => {
    // Wednesday 3 January only.
    const [cell] = hourlyAverages([{weekday: 1, hour: 9, tickets: 0}], "2024-01-03", "2024-01-03");
    expect(cell!.average).toBeNull();
    expect(isoWeekday("2024-01-03")).toBe(3);
  });
});

describe("the backlog series", () => {
  it("counts a ticket from its creation day until its solve day, by hand", () => {
    const series = backlogSeries(
      [
        {created_date: "2024-01-01", solved_date: "2024-01-03", solved: true},
        {created_date: "2024-01-02", solved_date: null, solved: false},
        // Solved without a solve date: gone on its creation day.
        {created_date: "2024-01-02", solved_date: null, solved: true},
        // Created before the period and still open on its first day.
        {created_date: "2023-12-30", solved_date: "2024-01-02", solved: true},
        // Created and solved before the period: never counted.
        {created_date: "2023-12-20", solved_date: "2023-12-21", solved: true},
      ],
      "2024-01-01",
      "2024-01-04",
    );
    expect(series).toEqual([
      {day: "2024-01-01", open: 2, created: 1, solved: 0},
      {day: "2024-01-02", open: 2, created: 2, solved: 2},
      {day: "2024-01-03", open: 1, created: 0, solved: 1},
      {day: "2024-01-04", open: 1, created: 0, solved: 0},
    ]);
  });

  describe("against the registry's backlog SQL in native DuckDB", () => {
    let runner: NativeRunner;
    afterAll(() => runner?.close());

    it("gives the same open count every day of a period in the middle of the data", async () => {
      const data = seededDataset();
      const prepared = prepare({...data, profile: {timezone: "Europe/Paris", agents: null}});
      runner = await NativeRunner.create();
      await loadPrepared(runner, prepared);
      const [from, to] = ["2024-03-20", "2024-04-30"];
      const sql = (await runner.query<{day: string; open: number}>(kpi("backlog").sql({from, to}))).map(
        (r) => [r.day, r.open],
      );
      const tickets = prepared.tickets.map((t) => ({
        created_date: String(t.created_date),
        solved_date: t.solved_date === null ? null : String(t.solved_date),
        solved: t.solved === true,
      }));
      const mine = backlogSeries(tickets, from, to).map((p) => [p.day, p.open]);
      expect(sql.length).toBe(42);
      expect(mine).toEqual(sql);
      // As the Volume page asks: the tickets grouped by their dates, each row with its count.
      const grouped = await runner.query<{
        created_date: string;
        solved_date: string | null;
        solved: boolean;
        n: number;
      }>(
        "SELECT created_date, solved_date, solved, CAST(count(*) AS INTEGER) AS n FROM tickets t WHERE TRUE GROUP BY ALL",
      );
      expect(grouped.length).toBeLessThan(tickets.length);
      expect(backlogSeries(grouped, from, to).map((p) => [p.day, p.open])).toEqual(sql);
    });
  });
});

describe("spikes", () => {
  it("lists the flagged days largest first, with the median day", () => {
    const rows = [
      {day: "2024-01-01", tickets: 4, spike: false},
      {day: "2024-01-02", tickets: 30, spike: true},
      {day: "2024-01-03", tickets: 6, spike: false},
      {day: "2024-01-04", tickets: 40, spike: true},
    ];
    // Median of 4, 6, 30, 40: (6 + 30) / 2.
    expect(spikeDays(rows)).toEqual([
      {day: "2024-01-04", tickets: 40, median: 18},
      {day: "2024-01-02", tickets: 30, median: 18},
    ]);
  });
});

describe("survey comments", () => {
  const c = (over: Partial<Comment>): Comment => ({
    response_id: "r",
    kind: "csat",
    score: 5,
    scale_min: 1,
    scale_max: 5,
    responded_date: "2024-05-01",
    channel: null,
    comment: "",
    ...over,
  });

  it("reads a score's tone with the registry's cut-offs", () => {
    expect(toneOf(c({score: 4}))).toBe("positive"); // top two of 1-5
    expect(toneOf(c({score: 3}))).toBe("negative");
    expect(toneOf(c({score: 1, scale_min: 0, scale_max: 1}))).toBe("positive"); // good of good/bad
    expect(toneOf(c({score: 0, scale_min: 0, scale_max: 1}))).toBe("negative");
    expect(toneOf(c({kind: "nps", score: 9, scale_min: 0, scale_max: 10}))).toBe("positive");
    expect(toneOf(c({kind: "nps", score: 7, scale_min: 0, scale_max: 10}))).toBe("neutral");
    expect(toneOf(c({kind: "nps", score: 6, scale_min: 0, scale_max: 10}))).toBe("negative");
  });

  it("keeps the comments holding every word, in any case and accent, of the kind and tone asked, newest first", () => {
    const rows = [
      c({response_id: "a", comment: "Réparé très vite", responded_date: "2024-05-01"}),
      c({response_id: "b", comment: "repare mais lent", score: 2, responded_date: "2024-05-03"}),
      c({
        response_id: "c",
        kind: "nps",
        scale_min: 0,
        scale_max: 10,
        score: 3,
        comment: "RÉPARÉ, lent",
        responded_date: "2024-05-02",
      }),
      c({response_id: "d", comment: "<b>not html</b>", responded_date: "2024-05-04"}),
    ];
    const ids = (q: Parameters<typeof filterComments>[1]) =>
      filterComments(rows, q).map((r) => r.response_id);
    expect(ids({text: "repare", kind: "all", tone: "all"})).toEqual(["b", "c", "a"]);
    expect(ids({text: "réparé lent", kind: "all", tone: "all"})).toEqual(["b", "c"]);
    expect(ids({text: "repare", kind: "csat", tone: "negative"})).toEqual(["b"]);
    expect(ids({text: "", kind: "nps", tone: "all"})).toEqual(["c"]);
    expect(ids({text: "<b>", kind: "all", tone: "positive"})).toEqual(["d"]);
  });

  it("ships the newest comments up to the cap, with the total, dated in the organisation's zone", () => {
    const at = Date.UTC(2024, 0, 1, 23, 30); // 00:30 on 2 January in Paris
    const responses = [
      response({response_id: "x1", comment: "first", responded_at: at}),
      response({response_id: "x2", comment: "  ", responded_at: at + 1}),
      response({response_id: "x3", comment: "second", responded_at: at + DAY_MS}),
      response({response_id: "x4", comment: null, responded_at: at + 2 * DAY_MS}),
      response({response_id: "x5", comment: "third", responded_at: at + 3 * DAY_MS}),
    ];
    const rows = commentRows(responses, "Europe/Paris", 2);
    expect(rows.map((r) => [r.response_id, r.responded_date, r.total])).toEqual([
      ["x5", "2024-01-05", 3],
      ["x3", "2024-01-03", 3],
    ]);
    expect(commentRows(responses, "Europe/Paris").map((r) => r.response_id)).toEqual(["x5", "x3", "x1"]);
  });
});

describe("team tables and group names", () => {
  const column: SortColumn<{name: string; v: number}> = {
    key: "v",
    label: "v",
    cell: (r) => String(r.v),
    sort: (r) => r.v,
    numeric: true,
  };
  it("sorts figures either way with missing ones (too few, unknown) always last", () => {
    const rows = [
      {name: "a", v: 2},
      {name: "b", v: Number.NEGATIVE_INFINITY},
      {name: "c", v: 5},
      {name: "d", v: 1},
    ];
    expect(sortRows(rows, column, "descending").map((r) => r.name)).toEqual(["c", "a", "d", "b"]);
    expect(sortRows(rows, column, "ascending").map((r) => r.name)).toEqual(["d", "a", "c", "b"]);
  });

  it("names groups from Zendesk's groups side-load, masking contacts", () => {
    const names = groupNamesOf([
      {
        tickets: [],
        groups: [
          {id: 360001, name: "Orders & Delivery"},
          {id: "7", name: "Escalations ops@example.com"},
        ],
      },
      {tickets: []},
      null,
    ]);
    expect(names["360001"]).toBe("Orders & Delivery");
    expect(names["7"]).not.toContain("ops@example.com");
  });
});

describe("the digital-shift scenario's inputs", () => {
  it("turns tickets, months and monthly costs into contacts per month and cost per contact", () => {
    const figures = channelFigures([
      {channel: "phone", tickets: 300, months: 3, monthly_cost: 5000, first_reply_p50: 1},
      {channel: "chat", tickets: 600, months: 3, monthly_cost: 2000, first_reply_p50: 2},
      {channel: "email", tickets: 900, months: 3, monthly_cost: null, first_reply_p50: 300},
    ]);
    // 300 / 3 = 100 a month; 5000 x 3 / 300 = 50 a contact.
    expect(figures[0]).toEqual({
      channel: "phone",
      contacts_per_month: 100,
      cost_per_contact: 50,
      first_reply_p50: 1,
    });
    expect(figures[1]!.cost_per_contact).toBe(10);
    expect(figures[2]!.cost_per_contact).toBeNull();
    expect(scenarioGaps(figures, {from: "phone", to: "chat"})).toEqual(["cost"]);
    expect(scenarioGaps(figures, {from: "phone", to: "social"})).toEqual(["to", "cost"]);
    // With every cost entered: 20 % of 100 phone contacts move, half to chat at 10, half to self-service.
    const all = figures.map((f) => ({...f, cost_per_contact: f.cost_per_contact ?? 4}));
    const r = digitalShift(all, {from: "phone", to: "chat", share: 0.2, self_service: 0.5});
    expect(r.cost_before).toBe(100 * 50 + 200 * 10 + 300 * 4);
    expect(r.cost_after).toBe(80 * 50 + 210 * 10 + 300 * 4);
    expect(scenarioGaps(all, {from: "phone", to: "chat"})).toEqual([]);
  });
});

describe("hour labels of the heatmaps", () => {
  it("leave every label its room from a 320 px phone to a wide screen, and label hour 0", () => {
    for (let width = 320; width <= 1400; width += 10) {
      const ticks = hourTicks(width, 44);
      const step = ticks[1]! - ticks[0]!;
      expect(ticks[0]).toBe(0);
      // 30 px a label, 24 columns over the plot's width.
      expect((step * (width - 44 - 20)) / 24, String(width)).toBeGreaterThanOrEqual(30);
      expect(24 % step).toBe(0);
    }
    expect(hourTicks(390, 44)).toEqual([0, 3, 6, 9, 12, 15, 18, 21]);
  });
});

describe("the registry's options for the filters", () => {
  const f = {clock: "calendar" as const, channel: [], group: [], priority: [], type: [], tag: []};
  const span = {firstDay: "2024-01-01", lastDay: "2024-12-31"};
  it("leaves the dates out for the whole span, as `kpis` with no --from/--to", () => {
    expect(queryOptions(f, {from: "2024-01-01", to: "2024-12-31"}, span)).toEqual({clock: "calendar"});
  });
  it("passes a narrower period and the dimension filters", () => {
    expect(queryOptions({...f, channel: ["email"]}, {from: "2024-10-01", to: "2024-12-31"}, span)).toEqual({
      clock: "calendar",
      from: "2024-10-01",
      to: "2024-12-31",
      filter: {channel: ["email"], group: [], priority: [], type: [], tag: []},
    });
  });
});
