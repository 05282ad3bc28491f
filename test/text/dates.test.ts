import {describe, expect, it} from "vitest";
import {DateReader, parseInstant, type DateOptions} from "../../loaders/text/dates.ts";
import {localToUtc} from "../../loaders/text/tz.ts";

const ROWS: {name: string; input: string; options?: DateOptions; expected: string | null}[] = [
  {name: "ISO with Z", input: "2019-06-03T02:23:47Z", expected: "2019-06-03T02:23:47.000Z"},
  {name: "ISO with offset", input: "2014-12-31T12:27:09+10:00", expected: "2014-12-31T02:27:09.000Z"},
  {name: "ISO with fraction", input: "2024-05-01T10:00:00.250Z", expected: "2024-05-01T10:00:00.250Z"},
  {name: "ISO without offset in UTC", input: "2024-05-01T10:00:00", expected: "2024-05-01T10:00:00.000Z"},
  {
    name: "space form in a zone",
    input: "2024-07-01 12:00:00",
    options: {tz: "Europe/Paris"},
    expected: "2024-07-01T10:00:00.000Z",
  },
  {
    name: "date only",
    input: "2024-01-15",
    options: {tz: "America/New_York"},
    expected: "2024-01-15T05:00:00.000Z",
  },
  {
    name: "dd/mm/yyyy forced",
    input: "03/04/2024 09:15",
    options: {dayFirst: true},
    expected: "2024-04-03T09:15:00.000Z",
  },
  {name: "dd/mm/yyyy told by a day above 12", input: "25/12/2023", expected: "2023-12-25T00:00:00.000Z"},
  {name: "US m/d/yyyy h:mm:ss", input: "11/1/2019 8:51:12", expected: "2019-11-01T08:51:12.000Z"},
  {name: "US m/d/yy h:mm PM", input: "2/19/20 1:54 PM", expected: "2020-02-19T13:54:00.000Z"},
  {name: "US 12 AM is midnight", input: "2/19/2020 12:05 AM", expected: "2020-02-19T00:05:00.000Z"},
  {name: "dotted German date is day-first", input: "03.04.2024 10:00", expected: "2024-04-03T10:00:00.000Z"},
  {name: "month name", input: "12/Mar/24 3:04 PM", expected: "2024-03-12T15:04:00.000Z"},
  {name: "Unix seconds", input: "1723660897", expected: "2024-08-14T18:41:37.000Z"},
  {name: "Unix milliseconds", input: "1723660897123", expected: "2024-08-14T18:41:37.123Z"},
  {name: "blank", input: "  ", expected: null},
];

describe("DateReader.read", () => {
  for (const row of ROWS) {
    it(row.name, () => {
      const v = parseInstant(row.input, row.options);
      expect(v === null ? null : new Date(v).toISOString()).toBe(row.expected);
    });
  }

  it("rejects an impossible date with a reason", () => {
    const r = new DateReader();
    expect(r.read("2024-02-30 10:00:00")).toBeNaN();
    expect(r.error).toMatch(/impossible/);
  });

  it("rejects a value that contradicts the order inferred from earlier values", () => {
    const r = new DateReader();
    r.observe("25/12/2023");
    expect(r.read("12/25/2023")).toBeNaN();
    expect(r.error).toMatch(/dd\/mm\/yyyy/);
  });

  it("assumes month-first when nothing tells, and says so", () => {
    const r = new DateReader();
    expect(new Date(r.read("03/04/2024")!).toISOString()).toBe("2024-03-04T00:00:00.000Z");
    expect(r.assumedOrder).toBe(true);
  });
});

const DST: {name: string; tz: string; local: string; expected: string}[] = [
  {
    name: "Paris winter",
    tz: "Europe/Paris",
    local: "2024-01-10T12:00:00Z",
    expected: "2024-01-10T11:00:00.000Z",
  },
  {
    name: "Paris summer",
    tz: "Europe/Paris",
    local: "2024-07-10T12:00:00Z",
    expected: "2024-07-10T10:00:00.000Z",
  },
  {
    name: "Paris gap 02:30 shifts forward to 03:30 CEST",
    tz: "Europe/Paris",
    local: "2024-03-31T02:30:00Z",
    expected: "2024-03-31T01:30:00.000Z",
  },
  {
    name: "Paris overlap 02:30 takes the earlier (CEST)",
    tz: "Europe/Paris",
    local: "2024-10-27T02:30:00Z",
    expected: "2024-10-27T00:30:00.000Z",
  },
  {
    name: "New York gap",
    tz: "America/New_York",
    local: "2024-03-10T02:30:00Z",
    expected: "2024-03-10T07:30:00.000Z",
  },
  {
    name: "New York overlap",
    tz: "America/New_York",
    local: "2024-11-03T01:30:00Z",
    expected: "2024-11-03T05:30:00.000Z",
  },
  {
    name: "New York just after the overlap",
    tz: "America/New_York",
    local: "2024-11-03T02:00:00Z",
    expected: "2024-11-03T07:00:00.000Z",
  },
  {
    name: "Sydney (southern summer)",
    tz: "Australia/Sydney",
    local: "2024-01-10T12:00:00Z",
    expected: "2024-01-10T01:00:00.000Z",
  },
  {
    name: "Kathmandu +05:45",
    tz: "Asia/Kathmandu",
    local: "2024-01-10T12:00:00Z",
    expected: "2024-01-10T06:15:00.000Z",
  },
];

describe("localToUtc", () => {
  for (const row of DST) {
    it(row.name, () =>
      expect(new Date(localToUtc(Date.parse(row.local), row.tz)).toISOString()).toBe(row.expected),
    );
  }
});
