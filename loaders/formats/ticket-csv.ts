/**
 * The row reader shared by every flat ticket CSV (Zendesk, Freshdesk, Intercom, generic with a
 * mapping): each adapter only says which column holds which canonical field, in which unit.
 * This is the ingest hot path, so it works on column indices and hand-written checks.
 */
import type {Channel, Satisfaction, SurveyResponse, Status} from "../schema/index.ts";
import {
  Cells,
  checkTicket,
  implausible,
  minutesBetween,
  newResponse,
  newTicket,
  norm,
  rowExcerpt,
  WARNING,
} from "./common.ts";
import type {CsvReader, FileContext, MetricsPatch} from "./types.ts";
import {peopleColumns, rowPeople} from "../privacy/people-columns.ts";
import {
  channelOf,
  excludedChannel,
  excludedStatus,
  priorityOf,
  satisfactionOf,
  satisfactionOfScore,
  statusOf,
} from "./vocab.ts";

export type DurationField = Exclude<keyof MetricsPatch, "updated_at" | "solved_at" | "replies" | "reopens">;

export interface MetricColumn {
  field: DurationField;
  index: number;
  /** Minutes per unit of a plain number in the cell: 1 minutes, 60 hours, 1/60 seconds. */
  unitMinutes: number;
}

/** Column indices (-1 = absent) and value vocabularies of one ticket CSV layout. */
export interface TicketColumns {
  id: number;
  created: number;
  updated: number;
  solved: number;
  /** Timestamp of the first agent reply, when the layout has it instead of a duration. */
  firstReplyAt: number;
  status: number;
  priority: number;
  type: number;
  channel: number;
  group: number;
  assignee: number;
  tags: number;
  satisfaction: number;
  replies: number;
  reopens: number;
  metrics: MetricColumn[];
  /** Columns whose truthy value leaves the ticket out (Freshdesk "Spam", "Deleted"...). */
  flags: {index: number; reason: string}[];
}

export interface TicketVocab {
  /** Extra raw word -> canonical channel, checked before the shared table. */
  channels?: Record<string, Channel>;
  statuses?: Record<string, Status>;
  /** Raw channel words (lower case) that mark outbound tickets, left out of the dataset. */
  outbound?: Set<string>;
  /** Raw satisfaction words (lower case) -> good / bad, checked before the shared table. */
  satisfaction?: Record<string, "good" | "bad">;
  /** Splits the tags cell. Default: spaces and commas. */
  tagSplit?: RegExp;
  /** Status used when the layout has no status column. Default "open". */
  defaultStatus?: Status;
}

export const NO_COLUMNS: TicketColumns = {
  id: -1, created: -1, updated: -1, solved: -1, firstReplyAt: -1, status: -1, priority: -1, type: -1,
  channel: -1, group: -1, assignee: -1, tags: -1, satisfaction: -1, replies: -1, reopens: -1, metrics: [], flags: [],
}; // prettier-ignore

const TRUTHY = new Set(["true", "yes", "1", "y", "x"]);

/**
 * How each cell of a ticket CSV reads, one function per kind of cell. The row reader below
 * calls them per row; the native DuckDB engine (loaders/node/ingest-native) calls the same
 * functions once per distinct value, so both engines read every cell alike.
 */
export interface TicketCells {
  /** Canonical status, the reason the status leaves the ticket out, or why the row is invalid. */
  status(raw: string): {status: Status | null; excluded: string | null; invalid: string | null};
  /** Channel of a non-blank cell; `unknownKey` is set when the word is unknown (warned once). */
  channel(raw: string): {channel: Channel; raw: string; excluded: string | null; unknownKey: string | null};
  /** A free-text cell (group, type, assignee): null when blank or "-". */
  text(raw: string): string | null;
  priority(raw: string): string | null;
  /** Tags of a cell, already trimmed and not blank. */
  tags(raw: string): string[];
  /** `s` undefined: unknown or hashed score (warned once per `raw`); `n` a 1-5 score or NaN. */
  satisfaction(cell: string): {raw: string; n: number; s: Satisfaction | null | undefined};
  /** Whether a flag column's cell leaves the ticket out. */
  flag(raw: string): boolean;
}

export function ticketCells(ctx: FileContext, vocab: TicketVocab = {}): TicketCells {
  const split = vocab.tagSplit ?? /[\s,]+/;
  const channelCache = new Map<string, ReturnType<TicketCells["channel"]>>();
  const channel = (raw: string) => {
    let c = channelCache.get(raw);
    if (!c) {
      const key = raw.trim().toLowerCase();
      const own = vocab.channels?.[key] ?? vocab.channels?.[raw.trim()];
      const shared = channelOf(raw);
      c = {
        channel: own ?? shared.channel,
        raw: ctx.intern(raw.trim()),
        excluded: vocab.outbound?.has(key) ? "outbound (agent-initiated) ticket" : excludedChannel(raw),
        unknownKey: !own && !shared.known ? key : null,
      };
      channelCache.set(raw, c);
    }
    return c;
  };
  const text = (raw: string): string | null => {
    const v = raw.trim();
    return v === "" || v === "-" ? null : ctx.intern(v);
  };
  // Status and priority words repeat on every row: look each raw word up once.
  const statusCache = new Map<string, ReturnType<TicketCells["status"]>>();
  const status = (raw: string) => {
    let hit = statusCache.get(raw);
    if (hit === undefined) {
      const s = vocab.statuses?.[raw.trim().toLowerCase()] ?? statusOf(raw);
      const excluded = excludedStatus(raw);
      const invalid = s || excluded ? null : raw.trim() ? `unknown status "${raw.slice(0, 30)}"` : "missing";
      hit = {status: s, excluded, invalid};
      if (statusCache.size < 1000) statusCache.set(raw, hit);
    }
    return hit;
  };
  // Satisfaction words repeat too: trim, case-fold and score each raw cell once.
  const satisfactionCache = new Map<string, ReturnType<TicketCells["satisfaction"]>>();
  const satisfaction = (cell: string) => {
    let hit = satisfactionCache.get(cell);
    if (hit === undefined) {
      const raw = cell.trim();
      const own = vocab.satisfaction?.[raw.toLowerCase()];
      const n = /^[1-5]$/.test(raw) ? Number(raw) : NaN;
      hit = {raw, n, s: own ?? (Number.isNaN(n) ? satisfactionOf(raw) : satisfactionOfScore(n, 5))};
      // Interned keys: a long cell may be a slice that would keep a whole decoded chunk alive.
      if (satisfactionCache.size < 1000) satisfactionCache.set(ctx.intern(cell), hit);
    }
    return hit;
  };
  // Tag cells repeat ("vip billing"): split and intern each distinct cell once, and let every
  // row with that cell share one frozen array (a copy per row was ~56 bytes a ticket, kept alive
  // until the dataset is written).
  const tagsCache = new Map<string, string[]>();
  const tags = (raw: string): string[] => {
    let t = tagsCache.get(raw);
    if (t === undefined) {
      t = Object.freeze(raw.split(split).filter(Boolean).map(ctx.intern)) as string[];
      if (tagsCache.size < 10_000) tagsCache.set(ctx.intern(raw), t);
    }
    return t;
  };
  const priorityCache = new Map<string, string | null>();
  const priority = (raw: string): string | null => {
    let p = priorityCache.get(raw);
    if (p === undefined) {
      const v = priorityOf(raw);
      p = v === null ? null : ctx.intern(v);
      if (priorityCache.size < 1000) priorityCache.set(raw, p);
    }
    return p;
  };
  const flag = (raw: string) => TRUTHY.has(raw.trim().toLowerCase());
  return {status, channel, text, priority, tags, satisfaction, flag};
}

/** What the native engine needs to read a file as `ticketCsvReader` reads it. */
export interface TicketCsvPlan {
  header: string[];
  cols: TicketColumns;
  cells: TicketCells;
  /** Status of every ticket when the layout has no status column. */
  defaultStatus: Status;
  /** Columns naming people (loaders/privacy/people-columns.ts), read on every row for masking. */
  people: number[][];
}

export function ticketCsvReader(
  ctx: FileContext,
  header: string[],
  cols: TicketColumns,
  vocab: TicketVocab = {},
): CsvReader {
  const cells = new Cells(ctx);
  const read = ticketCells(ctx, vocab);
  const sink = ctx.sink;
  const warned = new Set<string>();
  const at = (f: string[], i: number): string | undefined => (i < 0 ? undefined : f[i]);
  const text = (f: string[], i: number): string | null => (i < 0 ? null : read.text(f[i] ?? ""));
  // Every name on every row, before any check can return: the masking must know them all.
  const people = peopleColumns(header.map(norm));
  if (cols.assignee >= 0 && !people.some((g) => g.length === 1 && g[0] === cols.assignee))
    people.push([cols.assignee]);

  const used = [
    cols.id,
    cols.created,
    cols.updated,
    cols.solved,
    cols.firstReplyAt,
    cols.status,
    cols.priority,
  ];
  used.push(cols.type, cols.channel, cols.group, cols.assignee, cols.tags, cols.satisfaction, cols.replies);
  used.push(cols.reopens, ...cols.metrics.map((m) => m.index), ...cols.flags.map((m) => m.index));
  used.push(...people.flat());
  return {
    ticketCsv: {header, cols, cells: read, defaultStatus: vocab.defaultStatus ?? "open", people},
    dateColumns: [cols.created, cols.updated, cols.solved, cols.firstReplyAt].filter((i) => i >= 0),
    columns: used.filter((i) => i >= 0),
    row(f, line) {
      cells.reset();
      if (ctx.person) for (const name of rowPeople(people, f)) ctx.person(name);
      const id = (f[cols.id] ?? "").trim();
      if (id === "") return sink.reject(line, "ticket_id", "missing", rowExcerpt(header, f));
      const created = cells.date(f[cols.created] ?? "", "created_at");
      if (cells.failed())
        return sink.reject(line, cells.failed()!.field, cells.failed()!.reason, rowExcerpt(header, f));
      if (created === null) return sink.reject(line, "created_at", "missing", rowExcerpt(header, f));
      const t = newTicket(ctx, id.length > 12 ? ctx.intern(id) : id, created, line);
      let excluded: string | null = null;
      if (cols.status >= 0) {
        const s = read.status(f[cols.status] ?? "");
        if (s.invalid !== null) return sink.reject(line, "status", s.invalid, rowExcerpt(header, f));
        excluded = s.excluded;
        if (s.status) t.status = s.status;
      } else t.status = vocab.defaultStatus ?? "open";
      t.updated_at = cells.date(at(f, cols.updated), "updated_at");
      t.solved_at = cells.date(at(f, cols.solved), "solved_at");
      if (cols.channel >= 0) {
        const raw = f[cols.channel] ?? "";
        if (raw.trim() !== "") {
          const c = read.channel(raw);
          if (c.unknownKey !== null && !warned.has(c.unknownKey)) {
            warned.add(c.unknownKey);
            sink.warn(line, "channel", WARNING.unknownChannel(raw));
          }
          t.channel = c.channel;
          t.channel_raw = c.raw;
          excluded ??= c.excluded;
        }
      }
      t.group = text(f, cols.group);
      const agent = text(f, cols.assignee);
      t.assignee = agent === null ? null : ctx.agent(agent);
      t.type = text(f, cols.type);
      if (cols.priority >= 0) t.priority = read.priority(f[cols.priority] ?? "");
      if (cols.tags >= 0) {
        const raw = (f[cols.tags] ?? "").trim();
        if (raw !== "") t.tags = read.tags(raw);
        if (!excluded && t.tags.includes("closed_by_merge")) excluded = "merged ticket (closed_by_merge)";
      }
      for (const flag of cols.flags) {
        if (!excluded && read.flag(f[flag.index] ?? "")) excluded = flag.reason;
      }
      t.replies = cells.count(at(f, cols.replies), "replies");
      t.reopens = cells.count(at(f, cols.reopens), "reopens");
      for (const m of cols.metrics) {
        const v = cells.minutes(f[m.index], m.field, m.unitMinutes);
        if (v !== null && t[m.field] === null) t[m.field] = v;
      }
      if (cols.firstReplyAt >= 0 && t.first_reply_minutes === null) {
        const first = ctx.dates.read(f[cols.firstReplyAt] ?? "");
        if (first !== null && Number.isNaN(first)) {
          // Some exports put a duration here instead of a time: not guessed.
          if (!warned.has("first")) sink.warn(line, "first_reply_at", WARNING.notTimestamp(ctx.dates.error));
          warned.add("first");
        } else t.first_reply_minutes = minutesBetween(created, first);
      }
      if (
        cols.solved >= 0 &&
        t.full_resolution_minutes === null &&
        (t.status === "solved" || t.status === "closed")
      )
        t.full_resolution_minutes = minutesBetween(created, t.solved_at);
      let csat: SurveyResponse | null = null;
      if (cols.satisfaction >= 0) {
        const {raw, n, s} = read.satisfaction(f[cols.satisfaction] ?? "");
        if (s === undefined) {
          if (!warned.has(`sat:${raw}`)) {
            warned.add(`sat:${raw}`);
            sink.warn(line, "satisfaction", WARNING.unknownScore(raw));
          }
        } else t.satisfaction = s;
        if (s === "good" || s === "bad") {
          const respondedAt = t.updated_at ?? created;
          csat = Number.isNaN(n)
            ? newResponse(
                ctx,
                `${ctx.file}#ticket-${id}`,
                "csat",
                s === "good" ? 1 : 0,
                [0, 1],
                respondedAt,
                line,
              )
            : newResponse(ctx, `${ctx.file}#ticket-${id}`, "csat", n, [1, 5], respondedAt, line);
          csat.ticket_id = t.ticket_id;
          csat.channel = t.channel;
        }
      }
      if (cells.failed())
        return sink.reject(line, cells.failed()!.field, cells.failed()!.reason, rowExcerpt(header, f));
      const problem = checkTicket(t, ctx.now);
      if (problem) return sink.reject(line, problem.field, problem.reason, rowExcerpt(header, f));
      // The excerpt only when rejects.csv may show the row: excluded, or times that contradict.
      const shown = excluded !== null || implausible(t) !== null;
      sink.ticket(t, t.updated_at ?? created, excluded, csat, shown ? rowExcerpt(header, f) : "");
    },
  };
}

/** Canonical duration field and unit of metric headers such as "First reply time in minutes
 * within business hours", "First reply time (min)", "Full resolution time (hrs)". */
const METRIC_RE =
  /^(first reply|first response|first resolution|full resolution|resolution|requester wait|agent wait)(?: time)?(?: in| \(in)? ?\(?(minutes|mins|min|hours|hrs|hr|h|seconds|secs|sec|s|days)?\)?( within business hours| \(business(?: hours)?\)| business)?$/;

const BASE: Record<string, DurationField> = {
  "first reply": "first_reply_minutes",
  "first response": "first_reply_minutes",
  "first resolution": "first_resolution_minutes",
  "full resolution": "full_resolution_minutes",
  resolution: "full_resolution_minutes",
  "requester wait": "requester_wait_minutes",
  "agent wait": "agent_wait_minutes",
};

const UNIT: Record<string, number> = {
  minutes: 1, mins: 1, min: 1, hours: 60, hrs: 60, hr: 60, h: 60, seconds: 1 / 60, secs: 1 / 60, sec: 1 / 60, s: 1 / 60, days: 1440,
}; // prettier-ignore

/** Reads a metric header (already normalised); `defaultUnit` applies when it names none. */
export function metricColumn(
  h: string,
  index: number,
  defaultUnit = 1,
  business = false,
): MetricColumn | null {
  const m = METRIC_RE.exec(h);
  if (!m) return null;
  const base = BASE[m[1]!]!;
  const field = (m[3] || business ? `${base}_business` : base) as DurationField;
  return {field, index, unitMinutes: m[2] ? UNIT[m[2]]! : defaultUnit};
}
