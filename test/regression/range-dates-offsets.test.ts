/** Dates and zones (issue 15): years 1-99 keep their year in any zone; offsets stay within +-14:59. */
import {describe, expect, it} from "vitest";
import {DateReader} from "../../loaders/text/dates.ts";
import {localToUtc} from "../../loaders/text/tz.ts";

const read = (raw: string, tz = "UTC") => {
  const r = new DateReader({tz});
  const v = r.read(raw);
  return v !== null && Number.isNaN(v) ? r.error : v;
};
/** The instant of a UTC wall time in year `y` (Date.UTC would read 0..99 as 1900..1999). */
const utc = (y: number, mo: number, d: number, h: number) =>
  new Date(Date.UTC(2000, mo - 1, d, h)).setUTCFullYear(y);

describe("dates and zones", () => {
  it("reads a local time of year 50 in Paris as year 50 (LMT +0:09:21), not 1,900 years off", () => {
    expect(read("0050-06-01 10:00:00", "Europe/Paris")).toBe(utc(50, 6, 1, 10) - 561_000);
    expect(localToUtc(utc(1, 1, 1, 0), "America/New_York")).toBe(utc(1, 1, 1, 0) + 17_762_000);
    expect(read("0500-06-01 10:00:00", "Europe/Paris")).toBe(utc(500, 6, 1, 10) - 561_000);
  });

  it("refuses offsets past +-14:59 and reads those within", () => {
    expect(read("2024-01-01T10:00:00+24:00")).toBe("offset +24:00 out of range (hours 0..14, minutes 0..59)");
    expect(read("2024-01-01T10:00:00+99:99")).toBe("offset +99:99 out of range (hours 0..14, minutes 0..59)");
    expect(read("2024-01-01T10:00:00-05:60")).toMatch(/^offset -05:60 out of range/);
    expect(read("Wed Oct 11 06:55:44 +1500 2017")).toMatch(/^offset \+1500 out of range/);
    expect(read("2024-01-01T10:00:00+14:00")).toBe(Date.UTC(2023, 11, 31, 20));
    expect(read("2024-01-01T10:00:00-12:00")).toBe(Date.UTC(2024, 0, 1, 22));
    expect(read("Wed Oct 11 06:55:44 +0530 2017")).toBe(Date.UTC(2017, 9, 11, 1, 25, 44));
  });
});
