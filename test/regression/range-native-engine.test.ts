/**
 * The native DuckDB engine checks the ranges itself (issue 15): out-of-range durations, counts
 * and dates are rejected in its SQL with the core's words, so the run stays on DuckDB (a failure
 * there would hand it to the core and hide a missing rule) and both engines reject the same rows.
 */
import {mkdtemp, rm, writeFile} from "node:fs/promises";
import {tmpdir} from "node:os";
import path from "node:path";
import {afterAll, describe, expect, it} from "vitest";
import {defaultProfile} from "../../loaders/node/dataset.ts";
import {ingestToDataset} from "../../loaders/node/ingest-run.ts";
import {fileSource} from "../../loaders/node/sources.ts";

const dir = await mkdtemp(path.join(tmpdir(), "servicebench-range-native-"));
afterAll(() => rm(dir, {recursive: true, force: true}));

const CSV =
  "Id,Status,Via,Created at,Solved at,First reply time in minutes,Full resolution time in minutes,Replies,Reopens\n" +
  "1,Solved,Mail,2024-03-01 10:00:00,2024-03-02 10:00:00,5259600,30,2147483647,0\n" +
  "2,Solved,Mail,2024-03-01 10:00:00,2024-03-02 10:00:00,200000000000,30,1,0\n" +
  "3,Solved,Mail,2024-03-01 10:00:00,2024-03-02 10:00:00,30,5259601,1,0\n" +
  "4,Solved,Mail,2024-03-01 10:00:00,2024-03-02 10:00:00,30,40,2147483648,0\n" +
  "5,Solved,Mail,2024-03-01 10:00:00,2024-03-02 10:00:00,30,40,1,99999999999\n" +
  "6,Solved,Mail,1969-12-31 10:00:00,2024-03-02 10:00:00,30,40,1,0\n" +
  "7,Solved,Mail,2012-03-01 10:00:00,2024-03-02 10:00:00,30,,1,0\n";

describe("ranges in the native engine", () => {
  it("stays on DuckDB and rejects what the core rejects, worded alike", async () => {
    const file = path.join(dir, "z.csv");
    await writeFile(file, CSV);
    const runs = [];
    for (const engine of ["auto", "javascript"] as const) {
      const out = path.join(dir, engine);
      runs.push(
        await ingestToDataset(
          [fileSource(file, CSV.length, "z.csv")],
          {orgId: "o", salt: "s", now: Date.UTC(2025, 0, 1), engine},
          out,
          {profile: defaultProfile("o"), salt: "s"},
        ),
      );
    }
    const [native, core] = runs;
    expect(native!.engine).toBe("duckdb");
    expect(native!.declined).toBeNull();
    expect(core!.engine).toBe("javascript");
    expect(native!.problems).toEqual(core!.problems);
    expect(core!.problems).toEqual([
      "z.csv:3: first_reply_minutes: duration out of range (200000000000 minutes): at most 5259600 (10 years); check the unit",
      "z.csv:4: full_resolution_minutes: duration out of range (5259601 minutes): at most 5259600 (10 years); check the unit",
      "z.csv:5: replies: count out of range (2147483648): at most 2147483647",
      "z.csv:6: reopens: count out of range (99999999999): at most 2147483647",
      "z.csv:7: created_at: date before 1970 (1969-12-31): out of range",
      // Derived from the dates: 12 years between creation and solve.
      expect.stringMatching(/^z\.csv:8: full_resolution_minutes: duration out of range \(6\d{6} minutes\)/),
    ]);
    expect(native!.tickets).toBe(1);
  });
});
