import {describe, expect, it} from "vitest";
import {MAX_BARS, chartPlan, columnKind} from "../../src/components/chart-plan.ts";

describe("the quick chart's choice", () => {
  it("reads column kinds from the values", () => {
    const rows = [
      {a: 1, b: "2024-03", c: "2024-03-05", d: "email", e: null, f: true},
      {a: 2.5, b: "2024-04", c: null, d: "chat", e: null, f: false},
    ];
    expect(["a", "b", "c", "d", "e", "f"].map((c) => columnKind(rows, c))).toEqual([
      "number",
      "temporal",
      "temporal",
      "category",
      "category",
      "category",
    ]);
  });

  it("draws a category and a number as bars, the first number", () =>
    expect(
      chartPlan(
        [
          {period: "weekday", csat: 0.8, responses: 40},
          {period: "weekend", csat: 0.7, responses: 12},
        ],
        ["period", "csat", "responses"],
      ),
    ).toEqual({mark: "bars", x: "csat", y: ["period"]}));

  it("joins two categories into one bar label", () =>
    expect(chartPlan([{tag: "refund", period: "weekend", n: 3}], ["tag", "period", "n"])).toEqual({
      mark: "bars",
      x: "n",
      y: ["tag", "period"],
    }));

  it("draws a month and a number as a line, split by a small category", () => {
    const rows = [
      {month: "2024-03", channel: "email", tickets: 3},
      {month: "2024-04", channel: "chat", tickets: 4},
    ];
    expect(chartPlan(rows, ["month", "tickets"])).toEqual({mark: "line", x: "month", y: "tickets"});
    expect(chartPlan(rows, ["month", "channel", "tickets"])).toEqual({
      mark: "line",
      x: "month",
      y: "tickets",
      z: "channel",
    });
  });

  it("draws two numbers as dots", () =>
    expect(chartPlan([{hour: 9, csat: 0.8}], ["hour", "csat"])).toEqual({
      mark: "dots",
      x: "hour",
      y: "csat",
    }));

  it("says why when nothing fits", () => {
    expect(chartPlan([], ["a"])).toEqual({mark: "none", reason: "empty"});
    expect(chartPlan([{a: "x", b: "y"}], ["a", "b"])).toEqual({mark: "none", reason: "noNumber"});
    expect(chartPlan([{n: 5}], ["n"])).toEqual({mark: "none", reason: "nothingAgainst"});
    const many = Array.from({length: MAX_BARS + 1}, (_, i) => ({id: `t${i}`, n: i}));
    expect(chartPlan(many, ["id", "n"])).toEqual({mark: "none", reason: "tooMany", count: MAX_BARS + 1});
  });
});
