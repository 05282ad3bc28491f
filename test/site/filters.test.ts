import {describe, expect, it} from "vitest";
import fc from "fast-check";
import {
  DEFAULT_FILTERS,
  addMonths,
  dimensionPredicate,
  filtersFromSearch,
  filtersToSearch,
  periodDays,
  periodOf,
  previousPeriod,
  ticketPredicate,
  type Filters,
} from "../../src/components/filters.ts";
import {NativeRunner} from "../../loaders/node/duckdb-native.ts";

const f = (over: Partial<Filters>): Filters => ({...DEFAULT_FILTERS, ...over});

describe("filters in the address", () => {
  it("leaves every default out", () => expect(filtersToSearch(DEFAULT_FILTERS)).toBe(""));

  it("round-trips every filter, hostile values included", () => {
    const value = f({
      preset: "custom",
      from: "2025-01-05",
      to: "2025-03-31",
      channel: ["email", "chat"],
      group: ["O'Brien & Co", "Tier 2, EMEA"],
      priority: ["(none)"],
      type: ["question"],
      tag: ["a=b?c#d", "été"],
      clock: "business",
      compare: true,
    });
    expect(filtersFromSearch(filtersToSearch(value))).toEqual(value);
  });

  it("round-trips any lists of values (property)", () => {
    const list = fc.uniqueArray(
      fc.string({minLength: 1}).filter((s) => s.trim() === s && s !== ""),
      {
        maxLength: 4,
      },
    );
    fc.assert(
      fc.property(list, list, fc.boolean(), (channel, tag, compare) => {
        const value = f({channel, tag, compare});
        expect(filtersFromSearch(filtersToSearch(value))).toEqual(value);
      }),
    );
  });

  it("tolerates a damaged query: unknown period, impossible dates, unknown keys", () => {
    expect(filtersFromSearch("?period=fortnight&from=2025-02-30&clock=sideral&x=1")).toEqual(DEFAULT_FILTERS);
    expect(filtersFromSearch("")).toEqual(DEFAULT_FILTERS);
  });

  it("reads dates alone as a custom period, in order", () => {
    const got = filtersFromSearch("from=2025-03-01&to=2025-01-01");
    expect([got.preset, got.from, got.to]).toEqual(["custom", "2025-01-01", "2025-03-01"]);
  });

  it("drops dates for a preset period", () =>
    expect(filtersFromSearch("?period=28d&from=2025-01-01").from).toBeNull());
});

describe("periods", () => {
  const first = "2024-01-10";
  const last = "2025-05-31";
  it("end at the data's last day", () => {
    // By hand: 28 days ending 31 May start 4 May; 3 months, 1 March; 12 months, 1 June 2024.
    expect(periodOf(f({preset: "28d"}), last, first)).toEqual({from: "2025-05-04", to: last});
    expect(periodOf(f({preset: "quarter"}), last, first)).toEqual({from: "2025-03-01", to: last});
    expect(periodOf(f({preset: "12m"}), last, first)).toEqual({from: "2024-06-01", to: last});
    expect(periodOf(f({preset: "all"}), last, first)).toEqual({from: first, to: last});
  });

  it("never start before the data", () =>
    expect(periodOf(f({preset: "12m"}), "2024-03-01", first)).toEqual({from: first, to: "2024-03-01"}));

  it("take a custom period's dates, filling a missing end from the data", () => {
    expect(periodOf(f({preset: "custom", from: "2025-02-01", to: null}), last, first)).toEqual({
      from: "2025-02-01",
      to: last,
    });
  });

  it("go back a month to its last day when the day does not exist", () => {
    expect(addMonths("2025-05-31", -3)).toBe("2025-02-28");
    expect(addMonths("2024-05-31", -3)).toBe("2024-02-29");
    expect(addMonths("2025-01-15", -1)).toBe("2024-12-15");
  });

  it("have a previous period of the same length just before", () => {
    // 28 days from 4 May: the previous 28 end 3 May and start 6 April.
    expect(previousPeriod({from: "2025-05-04", to: "2025-05-31"})).toEqual({
      from: "2025-04-06",
      to: "2025-05-03",
    });
    fc.assert(
      fc.property(fc.integer({min: 0, max: 3000}), fc.integer({min: 1, max: 400}), (start, length) => {
        const from = new Date(Date.UTC(2020, 0, 1 + start)).toISOString().slice(0, 10);
        const to = new Date(Date.UTC(2020, 0, start + length)).toISOString().slice(0, 10);
        const prev = previousPeriod({from, to});
        expect(periodDays(prev)).toBe(length);
        expect(new Date(`${prev.to}T00:00:00Z`).getTime() + 86_400_000).toBe(
          new Date(`${from}T00:00:00Z`).getTime(),
        );
      }),
    );
  });
});

describe("the ticket predicate", () => {
  it("is TRUE with no dimension filtered", () => expect(dimensionPredicate({})).toBe("TRUE"));

  it("keeps hostile values as values", () => {
    const sql = ticketPredicate(f({group: ["O'Brien", "x') OR 1=1 --"]}), {
      from: "2025-01-01",
      to: "2025-01-31",
    });
    expect(sql).toContain("'O''Brien'");
    expect(sql).toContain("'x'') OR 1=1 --'");
  });

  it("refuses an alias or a period that is not one", () => {
    expect(() => ticketPredicate(f({}), {from: "2025-01-01", to: "x"})).toThrow(RangeError);
    expect(() => dimensionPredicate({channel: ["email"]}, "t; DROP")).toThrow(RangeError);
  });

  it("selects exactly the tickets a hand count gives, in DuckDB", async () => {
    const db = await NativeRunner.create();
    try {
      await db.query(`CREATE TABLE tickets AS SELECT * FROM (VALUES
        ('1', 'email', 'O''Brien', 'high', NULL, '2025-01-05'),
        ('2', 'chat', 'O''Brien', NULL, 'question', '2025-01-06'),
        ('3', 'email', NULL, 'low', 'question', '2025-02-01'),
        ('4', 'email', 'Tier 2', 'low', 'incident', '2025-01-20')
      ) v(ticket_id, channel, group_name, priority, type, created_date)`);
      await db.query(`CREATE TABLE ticket_tags AS SELECT * FROM (VALUES
        ('1', 'vip'), ('1', 'refund'), ('3', 'refund')) v(ticket_id, tag)`);
      const ids = async (filters: Partial<Filters>, p = {from: "2025-01-01", to: "2025-12-31"}) =>
        (
          await db.query<{ticket_id: string}>(
            `SELECT ticket_id FROM tickets t WHERE ${ticketPredicate(f(filters), p)} ORDER BY ticket_id`,
          )
        ).map((r) => r.ticket_id);
      expect(await ids({group: ["O'Brien"]})).toEqual(["1", "2"]);
      expect(await ids({group: ["(none)"]})).toEqual(["3"]);
      expect(await ids({group: ["(none)", "Tier 2"], channel: ["email"]})).toEqual(["3", "4"]);
      expect(await ids({priority: ["(none)", "high"]})).toEqual(["1", "2"]);
      expect(await ids({tag: ["refund"]})).toEqual(["1", "3"]);
      expect(await ids({tag: ["(none)"]})).toEqual(["2", "4"]);
      expect(await ids({tag: ["vip", "(none)"], channel: ["email"]})).toEqual(["1", "4"]);
      expect(await ids({}, {from: "2025-01-06", to: "2025-01-20"})).toEqual(["2", "4"]);
    } finally {
      db.close();
    }
  });
});
