import {describe, expect, it} from "vitest";
import {UNKNOWN} from "../../loaders/metrics/unknown.ts";
import {many, one, rows, ticket} from "./helpers.ts";

describe("duration KPIs", () => {
  it("first reply p50 and p90 interpolate like quantile_cont", async () => {
    const r = await one("first_reply", {tickets: many(10, (i) => ({first_reply_minutes: i + 1}))});
    expect(r).toMatchObject({n: 10, p50: 5.5, insufficient: false});
    expect(r.p90).toBeCloseTo(9.1, 12);
    expect(r.mean).toBe(5.5);
  });

  it("ties in the median average the two middle values", async () => {
    const r = await one("first_reply", {tickets: many(10, (i) => ({first_reply_minutes: i < 5 ? 2 : 7}))});
    expect(r).toMatchObject({p50: 4.5, p90: 7});
  });

  it("tickets with no reply yet are left out, not counted as 0", async () => {
    const tickets = [
      ...many(10, () => ({first_reply_minutes: 30})),
      ...many(5, () => ({first_reply_minutes: null, replies: 0, status: "new", solved_at: null})),
    ];
    expect(await one("first_reply", {tickets})).toMatchObject({n: 10, p50: 30, mean: 30});
  });

  it("first reply counts unsolved tickets that have a reply", async () => {
    const tickets = many(10, (i) => ({
      status: i < 4 ? "open" : "solved",
      first_reply_minutes: i < 4 ? 100 : 10,
    }));
    expect(await one("first_reply", {tickets})).toMatchObject({n: 10, p90: 100});
  });

  it("full resolution and requester wait leave unsolved tickets out", async () => {
    const tickets = [
      ...many(10, () => ({full_resolution_minutes: 60, requester_wait_minutes: 20})),
      // A reopened ticket keeps its old duration in some exports; it is not solved now.
      ...many(3, () => ({
        status: "open",
        full_resolution_minutes: 9999,
        requester_wait_minutes: 9999,
        reopens: 1,
      })),
    ];
    expect(await one("full_resolution", {tickets})).toMatchObject({n: 10, p50: 60, p90: 60});
    expect(await one("requester_wait", {tickets})).toMatchObject({n: 10, p50: 20});
  });

  it("an all-null column is unknown: n = 0, no numbers, and the reason", async () => {
    const r = await one("first_reply", {tickets: many(12, () => ({first_reply_minutes: null}))});
    expect(r).toEqual({
      cut: "all",
      n: 0,
      p50: null,
      p90: null,
      mean: null,
      insufficient: false,
      reason: UNKNOWN.first_reply,
    });
  });

  it("the business clock reads the business twin, null when the source has none", async () => {
    const tickets = many(10, (i) => ({
      first_reply_minutes: 100,
      first_reply_minutes_business: i < 5 ? 10 : null,
    }));
    expect(await one("first_reply", {tickets}, {clock: "business"})).toMatchObject({
      n: 5,
      insufficient: true,
    });
    const all = many(10, () => ({first_reply_minutes: 100, first_reply_minutes_business: 10}));
    expect(await one("first_reply", {tickets: all}, {clock: "business"})).toMatchObject({n: 10, p50: 10});
  });

  it("fewer than 10 tickets are reported as insufficient, not a number", async () => {
    const r = await one("first_reply", {tickets: many(9, () => ({first_reply_minutes: 5}))});
    expect(r).toMatchObject({n: 9, p50: null, p90: null, mean: null, insufficient: true});
  });

  it("cuts apply minimum n per cell", async () => {
    const tickets = [...many(10, () => ({channel: "email"})), ...many(3, () => ({channel: "chat"}))];
    const out = await rows("first_reply", {tickets}, {by: "channel"});
    expect(out.map((r) => [r.cut, r.n, r.insufficient])).toEqual([
      ["chat", 3, true],
      ["email", 10, false],
    ]);
  });

  it("the period filter is on the local creation date", async () => {
    const day = (d: number) => Date.UTC(2024, 0, d, 23, 30);
    // 23:30 UTC on Jan 1 is Jan 2 in Paris.
    const tickets = many(20, (i) => ({created_at: day(i < 10 ? 1 : 5)}));
    const paris = {tickets, profile: {timezone: "Europe/Paris", agents: null}};
    expect(await one("first_reply", paris, {from: "2024-01-02", to: "2024-01-02"})).toMatchObject({n: 10});
    const utc = {tickets, profile: {timezone: "UTC", agents: null}};
    expect(await rows("first_reply", utc, {from: "2024-01-02", to: "2024-01-02"})).toEqual([]);
  });

  it("a single ticket still has a row", async () => {
    expect(await one("first_reply", {tickets: [ticket()]})).toMatchObject({n: 1, insufficient: true});
  });
});
