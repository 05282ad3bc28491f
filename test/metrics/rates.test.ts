import {describe, expect, it} from "vitest";
import {UNKNOWN} from "../../loaders/metrics/unknown.ts";
import {many, one, response, rows, ticket} from "./helpers.ts";

describe("ticket rates", () => {
  it("one-touch: exactly one reply and no reopen, over solved tickets with a reply", async () => {
    const tickets = [
      ...many(6, () => ({replies: 1, reopens: 0})),
      ...many(2, () => ({replies: 1, reopens: null})), // null reopens: none happened
      ...many(1, () => ({replies: 1, reopens: 1})), // reopened after one reply
      ...many(3, () => ({replies: 3})),
      ...many(4, () => ({replies: 0})), // solved silently: not in the denominator
      ...many(2, () => ({replies: 1, status: "open", solved_at: null})), // unsolved
    ];
    expect(await one("one_touch", {tickets})).toMatchObject({n: 12, numerator: 8, value: 8 / 12});
  });

  it("reopen rate counts reopened tickets that are open again", async () => {
    const tickets = [
      ...many(8, () => ({reopens: 0})),
      ...many(1, () => ({reopens: 2})),
      ...many(1, () => ({reopens: 1, status: "open", solved_at: null})),
      ...many(5, () => ({status: "new", solved_at: null, reopens: null})),
    ];
    expect(await one("reopen_rate", {tickets})).toMatchObject({n: 10, numerator: 2, value: 0.2});
  });

  it("target attainment judges each channel against its own target", async () => {
    const tickets = [
      ...many(4, () => ({channel: "chat", first_reply_minutes: 0.5})),
      ...many(2, () => ({channel: "chat", first_reply_minutes: 1})), // on target counts as met
      ...many(2, () => ({channel: "chat", first_reply_minutes: 2})),
      ...many(2, () => ({channel: "email", first_reply_minutes: 1500})),
      ...many(3, () => ({channel: "api", first_reply_minutes: 1})), // no target: left out
      ...many(3, () => ({channel: "email", first_reply_minutes: null})), // no reply yet
    ];
    expect(await one("target_attainment", {tickets})).toMatchObject({n: 10, numerator: 6, value: 0.6});
    const edited = await one("target_attainment", {tickets}, {targets: {chat: 5, email: 2000}});
    expect(edited).toMatchObject({n: 10, numerator: 10});
  });

  it("replies per ticket averages solved tickets only", async () => {
    const tickets = [
      ...many(10, (i) => ({replies: i % 2 ? 1 : 3})),
      ...many(3, () => ({status: "open", replies: 9})),
    ];
    expect(await one("replies_per_ticket", {tickets})).toMatchObject({n: 10, value: 2, p50: 2});
  });
});

describe("CSAT", () => {
  const votes = (scores: number[], scale: [number, number]) =>
    scores.map((score) => response({score, scale_min: scale[0], scale_max: scale[1]}));

  it("counts the top two boxes on a 1-5 scale", async () => {
    const r = await one("csat", {tickets: [], responses: votes([5, 4, 3, 2, 1], [1, 5])});
    expect(r).toMatchObject({n: 5, numerator: 2, value: 0.4});
  });

  it("counts only the top box on a 1-3 scale and good on a 0-1 scale", async () => {
    const r = await one("csat", {
      tickets: [],
      responses: [...votes([3, 2, 1], [1, 3]), ...votes([1, 0], [0, 1])],
    });
    expect(r).toMatchObject({n: 5, numerator: 2});
  });

  it("gives the Wilson 95 % interval", async () => {
    const r = await one("csat", {tickets: [], responses: votes([5, 5, 5, 5, 1], [1, 5])});
    expect(r.value).toBe(0.8);
    // Hand computed: (0.8 + 0.38416 ± 1.96 sqrt(0.032 + 0.038416)) / 1.76832
    expect(r.ci_low).toBeCloseTo(0.3755, 4);
    expect(r.ci_high).toBeCloseTo(0.9638, 4);
  });

  it("one response is insufficient", async () => {
    const r = await one("csat", {tickets: [], responses: votes([5], [1, 5])});
    expect(r).toMatchObject({n: 1, value: null, ci_low: null, insufficient: true});
  });

  it("a ticket rating and its survey response are one vote", async () => {
    const tickets = many(5, () => ({satisfaction: "good"}));
    const linked = tickets.slice(0, 3).map((t) => response({ticket_id: t.ticket_id, score: 1}));
    const r = await one("csat", {tickets, responses: linked});
    expect(r).toMatchObject({n: 5, numerator: 2});
  });

  it("response rate is answered over offered, and unknown without unanswered surveys", async () => {
    const rated = many(10, (i) => ({satisfaction: i < 4 ? "good" : i < 5 ? "bad" : "offered"}));
    expect(await one("csat_response_rate", {tickets: rated})).toMatchObject({
      n: 10,
      numerator: 5,
      value: 0.5,
    });
    const onlyAnswered = many(10, () => ({satisfaction: "good"}));
    expect(await one("csat_response_rate", {tickets: onlyAnswered})).toMatchObject({n: 10, value: null});
    const none = many(10, () => ({satisfaction: null}));
    expect(await one("csat_response_rate", {tickets: none})).toMatchObject({n: 0, value: null});
  });

  it("CSAT by first-reply bucket uses the rated ticket's first reply", async () => {
    const fast = many(5, () => ({first_reply_minutes: 10}));
    const slow = many(5, () => ({first_reply_minutes: 5000}));
    const responses = [
      ...fast.map((t) => response({ticket_id: t.ticket_id, score: 5})),
      ...slow.map((t, i) => response({ticket_id: t.ticket_id, score: i === 0 ? 5 : 1})),
      response({score: 5}), // not linked: left out
    ];
    const out = await rows("csat_by_first_reply", {tickets: [...fast, ...slow], responses});
    expect(out.map((r) => [r.bucket, r.n, r.value])).toEqual([
      ["< 1 h", 5, 1],
      [">= 3 d", 5, 0.2],
    ]);
  });
});

describe("NPS", () => {
  const nps = (scores: number[]) =>
    scores.map((score) => response({kind: "nps", score, scale_min: 0, scale_max: 10}));

  it("is % promoters minus % detractors with its 95 % margin", async () => {
    const r = await one("nps", {tickets: [], responses: nps([10, 10, 9, 9, 9, 8, 7, 6, 0, 3])});
    expect(r).toMatchObject({n: 10, promoters: 5, passives: 2, detractors: 3});
    expect(r.value).toBeCloseTo(20, 10);
    // 100 x 1.96 x sqrt((0.5 + 0.3 - 0.04) / 10)
    expect(r.moe).toBeCloseTo(54.0335, 3);
  });

  it("all promoters give 100 with a zero margin", async () => {
    const r = await one("nps", {tickets: [], responses: nps([9, 10, 10, 9, 10])});
    expect(r).toMatchObject({value: 100, moe: 0});
  });

  it("CSAT responses are not NPS responses: without any, NPS is unknown with its reason", async () => {
    expect(await rows("nps", {tickets: [ticket()], responses: [response()]})).toEqual([
      {
        cut: "all",
        n: 0,
        promoters: 0,
        passives: 0,
        detractors: 0,
        value: null,
        moe: null,
        insufficient: false,
        reason: UNKNOWN.nps,
      },
    ]);
  });
});
