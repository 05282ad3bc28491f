import {describe, expect, it} from "vitest";
import type {IngestOptions} from "../../loaders/ingest/index.ts";
import {run} from "./helpers.ts";

const T = (o: object) => JSON.stringify(o);
const zd = (id: number, extra: object = {}) => ({
  id,
  created_at: "2024-03-01T10:00:00Z",
  updated_at: "2024-03-02T10:00:00Z",
  status: "open",
  via: {channel: "web"},
  tags: [],
  ...extra,
});
const CSV_HEAD = "Id,Created at,Status,Via,Requester,First reply time in minutes\n";

interface Row {
  name: string;
  input: Record<string, string>;
  options?: Partial<IngestOptions>;
  problems: string[];
  tickets: number;
}

// Bad input: each gives one line naming file, line and field, and never throws.
const BAD: Row[] = [
  {
    name: "empty file",
    input: {"empty.csv": ""},
    problems: ["empty.csv:1: file: empty file (no header, no rows)"],
    tickets: 0,
  },
  {
    name: "whitespace-only file",
    input: {"blank.json": "  \n\n"},
    problems: ["blank.json:1: file: empty file (no header, no rows)"],
    tickets: 0,
  },
  {
    name: "truncated JSON keeps the records before the cut",
    input: {"cut.json": T({tickets: [zd(1), zd(2)]}).slice(0, -30)},
    problems: ["cut.json:1: json: truncated JSON: input ends inside a value that starts on line 1"],
    tickets: 1,
  },
  {
    name: "wrong delimiter",
    input: {"pipes.csv": "Id|Created at|Status\n1|2024-01-01|Open\n"},
    problems: ["pipes.csv:1: format: header has one column: the delimiter is not comma, semicolon or tab"],
    tickets: 0,
  },
  {
    name: "missing required column",
    input: {"t.csv": "Id,Subject,Requester,Via,Status\n1,x,y,Mail,Open\n"},
    options: {format: "zendesk-csv"},
    problems: ['t.csv:1: created_at: missing required column "Created at" (or "Requested")'],
    tickets: 0,
  },
  {
    name: "negative duration",
    input: {
      "t.csv": `${CSV_HEAD}1,2024-01-01 10:00:00,Open,Mail,x,-5\n2,2024-01-01 10:00:00,Open,Mail,x,5\n`,
    },
    problems: ["t.csv:2: first_reply_minutes: negative duration (-5)"],
    tickets: 1,
  },
  {
    name: "date in the future (injected clock)",
    input: {"tickets.csv": `${CSV_HEAD}1,2031-02-01 10:00:00,Open,Mail,x,\n`},
    problems: ["tickets.csv:2: created_at: date in the future (2031-02-01)"],
    tickets: 0,
  },
  {
    name: "unreadable date and number",
    input: {"t.csv": `${CSV_HEAD}1,yesterday,Open,Mail,x,\n2,2024-01-01 10:00:00,Open,Mail,x,ten\n`},
    problems: [
      't.csv:2: created_at: unreadable date "yesterday"',
      't.csv:3: first_reply_minutes: not a duration "ten"',
    ],
    tickets: 0,
  },
  {
    name: "unknown format",
    input: {"x.csv": "foo,bar\n1,2\n"},
    problems: ['x.csv:1: format: no known export has the header "foo, bar…"; give a mapping file'],
    tickets: 0,
  },
  {
    name: "unknown time zone",
    input: {"t.csv": `${CSV_HEAD}1,2024-01-01 10:00:00,Open,Mail,x,\n`},
    options: {tz: "Mars/Olympus"},
    problems: ['t.csv:0: tz: unknown time zone "Mars/Olympus"'],
    tickets: 0,
  },
  {
    name: "invalid mapping file",
    input: {"c.csv": "Case,Opened\n1,2024-01-01\n"},
    options: {mapping: {columns: {ticket_id: "Case"}}},
    problems: ["c.csv:1: mapping: invalid mapping: columns.created_at: missing (required)"],
    tickets: 0,
  },
];

describe("ingest: bad input gives one line per problem", () => {
  for (const row of BAD) {
    it(row.name, async () => {
      const r = await run(row.input, row.options);
      expect(r.problems).toEqual(row.problems);
      expect(r.tickets).toHaveLength(row.tickets);
    });
  }
});

describe("ingest: data hygiene", () => {
  it("deleted, merged (tag and merged_ticket_ids) and spam-like tickets are excluded and counted", async () => {
    const r = await run({
      "t.json": T({
        tickets: [
          zd(1),
          zd(2, {status: "deleted"}),
          zd(3, {tags: ["closed_by_merge"], status: "closed"}),
          zd(4, {merged_ticket_ids: [5]}),
          zd(5, {status: "closed"}),
        ],
      }),
    });
    expect(r.tickets.map((t) => t.ticket_id).sort()).toEqual(["1", "4"]);
    expect(r.manifest.files[0]).toMatchObject({
      rows_read: 5,
      accepted: 2,
      rejected: 3,
      excluded: {"deleted ticket": 1, "merged ticket (closed_by_merge)": 1, "merged ticket": 1},
    });
    expect(r.problems).toEqual([]);
    expect(r.rejects.every((x) => x.severity === "excluded")).toBe(true);
  });

  it("duplicates across incremental pages: latest updated_at wins, counted per file", async () => {
    const r = await run({
      "page1.json": T({tickets: [zd(1, {status: "open", updated_at: "2024-03-02T10:00:00Z"}), zd(2)]}),
      "page2.json": T({tickets: [zd(1, {status: "solved", updated_at: "2024-03-05T10:00:00Z"})]}),
      "page0.json": T({tickets: [zd(1, {status: "new", updated_at: "2024-03-01T11:00:00Z"})]}),
    });
    expect(r.tickets.find((t) => t.ticket_id === "1")!.status).toBe("solved");
    expect(r.manifest.files.map((f) => [f.accepted, f.duplicates])).toEqual([
      [1, 1],
      [1, 0],
      [0, 1],
    ]);
    expect(r.manifest.totals).toMatchObject({rows_read: 4, accepted: 2, duplicates: 2, tickets: 2});
  });

  it("nulls stay null: an unreplied ticket has no first reply, not 0", async () => {
    const r = await run({"t.csv": `${CSV_HEAD}1,2024-01-01 10:00:00,Open,Mail,x,\n`});
    expect(r.tickets[0]).toMatchObject({first_reply_minutes: null, replies: null, solved_at: null});
  });

  it("unknown channel kept raw and mapped to other, with a warning", async () => {
    const r = await run({"t.json": T({tickets: [zd(1, {via: {channel: "carrier_pigeon"}})]})});
    expect(r.tickets[0]).toMatchObject({channel: "other", channel_raw: "carrier_pigeon"});
    expect(r.warnings).toEqual([
      't.json:1: channel: unknown channel "carrier_pigeon" kept as channel_raw, counted as other',
    ]);
  });

  it("reject excerpts are short and masked", async () => {
    const r = await run({
      "t.csv":
        "Id,Created at,Status,Via,Requester email,Notes\n1,nope,Open,Mail,jane@example.com,call +33 6 12 34 56 78\n",
    });
    expect(r.rejects[0]!.excerpt).not.toMatch(/jane|12 34/);
    expect(r.rejects[0]!.excerpt.length).toBeLessThanOrEqual(120);
  });

  it("the same file in UTF-16 with semicolons and decimal commas reads the same", async () => {
    const text =
      "\uFEFFId;Created at;Status;Via;Requester;First reply time in minutes\r\n1;2024-01-01 10:00:00;Open;Mail;x;12,5\r\n";
    const bytes = new Uint8Array(text.length * 2);
    for (let i = 0; i < text.length; i++) {
      bytes[2 * i] = text.charCodeAt(i) & 0xff;
      bytes[2 * i + 1] = text.charCodeAt(i) >> 8;
    }
    const r = await run({"t.csv": bytes});
    expect(r.problems).toEqual([]);
    expect(r.tickets[0]).toMatchObject({ticket_id: "1", first_reply_minutes: 12.5, channel: "email"});
  });

  it("Windows-1252 CSV (é in a group name)", async () => {
    const head = new TextEncoder().encode(
      "Id,Created at,Status,Via,Requester,Group\n1,2024-01-01 10:00:00,Open,Mail,x,Soci",
    );
    const bytes = new Uint8Array([...head, 0xe9, 0x74, 0xe9, 0x0a]);
    const r = await run({"t.csv": bytes});
    expect(r.tickets[0]!.group).toBe("Société");
    expect(r.warnings).toContain("t.csv:1: encoding: not valid UTF-8: read as Windows-1252");
  });

  it("large inputs stream in small chunks with the same result", async () => {
    const rows = Array.from(
      {length: 300},
      (_, i) => `${i + 1},2024-01-01 10:00:00,Open,Mail,"x, ${i}",${i}`,
    ).join("\n");
    const a = await run({"t.csv": CSV_HEAD + rows});
    const b = await run({"t.csv": CSV_HEAD + rows}, {}, 7);
    expect(b.tickets).toEqual(a.tickets);
    expect(a.tickets).toHaveLength(300);
  });

  it("reports progress", async () => {
    const seen: number[] = [];
    await run(
      {"t.csv": `${CSV_HEAD}1,2024-01-01 10:00:00,Open,Mail,x,\n`},
      {onProgress: (p) => seen.push(p.rows)},
    );
    expect(seen.at(-1)).toBe(1);
  });
});
