import {beforeAll, describe, expect, it} from "vitest";
import {kpi} from "../../loaders/metrics/registry.ts";
import {runKpi} from "../../loaders/metrics/run.ts";
import type {KpiOptions, Row, SqlRunner} from "../../loaders/metrics/types.ts";
import type {SurveyResponse} from "../../loaders/schema/response.ts";
import type {Ticket} from "../../loaders/schema/ticket.ts";
import {seededDataset} from "./dataset.ts";
import {load} from "./helpers.ts";

// Every KPI of the seeded organisation, checked against plain TypeScript written separately
// from the SQL (local times through Intl's sv-SE format, not through local-time.ts).
const ZONE = "Europe/Paris";
const {tickets, responses} = seededDataset();
const local = new Intl.DateTimeFormat("sv-SE", {
  timeZone: ZONE,
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
  hour: "2-digit",
  hourCycle: "h23",
});
const dateOf = (ms: number) => local.format(ms).slice(0, 10);
const hourOf = (ms: number) => Number(local.format(ms).slice(11, 13));
const weekdayOf = (date: string) => ((new Date(`${date}T12:00:00Z`).getUTCDay() + 6) % 7) + 1;

function qc(xs: number[], q: number): number | null {
  if (!xs.length) return null;
  const s = [...xs].sort((a, b) => a - b);
  const pos = (s.length - 1) * q;
  const k = Math.floor(pos);
  return s[k]! + (pos - k) * ((s[k + 1] ?? s[k]!) - s[k]!);
}
const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
const solved = (t: Ticket) => t.status === "solved" || t.status === "closed";
const nums = (xs: (number | null)[]) => xs.filter((x): x is number => x !== null);

let runner: SqlRunner;
const get = async (id: string, o: KpiOptions = {}): Promise<Row[]> => (await runKpi(runner, kpi(id), o)).rows;
const first = async (id: string, o: KpiOptions = {}) => (await get(id, o))[0]!;

beforeAll(async () => {
  runner = await load({tickets, responses, profile: {timezone: ZONE, agents: null}});
});

describe("golden: seeded organisation", () => {
  it("tickets", async () => {
    expect(await first("tickets")).toMatchObject({n: 600, solved: tickets.filter(solved).length});
  });

  for (const [id, field, pick] of [
    ["first_reply", "first_reply_minutes", () => true],
    ["full_resolution", "full_resolution_minutes", solved],
    ["requester_wait", "requester_wait_minutes", solved],
  ] as const) {
    it(`${id} on both clocks`, async () => {
      for (const clock of ["calendar", "business"] as const) {
        const col = (clock === "business" ? `${field}_business` : field) as keyof Ticket;
        const xs = nums(tickets.filter(pick).map((t) => t[col] as number | null));
        const r = await first(id, {clock});
        expect(r.n).toBe(xs.length);
        if (xs.length < 10) continue;
        expect(r.p50).toBeCloseTo(qc(xs, 0.5)!, 9);
        expect(r.p90).toBeCloseTo(qc(xs, 0.9)!, 9);
        expect(r.mean).toBeCloseTo(mean(xs), 9);
      }
    });
  }

  it("first reply by channel", async () => {
    for (const r of await get("first_reply", {by: "channel"})) {
      const xs = nums(tickets.filter((t) => t.channel === r.cut).map((t) => t.first_reply_minutes));
      expect(r.n).toBe(xs.length);
      expect(r.p50).toBeCloseTo(qc(xs, 0.5)!, 9);
    }
  });

  it("replies per ticket, one-touch, reopen rate, target attainment", async () => {
    const s = tickets.filter(solved);
    expect((await first("replies_per_ticket")).value).toBeCloseTo(mean(nums(s.map((t) => t.replies))), 12);
    const den = s.filter((t) => (t.replies ?? 0) >= 1);
    const num = den.filter((t) => t.replies === 1 && (t.reopens ?? 0) === 0);
    expect(await first("one_touch")).toMatchObject({n: den.length, numerator: num.length});
    const once = tickets.filter((t) => solved(t) || (t.reopens ?? 0) >= 1);
    expect(await first("reopen_rate")).toMatchObject({
      n: once.length,
      numerator: once.filter((t) => (t.reopens ?? 0) >= 1).length,
    });
    const target: Record<string, number> = {
      chat: 1,
      messaging: 1,
      phone: 1,
      social: 60,
      email: 1440,
      web: 1440,
    };
    const judged = tickets.filter((t) => t.first_reply_minutes !== null && t.channel in target);
    expect(await first("target_attainment")).toMatchObject({
      n: judged.length,
      numerator: judged.filter((t) => t.first_reply_minutes! <= target[t.channel]!).length,
    });
  });

  it("CSAT, its response rate and NPS", async () => {
    const csatResponses = responses.filter((r) => r.kind === "csat");
    const linked = new Set(csatResponses.map((r) => r.ticket_id));
    const good = (r: SurveyResponse) =>
      r.score >= (r.scale_max - r.scale_min + 1 >= 4 ? r.scale_max - 1 : r.scale_max);
    const ticketVotes = tickets.filter(
      (t) => (t.satisfaction === "good" || t.satisfaction === "bad") && !linked.has(t.ticket_id),
    );
    const n = csatResponses.length + ticketVotes.length;
    const k = csatResponses.filter(good).length + ticketVotes.filter((t) => t.satisfaction === "good").length;
    expect(await first("csat")).toMatchObject({n, numerator: k});
    const offered = tickets.filter((t) => ["offered", "good", "bad"].includes(t.satisfaction ?? ""));
    const answered = offered.filter((t) => t.satisfaction !== "offered");
    expect((await first("csat_response_rate")).value).toBeCloseTo(answered.length / offered.length, 12);
    const nps = responses.filter((r) => r.kind === "nps");
    const p = nps.filter((r) => r.score >= 9).length / nps.length;
    const d = nps.filter((r) => r.score <= 6).length / nps.length;
    const r = await first("nps");
    expect(r.value).toBeCloseTo(100 * (p - d), 9);
    expect(r.moe).toBeCloseTo(196 * Math.sqrt((p + d - (p - d) ** 2) / nps.length), 9);
  });

  it("volume by channel, by hour and by day with the planted spike", async () => {
    for (const r of await get("volume_by_channel")) {
      expect(r.tickets).toBe(tickets.filter((t) => t.channel === r.cut || t.channel === r.channel).length);
    }
    const cells = new Map<string, number>();
    for (const t of tickets) {
      const key = `${weekdayOf(dateOf(t.created_at))}/${hourOf(t.created_at)}`;
      cells.set(key, (cells.get(key) ?? 0) + 1);
    }
    for (const r of await get("volume_by_hour"))
      expect(r.tickets).toBe(cells.get(`${r.weekday}/${r.hour}`) ?? 0);
    const days = await get("volume_by_day");
    for (const r of days)
      expect(r.tickets).toBe(tickets.filter((t) => dateOf(t.created_at) === r.day).length);
    expect(days.filter((r) => r.spike).map((r) => r.day)).toEqual(["2024-03-21"]);
  });

  it("backlog on every day", async () => {
    for (const r of await get("backlog")) {
      const open = tickets.filter(
        (t) => dateOf(t.created_at) <= String(r.day) && !(solved(t) && dateOf(t.solved_at!) <= String(r.day)),
      );
      expect(r.open, String(r.day)).toBe(open.length);
    }
  });

  it("active agents, tickets per agent per month, coverage hours, cost per contact", async () => {
    const agents = new Set(tickets.map((t) => t.assignee).filter(Boolean)).size;
    expect(await first("active_agents")).toMatchObject({value: agents});
    const dates = tickets.map((t) => dateOf(t.created_at)).sort();
    const span = (Date.parse(dates.at(-1)!) - Date.parse(dates[0]!)) / 86_400_000 + 1;
    const months = span / 30.436875;
    expect((await first("tickets_per_agent_month")).value).toBeCloseTo(600 / months / agents, 9);
    // Coverage: distinct (week, weekday, hour) of replies and solves, over the ISO weeks spanned.
    const monday = (date: string) => {
      const t = Date.parse(`${date}T00:00:00Z`);
      return new Date(t - (weekdayOf(date) - 1) * 86_400_000).toISOString().slice(0, 10);
    };
    const weeks = new Set<string>();
    for (
      let t = Date.parse(`${dates[0]}T00:00:00Z`);
      t <= Date.parse(`${dates.at(-1)}T00:00:00Z`);
      t += 86_400_000
    ) {
      weeks.add(monday(new Date(t).toISOString().slice(0, 10)));
    }
    const slots = new Set<string>();
    for (const t of tickets) {
      const acts = [
        t.first_reply_minutes === null ? null : t.created_at + Math.round(t.first_reply_minutes * 60_000),
        solved(t) ? t.solved_at : null,
      ];
      for (const at of nums(acts)) {
        const d = dateOf(at);
        if (weeks.has(monday(d))) slots.add(`${monday(d)}/${weekdayOf(d)}/${hourOf(at)}`);
      }
    }
    const weekend = [...slots].filter((s) => Number(s.split("/")[1]) >= 6).length;
    const c = await first("coverage_hours");
    expect(c.n).toBe(weeks.size);
    expect(c.weekday).toBeCloseTo((slots.size - weekend) / weeks.size, 12);
    expect(c.weekend).toBeCloseTo(weekend / weeks.size, 12);
    const cost = (await get("cost_per_contact", {costs: {email: 5000}})).find((r) => r.channel === "email")!;
    expect(cost.value).toBeCloseTo((5000 * months) / tickets.filter((t) => t.channel === "email").length, 9);
  });

  it("CSAT and NPS by first-reply bucket", async () => {
    const bucket = (m: number | null) =>
      m === null
        ? "no reply"
        : m < 60
          ? "< 1 h"
          : m < 240
            ? "1-4 h"
            : m < 1440
              ? "4-24 h"
              : m < 4320
                ? "1-3 d"
                : ">= 3 d";
    const byId = new Map(tickets.map((t) => [t.ticket_id, t]));
    const nps = responses.filter((r) => r.kind === "nps" && r.ticket_id !== null);
    for (const r of await get("nps_by_first_reply")) {
      const inBucket = nps.filter((x) => bucket(byId.get(x.ticket_id!)!.first_reply_minutes) === r.bucket);
      expect(r.n).toBe(inBucket.length);
      expect(r.promoters).toBe(inBucket.filter((x) => x.score >= 9).length);
    }
    const total = (await get("csat_by_first_reply")).reduce((s, r) => s + Number(r.n), 0);
    const csatLinked = responses.filter((r) => r.kind === "csat" && r.ticket_id !== null).length;
    const linked = new Set(responses.filter((r) => r.kind === "csat").map((r) => r.ticket_id));
    const ticketOnly = tickets.filter(
      (t) => (t.satisfaction === "good" || t.satisfaction === "bad") && !linked.has(t.ticket_id),
    );
    expect(total).toBe(csatLinked + ticketOnly.length);
  });
});
