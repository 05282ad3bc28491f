/**
 * The leak test: a seeded-PII export (names, e-mails and phone numbers in every text field of
 * tickets, surveys and comments; a Zendesk CSV, a survey CSV and a generic CSV with a mapping)
 * ingested with the command line. None of the seeded strings may reach the dataset's shipped
 * tables (read with DuckDB), rejects.csv, profile.json or manifest.json, nor any absolute path.
 * The site built over the same export is searched by test/browser/privacy-leak.test.ts.
 */
import {mkdtemp, readFile, rm, stat} from "node:fs/promises";
import {tmpdir} from "node:os";
import path from "node:path";
import {afterAll, beforeAll, describe, expect, it} from "vitest";
import {NativeRunner} from "../../loaders/node/duckdb-native.ts";
import {runCli, type CliRun} from "../node/run-cli.ts";
import {leaksIn} from "./leaks.ts";
import {SEEDED, writeSeededExport} from "./seeded-export.ts";

describe("a seeded-PII export leaves no personal data in the dataset", () => {
  let dir: string;
  let out: string;
  let run: CliRun;
  const shipped: Record<string, string> = {};

  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), "servicebench-leak-"));
    const {exports, mapping} = await writeSeededExport(dir);
    out = path.join(dir, "dataset");
    run = await runCli([
      "ingest",
      exports,
      "--org",
      "leak",
      "--out",
      out,
      "--mapping",
      mapping,
      "--tz",
      "UTC",
    ]);
    const runner = await NativeRunner.create();
    try {
      for (const table of ["tickets", "responses"]) {
        const rows = await runner.rows(`SELECT * FROM read_parquet('${path.join(out, `${table}.parquet`)}')`);
        shipped[`${table}.parquet`] = JSON.stringify(rows, (_, v: unknown) =>
          typeof v === "bigint" ? String(v) : v,
        );
      }
    } finally {
      runner.close();
    }
    for (const f of ["rejects.csv", "profile.json", "manifest.json"])
      shipped[f] = await readFile(path.join(out, f), "utf8");
  });
  afterAll(async () => {
    if (dir) await rm(dir, {recursive: true, force: true});
  });

  it("reads every file: 4 tickets (one deleted, one invalid of 4 Zendesk rows; 2 generic), 3 responses", () => {
    // Zendesk: rows 1, 2 kept, 3 deleted, 4 an unreadable date; generic: 2 kept; survey: 2 of 3
    // answers (11 is out of range), and the CSAT carried on Zendesk ticket 1.
    expect(run.stdout).toContain("Wrote 4 tickets and 3 survey responses");
    expect(run.code).toBe(1);
  });

  it("no seeded name, address or phone number in any shipped table or file", () => {
    const leaks = Object.entries(shipped).flatMap(([name, text]) => leaksIn(name, text, SEEDED));
    expect(leaks).toEqual([]);
  });

  it("the masked fields are kept, with their placeholders: labels and verbatims still say something", () => {
    const tickets = shipped["tickets.parquet"]!;
    expect(tickets).toContain("Escalations [name]");
    expect(tickets).toContain("call [phone]");
    expect(tickets).toContain('"vip"');
    expect(shipped["responses.parquet"]).toContain("Thanks to [name]! [name] here, mail [email] or [phone]");
    expect(shipped["rejects.csv"]).toContain("not a date [phone]");
  });

  it("no absolute local path in any shipped file", () => {
    const leaks = Object.entries(shipped).flatMap(([name, text]) => leaksIn(name, text, [dir, tmpdir()]));
    expect(leaks).toEqual([]);
    expect(shipped["responses.parquet"]).toContain('"zendesk.csv#ticket-1"');
  });

  it("the private files are the owner's only (mode 0600)", async () => {
    for (const f of ["agents.private.csv", "salt.private"])
      expect(((await stat(path.join(out, f))).mode & 0o777).toString(8)).toBe("600");
  });
});
