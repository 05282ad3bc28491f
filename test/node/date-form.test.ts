/**
 * The date forms the native engine reads in SQL (loaders/node/ingest-native/date-form.ts): which
 * form the first rows give, and that a cell SQL accepts in a form is read by DuckDB as the core's
 * DateReader reads it.
 */
import {afterAll, beforeAll, describe, expect, it} from "vitest";
import {NativeRunner} from "../../loaders/node/duckdb-native.ts";
import {
  formCast,
  formText,
  formGuard,
  PLAIN_ISO,
  sampleForm,
  type DateForm,
} from "../../loaders/node/ingest-native/date-form.ts";
import {lit} from "../../loaders/metrics/sql.ts";
import {DateReader} from "../../loaders/text/dates.ts";

const slash = (format: string): DateForm => ({kind: "slash", format});

describe("sampleForm: the form of a column from its first values", () => {
  const cases: [string, (string | null)[], boolean | undefined, DateForm][] = [
    ["ISO with a space", ["2024-01-05 10:00:00"], undefined, PLAIN_ISO],
    ["ISO with T and Z, after blanks", [null, "", "2024-01-05T10:00:00Z"], undefined, {kind: "iso", t: true, z: true}],
    ["the first value decides", ["2024-01-05T10:00:00", "2024-01-05 10:00:00Z"], false, {kind: "iso", t: true, z: false}],
    ["month first, 12-hour clock", ["04/13/2024 09:05 PM"], false, slash("%m/%d/%Y %I:%M %p")],
    ["day first, seconds", ["13/04/2024 21:05:59"], true, slash("%d/%m/%Y %H:%M:%S")],
    ["unpadded fields, two-digit year", ["4/13/24 9:05"], false, slash("%-m/%d/%y %-H:%M")],
    ["padding told by a later value", ["12/13/2024 10:00", "1/13/2024 9:00"], false, slash("%-m/%d/%Y %-H:%M")],
    ["values of another shape do not tell", ["12/13/2024 10:00", "1/13/24"], false, slash("%m/%d/%Y %H:%M")],
    ["a date alone", ["n/a", "3/4/2024"], true, slash("%-d/%-m/%Y")],
    ["order not settled: left to the core", ["04/03/2024 10:00"], undefined, PLAIN_ISO],
    ["dotted dates: left to the core", ["13.04.2024 10:00"], true, PLAIN_ISO],
    ["lower-case am/pm: left to the core", ["04/13/2024 9:05 pm"], false, PLAIN_ISO],
    ["nothing readable", ["yesterday", "1714557600"], false, PLAIN_ISO],
  ]; // prettier-ignore
  it.each(cases)("%s", (_, values, dayFirst, form) => {
    expect(sampleForm(values, dayFirst)).toEqual(form);
  });
});

describe("a cell SQL reads in its form is read as the core reads it", () => {
  let runner: NativeRunner;
  beforeAll(async () => {
    runner = await NativeRunner.create();
  });
  afterAll(() => runner.close());

  const forms: [DateForm, boolean | undefined][] = [
    [PLAIN_ISO, undefined],
    [{kind: "iso", t: true, z: true}, undefined],
    [slash("%m/%d/%Y %I:%M %p"), false],
    [slash("%-m/%-d/%y %-H:%M"), false],
    [slash("%d/%m/%Y %H:%M:%S"), true],
    [slash("%-d/%-m/%y"), true],
  ];
  it.each(forms)("%j", async (form, dayFirst) => {
    // Instants every 61 h 7 min 13 s from 1960 to 2080: every hour, minute and second, both halves
    // of the day, both centuries of two-digit years.
    const step = ((61 * 60 + 7) * 60 + 13) * 1000;
    const rows = await runner.rows(`
      SELECT text, epoch_ms(v)::DOUBLE AS ms, ${formText("v", form)} = text AND ${formGuard("v", form)} AS fast
      FROM (SELECT text, ${formCast("text", form)} AS v
        FROM (SELECT ${formText("make_timestamp(t * 1000)", form)} AS text
          FROM range(${Date.UTC(1960, 0, 1)}, ${Date.UTC(2080, 0, 1)}, ${step}) r(t)))`);
    expect(rows.length).toBeGreaterThan(17_000);
    const reader = new DateReader({tz: "UTC", dayFirst});
    let fast = 0;
    for (const row of rows) {
      if (!row.fast) continue;
      fast++;
      expect(row.ms, row.text as string).toBe(reader.read(row.text as string));
    }
    // Only the year 69 of two-digit forms (2069 to the core, 1969 to DuckDB) is left to the core.
    expect(fast).toBeGreaterThan(rows.length * 0.98);
  });

  it("texts in no form of the column are left to the core", async () => {
    const texts = [
      "2024-01-05 10:00:00.0005", "2024-01-05 10:00:00.123456",
      "2024-01-05 10:00:00.5", " 2024-01-05 10:00:00", "2024-1-5 10:00:00", "2024-01-05 24:00:00",
      "0999-01-05 10:00:00", "2024-02-30 10:00:00", "2024-01-05 10:00:00+02",
    ]; // prettier-ignore
    const rows = await runner.rows(
      `SELECT count(*) FILTER (WHERE ${formText("v", PLAIN_ISO)} = text AND ${formGuard("v", PLAIN_ISO)})::DOUBLE AS fast ` +
        `FROM (SELECT text, ${formCast("text", PLAIN_ISO)} AS v FROM (VALUES ${texts.map((t) => `(${lit(t)})`).join(", ")}) t(text))`,
    );
    expect(rows[0]!.fast).toBe(0);
  });
});
