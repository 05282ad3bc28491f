/**
 * The hostile-input corpus: broken, odd and malicious export files, each with the outcome
 * `servicebench ingest` must give (exit code, a message it prints, manifest counts). Generated,
 * not committed, because some files are megabytes. `test/hostile/corpus.test.ts` runs every case;
 * `npx tsx scripts/hostile-corpus.ts <dir>` writes the files and `expected.json` for a look by hand.
 */
import {mkdir, symlink, writeFile} from "node:fs/promises";
import path from "node:path";
import {execFileSync} from "node:child_process";
import {zipSync, strToU8} from "fflate";

/** A file of a case: its content, or a symbolic link to another path of the case, or a FIFO. */
export type CorpusFile = string | Uint8Array | {link: string} | {fifo: true};

export interface CorpusCase {
  /** Folder name of the case, and what it pins. */
  name: string;
  files: Record<string, CorpusFile>;
  /** Paths given to `ingest`, relative to the case folder (default: the case folder itself). */
  inputs?: string[];
  /** Further options (`--format`, `--tz`...); `{out}` stands for the dataset directory. */
  args?: string[];
  expect: {
    code: 0 | 1 | 2;
    /** Printed (stdout or stderr), each. */
    messages?: (string | RegExp)[];
    /** Manifest totals, when a dataset is written. */
    totals?: Partial<
      Record<"rows_read" | "accepted" | "rejected" | "duplicates" | "tickets" | "responses", number>
    >;
  };
}

const ZD = "Id,Requester,Subject,Status,Via,Group,Created at,Solved at,First reply time in minutes,Replies";
const zrow = (id: number | string, more: Partial<Record<"subject" | "created" | "reply" | "replies" | "group", string>> = {}) =>
  [id, "Ann", more.subject ?? "Help", "Solved", "Mail", more.group ?? "Tier 1", more.created ?? "2024-03-01 10:00:00",
    "2024-03-02 10:00:00", more.reply ?? "30", more.replies ?? "1"].join(","); // prettier-ignore
const zendesk = (rows: string[]) => `${ZD}\n${rows.join("\n")}\n`;
const FD =
  "Ticket ID,Subject,Status,Priority,Source,Type,Agent,Group,Created time,Resolved time,First response time (in hrs),Resolution time (in hrs),Agent interactions";
const frow = (id: number, created = "2024-03-01 10:00:00") =>
  `${id},Help,Resolved,Low,Email,Question,Bob,G,${created},2024-03-02 10:00:00,1.5,24,2`;
const IC =
  "id,created_at,updated_at,state,source_type,source_delivered_as,waiting_since,conversation_rating_value";
const irow = (id: number, created = "1709287200") =>
  `${id},${created},1709373600,closed,email,customer_initiated,,5`;
const DELIGHTED = "Response ID,Score,Comment,Response timestamp,Person ID,Survey type";
const drow = (id: number, score = "9", at = "2024-03-01 10:00:00") => `${id},${score},fine,${at},p${id},nps`;
const SM1 =
  "Respondent ID,Collector ID,Start Date,End Date,How likely are you to recommend us to a friend?,Why?";
const SM2 = ",,,,Response,Open-Ended Response";
const smrow = (id: number, score = "9") => `${id},1,03/01/2024 10:00,03/01/2024 10:05,${score},ok`;
const TYPEFORM =
  "#,How likely are you to recommend us to a friend?,Start Date (UTC),Submit Date (UTC),Network ID";
const QUALTRICS = "StartDate,EndDate,Status,Finished,RecordedDate,ResponseId,DistributionChannel,Q1";
const GFORMS = "Timestamp,How likely are you to recommend us to a friend?";

const zjson = (tickets: object[]) => JSON.stringify({tickets, end_of_stream: true});
const zt = (id: number | string, more: object = {}) => ({
  id, created_at: "2024-03-01T10:00:00Z", updated_at: "2024-03-02T10:00:00Z", status: "solved",
  via: {channel: "email"}, tags: ["a"], ...more,
}); // prettier-ignore
const fdjson = (id: number, more: object = {}) => ({
  id, created_at: "2024-03-01T10:00:00Z", updated_at: "2024-03-02T10:00:00Z", status: 4, source: 1,
  priority: 1, requester_id: 5, responder_id: 6, spam: false, stats: {first_responded_at: "2024-03-01T11:00:00Z",
  resolved_at: "2024-03-02T10:00:00Z"}, ...more,
}); // prettier-ignore
const iconv = (id: number, more: object = {}) => ({
  type: "conversation", id: String(id), created_at: 1709287200, updated_at: 1709373600, state: "closed",
  source: {type: "email", delivered_as: "customer_initiated"}, statistics: {first_admin_reply_at: 1709290800},
  ...more,
}); // prettier-ignore
const EVENTS = "Case ID,Activity,Timestamp,Resource";
const EVENT_MAPPING = JSON.stringify({
  format: "event-log",
  columns: {ticket_id: "Case ID", activity: "Activity", timestamp: "Timestamp", agent: "Resource"},
  activities: {created: ["Opened"], first_reply: ["Replied"], solved: ["Resolved"]},
});
const GENERIC_MAPPING = JSON.stringify({
  format: "generic-csv",
  columns: {ticket_id: "Case", created_at: "Opened", solved_at: "Closed", status: "State"},
  values: {status: {Done: "solved"}},
});

/** A minimal XLSX workbook with one sheet of inline strings. */
function xlsx(rows: string[][]): Uint8Array {
  const cell = (v: string, r: number, c: number) =>
    `<c r="${String.fromCharCode(65 + c)}${r + 1}" t="inlineStr"><is><t>${v}</t></is></c>`;
  const sheet =
    `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>` +
    rows.map((row, r) => `<row r="${r + 1}">${row.map((v, c) => cell(v, r, c)).join("")}</row>`).join("") +
    `</sheetData></worksheet>`;
  return zipSync({
    "[Content_Types].xml": strToU8(
      `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>`,
    ),
    "xl/workbook.xml": strToU8(
      `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Tickets" sheetId="1" r:id="rId1"/></sheets></workbook>`,
    ),
    "xl/_rels/workbook.xml.rels": strToU8(
      `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`,
    ),
    "xl/worksheets/sheet1.xml": strToU8(sheet),
  });
}

/** Deterministic pseudo-random bytes (binary junk), seeded. */
function junk(n: number, seed: number): Uint8Array {
  const out = new Uint8Array(n);
  let x = seed >>> 0 || 1;
  for (let i = 0; i < n; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    out[i] = x & 0xff;
  }
  return out;
}

const utf16le = (text: string): Uint8Array => {
  const out = new Uint8Array(2 + text.length * 2);
  out.set([0xff, 0xfe]);
  for (let i = 0; i < text.length; i++) {
    out[2 + 2 * i] = text.charCodeAt(i) & 0xff;
    out[3 + 2 * i] = text.charCodeAt(i) >> 8;
  }
  return out;
};

const MB = 1 << 20;
const ESC = "\u001b";

/** Every case of the corpus (at least 60 files across formats). */
export function corpusCases(): CorpusCase[] {
  const many = (n: number, f: (k: number) => string) => Array.from({length: n}, (_, k) => f(k + 1));
  return [
    // --- Issue 15, 1: silent data loss ---
    {
      name: "open-quote-in-subject",
      files: {
        "zendesk.csv": zendesk([zrow(1), zrow(2, {subject: '"Help'}), ...many(200, (k) => zrow(k + 2))]),
      },
      expect: {
        code: 1,
        messages: ["zendesk.csv:3: row: unclosed quote opened on line 3"],
        totals: {rows_read: 202, accepted: 201, rejected: 1},
      },
    },
    {
      name: "symlinked-export",
      files: {
        "real/zendesk.csv": zendesk([zrow(1), zrow(2)]),
        "folder/link.csv": {link: "../real/zendesk.csv"},
      },
      inputs: ["folder"],
      expect: {code: 0, messages: ["followed symbolic links"], totals: {accepted: 2}},
    },
    {
      name: "symlink-loop",
      files: {"folder/zendesk.csv": zendesk([zrow(1)]), "folder/sub/loop": {link: ".."}},
      inputs: ["folder"],
      expect: {code: 0, messages: ["symbolic link loop"], totals: {accepted: 1}},
    },
    {
      name: "surveymonkey-one-header-row",
      files: {"sm.csv": `${SM1}\n${smrow(1)}\n${smrow(2, "3")}\n`},
      args: ["--month-first"],
      expect: {
        code: 1,
        messages: ["second header row is missing"],
        totals: {rows_read: 2, accepted: 0, rejected: 2},
      },
    },
    {
      name: "forced-format-fits-nothing-json",
      files: {"zendesk.json": zjson([zt(1), zt(2)])},
      args: ["--format", "intercom-json"],
      expect: {code: 1, messages: ["does not fit --format intercom-json"], totals: {accepted: 0}},
    },
    {
      name: "forced-format-fits-nothing-csv",
      files: {"zendesk.csv": zendesk([zrow(1), zrow(2)])},
      args: ["--format", "surveymonkey-csv"],
      expect: {code: 1, messages: ['missing column "Respondent ID"'], totals: {accepted: 0}},
    },
    {
      name: "json-trailing-garbage",
      files: {"zendesk.json": `${zjson([zt(1), zt(2)])} </html> garbage`},
      expect: {code: 1, messages: [/zendesk\.json:1: json: .*after/i]},
    },
    {
      name: "json-ids-above-2-53",
      files: {
        "zendesk.json": `{"tickets":[${JSON.stringify(zt(1))},${JSON.stringify(zt(2)).replace('"id":2', '"id":9007199254740993')},${JSON.stringify(zt(3)).replace('"id":3', '"id":9007199254740992')}]}`,
      },
      expect: {code: 0, totals: {accepted: 3, duplicates: 0, tickets: 3}},
    },
    // --- Issue 15, 4: accepted input that breaks everything after it ---
    {
      name: "duration-2e11-minutes",
      files: {"zendesk.csv": zendesk([zrow(1), zrow(2, {reply: "200000000000"})])},
      expect: {
        code: 1,
        messages: ["zendesk.csv:3: first_reply_minutes: duration out of range"],
        totals: {accepted: 1, rejected: 1},
      },
    },
    {
      name: "duration-1e308-json",
      files: {
        "zendesk.json": JSON.stringify({
          tickets: [zt(1), zt(2)],
          metric_sets: [{ticket_id: 2, replies: 1, reply_time_in_minutes: {calendar: 1e308, business: 1}}],
        }),
      },
      expect: {
        code: 1,
        messages: ["first_reply_minutes: duration out of range (1e+308 minutes)"],
        totals: {tickets: 2},
      },
    },
    {
      name: "duration-edge-10-years",
      files: {"zendesk.csv": zendesk([zrow(1, {reply: "5259600"}), zrow(2, {reply: "5259601"})])},
      expect: {
        code: 1,
        messages: ["zendesk.csv:3: first_reply_minutes: duration out of range (5259601 minutes)"],
        totals: {accepted: 1},
      },
    },
    {
      name: "count-2-31",
      files: {"zendesk.csv": zendesk([zrow(1, {replies: "2147483647"}), zrow(2, {replies: "2147483648"})])},
      expect: {
        code: 1,
        messages: ["zendesk.csv:3: replies: count out of range (2147483648)"],
        totals: {accepted: 1, rejected: 1},
      },
    },
    {
      name: "count-2-31-json",
      files: {
        "zendesk.json": JSON.stringify({
          tickets: [zt(1)],
          metric_sets: [{ticket_id: 1, replies: 4294967296}],
        }),
      },
      expect: {code: 1, messages: ["replies: count out of range (4294967296)"]},
    },
    {
      name: "date-before-1970",
      files: {"zendesk.csv": zendesk([zrow(1), zrow(2, {created: "1969-07-20 20:17:00"})])},
      expect: {code: 1, messages: ["zendesk.csv:3: created_at: date before 1970"], totals: {accepted: 1}},
    },
    {
      name: "year-50-local-time",
      files: {"zendesk.csv": zendesk([zrow(1), zrow(2, {created: "0050-06-01 10:00:00"})])},
      args: ["--tz", "Europe/Paris"],
      expect: {code: 1, messages: ["created_at: date before 1970 (0050-06-01)"], totals: {accepted: 1}},
    },
    {
      name: "offset-plus-24",
      files: {"zendesk.csv": zendesk([zrow(1), zrow(2, {created: "2024-03-01T10:00:00+24:00"})])},
      expect: {code: 1, messages: ["offset +24:00 out of range"], totals: {accepted: 1}},
    },
    {
      name: "offset-plus-99-99",
      files: {"zendesk.json": zjson([zt(1), zt(2, {created_at: "2024-03-01T10:00:00+99:99"})])},
      expect: {code: 1, messages: ["offset +99:99 out of range"], totals: {accepted: 1}},
    },
    {
      name: "date-in-the-future",
      files: {"zendesk.csv": zendesk([zrow(1), zrow(2, {created: "2099-01-01 00:00:00"})])},
      expect: {code: 1, messages: ["created_at: date in the future (2099-01-01)"], totals: {accepted: 1}},
    },
    {
      name: "out-names-a-file",
      files: {"zendesk.csv": zendesk([zrow(1)]), "taken.txt": "not a directory"},
      inputs: ["zendesk.csv"],
      args: ["--out", "{case}/taken.txt"],
      expect: {code: 2, messages: ["is a file, not a directory"]},
    },
    // --- Slow to fail, and the terminal ---
    {
      name: "fifo-named",
      files: {"pipe.csv": {fifo: true}},
      inputs: ["pipe.csv"],
      expect: {code: 2, messages: ["not a regular file but a FIFO"]},
    },
    {
      name: "fifo-in-folder",
      files: {"folder/pipe.csv": {fifo: true}, "folder/zendesk.csv": zendesk([zrow(1)])},
      inputs: ["folder"],
      expect: {code: 0, messages: ["not a regular file but a FIFO"], totals: {accepted: 1}},
    },
    {
      name: "terminal-escapes-in-header",
      files: {
        "x.csv": `Id,Status${ESC}[2J${ESC}]8;;http://x.example${ESC}\\,Created${ESC}[31m\u202e\n1,2,3\n`,
      },
      expect: {code: 1, messages: ["\\x1B[2J", "\\u202E"]},
    },
    {
      name: "terminal-escapes-in-value",
      files: {"zendesk.csv": zendesk([zrow(1), zrow(2, {created: `2024${ESC}[2J`})])},
      expect: {code: 1, messages: ["\\x1B[2J"], totals: {accepted: 1}},
    },
    {
      name: "huge-cell-4mb",
      files: {"zendesk.csv": zendesk([zrow(1), zrow(2, {subject: `"${"x".repeat(4 * MB)}"`}), zrow(3)])},
      expect: {code: 0, totals: {accepted: 3}},
    },
    {
      name: "huge-json-string-4mb",
      files: {"zendesk.json": zjson([zt(1, {description: "y".repeat(4 * MB)}), zt(2)])},
      expect: {code: 0, totals: {accepted: 2}},
    },
    {
      name: "line-of-commas-2mb",
      files: {"zendesk.csv": `${ZD}\n${zrow(1)}\n${",".repeat(2 * MB)}\n${zrow(2)}\n`},
      expect: {code: 1, messages: ["zendesk.csv:3"], totals: {accepted: 2}},
    },
    {
      name: "deep-json-nesting",
      files: {
        "zendesk.json": `{"tickets":[${JSON.stringify(zt(1)).slice(0, -1)},"custom":${"[".repeat(50_000)}${"]".repeat(50_000)}}]}`,
      },
      expect: {code: 0, totals: {accepted: 1}},
    },
    // --- Empty and not-exports ---
    {name: "empty-file", files: {"empty.csv": ""}, expect: {code: 1, messages: ["empty file"]}},
    {name: "bom-only", files: {"bom.csv": "\ufeff"}, expect: {code: 1, messages: ["empty file"]}},
    {name: "whitespace-only", files: {"blank.csv": "\n \n\t\n"}, expect: {code: 1, messages: ["empty file"]}},
    {
      name: "header-only",
      files: {"zendesk.csv": `${ZD}\n`},
      expect: {code: 0, totals: {rows_read: 0, tickets: 0}},
    },
    {
      name: "binary-junk",
      files: {"junk.csv": junk(64 * 1024, 7)},
      expect: {code: 1, messages: ["junk.csv:1: format:"]},
    },
    {
      name: "binary-junk-small",
      files: {"junk.bin": junk(100, 15)},
      expect: {code: 1, messages: ["junk.bin:1: format:"]},
    },
    {
      name: "nul-bytes",
      files: {"nul.csv": new Uint8Array(4096)},
      expect: {code: 1, messages: ["nul.csv:1: format:"]},
    },
    {
      name: "gzip-file",
      files: {"t.csv.gz": new Uint8Array([0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 3, 1, 2, 3])},
      expect: {code: 1, messages: [/gzip/i]},
    },
    {
      name: "pdf-file-named-csv",
      files: {"t.csv": "%PDF-1.7\n1 0 obj\n<<>>\nendobj\n"},
      expect: {code: 1, messages: [/PDF/]},
    },
    {
      name: "zip-not-xlsx",
      files: {"t.xlsx": zipSync({"a.txt": strToU8("hello")})},
      expect: {code: 1, messages: ["a ZIP archive, not a workbook"]},
    },
    {
      name: "xlsx-zendesk",
      files: {"t.xlsx": xlsx([ZD.split(","), zrow(1).split(","), zrow(2).split(",")])},
      expect: {code: 0, totals: {accepted: 2}},
    },
    {
      name: "xlsx-truncated",
      files: {"t.xlsx": xlsx([ZD.split(","), zrow(1).split(",")]).slice(0, 200)},
      expect: {code: 1, messages: ["cannot be read"]},
    },
    {
      name: "one-column-pipes",
      files: {"t.csv": "Id|Created at|Status\n1|2024-03-01|open\n"},
      expect: {code: 1, messages: ["delimiter"]},
    },
    {
      name: "unknown-header",
      files: {"t.csv": "foo,bar,baz\n1,2,3\n"},
      expect: {code: 1, messages: ["give a mapping file"]},
    },
    {
      name: "json-not-export",
      files: {"t.json": JSON.stringify({hello: "world", list: [1, 2]})},
      expect: {code: 1, messages: ["format not recognised"]},
    },
    {
      name: "json-truncated",
      files: {"zendesk.json": zjson([zt(1), zt(2)]).slice(0, 120)},
      expect: {code: 1, messages: ["truncated JSON"]},
    },
    {name: "json-scalar", files: {"t.json": "42"}, expect: {code: 1, messages: ["t.json:1: format:"]}},
    // --- Each helpdesk's CSV and JSON, clean and broken ---
    {
      name: "zendesk-csv-clean",
      files: {"zendesk.csv": zendesk(many(5, (k) => zrow(k)))},
      expect: {code: 0, totals: {accepted: 5, tickets: 5}},
    },
    {
      name: "zendesk-csv-duplicate-ids",
      files: {"zendesk.csv": zendesk([zrow(1), zrow(1), zrow(2)])},
      expect: {code: 0, totals: {rows_read: 3, accepted: 2, duplicates: 1, tickets: 2}},
    },
    {
      name: "zendesk-csv-short-and-long-rows",
      files: {"zendesk.csv": `${ZD}\n${zrow(1)}\n2,Ann\n${zrow(3)},extra,cells\n`},
      expect: {
        code: 1,
        messages: [
          "zendesk.csv:3: created_at: missing",
          "zendesk.csv:4: row: row has 12 fields, header has 10",
        ],
        totals: {rows_read: 3, accepted: 1, rejected: 2},
      },
    },
    {
      name: "zendesk-csv-formula-cells",
      files: {
        "zendesk.csv": zendesk([
          zrow(1, {group: '=HYPERLINK("http://x.example")'}),
          zrow(2, {replies: "=1+1"}),
        ]),
      },
      expect: {code: 1, messages: ["replies: not a whole number"], totals: {accepted: 1}},
    },
    {
      name: "zendesk-csv-utf16",
      files: {"zendesk.csv": utf16le(zendesk([zrow(1), zrow(2)]))},
      expect: {code: 0, totals: {accepted: 2}},
    },
    {
      name: "zendesk-csv-windows-1252",
      files: {
        "zendesk.csv": Uint8Array.from(Buffer.from(zendesk([zrow(1, {subject: "caf\u00e9"})]), "latin1")),
      },
      expect: {code: 0, messages: ["Windows-1252"], totals: {accepted: 1}},
    },
    {
      name: "zendesk-csv-crlf-and-bom",
      files: {"zendesk.csv": `\ufeff${zendesk([zrow(1), zrow(2)]).replace(/\n/g, "\r\n")}`},
      expect: {code: 0, totals: {accepted: 2}},
    },
    {
      name: "zendesk-csv-nul-in-cell",
      files: {"zendesk.csv": zendesk([zrow(1, {subject: "a\u0000b"}), zrow(2)])},
      expect: {code: 0, totals: {accepted: 2}},
    },
    {
      name: "zendesk-json-clean",
      files: {"zendesk.json": zjson([zt(1), zt(2)])},
      expect: {code: 0, totals: {accepted: 2}},
    },
    {
      name: "zendesk-json-wrong-types",
      files: {
        "zendesk.json": zjson([
          zt(1),
          zt(2, {created_at: 12}),
          zt(3, {status: ["solved"]}),
          zt(4, {via: "email"}),
        ]),
      },
      expect: {
        code: 1,
        messages: ["created_at: missing", "status: unknown status"],
        totals: {rows_read: 4, accepted: 2, rejected: 2},
      },
    },
    {
      name: "zendesk-jsonl-airbyte",
      files: {
        "zendesk.jsonl":
          [zt(1), zt(2)].map((t) => JSON.stringify({stream: "tickets", data: t})).join("\n") + "\nnot json\n",
      },
      expect: {
        code: 1,
        messages: ["zendesk.jsonl:3: json: malformed JSON"],
        totals: {rows_read: 3, accepted: 2},
      },
    },
    {
      name: "freshdesk-csv-clean",
      files: {"freshdesk.csv": `${FD}\n${frow(1)}\n${frow(2)}\n`},
      expect: {code: 0, totals: {accepted: 2}},
    },
    {
      name: "freshdesk-csv-bad-date",
      files: {"freshdesk.csv": `${FD}\n${frow(1)}\n${frow(2, "31/02/2024 10:00")}\n`},
      expect: {code: 1, messages: ["freshdesk.csv:3: created_at:"], totals: {accepted: 1, rejected: 1}},
    },
    {
      name: "freshdesk-json-clean",
      files: {"freshdesk.json": JSON.stringify([fdjson(1), fdjson(2)])},
      expect: {code: 0, totals: {accepted: 2}},
    },
    {
      name: "freshdesk-json-missing-created",
      files: {"freshdesk.json": JSON.stringify([fdjson(1), fdjson(2, {created_at: null})])},
      expect: {code: 1, messages: ["created_at: missing"], totals: {accepted: 1, rejected: 1}},
    },
    {
      name: "intercom-csv-clean",
      files: {"intercom.csv": `${IC}\n${irow(1)}\n${irow(2)}\n`},
      expect: {code: 0, totals: {accepted: 2}},
    },
    {
      name: "intercom-csv-bad-seconds",
      files: {"intercom.csv": `${IC}\n${irow(1)}\n${irow(2, "yesterday")}\n`},
      expect: {code: 1, messages: ["intercom.csv:3: created_at:"], totals: {accepted: 1, rejected: 1}},
    },
    {
      name: "intercom-json-clean",
      files: {
        "intercom.json": JSON.stringify({type: "conversation.list", conversations: [iconv(1), iconv(2)]}),
      },
      expect: {code: 0, totals: {accepted: 2}},
    },
    {
      name: "intercom-json-huge-seconds",
      files: {
        "intercom.json": JSON.stringify({
          type: "conversation.list",
          conversations: [iconv(1), iconv(2, {created_at: 1e15})],
        }),
      },
      expect: {code: 1, messages: ["created_at: date in the future"], totals: {accepted: 1, rejected: 1}},
    },
    // --- Generic CSV and event logs ---
    {
      name: "generic-csv-mapped",
      files: {
        "cases.csv":
          "Case,Opened,Closed,State\nA1,2024-03-01 10:00,2024-03-02 10:00,Done\nA2,2024-03-01 10:00,,Open\n",
        "m.json": GENERIC_MAPPING,
      },
      inputs: ["cases.csv"],
      args: ["--mapping", "{case}/m.json"],
      expect: {code: 0, totals: {accepted: 2}},
    },
    {
      name: "generic-csv-missing-mapped-column",
      files: {"cases.csv": "Case,Opened,State\nA1,2024-03-01 10:00,Done\n", "m.json": GENERIC_MAPPING},
      inputs: ["cases.csv"],
      args: ["--mapping", "{case}/m.json"],
      expect: {code: 1, messages: ["Closed"]},
    },
    {
      name: "event-log",
      files: {
        "events.csv": `${EVENTS}\n1,Opened,2024-03-01 10:00,\n1,Replied,2024-03-01 11:00,Bob\n1,Resolved,2024-03-01 12:00,Bob\n`,
        "m.json": EVENT_MAPPING,
      },
      inputs: ["events.csv"],
      args: ["--mapping", "{case}/m.json"],
      expect: {code: 0, totals: {rows_read: 3, tickets: 1}},
    },
    {
      name: "event-log-bad-timestamp",
      files: {
        "events.csv": `${EVENTS}\n1,Opened,2024-03-01 10:00,\n1,Replied,soon,Bob\n2,Opened,1969-01-01 10:00,\n`,
        "m.json": EVENT_MAPPING,
      },
      inputs: ["events.csv"],
      args: ["--mapping", "{case}/m.json"],
      expect: {
        code: 1,
        messages: [
          'events.csv:3: timestamp: unreadable date "soon"',
          "events.csv:4: created_at: ticket 2: date before 1970",
        ],
        totals: {rows_read: 3, rejected: 2},
      },
    },
    // --- Surveys ---
    {
      name: "delighted-clean",
      files: {"nps.csv": `${DELIGHTED}\n${drow(1)}\n${drow(2, "3")}\n`},
      expect: {code: 0, totals: {accepted: 2, responses: 2}},
    },
    {
      name: "delighted-score-out-of-scale",
      files: {"nps.csv": `${DELIGHTED}\n${drow(1)}\n${drow(2, "11")}\n${drow(3, "-1")}\n`},
      expect: {code: 1, messages: ["score"], totals: {accepted: 1}},
    },
    {
      name: "delighted-response-before-1970",
      files: {"nps.csv": `${DELIGHTED}\n${drow(1)}\n${drow(2, "9", "1960-01-01 10:00:00")}\n`},
      expect: {code: 1, messages: ["responded_at: date before 1970"], totals: {accepted: 1}},
    },
    {
      name: "surveymonkey-clean",
      files: {"sm.csv": `${SM1}\n${SM2}\n${smrow(1)}\n${smrow(2, "3")}\n`},
      args: ["--month-first"],
      expect: {code: 0, totals: {accepted: 2, responses: 2}},
    },
    {
      name: "typeform-clean",
      files: {
        "tf.csv": `${TYPEFORM}\nabc,9,2024-03-01 10:00:00,2024-03-01 10:01:00,n1\nabd,2,2024-03-01 10:00:00,2024-03-01 10:01:00,n2\n`,
      },
      expect: {code: 0, totals: {accepted: 2}},
    },
    {
      name: "qualtrics-three-header-rows",
      files: {
        "q.csv": `${QUALTRICS}\nStart Date,End Date,Response Type,Finished,Recorded Date,Response ID,Distribution Channel,How likely are you to recommend us?\n{"ImportId":"startDate"},{"ImportId":"endDate"},{"ImportId":"status"},{"ImportId":"finished"},{"ImportId":"recordedDate"},{"ImportId":"_recordId"},{"ImportId":"distributionChannel"},{"ImportId":"QID1"}\n2024-03-01 10:00:00,2024-03-01 10:01:00,IP Address,True,2024-03-01 10:01:00,R_1,anonymous,9\n2024-03-01 10:00:00,2024-03-01 10:01:00,Survey Preview,True,2024-03-01 10:01:00,R_2,preview,5\n`,
      },
      expect: {code: 0, totals: {rows_read: 2, accepted: 1}},
    },
    {
      name: "google-forms-clean",
      files: {"gf.csv": `${GFORMS}\n3/1/2024 8:51:12,9\n3/1/2024 9:05:13,10\n`},
      expect: {code: 0, totals: {accepted: 2}},
    },
    {
      name: "survey-formula-comment",
      files: {"nps.csv": `${DELIGHTED}\n1,9,=cmd|' /C calc'!A0,2024-03-01 10:00:00,p1,nps\n`},
      expect: {code: 0, totals: {accepted: 1}},
    },
    // --- A folder of everything at once ---
    {
      name: "mixed-folder",
      files: {
        "folder/README.md": "# notes",
        "folder/zendesk.csv": zendesk([zrow(1), zrow(2)]),
        "folder/nps.csv": `${DELIGHTED}\n${drow(1)}\n`,
        "folder/empty.csv": "",
        "folder/.hidden.csv": "junk",
      },
      inputs: ["folder"],
      expect: {
        code: 1,
        messages: ["skipped (not exports)", "empty file"],
        totals: {tickets: 2, responses: 1},
      },
    },
  ];
}

/** Writes one case's files under `dir` (symbolic links and FIFOs included). */
export async function writeCase(dir: string, c: CorpusCase): Promise<void> {
  for (const [name, body] of Object.entries(c.files)) {
    const file = path.join(dir, name);
    await mkdir(path.dirname(file), {recursive: true});
    if (typeof body === "string" || body instanceof Uint8Array) await writeFile(file, body);
    else if ("link" in body) await symlink(body.link, file);
    else execFileSync("mkfifo", [file]);
  }
}

/** Number of files a case writes (links and FIFOs count: they are inputs too). */
export function fileCount(cases: CorpusCase[]): number {
  return cases.reduce((n, c) => n + Object.keys(c.files).length, 0);
}

if (process.argv[1]?.endsWith("hostile-corpus.ts")) {
  const dir = process.argv[2];
  if (!dir) {
    process.stderr.write("usage: npx tsx scripts/hostile-corpus.ts <dir>\n");
    process.exit(2);
  }
  const cases = corpusCases();
  for (const c of cases) await writeCase(path.join(dir, c.name), c);
  await writeFile(
    path.join(dir, "expected.json"),
    JSON.stringify(
      cases.map((c) => ({name: c.name, inputs: c.inputs, args: c.args, expect: c.expect})),
      (_, v: unknown) => (v instanceof RegExp ? String(v) : v),
      2,
    ),
  );
  process.stdout.write(`${cases.length} cases, ${fileCount(cases)} files in ${dir}\n`);
}
