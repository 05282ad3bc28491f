import {mkdir, mkdtemp, readFile, rm, writeFile} from "node:fs/promises";
import {tmpdir} from "node:os";
import path from "node:path";
import {csvParseRows} from "d3-dsv";
import {afterEach, beforeEach, describe, expect, it} from "vitest";
import {capProblems} from "../../loaders/node/commands/ingest.ts";
import {readDataset} from "../../loaders/node/dataset.ts";
import {runCli} from "./run-cli.ts";

/** A Zendesk incremental cursor page, shaped like the real export (see shared/fixtures). */
function page(tickets: object[]): string {
  return JSON.stringify({
    tickets,
    after_cursor: "abc",
    after_url: null,
    before_cursor: null,
    before_url: null,
    end_of_stream: true,
  });
}

function zticket(id: number, overrides: object = {}): object {
  return {
    id,
    url: `https://acme.zendesk.example/api/v2/tickets/${id}.json`,
    via: {channel: "email", source: {from: {address: "someone@example.com"}, to: {}, rel: null}},
    created_at: "2024-05-02T08:00:00Z",
    updated_at: "2024-05-02T10:00:00Z",
    generated_timestamp: 1714644000,
    type: "question",
    subject: "Where is my order?",
    priority: "normal",
    status: "solved",
    requester_id: 501,
    submitter_id: 501,
    assignee_id: 9001,
    group_id: 77,
    tags: ["delivery"],
    satisfaction_rating: {score: "unoffered"},
    ...overrides,
  };
}

let dir: string;
let out: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "servicebench-ingest-"));
  out = path.join(dir, "dataset");
  await mkdir(path.join(dir, "exports"));
});
afterEach(async () => {
  await rm(dir, {recursive: true, force: true});
});

async function exportFile(name: string, text: string): Promise<string> {
  const file = path.join(dir, "exports", name);
  await writeFile(file, text);
  return file;
}

const ingestArgs = (...extra: string[]) => [
  "ingest",
  path.join(dir, "exports"),
  "--org",
  "acme",
  "--out",
  out,
  ...extra,
];

describe("servicebench ingest", () => {
  it("exits 0 and prints a per-file summary on clean input", async () => {
    await exportFile("tickets.json", page([zticket(1), zticket(2, {assignee_id: 9002})]));
    const run = await runCli(ingestArgs());
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/file\s+format\s+rows read\s+accepted\s+rejected\s+duplicates\s+excluded/);
    expect(run.stdout).toMatch(/tickets\.json\s+zendesk-json\s+2\s+2\s+0\s+0\s+0/);
    expect(run.stdout).toContain(`Wrote 2 tickets and 0 survey responses to ${out}`);
    expect(run.stdout).toContain("agents.private.csv maps agent codes to names: keep it private");
    const dataset = await readDataset(out);
    expect(dataset.tickets.map((t) => t.ticket_id).sort()).toEqual(["1", "2"]);
    expect(dataset.profile).toMatchObject({org_id: "acme", timezone: "UTC"});
    expect(dataset.manifest.totals.accepted).toBe(2);
  });

  it("exits 1 on invalid rows, names file, line and field, and still writes the accepted rows", async () => {
    await exportFile("tickets.json", page([zticket(1), zticket(2, {created_at: "yesterday-ish"})]));
    const run = await runCli(ingestArgs());
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/tickets\.json:\d+: created_at: /);
    expect(run.stderr).not.toMatch(/\n\s+at /); // no stack trace
    expect(run.stdout).toMatch(/1 rows not kept \(1 invalid\): see .*rejects\.csv/);
    const dataset = await readDataset(out);
    expect(dataset.tickets.map((t) => t.ticket_id)).toEqual(["1"]);
  });

  it("exits 1 when a file cannot be read as any export", async () => {
    await exportFile("tickets.json", page([zticket(1)]));
    await exportFile("notes.txt", "");
    const run = await runCli(ingestArgs());
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/notes\.txt:\d+: file: empty file/);
  });

  it.each([
    ["a missing --org", ["ingest", "x.json", "--out", "o"]],
    ["a missing --out", ["ingest", "x.json", "--org", "acme"]],
    ["an unknown --format", ["--format", "excel97"]],
    ["an unknown --tz zone", ["--tz", "Mars/Olympus"]],
    ["both date orders", ["--day-first", "--month-first"]],
    ["an unreadable --mapping", ["--mapping", "/nonexistent/mapping.json"]],
    ["a bad --org id", ["--org", "../etc"]],
    ["an unknown --engine", ["--engine", "spark"]],
  ])("exits 2 on %s", async (_name, args) => {
    await exportFile("tickets.json", page([zticket(1)]));
    const argv = args[0] === "ingest" ? args : [...ingestArgs(), ...args];
    const run = await runCli(argv);
    expect(run.code).toBe(2);
    expect(run.stderr).not.toMatch(/\n\s+at /);
  });

  it("reads a ticket CSV with either engine into the same dataset, and invalid rows exit 1 both ways", async () => {
    const csv = [
      "Id,Requester,Assignee,Status,Via,Created at,Updated at,Solved at,Replies",
      "1,Jane,Agent 1,Solved,Mail,2024-05-02 08:00:00,2024-05-02 10:00:00,2024-05-02 10:00:00,2",
      "2,Jane,Agent 2,Open,Chat,2024-05-03 09:30:00,2024-05-03 09:45:00,,x",
      "3,Jane,,Deleted,Mail,2024-05-04 09:30:00,2024-05-04 09:45:00,,1",
    ].join("\n");
    await exportFile("tickets.csv", `${csv}\n`);
    const datasets = [];
    for (const engine of ["auto", "javascript"]) {
      const run = await runCli(ingestArgs("--tz", "Europe/Paris", "--engine", engine));
      expect(run.code).toBe(1);
      expect(run.stderr).toContain('tickets.csv:3: replies: not a whole number "x"');
      expect(run.stdout).toMatch(/tickets\.csv\s+zendesk-csv\s+3\s+1\s+2\s+0\s+1/);
      // The same directory twice: the second run keeps the first one's salt, so agent codes match.
      const {manifest, ...rest} = await readDataset(out);
      datasets.push({...rest, manifest: {...manifest, generated_at: ""}});
    }
    expect(datasets[0]).toEqual(datasets[1]);
    expect(datasets[0]!.tickets.map((t) => [t.ticket_id, t.created_at])).toEqual([
      ["1", Date.UTC(2024, 4, 2, 6)],
    ]);
  });

  it("exits 2 on a path that does not exist", async () => {
    const run = await runCli(["ingest", path.join(dir, "nope.json"), "--org", "acme", "--out", out]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("no such file or directory");
  });

  it("writes rejects.csv with no cell that a spreadsheet would run as a formula", async () => {
    await exportFile(
      "tickets.json",
      page([zticket(1, {created_at: '=HYPERLINK("http://x.example")'}), zticket(2, {status: "deleted"})]),
    );
    await exportFile("=cmd.csv", "=1+1,@SUM(A1)\n-2,+3\n");
    await runCli(ingestArgs());
    const rows = csvParseRows(await readFile(path.join(out, "rejects.csv"), "utf8"));
    expect(rows[0]).toEqual(["file", "line", "field", "reason", "excerpt", "severity"]);
    expect(rows.length).toBeGreaterThan(2);
    for (const row of rows) for (const cell of row) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
  });

  it("gives the same agent pseudonyms when a dataset is ingested again", async () => {
    await exportFile("tickets.json", page([zticket(1), zticket(2, {assignee_id: 9002})]));
    await runCli(ingestArgs());
    const first = await readDataset(out);
    const agents = await readFile(path.join(out, "agents.private.csv"), "utf8");
    await runCli(ingestArgs());
    const second = await readDataset(out);
    expect(second.tickets.map((t) => t.assignee)).toEqual(first.tickets.map((t) => t.assignee));
    expect(await readFile(path.join(out, "agents.private.csv"), "utf8")).toBe(agents);
    expect(first.tickets[0]?.assignee).toMatch(/^agent-/);
  });

  it("keeps the user's edits to profile.json across re-ingests", async () => {
    await exportFile("tickets.json", page([zticket(1)]));
    await runCli(ingestArgs("--tz", "Europe/Paris"));
    const file = path.join(out, "profile.json");
    const edited = {...JSON.parse(await readFile(file, "utf8")), display_name: "Acme Support", agents: 12};
    await writeFile(file, JSON.stringify(edited));
    const run = await runCli(ingestArgs());
    expect(run.code).toBe(0);
    expect((await readDataset(out)).profile).toMatchObject({
      display_name: "Acme Support",
      agents: 12,
      timezone: "Europe/Paris",
    });
  });

  it("refuses to mix two organisations in one dataset directory", async () => {
    await exportFile("tickets.json", page([zticket(1)]));
    await runCli(ingestArgs());
    const run = await runCli(["ingest", path.join(dir, "exports"), "--org", "other", "--out", out]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(`holds organisation "acme"`);
  });

  it("caps problem lines at 20 and points at rejects.csv for the rest", () => {
    const problems = Array.from({length: 23}, (_, i) => `f.csv:${i + 2}: score: out of range`);
    const capped = capProblems(problems, "out");
    expect(capped).toHaveLength(21);
    expect(capped[20]).toBe(`… and 3 more, see ${path.join("out", "rejects.csv")}`);
    expect(capProblems(problems.slice(0, 20), "out")).toHaveLength(20);
  });
});
