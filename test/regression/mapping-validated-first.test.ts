/**
 * A mapping file is checked whole before any row is read: an unknown key or value, at any level,
 * is a usage error (exit 2) naming it and the nearest valid one, and no dataset is written.
 * Numeric activity codes are read as their text. A mapping given for a folder applies to the
 * files it fits; the others are read by detection, and README, mapping and other files that are
 * never exports are skipped with one line.
 */
import {existsSync} from "node:fs";
import {mkdir, mkdtemp, rm, writeFile} from "node:fs/promises";
import {tmpdir} from "node:os";
import path from "node:path";
import {afterEach, beforeEach, describe, expect, it} from "vitest";
import {readDataset} from "../../loaders/node/dataset.ts";
import {zendeskCsv} from "../node/engine-inputs.ts";
import {runCli} from "../node/run-cli.ts";

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "servicebench-mapping-"));
  await mkdir(path.join(dir, "exports"));
});
afterEach(() => rm(dir, {recursive: true, force: true}));

const GENERIC = "Case,Opened,Closed,State\nC-1,2024-05-01 10:00:00,2024-05-01 12:00:00,Done\n";

async function ingestWith(mapping: unknown, files: Record<string, string> = {"cases.csv": GENERIC}) {
  for (const [name, text] of Object.entries(files)) await writeFile(path.join(dir, "exports", name), text);
  const file = path.join(dir, "exports", "mapping.json");
  await writeFile(file, JSON.stringify(mapping));
  const out = path.join(dir, "dataset");
  const run = await runCli([
    "ingest",
    path.join(dir, "exports"),
    "--org",
    "acme",
    "--out",
    out,
    "--mapping",
    file,
  ]);
  return {...run, out};
}

const COLUMNS = {ticket_id: "Case", created_at: "Opened", solved_at: "Closed", status: "State"};

describe("mapping files are validated strictly before any row is read", () => {
  it.each([
    [
      "a value",
      {columns: COLUMNS, values: {status: {Done: "resolved"}}},
      'values.status.Done: "resolved" is not one of new, open, pending, hold, solved, closed, excluded (did you mean "solved"?)',
    ],
    [
      "a column key",
      {columns: {...COLUMNS, resolved_at: "Closed"}},
      'columns: unknown key "resolved_at" (did you mean "solved_at"?)',
    ],
    [
      "a units key",
      {columns: COLUMNS, units: {first_reply: "hours"}},
      'units: unknown key "first_reply" (did you mean "first_reply_at"?)',
    ],
    [
      "a unit",
      {columns: COLUMNS, units: {first_reply_minutes: "hour"}},
      '"hour" is not one of seconds, minutes, hours, days (did you mean "hours"?)',
    ],
    [
      "a top-level key",
      {columns: COLUMNS, timezone: "Europe/Paris"},
      'unknown key "timezone" (did you mean "tz"?)',
    ],
    ["a zone", {columns: COLUMNS, tz: "Europe/Pariss"}, 'tz: "Europe/Pariss" is not an IANA time zone'],
    [
      "an event-log activity",
      {
        columns: {ticket_id: "Case", activity: "What", timestamp: "When"},
        activities: {first_reply: ["r"], resolved: ["s"]},
      },
      'activities: unknown key "resolved" (did you mean "solved"?)',
    ],
  ])("an unknown %s is a usage error naming it", async (_what, mapping, message) => {
    const r = await ingestWith(mapping);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(message);
    expect(existsSync(r.out)).toBe(false);
  });

  it("numeric activity codes are read as their text", async () => {
    const log = "Case,What,When\n7,1,2024-05-01 10:00:00\n7,2,2024-05-01 10:45:00\n7,3,2024-05-01 12:00:00\n";
    const mapping = {
      format: "event-log",
      columns: {ticket_id: "Case", activity: "What", timestamp: "When"},
      activities: {created: [1], first_reply: [2], solved: [3]},
    };
    const r = await ingestWith(mapping, {"log.csv": log});
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    const [t] = (await readDataset(r.out)).tickets;
    expect(t).toMatchObject({
      ticket_id: "7",
      first_reply_minutes: 45,
      full_resolution_minutes: 120,
      status: "solved",
    });
  });

  it("in a folder, the mapping reads the files it fits, detection the others, and non-exports are skipped", async () => {
    const r = await ingestWith(
      {columns: COLUMNS, values: {status: {Done: "solved"}}},
      {
        "cases.csv": GENERIC,
        "zendesk.csv": zendeskCsv([{Id: "9"}]),
        "README.txt": "Exports from the helpdesk, May 2024.\n",
        LICENSE: "Internal use only.\n",
      },
    );
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    const skipped = r.stdout.split("\n").filter((l) => l.startsWith("skipped"));
    expect(skipped).toHaveLength(1);
    for (const name of ["LICENSE", "README.txt", "mapping.json"]) expect(skipped[0]).toContain(name);
    const dataset = await readDataset(r.out);
    expect(dataset.manifest.files.map((f) => [path.basename(f.file), f.format])).toEqual([
      ["cases.csv", "generic-csv"],
      ["zendesk.csv", "zendesk-csv"],
    ]);
    // Two systems: the ids are kept apart (docs/dataset.md).
    expect(dataset.tickets.map((t) => t.ticket_id).sort()).toEqual(["generic:C-1", "zendesk:9"]);
  });

  it("a survey mapping reads the survey it fits, and a known survey layout beside it reads by its own columns", async () => {
    const r = await ingestWith(
      {format: "survey-csv", kind: "csat", columns: {score: "Q1", responded_at: "When"}},
      {
        "csat.csv": "Q1,When\n5,2024-05-01 10:00:00\n",
        "delighted.csv": "Response ID,Score,Comment,Response timestamp\nd1,9,,2024-05-01 10:00:00\n",
      },
    );
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    const dataset = await readDataset(r.out);
    expect(dataset.manifest.files.map((f) => f.format)).toEqual(["survey-csv", "delighted-csv"]);
    expect(dataset.responses.map((x) => [x.kind, x.score]).sort()).toEqual([
      ["csat", 5],
      ["nps", 9],
    ]);
  });
});
