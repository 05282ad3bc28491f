import {mkdtemp, readFile, rm, writeFile} from "node:fs/promises";
import {tmpdir} from "node:os";
import path from "node:path";
import {afterEach, beforeEach, describe, expect, it} from "vitest";
import {DuckDBInstance} from "@duckdb/node-api";
import type {Manifest, Reject, SurveyResponse, Ticket} from "../../loaders/schema/index.ts";
import {TICKET_COLUMNS} from "../../loaders/schema/index.ts";
import {
  DATASET_FILES,
  RESPONSE_TABLE,
  TICKET_TABLE,
  datasetSalt,
  defaultProfile,
  readDataset,
  readProfile,
  writeDataset,
} from "../../loaders/node/dataset.ts";

const t0 = Date.UTC(2024, 2, 31, 0, 30, 15, 250); // the night Paris moves to summer time

function ticket(overrides: Partial<Ticket> = {}): Ticket {
  return {
    org_id: "acme",
    ticket_id: "101",
    created_at: t0,
    updated_at: t0 + 3_600_000,
    channel: "email",
    channel_raw: "email",
    status: "solved",
    solved_at: t0 + 7_200_000,
    first_reply_minutes: 12.5,
    first_reply_minutes_business: 0,
    first_resolution_minutes: 120,
    first_resolution_minutes_business: null,
    full_resolution_minutes: 120,
    full_resolution_minutes_business: null,
    requester_wait_minutes: 60,
    requester_wait_minutes_business: null,
    agent_wait_minutes: null,
    agent_wait_minutes_business: null,
    replies: 2,
    reopens: 0,
    group: "Tier 1",
    assignee: "agent-7f3a",
    priority: "high",
    type: "question",
    tags: ["returns", 'vip, "quoted"'],
    satisfaction: "good",
    source_file: "exports/tickets.json",
    source_line: 7,
    ...overrides,
  };
}

const response: SurveyResponse = {
  org_id: "acme",
  response_id: "r1",
  ticket_id: "101",
  kind: "nps",
  score: 9,
  scale_min: 0,
  scale_max: 10,
  responded_at: t0 + 86_400_000,
  comment: "Great, mail me at [email]",
  channel: null,
  segment: null,
  source_file: "nps.csv",
  source_line: 2,
};

const manifest: Manifest = {
  org_id: "acme",
  generated_at: "2024-04-01T00:00:00.000Z",
  servicebench_version: "0.1.0",
  timezone: "Europe/Paris",
  files: [
    {
      file: "exports/tickets.json",
      format: "zendesk-json",
      content: "tickets",
      rows_read: 3,
      accepted: 2,
      rejected: 1,
      duplicates: 0,
      excluded: {},
    },
  ],
  totals: {rows_read: 3, accepted: 2, rejected: 1, duplicates: 0, tickets: 2, responses: 1},
};

const reject: Reject = {
  file: "exports/tickets.json",
  line: 3,
  field: "created_at",
  reason: '=HYPERLINK("http://evil")',
  excerpt: "@SUM(1+1)",
  severity: "invalid",
};

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "servicebench-dataset-"));
});
afterEach(async () => {
  await rm(dir, {recursive: true, force: true});
});

function contents(tickets: Ticket[]) {
  return {
    tickets,
    responses: [response],
    manifest,
    rejects: [reject],
    agents: [{code: "agent-7f3a", name: "-Ada Fictional"}],
    profile: defaultProfile("acme", "Europe/Paris"),
    salt: "0123456789abcdef",
  };
}

describe("dataset", () => {
  it("lists ticket columns in schema order with their storage types", () => {
    expect(TICKET_TABLE.map((c) => c.name)).toEqual(TICKET_COLUMNS);
    const types = Object.fromEntries(TICKET_TABLE.map((c) => [c.name, c.type]));
    expect(types).toMatchObject({
      created_at: "TIMESTAMP",
      solved_at: "TIMESTAMP",
      first_reply_minutes: "DOUBLE",
      replies: "INTEGER",
      tags: "VARCHAR[]",
      channel: "VARCHAR",
      source_line: "INTEGER",
    });
    expect(RESPONSE_TABLE.find((c) => c.name === "responded_at")?.type).toBe("TIMESTAMP");
  });

  it("reads back exactly what it wrote", async () => {
    const tickets = [
      ticket(),
      ticket({ticket_id: "102", tags: [], solved_at: null, replies: null, satisfaction: null}),
    ];
    await writeDataset(dir, contents(tickets));
    const back = await readDataset(dir);
    expect(back.tickets).toEqual(tickets);
    expect(back.responses).toEqual([response]);
    expect(back.manifest).toEqual(manifest);
    expect(back.profile.timezone).toBe("Europe/Paris");
  });

  it("stores instants as UTC TIMESTAMP and tags as VARCHAR[]", async () => {
    await writeDataset(dir, contents([ticket()]));
    const instance = await DuckDBInstance.create(":memory:");
    const connection = await instance.connect();
    const file = path.join(dir, DATASET_FILES.tickets);
    const described = await connection.runAndReadAll(`DESCRIBE SELECT * FROM '${file}'`);
    const types = Object.fromEntries(described.getRowObjectsJS().map((r) => [r.column_name, r.column_type]));
    expect(types.created_at).toBe("TIMESTAMP");
    expect(types.tags).toBe("VARCHAR[]");
    const value = await connection.runAndReadAll(
      `SELECT strftime(created_at, '%Y-%m-%d %H:%M:%S.%g') AS t FROM '${file}'`,
    );
    expect(value.getRowObjectsJS()[0]?.t).toBe("2024-03-31 00:30:15.250");
    connection.closeSync();
    instance.closeSync();
  });

  it("writes rejects.csv so no cell can start a spreadsheet formula", async () => {
    const nasty = ["=1+1", "+1", "-1", "@A1", "\tx", "\rx"];
    await writeDataset(dir, {
      ...contents([]),
      rejects: nasty.map((excerpt, i) => ({...reject, line: i, excerpt})),
    });
    const text = await readFile(path.join(dir, DATASET_FILES.rejects), "utf8");
    const lines = text.trimEnd().split("\n");
    expect(lines[0]).toBe("file,line,field,reason,excerpt,severity");
    const excerpts = lines.slice(1).map((line) => line.split(",").at(-2));
    expect(excerpts).toEqual(["'=1+1", "'+1", "'-1", "'@A1", "'\tx", `"'\rx"`]);
    expect(text).toContain(`"'=HYPERLINK(""http://evil"")"`);
    const agents = await readFile(path.join(dir, DATASET_FILES.agents), "utf8");
    expect(agents).toBe("code,name\nagent-7f3a,'-Ada Fictional\n");
  });

  it("keeps the salt so re-ingesting gives the same pseudonyms", async () => {
    const fresh = await datasetSalt(dir);
    expect(fresh).toMatch(/^[0-9a-f]{32}$/);
    expect(await datasetSalt(dir)).not.toBe(fresh); // nothing saved yet
    await writeDataset(dir, {...contents([]), salt: fresh});
    expect(await datasetSalt(dir)).toBe(fresh);
    expect(await readFile(path.join(dir, ".gitignore"), "utf8")).toBe("*.private*\n");
  });

  it("reports an invalid profile.json by file and field", async () => {
    const file = path.join(dir, "profile.json");
    await writeFile(file, JSON.stringify({...defaultProfile("acme"), country: "France"}));
    await expect(readProfile(file)).rejects.toMatchObject({
      problems: [expect.stringMatching(/profile\.json: country: /)],
    });
    await writeFile(file, "{");
    await expect(readProfile(file)).rejects.toMatchObject({
      problems: [expect.stringMatching(/not valid JSON/)],
    });
  });
});
