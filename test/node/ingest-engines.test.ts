/**
 * The two ingest engines write the same dataset. Every input set is ingested twice from the same
 * files, with engine "javascript" (the isomorphic core) and engine "auto" (native DuckDB for flat
 * ticket CSVs, the core for the rest and for runs DuckDB declines), and the two dataset
 * directories are compared: rows, manifest, rejects, agents, problems and warnings.
 *
 * Hand-written cases each exercise one behaviour; well-formed flat ticket CSVs must run on DuckDB,
 * inputs it cannot read exactly as the core must be declined (and still give the same dataset).
 * A fast-check property then mixes the same values, quirks and junk at random.
 */
import {mkdir, mkdtemp, readFile, rm, writeFile} from "node:fs/promises";
import {tmpdir} from "node:os";
import path from "node:path";
import fc from "fast-check";
import {afterAll, describe, expect, it} from "vitest";
import {DATASET_FILES, defaultProfile, readDataset, type Dataset} from "../../loaders/node/dataset.ts";
import {ingestToDataset, type IngestRun, type IngestRunOptions} from "../../loaders/node/ingest-run.ts";
import {NativeRunner} from "../../loaders/node/duckdb-native.ts";
import {fileSource, type FileInput} from "../../loaders/node/sources.ts";
import type {Reject, SurveyResponse, Ticket} from "../../loaders/schema/index.ts";
import {BASE, NOW} from "../ingest/helpers.ts";
import {
  EXOTIC_DATES,
  DELIGHTED_HEADER,
  FRESHDESK_HEADER,
  GENERIC_HEADER,
  GENERIC_MAPPING,
  GENERIC_MAPPING_PLAIN,
  TIME_ZONES,
  ZENDESK_DEFAULTS,
  ZENDESK_HEADER,
  buildRun,
  csvText,
  runArb,
  sampledZendeskCsv,
  utf16le,
  windows1252,
  zendeskCsv,
  type CsvStyle,
  type ZendeskColumn,
  type ZendeskRow,
} from "./engine-inputs.ts";

/**
 * True once loaders/node/ingest-native/ reads flat ticket CSVs: well-formed cases must then run
 * on DuckDB, and the property must not pass by declining every run. (False only to check this
 * harness against the stub engine, which declines everything.)
 */
const EXPECT_DUCKDB = true;

const SALT = "engine-test-salt";

// ---------------------------------------------------------------------------------------------
// Harness

/** One engine's run and the dataset directory it wrote, read back. */
interface Side {
  run: IngestRun;
  dataset: Dataset;
  manifestJson: unknown;
  rejectsCsv: string[];
  agentsCsv: string[];
  /** How each Parquet file stores its columns (physical, converted and logical types). */
  parquetSchemas: Record<string, unknown[]>;
}

type Options = Partial<IngestRunOptions>;

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
const sortedLines = (text: string) => text.split("\n").sort(cmp);
const byTicket = (a: Ticket, b: Ticket) =>
  cmp(a.ticket_id, b.ticket_id) || cmp(a.source_file, b.source_file) || a.source_line - b.source_line;
const byResponse = (a: SurveyResponse, b: SurveyResponse) =>
  cmp(a.response_id, b.response_id) || cmp(a.source_file, b.source_file) || a.source_line - b.source_line;
const byReject = (a: Reject, b: Reject) =>
  cmp(a.file, b.file) ||
  a.line - b.line ||
  cmp(a.field, b.field) ||
  cmp(a.reason, b.reason) ||
  cmp(a.excerpt, b.excerpt) ||
  cmp(a.severity, b.severity);
const byAgent = (a: {code: string; name: string}, b: {code: string; name: string}) =>
  cmp(a.code, b.code) || cmp(a.name, b.name);

async function ingestSide(
  sources: FileInput[],
  options: IngestRunOptions,
  out: string,
  engine: "javascript" | "auto",
): Promise<Side> {
  const extras = {profile: defaultProfile(options.orgId, options.tz ?? "UTC"), salt: options.salt};
  const run = await ingestToDataset(sources, {...options, engine}, out, extras);
  const dataset = await readDataset(out);
  const text = (name: keyof typeof DATASET_FILES) => readFile(path.join(out, DATASET_FILES[name]), "utf8");
  return {
    run,
    dataset,
    manifestJson: JSON.parse(await text("manifest")),
    rejectsCsv: sortedLines(await text("rejects")),
    agentsCsv: sortedLines(await text("agents")),
    parquetSchemas: await parquetSchemas(out),
  };
}

/** The stored schema of the dataset's Parquet files, as DuckDB reports it. */
async function parquetSchemas(out: string): Promise<Record<string, unknown[]>> {
  const runner = await NativeRunner.create();
  try {
    const schemas: Record<string, unknown[]> = {};
    for (const name of ["tickets", "responses"] as const)
      schemas[name] = await runner.rows(
        `SELECT name, type, converted_type, logical_type::VARCHAR AS logical, repetition_type ` +
          `FROM parquet_schema('${path.join(out, DATASET_FILES[name]).replaceAll("'", "''")}')`,
      );
    return schemas;
  } finally {
    runner.close();
  }
}

/**
 * Every part of the two datasets that must match, each under its own label. `soft` reports every
 * part that differs instead of stopping at the first (not inside fast-check, which needs a throw).
 */
function expectSameDataset(js: Side, auto: Side, soft: boolean): void {
  const check = soft ? expect.soft : expect;
  check([...auto.dataset.tickets].sort(byTicket), "tickets.parquet").toEqual(
    [...js.dataset.tickets].sort(byTicket),
  );
  check([...auto.dataset.responses].sort(byResponse), "responses.parquet").toEqual(
    [...js.dataset.responses].sort(byResponse),
  );
  check(auto.parquetSchemas, "Parquet column types").toEqual(js.parquetSchemas);
  check(auto.manifestJson, "manifest.json").toEqual(js.manifestJson);
  check(auto.run.manifest, "IngestRun.manifest").toEqual(js.run.manifest);
  check(auto.dataset.profile, "profile.json").toEqual(js.dataset.profile);
  check([...auto.run.rejects].sort(byReject), "IngestRun.rejects").toEqual(
    [...js.run.rejects].sort(byReject),
  );
  check(auto.rejectsCsv, "rejects.csv (sorted lines)").toEqual(js.rejectsCsv);
  check([...auto.run.agents].sort(byAgent), "IngestRun.agents").toEqual([...js.run.agents].sort(byAgent));
  check(auto.agentsCsv, "agents.private.csv (sorted lines)").toEqual(js.agentsCsv);
  check([...auto.run.problems].sort(cmp), "problems").toEqual([...js.run.problems].sort(cmp));
  check([...auto.run.warnings].sort(cmp), "warnings").toEqual([...js.run.warnings].sort(cmp));
  check({tickets: auto.run.tickets, responses: auto.run.responses}, "counts").toEqual({
    tickets: js.run.tickets,
    responses: js.run.responses,
  });
  check(js.run.tickets, "count of tickets.parquet").toBe(js.dataset.tickets.length);
  check(js.run.responses, "count of responses.parquet").toBe(js.dataset.responses.length);
}

interface Compared {
  js: Side;
  auto: Side;
}

/**
 * Writes the files to a fresh temp dir, ingests them with both engines and compares. The dir is
 * removed afterwards, except on a mismatch when `keep` is set (then its path is printed, and the
 * first mismatch throws, as fast-check needs).
 */
async function compareEngines(
  files: Record<string, string | Uint8Array>,
  options: Options = {},
  keep = false,
): Promise<Compared> {
  const dir = await mkdtemp(path.join(tmpdir(), "servicebench-engines-"));
  let same = false;
  try {
    await mkdir(path.join(dir, "in"));
    const sources: FileInput[] = [];
    for (const [name, body] of Object.entries(files)) {
      const file = path.join(dir, "in", name);
      await writeFile(file, body);
      sources.push(fileSource(file, typeof body === "string" ? Buffer.byteLength(body) : body.length, name));
    }
    const all: IngestRunOptions = {...BASE, salt: SALT, now: NOW, ...options};
    const js = await ingestSide(sources, all, path.join(dir, "javascript"), "javascript");
    const auto = await ingestSide(sources, all, path.join(dir, "auto"), "auto");
    expect(js.run.engine).toBe("javascript");
    expect(js.run.declined).toBeNull();
    // "auto" ends on the core after DuckDB declined, and then says why; or, saying nothing, when
    // the run held no ticket CSV at all (survey exports, files no adapter recognises).
    if (auto.run.engine === "duckdb") expect(auto.run.declined).toBeNull();
    else if (auto.run.declined === null) expect(js.run.tickets, "tickets read without a reason").toBe(0);
    expectSameDataset(js, auto, !keep);
    same = true;
    return {js, auto};
  } finally {
    if (same || !keep) await rm(dir, {recursive: true, force: true});
    else console.error(`ingest-engines: inputs and both datasets kept in ${dir}`);
  }
}

// ---------------------------------------------------------------------------------------------
// Hand-written cases

interface Case {
  name: string;
  files: Record<string, string | Uint8Array>;
  options?: Options;
  /** "duckdb": must run natively; "declines": must fall back; "either": not asserted. */
  engine: "duckdb" | "declines" | "either";
  /** Spot checks on the core's result, so the case really exercises its behaviour. */
  check?: (js: Side) => void;
}

const Z = (rows: ZendeskRow[], style?: CsvStyle, columns?: readonly ZendeskColumn[]) =>
  zendeskCsv(rows, style, columns);
const ticket = (s: Side, id: string) => s.dataset.tickets.find((t) => t.ticket_id === id);
const rejected = (s: Side, severity: Reject["severity"] = "invalid") =>
  s.run.rejects.filter((r) => r.severity === severity);

/** Dates one per row, in Created at and Updated at, on open tickets (no solved time). */
const dateRows = (dates: string[]): ZendeskRow[] =>
  dates.map((d, i) => ({
    Id: String(i + 1),
    "Created at": d,
    "Updated at": d,
    "Solved at": "",
    Status: "Open",
    "Full resolution time in minutes": "",
  }));

const DATE_FORMS = [
  "2024-03-31 02:30:00", // Paris spring gap
  "2024-10-27 02:30:00", // Paris autumn overlap
  "2024-10-06 02:15:00", // Lord Howe gap (30 min)
  "2024-04-07 01:45:00", // Lord Howe overlap
  "2024-03-10 02:30:00", // St John's gap
  "2024-11-03 01:30:00", // St John's overlap
  "2024-05-01T10:00:00Z",
  "2024-05-01T10:00:00",
  "2024-05-01 24:00:00",
  "2024-05-01 24:30:00",
  "2024-12-31 23:59:60",
  "1714557600",
  "1714557600000",
  "1714557600.5",
  "2024-05-01T10:00:00.250Z",
  "2024-05-01T10:00:00+05:45",
  "2024-05-01T10:00:00-0330",
  "2024-05-01 10:00:00 UTC",
  "2024-05-01 10:00",
  "2024-05-01",
  "1 Apr 2024 10:00",
  "01-Apr-2024",
  "2 Sept 2024",
  "1969-12-31 23:00:00",
  "2025-01-01 14:00:00", // NOW + 14 h in UTC: accepted there, in the future west of it
  "2025-01-01 19:45:00", // NOW + 14 h in Kathmandu
];

const SLASH_SAMPLE_ROWS = 500;

const CASES: Case[] = [
  {
    name: "Zendesk legacy layout",
    engine: "duckdb",
    files: {
      "zendesk.csv": Z([
        {Id: "101"},
        {
          Id: "102",
          Status: "Open",
          "Solved at": "",
          Via: "Web form",
          Tags: "vip billing",
          Assignee: "Bob",
          "Satisfaction Score": "Offered",
          "Full resolution time in minutes": "",
          "Full resolution time in minutes within business hours": "",
        },
        {
          Id: "103",
          Status: "Pending",
          Via: "Chat",
          Assignee: "",
          Group: "",
          Priority: "Urgent",
          "Ticket type": "Incident",
          Replies: "3",
          Reopens: "1",
          "Solved at": "",
        },
        {
          Id: "104",
          Status: "Closed",
          Via: "Phone call (incoming)",
          "Satisfaction Score": "Good",
          "Full resolution time in minutes": "",
          "Solved at": "2024-05-03 09:15:30",
        },
        {Id: "105", Status: "New", Via: "API", Assignee: "Chloé", "First reply time in minutes": ""},
      ]),
    },
    check: (js) => {
      expect(js.run.tickets).toBe(5);
      expect(js.run.responses).toBe(1);
      expect(js.run.problems).toEqual([]);
      expect(ticket(js, "104")!.full_resolution_minutes).toBeCloseTo(2 * 1440 - 44.5);
    },
  },
  {
    name: "duplicates in one file: later Updated at wins, a tie keeps the later row",
    engine: "duckdb",
    files: {
      "dups.csv": Z([
        {Id: "1", "Updated at": "2024-05-02 10:00:00", Status: "Open"},
        {Id: "1", "Updated at": "2024-05-03 10:00:00", Status: "Pending"},
        {Id: "1", "Updated at": "2024-05-02 12:00:00", Status: "New"},
        {Id: "2", "Updated at": "2024-05-02 10:00:00", Status: "Open"},
        {Id: "2", "Updated at": "2024-05-02 10:00:00", Status: "Solved", "Satisfaction Score": "Good"},
        {Id: "3", "Updated at": "", Status: "Open"},
        {Id: "3", "Updated at": "", Status: "Closed"},
        {Id: "4", "Updated at": "2024-05-04 10:00:00", Status: "Deleted"},
        {Id: "4", "Updated at": "2024-05-01 10:00:00", Status: "Open"},
        {Id: "5", "Updated at": "2024-05-01 10:00:00", Status: "Open"},
        {Id: "5", "Updated at": "2024-05-04 10:00:00", Status: "Spam"},
        {Id: "6", "Updated at": "2024-05-02 10:00:00", "Satisfaction Score": "Bad"},
        {Id: "6", "Updated at": "2024-05-01 10:00:00", "Satisfaction Score": "Good"},
        {Id: "7", "Updated at": "2024-05-01 10:00:00", "Created at": "yesterday"},
        {Id: "7", "Updated at": "2024-05-01 09:00:00", Status: "Pending"},
      ]),
    },
    check: (js) => {
      expect(ticket(js, "1")!.status).toBe("pending");
      expect(ticket(js, "2")!.status).toBe("solved");
      expect(ticket(js, "3")!.status).toBe("closed");
      expect(js.run.manifest.totals.duplicates).toBeGreaterThan(0);
    },
  },
  {
    name: "duplicates across two files: later Updated at wins, a tie keeps the later file",
    engine: "duckdb",
    files: {
      "a.csv": Z([
        {Id: "1", "Updated at": "2024-05-02 10:00:00", Status: "Open"},
        {Id: "2", "Updated at": "2024-05-03 10:00:00", Status: "Open"},
        {Id: "3", "Updated at": "2024-05-02 10:00:00", "Satisfaction Score": "Good"},
        {Id: "4", "Updated at": "2024-05-02 10:00:00", Status: "Open"},
      ]),
      "b.csv": Z([
        {Id: "1", "Updated at": "2024-05-02 10:00:00", Status: "Solved"},
        {Id: "2", "Updated at": "2024-05-01 10:00:00", Status: "Solved"},
        {Id: "3", "Updated at": "2024-05-04 10:00:00", "Satisfaction Score": "Bad"},
        {Id: "4", "Updated at": "2024-05-03 10:00:00", Status: "Deleted"},
        {Id: "4", "Updated at": "2024-05-02 10:00:00", Status: "Pending"},
      ]),
    },
    check: (js) => {
      expect(ticket(js, "1")!.status).toBe("solved");
      expect(ticket(js, "2")!.status).toBe("open");
      expect(ticket(js, "3")!.satisfaction).toBe("bad");
    },
  },
  {
    name: "statuses: Deleted, Spam, Merged, unknown word, empty, case and spaces",
    engine: "duckdb",
    files: {
      "statuses.csv": Z(
        [
          "Deleted",
          "Spam",
          "Merged",
          "Frobnicated",
          "",
          " ",
          " solved ",
          "SOLVED",
          "On-hold",
          "Resolved",
          "hold",
        ].map((Status, i) => ({Id: String(i + 1), Status})),
      ),
    },
    check: (js) => {
      expect(rejected(js, "excluded")).toHaveLength(3);
      expect(rejected(js).map((r) => r.reason)).toEqual([
        'unknown status "Frobnicated"',
        "missing",
        "missing",
      ]);
    },
  },
  {
    name: "unknown Via words warn once each, known and 'other' words do not, a sample ticket is left out",
    engine: "duckdb",
    files: {
      "via.csv": Z(
        [
          "Carrier pigeon",
          "carrier pigeon",
          "CARRIER PIGEON ",
          "Sample ticket",
          "Closed ticket",
          "Rule",
          "",
          " Mail ",
          "Twitter DM",
          "Email (outbound)",
          "Messaging (native)",
          "Carrier pigeon",
        ].map((Via, i) => ({Id: String(i + 1), Via})),
      ),
    },
    check: (js) => {
      expect(js.run.warnings).toHaveLength(1);
      expect(js.run.manifest.files[0]!.excluded).toEqual({
        "sample ticket (made by the helpdesk, not a customer)": 1,
      });
    },
  },
  {
    name: "tags: closed_by_merge leaves the ticket out, spaces split",
    engine: "duckdb",
    files: {
      "tags.csv": Z(
        [
          "closed_by_merge",
          "vip closed_by_merge",
          "a  b",
          "x,y",
          " lead ",
          "",
          "über",
          "closed_by_merge_not",
        ].map((Tags, i) => ({Id: String(i + 1), Tags})),
      ),
    },
    check: (js) => {
      expect(rejected(js, "excluded")).toHaveLength(2);
      expect(ticket(js, "3")!.tags).toEqual(["a", "b"]);
    },
  },
  {
    name: "satisfaction: words, hashed garbage, 1-5 scores and out-of-scale numbers",
    engine: "duckdb",
    files: {
      "csat.csv": Z(
        [
          "Good",
          "Bad",
          "Offered",
          "Not Offered",
          "Unoffered",
          "Good, I'm satisfied",
          "Bad, I’m unsatisfied",
          "5f4dcc3b5aa765d61d8327deb882cf99",
          "5f4dcc3b5aa765d61d8327deb882cf99",
          "1",
          "2",
          "3",
          "4",
          "5",
          "0",
          "6",
          "4.0",
          "",
          "-",
          " good ",
        ].map((s, i) => ({Id: String(i + 1), "Satisfaction Score": s})),
      ),
    },
    check: (js) => {
      expect(js.run.responses).toBe(10);
      expect(js.run.warnings.length).toBeGreaterThanOrEqual(4);
    },
  },
  {
    name: "ids: surrounding spaces, empty, leading zeros, long, odd characters",
    engine: "duckdb",
    files: {
      "ids.csv": Z(
        [" 7 ", "7", "", "   ", "007", "A-1", "12345678901234567890", '5"x', "7.0", "-3", "x;y"].map(
          (Id, i) => ({Id, "Updated at": `2024-05-02 1${i % 10}:00:00`, Assignee: `Agent ${i % 3}`}),
        ),
      ),
    },
    check: (js) => {
      expect(rejected(js).map((r) => r.field)).toEqual(["ticket_id", "ticket_id"]);
      expect(ticket(js, "7")!.source_line).toBe(3);
    },
  },
  ...TIME_ZONES.map((tz): Case => ({
    name: `date forms, DST gaps and overlaps, in ${tz}`,
    engine: "duckdb",
    options: {tz},
    files: {"dates.csv": Z(dateRows(DATE_FORMS))},
    check: (js) => expect(js.run.tickets).toBeGreaterThan(DATE_FORMS.length - 4),
  })),
  {
    // The first rows fix the form SQL reads ("T" and "Z" here); every other form goes to the core.
    name: "date forms: a column first written with T and Z, then every other way",
    engine: "duckdb",
    options: {tz: "Europe/Paris"},
    files: {
      "tz.csv": Z(
        dateRows([
          "2024-05-01T10:00:00Z",
          "2024-03-31T02:30:00Z",
          ...DATE_FORMS,
          "2024-05-01T10:00:00.25Z",
          "2024-05-01T10:00:00.0005Z",
          "2024-05-01T10:00:00.123456Z",
        ]),
      ),
    },
    check: (js) => {
      expect(ticket(js, "1")!.created_at).toBe(Date.UTC(2024, 4, 1, 10));
      expect(ticket(js, "2")!.created_at).toBe(Date.UTC(2024, 2, 31, 2, 30));
      // 02:30 does not exist in Paris that night: read as 03:30 summer time.
      expect(ticket(js, "3")!.created_at).toBe(Date.UTC(2024, 2, 31, 1, 30));
    },
  },
  ...(
    [
      [
        "month first, 12-hour clock",
        [
          "04/13/2024 09:05 PM",
          "03/31/2024 02:30 AM",
          "10/27/2024 02:30 AM",
          "12/31/69 11:59 PM",
          "1/2/2024 9:05 PM",
          "02/30/2024 10:00 AM",
          "04/13/2024 12:00 AM",
          "04/13/2024 12:00 PM",
          "04/13/2024 00:30 AM",
          "04/13/2024 9:05 pm",
          "13/13/2024 09:05 PM",
          "04/13/2024  09:05 PM",
        ],
      ],
      [
        "day first, seconds",
        [
          "13/04/2024 21:05:59",
          "31/03/2024 02:30:00",
          "1/4/2024 9:05:00",
          "01/04/24 09:05:00",
          "29/02/2023 10:00:00",
          "10/27/2024 10:00:00",
          "13/04/2024 24:00:00",
          "13/04/2024 21:05:60",
          "13/04/2024 21:05:59.5",
          "27/10/2024 02:30:00",
        ],
      ],
      [
        "unpadded, two-digit years",
        [
          "4/13/24 9:05",
          "1/1/69 0:00",
          "1/1/70 0:00",
          "12/31/68 23:59",
          "04/01/24 09:05",
          "4/1/2024 9:05",
          "4/1/24",
          "4/1/24 9:05:00",
          "2/29/23 9:05",
          "3/31/24 2:30",
        ],
      ],
    ] as const
  ).map(([what, dates]): Case => ({
    // Read in SQL when written as the first rows write them, by the core otherwise.
    name: `slash dates in the first rows' form: ${what}`,
    engine: "duckdb",
    options: {tz: "Europe/Paris"},
    files: {"slash.csv": Z(dateRows([...dates]))},
    check: (js) => expect(js.run.tickets).toBeGreaterThan(dates.length / 2),
  })),
  {
    name: "slash dates: a day above 12 reveals dd/mm/yyyy",
    engine: "duckdb",
    options: {tz: "Europe/Paris"},
    files: {
      "dmy.csv": Z(
        dateRows(["03/04/2024 09:00", "13/04/2024 09:00", "05/06/2024", "3/4/24", "04/13/2024 09:00"]),
      ),
    },
    check: (js) => {
      expect(ticket(js, "1")!.created_at).toBe(Date.UTC(2024, 3, 3, 7));
      expect(rejected(js)).toHaveLength(1);
    },
  },
  {
    name: "slash dates: a second part above 12 reveals m/d/yyyy, dotted dates stay day-first",
    engine: "duckdb",
    options: {tz: "America/St_Johns"},
    files: {
      "mdy.csv": Z(
        dateRows([
          "03/04/2024 09:00",
          "04/13/2024 9:00 PM",
          "12/31/2024 12:00 AM",
          "03.04.2024 10:00",
          "3/4/24 1:05 pm",
        ]),
      ),
    },
    check: (js) => {
      expect(ticket(js, "1")!.created_at).toBe(Date.UTC(2024, 2, 4, 12, 30));
      expect(ticket(js, "4")!.created_at).toBe(Date.UTC(2024, 3, 3, 12, 30));
      expect(rejected(js)).toHaveLength(0);
    },
  },
  {
    name: "slash dates: both orders in the sample, day-first wins whatever the row order",
    engine: "duckdb",
    files: {"mixed.csv": Z(dateRows(["04/13/2024 09:00", "01/02/2024 09:00", "13/04/2024 09:00"]))},
    check: (js) => {
      expect(ticket(js, "2")!.created_at).toBe(Date.UTC(2024, 1, 1, 9));
      expect(rejected(js)).toHaveLength(1);
    },
  },
  {
    name: "slash dates: nothing reveals the order, read month-first with a warning",
    engine: "declines",
    files: {"ambiguous.csv": Z(dateRows(["03/04/2024 09:00", "05/06/2024", "1/2/2024 1:00 PM"]))},
    check: (js) => expect(js.run.warnings.join()).toContain("day/month order could not be told"),
  },
  {
    name: "slash dates: the order is revealed only after the first 500 rows",
    engine: "declines",
    files: {
      "late.csv": Z(
        dateRows([
          ...Array.from(
            {length: SLASH_SAMPLE_ROWS + 5},
            (_, i) => `0${(i % 9) + 1}/0${((i + 4) % 9) + 1}/2024 09:00`,
          ),
          "25/03/2024 10:00",
          "03/25/2024 10:00",
          "01/02/2024 10:00",
        ]),
      ),
    },
    check: (js) => {
      expect(rejected(js)).toHaveLength(1);
      expect(rejected(js)[0]!.reason).toContain("does not fit the m/d/yyyy order");
    },
  },
  {
    name: "slash dates: the order revealed inside the first 500 rows applies to earlier rows",
    engine: "duckdb",
    files: {
      "early.csv": Z(
        dateRows([
          ...Array.from({length: 300}, (_, i) => `0${(i % 9) + 1}/0${((i + 4) % 9) + 1}/2024 09:00`),
          "25/03/2024 10:00",
          "03/25/2024 10:00",
        ]),
      ),
    },
    check: (js) => {
      expect(ticket(js, "1")!.created_at).toBe(Date.UTC(2024, 4, 1, 9));
      expect(rejected(js)).toHaveLength(1);
    },
  },
  {
    name: "slash dates: the dayFirst option overrides inference",
    engine: "duckdb",
    options: {dayFirst: true, tz: "Asia/Kathmandu"},
    files: {"forced.csv": Z(dateRows(["03/04/2024 09:00", "04/13/2024 09:00", "13/04/2024 09:00"]))},
    check: (js) => expect(rejected(js)).toHaveLength(1),
  },
  {
    name: "impossible dates are rejected",
    engine: "duckdb",
    files: {
      "impossible.csv": Z([
        ...dateRows([
          "2024-02-30 10:00:00",
          "2023-02-29 10:00:00",
          "2024-13-01 00:00:00",
          "31/04/2024",
          "2024-04-31T10:00:00Z",
          "2024-05-01 25:00:00",
          "2024-05-01 10:60:00",
          "2024-02-29 10:00:00",
          "31 Foo 2024",
          "0000-00-00 00:00:00",
          "yesterday",
          "",
        ]),
        {Id: "20", "Solved at": "2024-02-30 10:00:00"},
        {Id: "21", "Updated at": "2024-13-01 00:00:00"},
      ]),
    },
    check: (js) => {
      expect(js.run.tickets).toBe(1);
      expect(rejected(js)).toHaveLength(13);
    },
  },
  {
    name: "future dates: beyond now + 14 h is rejected, up to it is not",
    engine: "duckdb",
    options: {tz: "Australia/Lord_Howe"},
    files: {
      "future.csv": Z([
        ...dateRows([
          "2031-02-01 10:00:00",
          "2025-01-01T14:00:00Z",
          "2025-01-01T14:00:01Z",
          "2025-01-02 01:00:00",
        ]),
        {Id: "10", "Created at": "2024-12-31 10:00:00", "Solved at": "2026-01-01 00:00:00"},
        {Id: "11", "Created at": "2024-12-31 10:00:00", "Updated at": "2026-01-01 00:00:00", "Solved at": ""},
      ]),
    },
    check: (js) => {
      expect(js.run.tickets).toBe(2);
      expect(rejected(js).every((r) => r.reason.startsWith("date in the future"))).toBe(true);
    },
  },
  {
    name: "solved before created: beyond a minute rejected, 30 s before gives a negative duration",
    engine: "duckdb",
    files: {
      "solved.csv": Z(
        [
          {"Solved at": "2024-05-01 09:59:30", Status: "Solved"},
          {"Solved at": "2024-05-01 09:59:00", Status: "Solved"},
          {"Solved at": "2024-05-01 09:58:59", Status: "Solved"},
          {"Solved at": "2024-05-01 09:59:30", Status: "Open"},
          {"Solved at": "2024-04-29 10:00:00", Status: "Closed"},
          {"Solved at": "2024-05-01 09:59:30", Status: "Solved", "Full resolution time in minutes": "120"},
          {"Solved at": "2024-05-01 10:00:00", Status: "Solved"},
        ].map((r, i) => ({
          ...r,
          Id: String(i + 1),
          "Full resolution time in minutes": r["Full resolution time in minutes"] ?? "",
        })),
      ),
    },
    check: (js) => {
      expect(rejected(js).map((r) => r.field)).toEqual([
        "full_resolution_minutes",
        "full_resolution_minutes",
        "solved_at",
        "solved_at",
      ]);
      expect(ticket(js, "7")!.full_resolution_minutes).toBe(0);
    },
  },
  {
    name: "numbers in a ; file: decimal commas",
    engine: "duckdb",
    files: {
      "semicolon.csv": Z(
        [
          "12,5",
          "1.234,5",
          "1,234",
          "0,5",
          ",5",
          "-1,5",
          "12:30",
          "01:30:00",
          "2 days 01:00:00",
          " 7 ",
          "",
          "abc",
          "1 234,5",
          "-0",
          "1'234,5",
        ].map((v, i) => ({
          Id: String(i + 1),
          "First reply time in minutes": v,
          Replies: i % 2 ? "1,000" : "2",
          Group: "Billing; Ops",
        })),
        {delimiter: ";"},
      ),
    },
    check: (js) => {
      expect(ticket(js, "1")!.first_reply_minutes).toBe(12.5);
      expect(ticket(js, "3")!.first_reply_minutes).toBe(1.234);
      expect(rejected(js).length).toBeGreaterThanOrEqual(2);
    },
  },
  {
    name: "numbers in a , file: thousands, negatives, clock durations, garbage, empty",
    engine: "duckdb",
    files: {
      "numbers.csv": Z(
        [
          "1,234",
          "12.5",
          "12,5",
          "-5",
          "-0",
          "12:30",
          "0:00",
          "-0:30",
          "1e3",
          ".5",
          "n/a",
          "NULL",
          "abc",
          "",
          "1'234.5",
          "1.234.567",
          " 9 ",
        ].map((v, i) => ({Id: String(i + 1), "Requester wait time in minutes": v})),
      ),
      "counts.csv": Z(
        ["1.5", "-1", "1,000", " 3 ", "2.0", "-0", "", "x", "007"].map((v, i) => ({
          Id: String(100 + i),
          Replies: v,
          Reopens: v,
        })),
      ),
    },
    check: (js) => {
      expect(ticket(js, "1")!.requester_wait_minutes).toBe(1234);
      expect(ticket(js, "6")!.requester_wait_minutes).toBe(750);
      expect(rejected(js).length).toBeGreaterThanOrEqual(5);
    },
  },
  {
    name: "quoted fields: commas, doubled quotes, spaces inside the quotes",
    engine: "duckdb",
    files: {
      "quoted-all.csv": Z(
        [
          {
            Id: " 8 ",
            Subject: 'He said "hi", twice',
            Group: "Tier 1, EMEA",
            Assignee: '"Dan" Smith',
            Status: " Solved ",
          },
          {Id: "9", Subject: '""', Group: " ", Assignee: "Smith, John", Tags: '"vip" a', Via: '"Mail"'},
          {Id: "10", Subject: "", Group: "", Assignee: "", "First reply time in minutes": "12,5"},
        ],
        {quoteAll: true},
      ),
      "quoted-some.csv": Z([
        {Id: "11", Subject: 'He said "hi", twice', Group: "Tier 1, EMEA", Assignee: "Smith, John"},
        {
          Id: "12",
          Subject: '"',
          Group: '""',
          Assignee: '"Dan" Smith',
          "Satisfaction Score": "Good, I'm satisfied",
        },
      ]),
    },
    check: (js) => {
      expect(ticket(js, "8")!.group).toBe("Tier 1, EMEA");
      expect(ticket(js, "10")!.first_reply_minutes).toBe(12.5);
      expect(js.run.agents).toHaveLength(2);
    },
  },
  {
    name: "CRLF line ends",
    engine: "duckdb",
    files: {
      "crlf.csv": Z([{Id: "1"}, {Id: "2", Subject: "a, b"}, {Id: "3", "Agent wait time in minutes": ""}], {
        eol: "\r\n",
      }),
      "crlf-quoted.csv": Z([{Id: "4"}, {Id: "5", "Agent wait time in minutes": ""}], {
        eol: "\r\n",
        quoteAll: true,
      }),
    },
    check: (js) => expect(js.run.tickets).toBe(5),
  },
  {
    name: "UTF-8 byte order mark",
    engine: "duckdb",
    files: {
      "bom.csv": Z([{Id: "1", Assignee: "Zoë"}, {Id: "2"}], {bom: true}),
      "bom-semicolon.csv": Z([{Id: "3", "First reply time in minutes": "1,5"}], {bom: true, delimiter: ";"}),
    },
    check: (js) => expect(js.run.tickets).toBe(3),
  },
  {
    name: "a file ending without a newline (last cell set, last cell empty)",
    engine: "duckdb",
    files: {
      "no-eol.csv": Z([{Id: "1"}, {Id: "2"}], {finalNewline: false}),
      "no-eol-empty.csv": Z([{Id: "3"}, {Id: "4", "Agent wait time in minutes": ""}], {finalNewline: false}),
      "no-eol-quoted.csv": Z([{Id: "5"}], {finalNewline: false, quoteAll: true}),
    },
    check: (js) => expect(js.run.tickets).toBe(5),
  },
  {
    name: "an empty data file (header only), beside one with rows",
    engine: "duckdb",
    files: {
      "header-only.csv": Z([]),
      "header-only-no-eol.csv": Z([], {finalNewline: false}),
      "rows.csv": Z([{Id: "1"}]),
    },
    check: (js) => {
      expect(js.run.tickets).toBe(1);
      expect(js.run.manifest.files).toHaveLength(3);
    },
  },
  {
    name: "an empty data file (header only), alone",
    engine: "duckdb",
    files: {"header-only.csv": Z([])},
    check: (js) => expect(js.run.tickets).toBe(0),
  },
  {
    name: "Zendesk view export: a subset of the columns in another order",
    engine: "duckdb",
    files: {
      "view.csv": Z(
        [
          {Id: "1", Via: "Web Widget", "Satisfaction Score": "Good"},
          {Id: "2", Status: "Pending", "Solved at": ""},
        ],
        {},
        ["Created at", "Satisfaction Score", "Id", "Status", "Via", "Assignee", "Solved at", "Tags"],
      ),
    },
    check: (js) => {
      expect(js.run.tickets).toBe(2);
      expect(js.run.manifest.files[0]!.format).toBe("zendesk-csv");
    },
  },
  {
    name: "Freshdesk CSV layout",
    engine: "duckdb",
    options: {tz: "Asia/Kathmandu"},
    files: {
      "freshdesk.csv": csvText(FRESHDESK_HEADER, [
        ["1", "Printer on fire", "Resolved", "Medium", "Email", "Question", "Ann", "Tier 1", "2024-05-01 10:00:00", "2024-05-02 10:00:00", "2024-05-01 12:00:00", "", "2024-05-01 10:30:00", "01:30:00", "1.5", "2", "1", "vip, billing", "Awesome", "false", "false"],
        ["2", "Outreach", "Open", "Low", "Outbound Email", "", "Bob", "", "2024-05-01 10:00:00", "", "", "", "", "", "", "0", "0", "", "", "false", "false"],
        ["3", "Buy now", "Closed", "High", "Portal", "", "", "", "2024-05-01 10:00:00", "", "", "2024-05-02 10:00:00", "", "", "", "", "", "", "", "true", "false"],
        ["4", "Gone", "Closed", "High", "Phone", "", "", "", "2024-05-01 10:00:00", "", "", "", "", "", "", "", "", "", "", "", "Yes"],
        ["5", "Wait", "Waiting on Customer", "Urgent", "Feedback Widget", "Incident", "Ann", "Tier 2", "02/05/2024 10:00", "13/05/2024 10:00", "", "", "90", "2.5", "", "3", "2", "a,b , c", "Not Good", "", ""],
        ["6", "App", "Pending", "Low", "Mobihelp", "", "Chloé", "", "2024-05-01 10:00:00", "", "", "", "", "", "abc", "", "", "", "Extremely Happy", "", ""],
        ["7", "Chat", "Closed", "Low", "Chat", "", "Ann", "", "2024-05-01 10:00:00", "2024-05-01 11:00:00", "", "2024-05-01 10:45:00", "2024-05-01 10:05:00", "0:05:00", "0.75", "1", "1", "", "Neutral", "x", ""],
        ["8", "Old", "Frozen", "Low", "Chat", "", "", "", "2024-05-01 10:00:00", "", "", "", "", "", "", "", "", "", "", "", ""],
      ]), // prettier-ignore
    },
    check: (js) => {
      expect(js.run.manifest.files[0]!.format).toBe("freshdesk-csv");
      expect(rejected(js, "excluded")).toHaveLength(4);
      expect(js.run.responses).toBe(2);
    },
  },
  {
    name: "generic CSV with a mapping: units, value words, tags separator, mapping tz and day order",
    engine: "declines",
    options: {mapping: {...GENERIC_MAPPING, tz: "Europe/Paris", day_first: true}},
    files: {
      "cases.csv": csvText(GENERIC_HEADER, [
        ["A-1", "03/04/2024 09:00", "03/04/2024 12:00", "03/04/2024 11:00", "03/04/2024 09:45", "Done", "Courriel", "Ann", "1,5", "x|y", "Happy", "2"],
        ["A-2", "04/04/2024 09:00", "", "", "", "Junk", "Web", "", "", "", "", ""],
        ["A-3", "05/04/2024 09:00", "", "", "", "Waiting", "Pigeon", "Bob", "", " a | b ", "Sad", "1"],
        ["A-4", "06/04/2024 09:00", "", "", "", "Open", "Fax", "Bob", "2", "", "4", ""],
        ["A-5", "07/04/2024 09:00", "", "", "nope", "Limbo", "Web", "", "", "", "", ""],
        ["A-1", "03/04/2024 09:00", "03/04/2024 10:00", "", "", "Open", "Courriel", "Ann", "", "", "", ""],
        ["A-6", "31/03/2024 02:30", "", "31/03/2024 03:30", "", "Done", "", "", "", "", "Good", ""],
      ]), // prettier-ignore
    },
    check: (js) => {
      expect(js.run.manifest.files[0]!.format).toBe("generic-csv");
      expect(ticket(js, "A-1")!.created_at).toBe(Date.UTC(2024, 3, 3, 7));
      expect(ticket(js, "A-1")!.full_resolution_minutes_business).toBe(90);
      expect(rejected(js, "excluded")).toHaveLength(1);
    },
  },
  {
    name: "generic CSV with a mapping without excluded status words",
    engine: "duckdb",
    options: {mapping: {...GENERIC_MAPPING_PLAIN, day_first: false}, tz: "America/St_Johns"},
    files: {
      "cases.csv": csvText(GENERIC_HEADER, [
        ["B-1", "04/03/2024 09:00", "", "04/03/2024 11:00", "04/03/2024 09:45", "Done", "Courriel", "Ann", "1.5", "x|y", "Happy", "2"],
        ["B-2", "04/04/2024 09:00", "", "", "", "Junk", "Web", "", "", "", "", ""],
        ["B-3", "04/05/2024 09:00", "04/06/2024 09:00", "", "", "Waiting", "Pigeon", "Bob", "", " a | b ", "Sad", "1"],
        ["B-4", "04/06/2024 09:00", "", "", "", "closed", "", "Bob", "0:30", "", "5", ""],
        ["B-4", "04/06/2024 09:00", "04/07/2024 09:00", "", "", "pending", "", "Bob", "", "", "", ""],
      ]), // prettier-ignore
    },
    check: (js) => {
      expect(ticket(js, "B-1")!.created_at).toBe(Date.UTC(2024, 3, 3, 11, 30));
      expect(ticket(js, "B-4")!.status).toBe("pending");
      expect(rejected(js).map((r) => r.field)).toEqual(["status"]);
    },
  },
  {
    name: "a larger export: 2000 generated rows, past the 500-row sample and the 64 KiB read chunks",
    engine: "duckdb",
    options: {dayFirst: false, tz: "Europe/Paris"},
    files: {
      "large.csv": sampledZendeskCsv(2000, 42),
      "large-crlf-semicolon.csv": sampledZendeskCsv(1500, 43, {delimiter: ";", eol: "\r\n", bom: true}),
    },
    check: (js) => {
      expect(js.run.tickets).toBeGreaterThan(10);
      expect(js.run.manifest.totals.rows_read).toBe(3500);
    },
  },
  {
    // Past 1,000 distinct values a column is decoded by a join instead of a list (output-sql.ts).
    name: "1,200 distinct agents, groups, priorities, types, tags, statuses, channels and scores",
    engine: "duckdb",
    files: {
      "wide.csv": Z(
        Array.from({length: 1200}, (_, i) => ({
          Id: String(i + 1),
          Assignee: `Agent ${i}`,
          Group: `Group ${i}`,
          Priority: `P${i}`,
          "Ticket type": `Type ${i}`,
          Tags: `t${i} shared`,
          Status: i % 2 ? "Solved" : `Solved${" ".repeat(i % 7)}`,
          Via: i % 10 ? `Via ${i}` : "",
          "Satisfaction Score": i % 5 ? `Word ${i}` : "Good",
        })),
      ),
    },
    check: (js) => {
      expect(new Set(js.dataset.tickets.map((t) => t.assignee)).size).toBe(1200);
      expect(js.dataset.tickets.find((t) => t.ticket_id === "3")!.tags).toEqual(["t2", "shared"]);
    },
  },
  {
    name: "a ticket CSV with a Delighted NPS CSV in the same run",
    engine: "duckdb",
    options: {tz: "Europe/Paris"},
    files: {
      "tickets.csv": Z([
        {Id: "101", "Satisfaction Score": "Good"},
        {Id: "102", "Satisfaction Score": "4"},
        {Id: "103"},
      ]),
      "nps.csv": csvText(DELIGHTED_HEADER, [
        ["r1", "10 - Extremely likely", "Great! write to me@corp.com", "2024-02-01 10:00:00", "p1", "me@corp.com", "Me", "101"],
        ["r2", "6", "", "2024-03-31 02:30:00", "p2", "you@corp.com", "You", ""],
        ["r3", "11", "", "2024-02-01 10:00:00", "p3", "", "", ""],
        ["r4", "", "", "2024-02-01 10:00:00", "p4", "", "", ""],
        ["r5", "7", "", "2031-01-01 10:00:00", "p5", "", "", ""],
        ["r1", "9", "again", "2024-02-02 10:00:00", "p1", "", "", "101"],
      ]), // prettier-ignore
    },
    check: (js) => {
      expect(js.run.tickets).toBe(3);
      expect(js.dataset.responses.filter((r) => r.kind === "nps").length).toBeGreaterThanOrEqual(2);
    },
  },

  // The DuckDB engine must leave these to the core.
  {
    name: "declines: a quoted field containing a newline",
    engine: "declines",
    files: {"multiline.csv": Z([{Id: "1", Subject: "first line\nsecond line"}, {Id: "2"}])},
    check: (js) => expect(ticket(js, "2")!.source_line).toBe(4),
  },
  {
    name: "declines: a row with an extra field",
    engine: "declines",
    files: {
      "extra.csv": csvText(ZENDESK_HEADER, [
        ZENDESK_HEADER.map((c) => (c === "Id" ? "1" : ZENDESK_DEFAULTS[c])),
        [...ZENDESK_HEADER.map((c) => (c === "Id" ? "2" : ZENDESK_DEFAULTS[c])), "surplus"],
        [...ZENDESK_HEADER.map((c) => (c === "Id" ? "3" : ZENDESK_DEFAULTS[c])), "surplus", "more"],
        ZENDESK_HEADER.map((c) => (c === "Id" ? "4" : ZENDESK_DEFAULTS[c])),
      ]),
    },
    check: (js) => expect(rejected(js).map((r) => r.field)).toContain("row"),
  },
  {
    name: "declines: a blank line in the middle",
    engine: "declines",
    files: {"blank.csv": Z([{Id: "1"}, {Id: "2"}, {Id: "3"}], {blankAfter: [0]})},
    check: (js) => expect(ticket(js, "3")!.source_line).toBe(5),
  },
  {
    name: "declines: Windows-1252 bytes",
    engine: "declines",
    files: {
      "cp1252.csv": windows1252(
        Z([
          {Id: "1", Assignee: "André", Group: "Société"},
          {Id: "2", Subject: "€ 5 – ok"},
        ]),
      ),
    },
    check: (js) => expect(ticket(js, "1")!.group).toBe("Société"),
  },
  {
    name: "declines: a UTF-16 file",
    engine: "declines",
    files: {"utf16.csv": utf16le(Z([{Id: "1", Assignee: "Zoë"}, {Id: "2"}]))},
    check: (js) => expect(js.run.tickets).toBe(2),
  },
  {
    name: "declines: a Zendesk JSON export in the same run",
    engine: "declines",
    files: {
      "tickets.csv": Z([{Id: "1", "Updated at": "2024-05-02 10:00:00", Status: "Open"}, {Id: "2"}]),
      "tickets.json": JSON.stringify({
        tickets: [
          {id: 1, created_at: "2024-05-01T10:00:00Z", updated_at: "2024-05-03T10:00:00Z", status: "solved", via: {channel: "email"}, tags: []},
          {id: 3, created_at: "2024-05-01T10:00:00Z", updated_at: "2024-05-03T10:00:00Z", status: "open", via: {channel: "web"}, tags: []},
        ],
      }), // prettier-ignore
    },
    check: (js) => {
      expect(ticket(js, "1")!.status).toBe("solved");
      expect(js.run.tickets).toBe(3);
    },
  },

  // Either engine may read these; only the datasets are compared.
  {
    name: "either: spaces and text outside the quotes",
    engine: "either",
    files: {
      "outside.csv":
        "Id,Created at,Status,Via,Assignee,Satisfaction Score\n" +
        '1,2024-05-01 10:00:00, "Solved" ,Mail,"Ann" ,Good\n' +
        '2,"2024-05-01 10:00:00"x,Open,Mail,Bob,\n' +
        '3,2024-05-01 10:00:00,"Open"  ,"Mail"x,"Bob",\n',
    },
  },
  {
    name: "either: short rows and a trailing empty field",
    engine: "either",
    files: {
      "ragged.csv":
        "Id,Created at,Status,Via,Assignee,Satisfaction Score\n" +
        "1,2024-05-01 10:00:00,Open\n" +
        "2,2024-05-01 10:00:00,Open,Mail,Ann,Good,\n" +
        "3,2024-05-01 10:00:00,Open,Mail,Ann,Good,,\n" +
        "4\n",
    },
  },
  {
    name: "either: dates only the runtime's Date.parse reads, and year 1",
    engine: "either",
    options: {tz: "Europe/Paris"},
    files: {
      "exotic.csv": Z(dateRows(EXOTIC_DATES)),
    },
  },
  {
    name: "either: a zero-byte file and an unrecognised CSV beside a ticket CSV",
    engine: "either",
    files: {"empty.csv": "", "foo.csv": "foo,bar\n1,2\n", "tickets.csv": Z([{Id: "1"}])},
  },
  {
    name: "a Zendesk and a Freshdesk CSV with overlapping ids (two source systems), and a survey linking to them",
    engine: "duckdb",
    files: {
      "zendesk.csv": Z([{Id: "21"}, {Id: "22"}]),
      // A later version of Zendesk ticket 22: files of one system still de-duplicate.
      "zendesk-later.csv": Z([{Id: "22", "Updated at": "2024-05-03 10:00:00", Group: "Tier 2"}]),
      "freshdesk.csv": csvText(FRESHDESK_HEADER, [
        ["21", "Printer", "Resolved", "Medium", "Email", "", "Ann", "", "2024-05-01 10:00:00", "2024-05-02 10:00:00", "2024-05-01 12:00:00", "", "", "", "", "", "", "", "", "false", "false"],
      ]), // prettier-ignore
      "nps.csv":
        "Response ID,Score,Comment,Response timestamp,Ticket ID\nr1,9,,2024-05-04 10:00:00,21\nr2,7,,2024-05-04 10:00:00,22\nr3,3,,2024-05-04 10:00:00,99\n",
    },
    check: (js) => {
      // Ids are unique within one system only: no row is lost, and each system's id is kept apart.
      expect(js.dataset.tickets.map((t) => t.ticket_id).sort()).toEqual([
        "freshdesk:21",
        "zendesk:21",
        "zendesk:22",
      ]);
      expect(js.run.manifest.files.map((f) => f.duplicates)).toEqual([1, 0, 0, 0]);
      expect(js.dataset.tickets.find((t) => t.ticket_id === "zendesk:22")!.group).toBe("Tier 2");
      const link = Object.fromEntries(js.dataset.responses.map((r) => [r.response_id, r.ticket_id]));
      expect(link).toEqual({r1: null, r2: "zendesk:22", r3: "99"});
      expect(js.run.warnings).toContain(
        "nps.csv:0: ticket_id: 1 responses name a ticket id that tickets of several systems hold: left unlinked",
      );
    },
  },
  {
    name: "plausibility: a first reply after the resolution and a duration over five years are kept, with warnings",
    engine: "duckdb",
    files: {
      "tickets.csv": Z([
        {Id: "1"},
        {Id: "2", "First reply time in minutes": "500"},
        {Id: "3", "Agent wait time in minutes": String(6 * 365 * 1440)},
        {Id: "4", "Solved at": "", Status: "Open", "Full resolution time in minutes": ""},
      ]),
    },
    check: (js) => {
      expect(js.run.manifest.files[0]!.accepted).toBe(4);
      expect(rejected(js, "warning").map((r) => [r.line, r.field])).toEqual([
        [3, "first_reply_minutes"],
        [4, "agent_wait_minutes"],
      ]);
      // 2 of 4 tickets is above the share that earns the file a line of its own.
      expect(js.run.warnings.filter((w) => w.includes("contradict each other"))).toHaveLength(1);
    },
  },
  {
    name: "either: Twitter-style timestamps are dates",
    engine: "either",
    options: {tz: "Europe/Paris"},
    files: {
      "tickets.csv": Z([
        {
          Id: "1",
          "Created at": "Wed May 01 10:00:00 +0000 2024",
          "Updated at": "Thu May 02 10:00:00 +0200 2024",
        },
        {Id: "2", "Created at": "Wed May 01 10:00:00 2024", "Solved at": "Wed May 01 12:00:00 2024"},
      ]),
    },
    check: (js) => {
      expect(js.run.problems).toEqual([]);
      expect(ticket(js, "1")!.created_at).toBe(Date.UTC(2024, 4, 1, 10));
      expect(ticket(js, "2")!.created_at).toBe(Date.UTC(2024, 4, 1, 8));
    },
  },
  {
    name: "either: an unknown time zone",
    engine: "either",
    options: {tz: "Mars/Olympus"},
    files: {"tickets.csv": Z([{Id: "1"}])},
  },
];

describe("ingest engines write the same dataset: hand-written cases", () => {
  const report: string[] = [];
  afterAll(() => {
    console.info(`engine per case (EXPECT_DUCKDB=${EXPECT_DUCKDB}):\n${report.join("\n")}`);
  });

  it.each(CASES.map((c) => [c.name, c] as const))("%s", async (_name, c) => {
    const {js, auto} = await compareEngines(c.files, c.options);
    report.push(
      `  ${auto.run.engine.padEnd(10)} ${c.engine.padEnd(8)} ${c.name}${auto.run.declined === null ? "" : ` (declined: ${auto.run.declined})`}`,
    );
    c.check?.(js);
    if (c.engine === "declines") {
      expect(auto.run.engine).toBe("javascript");
      expect(auto.run.declined).not.toBeNull();
    } else if (c.engine === "duckdb" && EXPECT_DUCKDB) {
      expect(auto.run.engine, `declined: ${auto.run.declined}`).toBe("duckdb");
    }
  });
});

// ---------------------------------------------------------------------------------------------
// Property

/** ENGINE_SEED / ENGINE_RUNS explore other runs; ENGINE_SHRINK=1 shrinks a failure (minutes). */
const PROPERTY = {
  seed: Number(process.env.ENGINE_SEED ?? 20250101),
  numRuns: Number(process.env.ENGINE_RUNS ?? 60),
  shrink: Boolean(process.env.ENGINE_SHRINK),
};

describe("ingest engines write the same dataset: property", () => {
  // Sized by numRuns, never by the clock (vitest.config.ts sets no test timeout).
  it("random Zendesk and generic CSV runs", async () => {
    const engines = new Map<string, number>();
    let runs = 0;
    let native = 0;
    await fc.assert(
      fc.asyncProperty(runArb, async (spec) => {
        const {files, mapping} = buildRun(spec);
        const {auto} = await compareEngines(
          files,
          {tz: spec.tz, dayFirst: spec.dayFirst, ...(mapping ? {mapping} : {})},
          true,
        );
        runs++;
        if (auto.run.engine === "duckdb") native++;
        const key = auto.run.engine === "duckdb" ? "duckdb" : `javascript (declined: ${auto.run.declined})`;
        engines.set(key, (engines.get(key) ?? 0) + 1);
      }),
      {numRuns: PROPERTY.numRuns, seed: PROPERTY.seed, endOnFailure: !PROPERTY.shrink},
    );
    console.info(
      `property: ${runs} runs, ${native} on DuckDB\n${[...engines].map(([k, n]) => `  ${n} ${k}`).join("\n")}`,
    );
    if (EXPECT_DUCKDB) expect(native, "runs read by the DuckDB engine").toBeGreaterThanOrEqual(runs / 2);
  });
});
