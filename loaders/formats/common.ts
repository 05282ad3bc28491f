/** Helpers every adapter uses: blank canonical rows, hand-written validation, header lookup. */
import type {SurveyKind, SurveyResponse, Ticket} from "../schema/index.ts";
import {MAX_COUNT, MAX_DURATION_MINUTES, MAX_SCALE, MIN_INSTANT} from "../schema/ranges.ts";
import {isoDate} from "../text/dates.ts";
import {excerpt} from "../text/mask.ts";
import {parseCount, parseDurationMinutes, parseNumber} from "../text/numbers.ts";
import type {FileContext} from "./types.ts";

/** Slack for "in the future": wall times read in the wrong zone can be up to 14 h ahead. */
export const FUTURE_SLACK_MS = 14 * 3_600_000;

/**
 * The tags of every ticket without tags: one frozen array instead of an empty array per row
 * (32 bytes each, 32 MB on a million tickets). Adapters assign a new array, never push.
 */
export const NO_TAGS = Object.freeze([]) as unknown as string[];

/** A ticket with every optional field null, in schema order (one object shape for V8). */
export function newTicket(ctx: FileContext, id: string, created: number, line: number): Ticket {
  return {
    org_id: ctx.orgId,
    ticket_id: id,
    created_at: created,
    updated_at: null,
    channel: "other",
    channel_raw: null,
    status: "open",
    solved_at: null,
    first_reply_minutes: null,
    first_reply_minutes_business: null,
    first_resolution_minutes: null,
    first_resolution_minutes_business: null,
    full_resolution_minutes: null,
    full_resolution_minutes_business: null,
    requester_wait_minutes: null,
    requester_wait_minutes_business: null,
    agent_wait_minutes: null,
    agent_wait_minutes_business: null,
    replies: null,
    reopens: null,
    group: null,
    assignee: null,
    priority: null,
    type: null,
    tags: NO_TAGS,
    satisfaction: null,
    source_file: ctx.file,
    source_line: line,
  };
}

/** The ticket's duration fields, in the order checkTicket checks them. */
export const DURATIONS = [
  "first_reply_minutes",
  "first_reply_minutes_business",
  "first_resolution_minutes",
  "first_resolution_minutes_business",
  "full_resolution_minutes",
  "full_resolution_minutes_business",
  "requester_wait_minutes",
  "requester_wait_minutes_business",
  "agent_wait_minutes",
  "agent_wait_minutes_business",
] as const;

/** How checkTicket words its reasons; the native engine words its rejects with the same. */
export const REASON = {
  future: (ms: number) => `date in the future (${isoDate(ms)})`,
  beforeCreated: (ms: number) => `before created_at (${isoDate(ms)})`,
  notNumber: "not a number",
  negative: (v: number) => `negative duration (${v})`,
  notCount: (v: number) => `not a count (${v})`,
};

/**
 * How values outside their documented range (schema/ranges.ts) are worded, by the kind the
 * native engine names them with: one table, so both engines word them alike.
 */
export const RANGE_REASON = {
  beforeEpoch: (ms: number) => `date before 1970 (${isoDate(ms)}): out of range`,
  tooLong: (v: number) =>
    `duration out of range (${v} minutes): at most ${MAX_DURATION_MINUTES} (10 years); check the unit`,
  tooMany: (v: number) => `count out of range (${v}): at most ${MAX_COUNT}`,
};

/**
 * How the readers word their row warnings (the cell cut short); the native engine words its
 * warnings with the same.
 */
export const WARNING = {
  unknownChannel: (raw: string) =>
    `unknown channel "${raw.slice(0, 30)}" kept as channel_raw, counted as other`,
  unknownScore: (raw: string) => `unknown or hashed score "${raw.slice(0, 24)}" left empty, not guessed`,
  notTimestamp: (error: string) => `not a timestamp, ignored: ${error}`,
};

export interface Problem {
  field: string;
  reason: string;
}

/** Range checks of a finished ticket: the schema's rules without zod on the hot path. */
export function checkTicket(t: Ticket, now: number): Problem | null {
  if (!t.ticket_id) return {field: "ticket_id", reason: "missing"};
  if (!Number.isFinite(t.created_at)) return {field: "created_at", reason: "missing"};
  if (t.created_at > now + FUTURE_SLACK_MS) return {field: "created_at", reason: REASON.future(t.created_at)};
  if (t.created_at < MIN_INSTANT)
    return {field: "created_at", reason: RANGE_REASON.beforeEpoch(t.created_at)};
  if (t.solved_at !== null) {
    if (!Number.isFinite(t.solved_at)) return {field: "solved_at", reason: "not a date"};
    if (t.solved_at > now + FUTURE_SLACK_MS) return {field: "solved_at", reason: REASON.future(t.solved_at)};
    if (t.solved_at < t.created_at - 60_000)
      return {field: "solved_at", reason: REASON.beforeCreated(t.solved_at)};
    if (t.solved_at < MIN_INSTANT) return {field: "solved_at", reason: RANGE_REASON.beforeEpoch(t.solved_at)};
  }
  if (t.updated_at !== null) {
    if (t.updated_at > now + FUTURE_SLACK_MS)
      return {field: "updated_at", reason: REASON.future(t.updated_at)};
    if (t.updated_at < MIN_INSTANT)
      return {field: "updated_at", reason: RANGE_REASON.beforeEpoch(t.updated_at)};
  }
  for (const k of DURATIONS) {
    const v = t[k];
    if (v === null) continue;
    if (!Number.isFinite(v)) return {field: k, reason: REASON.notNumber};
    if (v < 0) return {field: k, reason: REASON.negative(v)};
    // Past 10 years a duration is a wrong unit or a typo, and later steps cannot read it.
    if (v > MAX_DURATION_MINUTES) return {field: k, reason: RANGE_REASON.tooLong(v)};
  }
  for (const k of ["replies", "reopens"] as const) {
    const v = t[k];
    if (v === null) continue;
    if (!(Number.isInteger(v) && v >= 0)) return {field: k, reason: REASON.notCount(v)};
    if (v > MAX_COUNT) return {field: k, reason: RANGE_REASON.tooMany(v)};
  }
  return null;
}

/** Longest duration taken at face value: past it a time is a typo or a wrong unit. */
export const PLAUSIBLE_MAX_MINUTES = 5 * 365.25 * 1440;
/** Slack before a first reply counts as after the resolution (times rounded to the minute). */
export const PLAUSIBLE_SLACK_MINUTES = 1;
/**
 * Share of a file's kept tickets with contradicting times above which the file gets a warning
 * line of its own: a few stray rows are noise, more point at a wrong column, unit or zone.
 */
export const PLAUSIBLE_FILE_SHARE = 0.02;

/** How plausibility warnings are worded; the native engine words them with the same. */
export const IMPLAUSIBLE = {
  replyAfterResolution: (reply: number, resolution: number) =>
    `first reply (${round1(reply)} min) after the resolution (${round1(resolution)} min): kept, times contradict each other`,
  overFiveYears: (minutes: number) =>
    `duration over 5 years (${round1(minutes / 525_960)} years): kept, check the unit`,
  solvedAfterFiveYears: (minutes: number) =>
    `solved over 5 years after creation (${round1(minutes / 525_960)} years): kept, check the dates`,
  fileShare: (n: number, total: number) =>
    `${n} of ${total} kept tickets (${round1((100 * n) / total)} %) have times that contradict each other, ` +
    `above ${PLAUSIBLE_FILE_SHARE * 100} %: check the columns, units and time zone (rows in rejects.csv, severity warning)`,
};

function round1(v: number): string {
  return (Math.round(v * 10) / 10).toString();
}

/**
 * Times of a valid ticket that contradict each other (it is kept, with a warning): a first reply
 * after the last solve, a duration over five years, a solve five years after creation. Solved
 * before created is already invalid (checkTicket).
 */
export function implausible(
  t: Pick<Ticket, "created_at" | "solved_at" | (typeof DURATIONS)[number]>,
): Problem | null {
  const reply = t.first_reply_minutes;
  const resolution = t.full_resolution_minutes;
  if (reply !== null && resolution !== null && reply > resolution + PLAUSIBLE_SLACK_MINUTES)
    return {field: "first_reply_minutes", reason: IMPLAUSIBLE.replyAfterResolution(reply, resolution)};
  for (const k of DURATIONS) {
    const v = t[k];
    if (v !== null && v > PLAUSIBLE_MAX_MINUTES) return {field: k, reason: IMPLAUSIBLE.overFiveYears(v)};
  }
  if (t.solved_at !== null) {
    const minutes = (t.solved_at - t.created_at) / 60_000;
    if (minutes > PLAUSIBLE_MAX_MINUTES)
      return {field: "solved_at", reason: IMPLAUSIBLE.solvedAfterFiveYears(minutes)};
  }
  return null;
}

/** Range checks of a survey response. */
export function checkResponse(r: SurveyResponse, now: number): Problem | null {
  if (!Number.isFinite(r.score)) return {field: "score", reason: "missing"};
  if (r.score < r.scale_min || r.score > r.scale_max)
    return {field: "score", reason: `score out of range ${r.scale_min}..${r.scale_max} (${r.score})`};
  if (r.kind === "nps" && !Number.isInteger(r.score))
    return {field: "score", reason: `NPS score not a whole number (${r.score})`};
  if (!Number.isFinite(r.responded_at)) return {field: "responded_at", reason: "missing"};
  if (r.responded_at > now + FUTURE_SLACK_MS)
    return {field: "responded_at", reason: REASON.future(r.responded_at)};
  if (r.responded_at < MIN_INSTANT)
    return {field: "responded_at", reason: RANGE_REASON.beforeEpoch(r.responded_at)};
  if (!(r.scale_min < r.scale_max))
    return {
      field: "score",
      reason: `empty scale ${r.scale_min}..${r.scale_max}: its minimum must be below its maximum`,
    };
  for (const k of ["scale_min", "scale_max"] as const)
    if (!Number.isInteger(r[k]) || Math.abs(r[k]) > MAX_SCALE)
      return {field: "score", reason: `scale bound out of range (${r[k]}): at most ${MAX_SCALE} either way`};
  return null;
}

/** Normalised header text: lower case, single spaces, no BOM or surrounding quotes. */
export function norm(h: string): string {
  return h
    .replace(/^\uFEFF/, "")
    .trim()
    .toLowerCase()
    .replace(/\s+/g, " ");
}

/** Index of the first header matching one of the names (normalised), or -1. */
export function col(header: string[], ...names: string[]): number {
  for (const name of names) {
    const i = header.indexOf(name);
    if (i >= 0) return i;
  }
  return -1;
}

/** Share of `names` found in the header, for detection scores. */
export function coverage(header: string[], names: string[]): number {
  let hit = 0;
  for (const n of names) if (header.includes(n)) hit++;
  return hit / names.length;
}

/**
 * Per-row cell reader: parses dates, numbers and durations, remembering the first failure so
 * the row can be rejected with its field and reason.
 */
export class Cells {
  problem: Problem | null = null;
  constructor(private readonly ctx: FileContext) {}

  reset(): void {
    this.problem = null;
  }

  /** The first failure of the row (a method, so type narrowing does not hide later failures). */
  failed(): Problem | null {
    return this.problem;
  }

  fail(field: string, reason: string): void {
    if (!this.problem) this.problem = {field, reason};
  }

  date(raw: string | undefined, field: string): number | null {
    if (raw === undefined) return null;
    const v = this.ctx.dates.read(raw);
    if (v !== null && Number.isNaN(v)) {
      this.fail(field, this.ctx.dates.error);
      return null;
    }
    return v;
  }

  number(raw: string | undefined, field: string): number | null {
    if (raw === undefined) return null;
    const v = parseNumber(raw, {decimalComma: this.ctx.decimalComma});
    if (v !== null && Number.isNaN(v)) {
      this.fail(field, `not a number "${raw.slice(0, 30)}"`);
      return null;
    }
    return v;
  }

  /** Minutes from a duration cell; `unitMinutes` is the size of a plain number's unit. */
  minutes(raw: string | undefined, field: string, unitMinutes = 1): number | null {
    if (raw === undefined) return null;
    const v = parseDurationMinutes(raw, unitMinutes, {decimalComma: this.ctx.decimalComma});
    if (v !== null && Number.isNaN(v)) {
      this.fail(field, `not a duration "${raw.slice(0, 30)}"`);
      return null;
    }
    return v;
  }

  count(raw: string | undefined, field: string): number | null {
    if (raw === undefined) return null;
    const v = parseCount(raw);
    if (v !== null && Number.isNaN(v)) {
      this.fail(field, `not a whole number "${raw.slice(0, 30)}"`);
      return null;
    }
    return v;
  }
}

/** Minutes between two instants, null unless both happened. */
export function minutesBetween(from: number | null, to: number | null): number | null {
  if (from === null || to === null) return null;
  return (to - from) / 60_000;
}

/** Headers whose cells may hold personal data: left out of reject excerpts. */
const PII_HEADER =
  /requester|e-?mail|name|phone|subject|description|comment|address|\bip\b|ipaddress|why|remark/i;

/** Builds a masked excerpt of a CSV row without the columns that may hold personal data. */
export function rowExcerpt(header: string[], fields: string[]): string {
  const kept: string[] = [];
  for (let i = 0; i < fields.length; i++) {
    const h = header[i] ?? "";
    kept.push(PII_HEADER.test(h) ? "…" : fields[i]!);
  }
  return excerpt(kept.join(","));
}

const SAFE_KEYS = ["id", "ticket_id", "created_at", "updated_at", "status", "score", "state", "stream"];

/** A masked excerpt of a JSON record with only non-personal keys. */
export function objectExcerpt(value: unknown, extra: string[] = []): string {
  if (value === null || typeof value !== "object" || Array.isArray(value)) return excerpt(String(value));
  const rec = value as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const k of [...SAFE_KEYS, ...extra]) if (k in rec && typeof rec[k] !== "object") out[k] = rec[k];
  return excerpt(JSON.stringify(out));
}

/** A survey response with nullable fields left null. */
export function newResponse(
  ctx: FileContext,
  id: string,
  kind: SurveyKind,
  score: number,
  scale: [number, number],
  at: number,
  line: number,
): SurveyResponse {
  return {
    org_id: ctx.orgId,
    response_id: id,
    ticket_id: null,
    kind,
    score,
    scale_min: scale[0],
    scale_max: scale[1],
    responded_at: at,
    comment: null,
    channel: null,
    segment: null,
    source_file: ctx.file,
    source_line: line,
  };
}

/** Id of a record as text; numbers keep all digits. */
export function idText(v: unknown): string | null {
  if (typeof v === "number" && Number.isFinite(v)) return String(v);
  if (typeof v === "string" && v.trim() !== "") return v.trim();
  return null;
}
