import {describe, expect, it} from "vitest";
import {cardStanding} from "../../src/components/standing.ts";

const group = (over: {suppressed?: boolean} = {}) => ({
  suppressed: false,
  n: 600,
  p25: 40,
  p75: 300,
  value_rank: 35,
  standing: 65,
  ...over,
});

// The placement report's percentiles: first reply among all peers (and a smaller industry group).
const percentiles = {
  first_reply_p50_minutes: {value: 120, groups: {all: group(), industry: group({suppressed: true})}},
  csat: {value: 0.9, groups: {all: group({suppressed: true})}},
  nps: {value: null, groups: {industry: group()}},
};

const format = (x: number | null) => (x === null ? "–" : `${x} min`);
const calendar = {clock: "calendar", format};

describe("cardStanding", () => {
  it("returns the all-peers statistics, with the card's format", () =>
    expect(cardStanding("first_reply", percentiles, calendar)).toEqual({
      standing: 65,
      value_rank: 35,
      p25: 40,
      p75: 300,
      n: 600,
      format,
    }));

  it("gives none on business hours: peers are compared on the calendar clock", () =>
    expect(cardStanding("first_reply", percentiles, {clock: "business", format})).toBeNull());

  it("gives none when the all-peers group is suppressed", () =>
    expect(cardStanding("csat", percentiles, calendar)).toBeNull());

  it("gives none when the report has no all-peers group", () =>
    expect(cardStanding("nps", percentiles, calendar)).toBeNull());

  it("gives none for a KPI the report does not hold", () =>
    expect(cardStanding("reopen_rate", percentiles, calendar)).toBeNull());

  it("gives none for a KPI id with no panel statistic", () => {
    expect(cardStanding("volume_by_hour", percentiles, calendar)).toBeNull();
    expect(cardStanding("no_such_kpi", percentiles, calendar)).toBeNull();
  });
});
