/**
 * Inputs for the engine-equivalence test (ingest-engines.test.ts): CSV writing with every
 * spreadsheet quirk the ticket readers accept (delimiter, quoting, CRLF, BOM, missing final
 * newline, legacy encodings), the Zendesk legacy and generic (mapped) layouts, value pools of
 * the words, dates and numbers exports hold, and fast-check arbitraries for whole runs.
 */
import fc from "fast-check";

export type Delimiter = "," | ";";

/** Zones whose offsets and DST rules differ most: half- and quarter-hour offsets, 30 min DST. */
export const TIME_ZONES = [
  "UTC",
  "Europe/Paris",
  "Australia/Lord_Howe",
  "Asia/Kathmandu",
  "America/St_Johns",
] as const;

// ---------------------------------------------------------------------------------------------
// CSV text

export interface CsvStyle {
  delimiter?: Delimiter;
  eol?: "\n" | "\r\n";
  /** A UTF-8 byte order mark before the header. */
  bom?: boolean;
  /** Default true; false ends the file on the last cell. */
  finalNewline?: boolean;
  /** Quote every cell, as some spreadsheets do, not only those that need it. */
  quoteAll?: boolean;
  /** Blank lines after these data rows (0-based). */
  blankAfter?: number[];
}

/** One cell, quoted when it holds the delimiter, a quote or a line end (or always). */
export function cell(value: string, delimiter: Delimiter = ",", quoteAll = false): string {
  const needs = value.includes(delimiter) || /["\r\n]/.test(value);
  return needs || quoteAll ? `"${value.replaceAll('"', '""')}"` : value;
}

export function csvText(
  header: readonly string[],
  rows: readonly (readonly string[])[],
  style: CsvStyle = {},
): string {
  const d = style.delimiter ?? ",";
  const eol = style.eol ?? "\n";
  const line = (cells: readonly string[], quoteAll: boolean) =>
    cells.map((c) => cell(c, d, quoteAll)).join(d);
  const lines = [line(header, false)];
  rows.forEach((r, i) => {
    lines.push(line(r, style.quoteAll ?? false));
    if (style.blankAfter?.includes(i) && i < rows.length - 1) lines.push("");
  });
  const text = lines.join(eol) + (style.finalNewline === false ? "" : eol);
  return (style.bom ? "\uFEFF" : "") + text;
}

/** Code points of Windows-1252 bytes 0x80..0x9F (the rest of the table is Latin-1). */
const CP1252_HIGH = [
  0x20ac, 0x81, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021, 0x02c6, 0x2030, 0x0160, 0x2039, 0x0152, 0x8d,
  0x017d, 0x8f, 0x90, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x02dc, 0x2122, 0x0161, 0x203a,
  0x0153, 0x9d, 0x017e, 0x0178,
];

/** Text as Windows-1252 bytes; characters the code page lacks become "?". */
export function windows1252(text: string): Uint8Array {
  const out: number[] = [];
  for (const ch of text) {
    const c = ch.codePointAt(0)!;
    const high = CP1252_HIGH.indexOf(c);
    if (high >= 0) out.push(0x80 + high);
    else if (c < 0x80 || (c >= 0xa0 && c <= 0xff)) out.push(c);
    else out.push(0x3f);
  }
  return new Uint8Array(out);
}

/** Text as UTF-16 LE bytes with a byte order mark. */
export function utf16le(text: string): Uint8Array {
  const body = `\uFEFF${text}`;
  const bytes = new Uint8Array(body.length * 2);
  for (let i = 0; i < body.length; i++) {
    bytes[2 * i] = body.charCodeAt(i) & 0xff;
    bytes[2 * i + 1] = body.charCodeAt(i) >> 8;
  }
  return bytes;
}

// ---------------------------------------------------------------------------------------------
// Layouts

/** The Zendesk Support legacy full CSV export. */
export const ZENDESK_HEADER = [
  "Summation column", "Id", "Requester", "Requester id", "Requester email", "Assignee", "Group", "Subject",
  "Tags", "Status", "Priority", "Via", "Ticket type", "Created at", "Updated at", "Solved at",
  "Satisfaction Score", "Group stations", "Assignee stations", "Reopens", "Replies",
  "First reply time in minutes", "First reply time in minutes within business hours",
  "Full resolution time in minutes", "Full resolution time in minutes within business hours",
  "Requester wait time in minutes", "Agent wait time in minutes",
] as const; // prettier-ignore

export type ZendeskColumn = (typeof ZENDESK_HEADER)[number];
export type ZendeskRow = Partial<Record<ZendeskColumn, string>>;

/** A plain solved ticket; rows of the hand-written cases override what they test. */
export const ZENDESK_DEFAULTS: Record<ZendeskColumn, string> = {
  "Summation column": "",
  Id: "1",
  Requester: "Jane Roe",
  "Requester id": "501",
  "Requester email": "jane@example.com",
  Assignee: "Ann",
  Group: "Tier 1",
  Subject: "Where is my order?",
  Tags: "delivery",
  Status: "Solved",
  Priority: "Normal",
  Via: "Mail",
  "Ticket type": "Question",
  "Created at": "2024-05-01 10:00:00",
  "Updated at": "2024-05-02 10:00:00",
  "Solved at": "2024-05-01 12:00:00",
  "Satisfaction Score": "Not Offered",
  "Group stations": "1",
  "Assignee stations": "1",
  Reopens: "0",
  Replies: "1",
  "First reply time in minutes": "15",
  "First reply time in minutes within business hours": "15",
  "Full resolution time in minutes": "120",
  "Full resolution time in minutes within business hours": "120",
  "Requester wait time in minutes": "60",
  "Agent wait time in minutes": "45",
};

/** A Zendesk CSV of `rows` (defaults filled in), over `columns` in their given order. */
export function zendeskCsv(
  rows: ZendeskRow[],
  style: CsvStyle = {},
  columns: readonly ZendeskColumn[] = ZENDESK_HEADER,
): string {
  return csvText(
    columns,
    rows.map((r) => columns.map((c) => r[c] ?? ZENDESK_DEFAULTS[c])),
    style,
  );
}

/** A local ticket system read through a mapping (see test/formats/helpdesks.test.ts). */
export const GENERIC_HEADER = [
  "Case Number", "Opened", "Last Change", "Closed", "First Response", "State", "Origin", "Owner",
  "Handle (h)", "Labels", "Rating", "Replies",
] as const; // prettier-ignore

export type GenericColumn = (typeof GENERIC_HEADER)[number];

export const GENERIC_MAPPING = {
  columns: {
    ticket_id: "Case Number",
    created_at: "Opened",
    updated_at: "Last Change",
    solved_at: "Closed",
    first_reply_at: "First Response",
    status: "State",
    channel: "Origin",
    assignee: "Owner",
    full_resolution_minutes_business: "Handle (h)",
    tags: "Labels",
    satisfaction: "Rating",
    replies: "Replies",
  },
  units: {full_resolution_minutes_business: "hours"},
  values: {
    status: {Done: "solved", Junk: "excluded", Waiting: "pending", Open: "open"},
    channel: {Courriel: "email", Pigeon: "other"},
    satisfaction: {Happy: "good", Sad: "bad"},
  },
  tags_separator: "|",
};

/** The same mapping without "excluded" status words (the generic reader then adds no step of its own). */
export const GENERIC_MAPPING_PLAIN = {
  ...GENERIC_MAPPING,
  values: {...GENERIC_MAPPING.values, status: {Done: "solved", Waiting: "pending", Open: "open"}},
};

/** Header of a Delighted NPS response export. */
export const DELIGHTED_HEADER = [
  "Response ID",
  "Score",
  "Comment",
  "Response timestamp",
  "Person ID",
  "Email",
  "Name",
  "Ticket ID",
];

/** Header of a Freshdesk ticket export. */
export const FRESHDESK_HEADER = [
  "Ticket ID", "Subject", "Status", "Priority", "Source", "Type", "Agent", "Group", "Created time",
  "Last update time", "Resolved time", "Closed time", "Initial response time",
  "First response time (in hrs)", "Resolution time (in hrs)", "Agent interactions", "Customer interactions",
  "Tags", "Survey results", "Spam", "Deleted",
]; // prettier-ignore

// ---------------------------------------------------------------------------------------------
// Values

/** Wall-clock times (as if UTC) around the DST changes of the zones above, and the clock's edges. */
const SPECIAL_WALLS = [
  "2024-03-31T02:30:00", // Paris: in the spring gap
  "2024-10-27T02:30:00", // Paris: twice in the autumn overlap
  "2024-10-06T02:15:00", // Lord Howe: in its 30-minute gap
  "2024-04-07T01:45:00", // Lord Howe: in its 30-minute overlap
  "2024-03-10T02:30:00", // St John's: in the gap
  "2024-11-03T01:30:00", // St John's: in the overlap
  "2024-02-29T12:00:00",
  "2024-12-31T23:59:59",
  "2025-01-01T13:59:00", // NOW + 14 h is the limit of "in the future" (depends on the zone)
  "2025-01-01T14:00:00",
  "2025-01-01T19:45:00",
  "2025-01-02T10:00:00",
].map((s) => Date.parse(`${s}Z`));

/** Date cells every reader must agree on: forms, impossible dates, far future, junk. */
export const DATE_EDGES = [
  "2024-05-01 24:00:00", "2024-05-01T10:00:00.250Z", "2024-05-01T10:00:00+05:45", "2024-05-01T10:00:00-0330",
  "2024-05-01 10:00:00 UTC", "2024-05-01 10:00", "2024-05-01", "2024-12-31 23:59:60", "1714557600",
  "1714557600000", "1714557600.5", "13/04/2024 09:00", "04/13/2024 9:00 PM", "3/4/24", "03.04.2024 10:00",
  "1 Apr 2024 10:00", "01-Apr-2024", "2 Sept 2024", "31 Foo 2024", "2024-02-30 10:00:00", "2023-02-29 10:00:00",
  "2024-13-01 00:00:00", "31/04/2024", "2024-04-31T10:00:00Z", "2024-05-01 25:00:00", "2031-02-01 10:00:00",
  "2025-01-01T14:00:01Z", "1970-01-01 00:00:00", "1969-12-31 23:00:00", "yesterday", "0000-00-00 00:00:00", " ",
]; // prettier-ignore

/** Dates only the runtime's Date.parse reads (or odd years): a native engine may leave them to the core. */
export const EXOTIC_DATES = [
  "2024-5-1 10:00",
  "2024-05-01 10:00:00 PM",
  "2024-05-01T10:00:00 GMT",
  "2024-05-01 noon",
  "0001-01-01 00:00:00",
  "2024-05-01T10:00:00.1234567890Z",
];

export const STATUSES = ["Open", "Pending", "Solved", "Closed", "New"];
export const STATUS_EDGES = [
  "On-hold", "Hold", "solved", " Solved ", "SOLVED", "Resolved", "Deleted", "Spam", "Merged", "Frobnicated", "",
]; // prettier-ignore
export const VIAS = ["Mail", "Web form", "Chat", "Phone call (incoming)", "API", "Web Widget"];
export const VIA_EDGES = [
  "Closed ticket", "Rule", "Sample ticket", "Carrier pigeon", "carrier pigeon", "CARRIER PIGEON ", " Mail ", "",
  "Twitter DM", "WhatsApp", "Messaging (native)", "Email (outbound)",
]; // prettier-ignore
export const TAGS = ["", "vip", "billing vip", "returns"];
export const TAG_EDGES = ["closed_by_merge", "vip closed_by_merge", "a  b", "x,y", " lead ", "über"];
export const SATISFACTIONS = ["Not Offered", "Offered", "Good", "Bad", ""];
export const SATISFACTION_EDGES = [
  "Good, I'm satisfied", "Bad, I’m unsatisfied", "5f4dcc3b5aa765d61d8327deb882cf99", "1", "2", "3", "4", "5",
  "0", "6", "4.0", "-", " good ", "Unoffered",
]; // prettier-ignore
export const PRIORITIES = ["Low", "Normal", "Medium", "High", "Urgent", "-", "none", "", " HIGH "];
export const AGENTS = ["Ann", "Bob", "Chloé", "", "-", "  Ann  ", "Smith, John", 'Dan "The Man"', "Zoë"];
export const GROUPS = ["Tier 1", "Tier 2", "", "Billing; Ops", "Société"];
export const SUBJECTS = ["Where is my order?", "Refund, please", 'He said "hi"', "", "Ça ne marche pas"];
export const TYPES = ["Question", "Incident", "Problem", "Task", "", "-"];
export const ID_EDGES = [" 7 ", "", "   ", "007", "A-1", "12345678901234567890", "7.0", "-3", '5"x', "x;y"];
export const COUNTS = ["0", "1", "2", "5", ""];
export const COUNT_EDGES = ["1.5", "-1", "1,000", "abc", " 3 ", "-0", "2.0"];
/** Duration cells in any unit; `;` files read "1,5" as 1.5. */
export const DURATION_EDGES = [
  "", "-", "12:30", "01:30:00", "2 days 01:00:00", "1,234", "-5", "-0", "abc", " 7 ", "1e3", ".5", "n/a",
  "NULL", "1 234,5", "-0:30", "0:00",
]; // prettier-ignore
/** Any cell can hold these. */
export const JUNK = ["n/a", "#N/A", "???", "=SUM(A1)", "null", "\t", "—", "0", " ", "x"];

// ---------------------------------------------------------------------------------------------
// Generated runs

export type DateStyle = "iso" | "isoT" | "isoZ" | "dmy" | "mdy" | "unix";

/** A time cell: a wall-clock time (ms, as if UTC) written in the file's style, or raw text. */
export type Stamp = {wall: number} | {raw: string} | null;
/** A duration or count cell: a number written in the file's style, or raw text. */
export type Num = {value: number} | {raw: string} | null;

export interface Draft {
  id: string;
  created: Stamp;
  updated: Stamp;
  solved: Stamp;
  /** Minutes from created to the first reply (the generic layout writes a time). */
  firstReply: Num;
  firstReplyBusiness: Num;
  fullResolution: Num;
  fullResolutionBusiness: Num;
  requesterWait: Num;
  agentWait: Num;
  status: string;
  via: string;
  tags: string;
  satisfaction: string;
  priority: string;
  assignee: string;
  group: string;
  subject: string;
  type: string;
  replies: string;
  reopens: string;
}

export type Hazard =
  "multiline" | "extraField" | "blankLine" | "windows1252" | "utf16" | "zendeskJson" | "exoticDates";

export interface FileSpec {
  layout: "zendesk" | "generic";
  delimiter: Delimiter;
  eol: "\n" | "\r\n";
  bom: boolean;
  finalNewline: boolean;
  quoteAll: boolean;
  dateStyle: DateStyle;
  /** Slash dates with days folded to 1..12, so nothing tells the day/month order. */
  lowDays: boolean;
  /** Zendesk view exports: columns left out (never Id / Created at) and the order shuffled. */
  dropColumns: readonly string[];
  shuffleSeed: number | null;
  /** Header names as exported, or upper / lower case (headers are matched case-insensitively). */
  headerCase: "as-is" | "upper" | "lower";
  rows: Draft[];
}

export interface RunSpec {
  files: FileSpec[];
  tz: (typeof TIME_ZONES)[number];
  dayFirst: boolean | undefined;
  /** The mapping's own zone and day order (generic files). */
  mappingTz: (typeof TIME_ZONES)[number] | undefined;
  mappingDayFirst: boolean | undefined;
  /** The mapping has an "excluded" status word. */
  mappingExcluded: boolean;
  /** At most one input the native engine may leave to the core; null in most runs. */
  hazard: Hazard | null;
  hazardAt: number;
}

const pick = <T>(nice: readonly T[], edges: readonly T[], junk: readonly T[] = []): fc.Arbitrary<T> =>
  fc.oneof(
    {arbitrary: fc.constantFrom(...nice), weight: 30},
    {arbitrary: fc.constantFrom(...edges), weight: 2},
    ...(junk.length ? [{arbitrary: fc.constantFrom(...junk), weight: 1}] : []),
  );

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const YEAR_2024 = Date.UTC(2024, 0, 1);

/** Wall-clock times in 2024 (to November) on whole minutes, or near a DST change / the clock's edge. */
const wallArb: fc.Arbitrary<number> = fc.oneof(
  {arbitrary: fc.integer({min: 0, max: 334 * 24 * 60}).map((m) => YEAR_2024 + m * MINUTE), weight: 16},
  {
    arbitrary: fc
      .tuple(fc.constantFrom(...SPECIAL_WALLS), fc.integer({min: -2, max: 2}))
      .map(([w, k]) => w + k * 15 * MINUTE),
    weight: 2,
  },
);

const stampArb = (nullWeight: number): fc.Arbitrary<Stamp> =>
  fc.oneof(
    {arbitrary: wallArb.map((wall) => ({wall})), weight: 20},
    {arbitrary: fc.constant(null), weight: nullWeight},
    {arbitrary: fc.constantFrom(...DATE_EDGES).map((raw) => ({raw})), weight: 1},
  );

/** Versions that often tie, so duplicates exercise "tie -> later row". */
const UPDATED_POOL = [0, 1, 2, 3].map((k) => Date.UTC(2024, 5, 1, 10 + k));

const numArb: fc.Arbitrary<Num> = fc.oneof(
  {arbitrary: fc.integer({min: 0, max: 600}).map((value) => ({value})), weight: 40},
  {arbitrary: fc.integer({min: 0, max: 200}).map((v) => ({value: v / 4})), weight: 10},
  {arbitrary: fc.constant(null), weight: 15},
  {arbitrary: fc.constantFrom(...DURATION_EDGES).map((raw) => ({raw})), weight: 2},
  {arbitrary: fc.constantFrom(...JUNK).map((raw) => ({raw})), weight: 1},
);

const idArb: fc.Arbitrary<string> = fc.oneof(
  {arbitrary: fc.integer({min: 1, max: 40}).map(String), weight: 20},
  {arbitrary: fc.constantFrom(...ID_EDGES), weight: 1},
);

const draftArb: fc.Arbitrary<Draft> = fc
  .record({
    id: idArb,
    created: stampArb(0),
    updated: fc.oneof(
      stampArb(2),
      fc.constantFrom(...UPDATED_POOL).map((wall): Stamp => ({wall})),
      fc.constant("created+" as const),
    ),
    solvedDelta: fc.oneof(
      {arbitrary: fc.constant(null), weight: 4},
      {arbitrary: fc.integer({min: 0, max: 20 * 24 * 60}).map((m) => m * MINUTE), weight: 14},
      {
        arbitrary: fc.constantFrom(-2 * DAY, -61_000, -60_000, -30_000, 0, 5 * MINUTE, 90 * MINUTE, 3 * DAY),
        weight: 2,
      },
      {arbitrary: fc.constantFrom(...DATE_EDGES), weight: 1},
    ),
    firstReply: numArb,
    firstReplyBusiness: numArb,
    fullResolution: numArb,
    fullResolutionBusiness: numArb,
    requesterWait: numArb,
    agentWait: numArb,
    status: pick(STATUSES, STATUS_EDGES, JUNK),
    via: pick(VIAS, VIA_EDGES, JUNK),
    tags: pick(TAGS, TAG_EDGES),
    satisfaction: pick(SATISFACTIONS, SATISFACTION_EDGES, JUNK),
    priority: fc.constantFrom(...PRIORITIES),
    assignee: fc.constantFrom(...AGENTS),
    group: fc.constantFrom(...GROUPS),
    subject: fc.constantFrom(...SUBJECTS),
    type: fc.constantFrom(...TYPES),
    replies: pick(COUNTS, COUNT_EDGES, JUNK),
    reopens: pick(COUNTS, COUNT_EDGES),
  })
  .map(({solvedDelta, updated, ...d}): Draft => {
    const base = d.created && "wall" in d.created ? d.created.wall : null;
    const solved: Stamp =
      solvedDelta === null
        ? null
        : typeof solvedDelta === "string"
          ? {raw: solvedDelta}
          : base === null
            ? null
            : {wall: base + solvedDelta};
    const upd: Stamp = updated === "created+" ? (base === null ? null : {wall: base + 3 * HOUR}) : updated;
    return {...d, updated: upd, solved};
  });

const OPTIONAL_ZENDESK = ZENDESK_HEADER.filter((c) => c !== "Id" && c !== "Created at");

const fileArb: fc.Arbitrary<FileSpec> = fc.record({
  layout: fc.constantFrom("zendesk" as const, "zendesk" as const, "generic" as const),
  delimiter: fc.constantFrom<Delimiter>(",", ";"),
  eol: fc.constantFrom<"\n" | "\r\n">("\n", "\r\n"),
  bom: fc.boolean(),
  finalNewline: fc.oneof(
    {arbitrary: fc.constant(true), weight: 4},
    {arbitrary: fc.constant(false), weight: 1},
  ),
  quoteAll: fc.oneof({arbitrary: fc.constant(false), weight: 4}, {arbitrary: fc.constant(true), weight: 1}),
  dateStyle: fc.constantFrom<DateStyle>("iso", "iso", "isoT", "isoZ", "dmy", "mdy", "unix"),
  lowDays: fc.oneof({arbitrary: fc.constant(false), weight: 3}, {arbitrary: fc.constant(true), weight: 1}),
  dropColumns: fc.oneof(
    {arbitrary: fc.constant<string[]>([]), weight: 3},
    {arbitrary: fc.subarray([...OPTIONAL_ZENDESK]), weight: 1},
  ),
  shuffleSeed: fc.option(fc.nat(), {freq: 2}),
  headerCase: fc.constantFrom(
    "as-is" as const,
    "as-is" as const,
    "as-is" as const,
    "upper" as const,
    "lower" as const,
  ),
  rows: fc.array(draftArb, {maxLength: 90, size: "max"}),
});

export const runArb: fc.Arbitrary<RunSpec> = fc.record({
  files: fc.array(fileArb, {minLength: 1, maxLength: 2}),
  tz: fc.constantFrom(...TIME_ZONES),
  dayFirst: fc.oneof({arbitrary: fc.constant(undefined), weight: 6}, {arbitrary: fc.boolean(), weight: 1}),
  mappingTz: fc.option(fc.constantFrom(...TIME_ZONES), {nil: undefined, freq: 3}),
  mappingDayFirst: fc.option(fc.boolean(), {nil: undefined, freq: 2}),
  mappingExcluded: fc.oneof(
    {arbitrary: fc.constant(false), weight: 2},
    {arbitrary: fc.constant(true), weight: 1},
  ),
  hazard: fc.oneof(
    {arbitrary: fc.constant(null), weight: 24},
    {
      arbitrary: fc.constantFrom<Hazard>(
        "multiline",
        "extraField",
        "blankLine",
        "windows1252",
        "utf16",
        "zendeskJson",
        "exoticDates",
      ),
      weight: 7,
    },
  ),
  hazardAt: fc.nat(),
});

const pad = (n: number, width = 2) => String(n).padStart(width, "0");

/** A wall-clock time written in one of the forms exports use. */
export function formatWall(wall: number, style: DateStyle, lowDays = false): string {
  const t = new Date(wall);
  const [y, mo, d0, h, mi, s] = [
    t.getUTCFullYear(),
    t.getUTCMonth() + 1,
    t.getUTCDate(),
    t.getUTCHours(),
    t.getUTCMinutes(),
    t.getUTCSeconds(),
  ];
  const d = lowDays ? ((d0 - 1) % 12) + 1 : d0;
  const date = `${y}-${pad(mo)}-${pad(d0)}`;
  const time = `${pad(h)}:${pad(mi)}:${pad(s)}`;
  switch (style) {
    case "iso":
      return `${date} ${time}`;
    case "isoT":
      return `${date}T${time}`;
    case "isoZ":
      return `${date}T${time}Z`;
    case "dmy":
      return `${pad(d)}/${pad(mo)}/${y} ${pad(h)}:${pad(mi)}`;
    case "mdy":
      return `${mo}/${d}/${y} ${h % 12 || 12}:${pad(mi)} ${h < 12 ? "AM" : "PM"}`;
    case "unix":
      return String(Math.floor(wall / 1000));
  }
}

interface Writer {
  stamp: (s: Stamp) => string;
  num: (n: Num, scale?: number) => string;
}

function writer(file: FileSpec, exotic: boolean, seed: number): Writer {
  let k = seed;
  return {
    stamp(s) {
      if (s === null) return "";
      if ("raw" in s) return s.raw;
      // Exotic runs put a runtime-parsed form in some date cells.
      if (exotic && k++ % 7 === 0) return EXOTIC_DATES[k % EXOTIC_DATES.length]!;
      return formatWall(s.wall, file.dateStyle, file.lowDays);
    },
    num(n, scale = 1) {
      if (n === null) return "";
      if ("raw" in n) return n.raw;
      const text = String(n.value / scale);
      return file.delimiter === ";" ? text.replace(".", ",") : text;
    },
  };
}

function shuffled<T>(items: T[], seed: number): T[] {
  const out = items.slice();
  let s = seed >>> 0;
  for (let i = out.length - 1; i > 0; i--) {
    s = (Math.imul(s, 1103515245) + 12345) >>> 0;
    const j = s % (i + 1);
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

function zendeskCells(d: Draft, w: Writer): Record<ZendeskColumn, string> {
  return {
    ...ZENDESK_DEFAULTS,
    Id: d.id,
    Assignee: d.assignee,
    Group: d.group,
    Subject: d.subject,
    Tags: d.tags,
    Status: d.status,
    Priority: d.priority,
    Via: d.via,
    "Ticket type": d.type,
    "Created at": w.stamp(d.created),
    "Updated at": w.stamp(d.updated),
    "Solved at": w.stamp(d.solved),
    "Satisfaction Score": d.satisfaction,
    Reopens: d.reopens,
    Replies: d.replies,
    "First reply time in minutes": w.num(d.firstReply),
    "First reply time in minutes within business hours": w.num(d.firstReplyBusiness),
    "Full resolution time in minutes": w.num(d.fullResolution),
    "Full resolution time in minutes within business hours": w.num(d.fullResolutionBusiness),
    "Requester wait time in minutes": w.num(d.requesterWait),
    "Agent wait time in minutes": w.num(d.agentWait),
  };
}

const GENERIC_STATES: Record<string, string> = {
  Solved: "Done",
  Open: "Open",
  Pending: "Waiting",
  Spam: "Junk",
};
const GENERIC_ORIGINS: Record<string, string> = {Mail: "Courriel", "Carrier pigeon": "Pigeon"};
const GENERIC_RATINGS: Record<string, string> = {Good: "Happy", Bad: "Sad"};

function genericCells(d: Draft, w: Writer): Record<GenericColumn, string> {
  const created = d.created && "wall" in d.created ? d.created.wall : null;
  const first: Stamp =
    d.firstReply === null
      ? null
      : "raw" in d.firstReply
        ? {raw: d.firstReply.raw}
        : created === null
          ? null
          : {wall: created + Math.round(d.firstReply.value) * MINUTE};
  return {
    "Case Number": d.id,
    Opened: w.stamp(d.created),
    "Last Change": w.stamp(d.updated),
    Closed: w.stamp(d.solved),
    "First Response": w.stamp(first),
    State: GENERIC_STATES[d.status] ?? d.status,
    Origin: GENERIC_ORIGINS[d.via] ?? d.via,
    Owner: d.assignee,
    "Handle (h)": w.num(d.fullResolutionBusiness, 60),
    Labels: d.tags.trim().replace(/\s+/g, "|"),
    Rating: GENERIC_RATINGS[d.satisfaction] ?? d.satisfaction,
    Replies: d.replies,
  };
}

/** A few Zendesk API tickets whose ids overlap the CSV ones. */
function zendeskJson(): string {
  const ticket = (id: number, status: string, updated: string) => ({
    id,
    created_at: "2024-05-01T08:00:00Z",
    updated_at: updated,
    status,
    via: {channel: "email"},
    tags: [],
  });
  return JSON.stringify({
    tickets: [
      ticket(1, "solved", "2024-06-01T12:00:00Z"),
      ticket(2, "open", "2023-01-01T00:00:00Z"),
      ticket(99, "pending", "2024-06-01T12:00:00Z"),
    ],
  });
}

export interface BuiltRun {
  files: Record<string, string | Uint8Array>;
  mapping: unknown;
}

/** The files of a generated run, named tickets-1.csv, tickets-2.csv (and tickets.json). */
export function buildRun(spec: RunSpec): BuiltRun {
  const files: Record<string, string | Uint8Array> = {};
  const target = spec.hazardAt % spec.files.length;
  spec.files.forEach((file, i) => {
    const hazard = i === target ? spec.hazard : null;
    const w = writer(file, hazard === "exoticDates", spec.hazardAt);
    let header: string[];
    let rows: string[][];
    if (file.layout === "zendesk") {
      let columns = ZENDESK_HEADER.filter((c) => !file.dropColumns.includes(c));
      if (file.shuffleSeed !== null) columns = shuffled(columns, file.shuffleSeed);
      header = columns.map((c) =>
        file.headerCase === "upper" ? c.toUpperCase() : file.headerCase === "lower" ? c.toLowerCase() : c,
      );
      rows = file.rows.map((d) => {
        const cells = zendeskCells(d, w);
        return columns.map((c) => cells[c]);
      });
    } else {
      header = [...GENERIC_HEADER];
      rows = file.rows.map((d) => {
        const cells = genericCells(d, w);
        return GENERIC_HEADER.map((c) => cells[c]);
      });
    }
    const at = rows.length ? spec.hazardAt % rows.length : 0;
    if (hazard === "multiline" && rows.length) rows[at]![header.length - 1] = "first line\nsecond line";
    // One surplus cell, or two (the core has read a single one differently from two).
    if (hazard === "extraField" && rows.length) rows[at]!.push(...["surplus", "more"].slice(0, 1 + (at % 2)));
    const text = csvText(header, rows, {
      delimiter: file.delimiter,
      eol: file.eol,
      bom: file.bom,
      finalNewline: file.finalNewline,
      quoteAll: file.quoteAll,
      blankAfter: hazard === "blankLine" ? [at] : [],
    });
    const name = `tickets-${i + 1}.csv`;
    if (hazard === "windows1252") files[name] = windows1252(text.replace(/Ann/g, "Andr\u00e9"));
    else if (hazard === "utf16") files[name] = utf16le(text.replace(/^\uFEFF/, ""));
    else files[name] = text;
  });
  if (spec.hazard === "zendeskJson") files["tickets.json"] = zendeskJson();
  const generic = spec.files.some((f) => f.layout === "generic");
  const mapping = generic
    ? {
        ...(spec.mappingExcluded ? GENERIC_MAPPING : GENERIC_MAPPING_PLAIN),
        ...(spec.mappingTz ? {tz: spec.mappingTz} : {}),
        ...(spec.mappingDayFirst !== undefined ? {day_first: spec.mappingDayFirst} : {}),
      }
    : undefined;
  return {files, mapping};
}

/**
 * A Zendesk export of `n` generated rows (values, junk and duplicates as in the property), for
 * files larger than the 500-row date sample and the core's 64 KiB read chunks.
 */
export function sampledZendeskCsv(n: number, seed: number, style: CsvStyle = {}): string {
  const file: FileSpec = {
    layout: "zendesk",
    delimiter: style.delimiter ?? ",",
    eol: style.eol ?? "\n",
    bom: style.bom ?? false,
    finalNewline: style.finalNewline ?? true,
    quoteAll: style.quoteAll ?? false,
    dateStyle: "iso",
    lowDays: false,
    dropColumns: [],
    shuffleSeed: null,
    headerCase: "as-is",
    // Ids 1..40 again in every block of 100 rows: duplicates stay near each other, as in exports.
    rows: fc
      .sample(draftArb, {numRuns: n, seed})
      .map((d, i) => (/^\d+$/.test(d.id) ? {...d, id: String(Number(d.id) + 40 * Math.floor(i / 100))} : d)),
  };
  const w = writer(file, false, 0);
  return csvText(
    ZENDESK_HEADER,
    file.rows.map((d) => {
      const cells = zendeskCells(d, w);
      return ZENDESK_HEADER.map((c) => cells[c]);
    }),
    style,
  );
}
