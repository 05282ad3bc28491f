import fc from "fast-check";
import {describe, expect, it} from "vitest";
import {LocalClock, hourOf, isoWeek, wallParts} from "../../loaders/metrics/local-time.ts";
import {DAY, HOUR, MIN, T0, many, one, rows, ticket} from "./helpers.ts";

const paris = (tickets: ReturnType<typeof many>, agents: number | null = null) => ({
  tickets,
  profile: {timezone: "Europe/Paris", agents},
});

describe("local time", () => {
  it("follows the spring DST change: 01:30 CET then 03:30 CEST", () => {
    const c = new LocalClock("Europe/Paris");
    expect(c.parts(Date.UTC(2024, 2, 31, 0, 30))).toMatchObject({date: "2024-03-31", hour: 1, weekday: 7});
    expect(c.parts(Date.UTC(2024, 2, 31, 1, 30))).toMatchObject({date: "2024-03-31", hour: 3});
  });

  it("follows the autumn DST change: 02:30 happens twice", () => {
    const c = new LocalClock("Europe/Paris");
    expect(c.parts(Date.UTC(2024, 9, 27, 0, 30)).hour).toBe(2);
    expect(c.parts(Date.UTC(2024, 9, 27, 1, 30)).hour).toBe(2);
    expect(c.parts(Date.UTC(2024, 9, 27, 2, 30)).hour).toBe(3);
  });

  it("handles quarter-hour zones", () => {
    expect(new LocalClock("Asia/Kathmandu").parts(Date.UTC(2024, 0, 1, 18, 14))).toMatchObject({
      date: "2024-01-01",
      hour: 23,
    });
    expect(new LocalClock("Asia/Kathmandu").parts(Date.UTC(2024, 0, 1, 18, 15)).date).toBe("2024-01-02");
  });

  it("gives each instant's day fields and hour, cached per local day, as wallParts computes them", () => {
    const clocks = ["UTC", "Europe/Paris", "Asia/Kathmandu", "America/St_Johns", "Pacific/Chatham"].map(
      (z) => new LocalClock(z),
    );
    // Instants from 1970 to 2100, whole or not, and the edges of what a Date holds.
    const instant = fc.oneof(
      fc.integer({min: 0, max: Date.UTC(2100, 0, 1)}),
      fc.double({min: -1e9, max: 1e9, noNaN: true}),
      fc.constantFrom(8.64e15, -8.64e15, 8.64e15 + 1, NaN, -1, -0.5, 0.5),
    );
    fc.assert(
      fc.property(instant, fc.constantFrom(...clocks), (ms, clock) => {
        // Zone rules hold a day inside what a Date holds; past that, the wall time is taken as given.
        const zoned = Number.isFinite(ms) && Math.abs(ms) < 8.6e15;
        const local = zoned ? clock.wall(ms) : ms;
        const {hour, ...day} = wallParts(local);
        expect(clock.day(local)).toMatchObject(day);
        expect(hourOf(local)).toBe(hour);
        if (zoned) expect(clock.parts(ms)).toEqual({...clock.day(local), hour: hourOf(local)});
      }),
      {numRuns: 2000},
    );
  });

  it("numbers ISO weeks across the year boundary", () => {
    expect(isoWeek(2024, 12, 30, 1)).toBe("2025-W01");
    expect(isoWeek(2021, 1, 3, 7)).toBe("2020-W53");
  });

  it("volume by hour counts DST-day tickets in their local hour", async () => {
    const tickets = [
      ticket({created_at: Date.UTC(2024, 2, 31, 0, 30)}),
      ticket({created_at: Date.UTC(2024, 2, 31, 1, 30)}),
    ];
    const cells = (await rows("volume_by_hour", paris(tickets))).filter((r) => r.tickets !== 0);
    expect(cells.map((r) => [r.weekday, r.hour, r.tickets])).toEqual([
      [7, 1, 1],
      [7, 3, 1],
    ]);
  });

  it("a ticket created late on Saturday UTC is a Sunday ticket in Paris", async () => {
    const sat = Date.UTC(2024, 0, 6, 23, 30);
    const [cell] = (await rows("volume_by_hour", paris([ticket({created_at: sat})]))).filter(
      (r) => r.tickets,
    );
    expect(cell).toMatchObject({weekday: 7, hour: 0});
    const [utc] = (await rows("volume_by_hour", {tickets: [ticket({created_at: sat})]})).filter(
      (r) => r.tickets,
    );
    expect(utc).toMatchObject({weekday: 6, hour: 23});
  });

  it("lists all 168 hour-of-week cells", async () => {
    expect(await rows("volume_by_hour", {tickets: [ticket()]})).toHaveLength(168);
  });
});

describe("volume and backlog", () => {
  it("flags a spike day by robust z-score and keeps quiet days as 0", async () => {
    const daily = [5, 6, 4, 5, 0, 5, 6, 40, 5, 4];
    const tickets = daily.flatMap((n, d) => many(n, () => ({created_at: T0 + d * DAY + HOUR})));
    const out = await rows("volume_by_day", {tickets});
    expect(out.map((r) => r.tickets)).toEqual(daily);
    // median 5, MAD 1: z = 0.6745 x 35 for the spike.
    expect(out[7]).toMatchObject({spike: true});
    expect(out[7]!.z).toBeCloseTo(0.6745 * 35, 10);
    expect(out.filter((r) => r.spike).map((r) => r.day)).toEqual(["2024-01-08"]);
  });

  it("flags nothing when every day has the same count", async () => {
    const tickets = [0, 1, 2].flatMap((d) => many(3, () => ({created_at: T0 + d * DAY})));
    expect((await rows("volume_by_day", {tickets})).map((r) => [r.z, r.spike])).toEqual([
      [null, false],
      [null, false],
      [null, false],
    ]);
  });

  it("volume by channel gives counts and shares", async () => {
    const tickets = [...many(3, () => ({channel: "chat"})), ticket({channel: "email"})];
    expect((await rows("volume_by_channel", {tickets})).map((r) => [r.channel, r.tickets, r.share])).toEqual([
      ["chat", 3, 0.75],
      ["email", 1, 0.25],
    ]);
  });

  it("backlog holds a ticket from creation until its solve day, and reopened ones until solved again", async () => {
    const tickets = [
      ticket({created_at: T0, solved_at: T0 + 2 * DAY}),
      ticket({created_at: T0 + DAY, status: "open", solved_at: T0 + DAY + HOUR, reopens: 1}),
      ticket({created_at: T0 + 3 * DAY, solved_at: T0 + 3 * DAY + HOUR}),
    ];
    const out = await rows("backlog", {tickets});
    expect(out.map((r) => [r.day, r.open])).toEqual([
      ["2024-01-01", 1],
      ["2024-01-02", 2],
      ["2024-01-03", 1],
      ["2024-01-04", 1],
    ]);
  });

  it("backlog in a period still counts older open tickets", async () => {
    const tickets = [
      ticket({created_at: T0, status: "open", solved_at: null}),
      ticket({created_at: T0 + 5 * DAY}),
    ];
    const out = await rows("backlog", {tickets}, {from: "2024-01-04", to: "2024-01-06"});
    expect(out.map((r) => r.open)).toEqual([1, 1, 1]);
  });
});

describe("staffing and cost", () => {
  it("coverage hours count distinct weekday and weekend hour slots per week", async () => {
    // Week of Mon 2024-01-01 (UTC): replies Monday 09:xx twice (one slot), Tuesday 10:xx, Saturday 12:xx.
    const at = (d: number, h: number, m = 0) => T0 + d * DAY + h * HOUR + m * MIN;
    const tickets = [
      ticket({created_at: at(0, 9), first_reply_minutes: 5, solved_at: at(0, 9, 20)}),
      ticket({created_at: at(0, 9, 30), first_reply_minutes: 5, solved_at: at(1, 10)}),
      ticket({created_at: at(5, 12), first_reply_minutes: 1, status: "open", solved_at: null}),
    ];
    const r = await one("coverage_hours", {tickets});
    expect(r).toMatchObject({n: 1, weekday: 2, weekend: 1, value: 3});
  });

  it("coverage hours average over quiet weeks too", async () => {
    const tickets = [ticket({created_at: T0}), ticket({created_at: T0 + 14 * DAY})];
    const r = await one("coverage_hours", {tickets});
    // Three ISO weeks; two Monday slots (reply at 00:10, solve at 01:00) in the first and third.
    expect(r).toMatchObject({n: 3, weekday: 4 / 3, weekend: 0});
  });

  it("tickets per agent per month uses the profile's agents, else active agents", async () => {
    // 61 tickets over 61 days (2 months of 30.44 days ~ 2.004).
    const tickets = many(61, (i) => ({created_at: T0 + i * DAY, assignee: `agent-${i % 3}`}));
    const months = 61 / 30.436875;
    const active = await one("tickets_per_agent_month", {tickets});
    expect(active).toMatchObject({agents: 3});
    expect(active.value).toBeCloseTo(61 / months / 3, 10);
    const profiled = await one("tickets_per_agent_month", {tickets, profile: {timezone: "UTC", agents: 5}});
    expect(profiled.value).toBeCloseTo(61 / months / 5, 10);
    expect(await one("active_agents", {tickets})).toMatchObject({n: 61, value: 3});
  });

  it("cost per contact divides the monthly cost over the period by the channel's tickets", async () => {
    const tickets = many(10, (i) => ({created_at: T0 + i * DAY, channel: i < 8 ? "email" : "chat"}));
    const out = await rows("cost_per_contact", {tickets}, {costs: {email: 30436.875}});
    expect(out.map((r) => [r.channel, r.tickets, r.value])).toEqual([
      ["chat", 2, null],
      ["email", 8, (30436.875 * (10 / 30.436875)) / 8],
    ]);
  });
});

describe("cuts", () => {
  it("missing group, priority and type become (none)", async () => {
    const tickets = [...many(2, () => ({group: "tier1"})), ticket({group: null})];
    expect((await rows("tickets", {tickets}, {by: "group"})).map((r) => [r.cut, r.n])).toEqual([
      ["(none)", 1],
      ["tier1", 2],
    ]);
  });

  it("a ticket with two tags counts under both", async () => {
    const tickets = [ticket({tags: ["billing", "vip"]}), ticket({tags: ["vip", "vip"]}), ticket({tags: []})];
    expect((await rows("tickets", {tickets}, {by: "tag"})).map((r) => [r.cut, r.n])).toEqual([
      ["(none)", 1],
      ["billing", 1],
      ["vip", 2],
    ]);
  });

  it("month is the local creation month", async () => {
    const tickets = [ticket({created_at: Date.UTC(2024, 0, 31, 23, 30)})];
    expect((await rows("tickets", paris(tickets), {by: "month"}))[0]).toMatchObject({cut: "2024-02"});
  });

  it("survey cuts take the ticket's dimensions and the response's own channel", async () => {
    const {response} = await import("./helpers.ts");
    const t = ticket({channel: "email", assignee: "agent-x"});
    const responses = [
      response({ticket_id: t.ticket_id, channel: "chat"}),
      response({ticket_id: t.ticket_id}),
    ];
    expect((await rows("csat", {tickets: [t], responses}, {by: "channel"})).map((r) => r.cut)).toEqual([
      "chat",
      "email",
    ]);
    expect((await rows("csat", {tickets: [t], responses}, {by: "agent"})).map((r) => r.cut)).toEqual([
      "agent-x",
    ]);
  });
});
