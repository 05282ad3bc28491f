/**
 * Mapping files for generic ticket CSVs, event logs and survey CSVs (zod: read once per file).
 * Every object is strict: a key the schema does not know is an error (checkMapping words it with
 * the nearest valid key), never silently ignored, so a mistyped `"resolved"` cannot leave a
 * column unread.
 */
import {z} from "zod";
import {CHANNELS, SATISFACTIONS, STATUSES, SURVEY_KINDS} from "../schema/index.ts";
import {didYouMean} from "../text/nearest.ts";

const unit = z.enum(["seconds", "minutes", "hours", "days"]);

export const TICKET_FIELDS = [
  "ticket_id", "created_at", "updated_at", "solved_at", "first_reply_at", "status", "channel", "group",
  "assignee", "priority", "type", "tags", "satisfaction", "replies", "reopens",
  "first_reply_minutes", "first_reply_minutes_business", "first_resolution_minutes",
  "first_resolution_minutes_business", "full_resolution_minutes", "full_resolution_minutes_business",
  "requester_wait_minutes", "requester_wait_minutes_business", "agent_wait_minutes", "agent_wait_minutes_business",
] as const; // prettier-ignore

const common = {
  /** IANA zone of times without offset (see "Time zones" in docs/cli.md for which zone wins). */
  tz: z.string().optional(),
  /** Slash dates: true = dd/mm/yyyy. */
  day_first: z.boolean().optional(),
};

export const TicketMapping = z.strictObject({
  format: z.literal("generic-csv").optional(),
  /** Canonical field -> header of the column holding it. `ticket_id` and `created_at` are required. */
  columns: z.strictObject({
    ...Object.fromEntries(TICKET_FIELDS.map((f) => [f, z.string().optional()])),
    ticket_id: z.string(),
    created_at: z.string(),
  } as Record<(typeof TICKET_FIELDS)[number], z.ZodOptional<z.ZodString>> & {
    ticket_id: z.ZodString;
    created_at: z.ZodString;
  }),
  /** Unit of plain numbers in each duration column. Default minutes. */
  units: z.partialRecord(z.enum(TICKET_FIELDS), unit).optional(),
  /** Raw value -> canonical value, per field. */
  values: z
    .strictObject({
      status: z.record(z.string(), z.enum([...STATUSES, "excluded"])).optional(),
      channel: z.record(z.string(), z.enum(CHANNELS)).optional(),
      satisfaction: z.record(z.string(), z.enum(SATISFACTIONS)).optional(),
    })
    .optional(),
  /** Separator of the tags cell. Default spaces and commas. */
  tags_separator: z.string().optional(),
  ...common,
});
export type TicketMapping = z.infer<typeof TicketMapping>;

/** Activity names; a numeric code (`12`) is read as its text (`"12"`), as the log's cells are. */
const activityNames = z.array(z.union([z.string(), z.number().transform(String)]));

export const EventLogMapping = z.strictObject({
  format: z.literal("event-log").optional(),
  columns: z.strictObject({
    ticket_id: z.string(),
    activity: z.string(),
    timestamp: z.string(),
    agent: z.string().optional(),
    channel: z.string().optional(),
    group: z.string().optional(),
    priority: z.string().optional(),
    type: z.string().optional(),
  }),
  /** Activity names meaning each lifecycle step; every `first_reply` activity is a public agent reply. */
  activities: z.strictObject({
    created: activityNames.default([]),
    first_reply: activityNames.min(1),
    solved: activityNames.default([]),
    reopened: activityNames.default([]),
    closed: activityNames.default([]),
  }),
  values: z.strictObject({channel: z.record(z.string(), z.enum(CHANNELS)).optional()}).optional(),
  ...common,
});
export type EventLogMapping = z.infer<typeof EventLogMapping>;

export const SurveyMapping = z.strictObject({
  format: z.literal("survey-csv").optional(),
  kind: z.enum(SURVEY_KINDS),
  /** Score scale; default 0..10 for NPS, 1..5 otherwise. */
  scale: z.tuple([z.number().int(), z.number().int()]).optional(),
  columns: z.strictObject({
    score: z.string(),
    responded_at: z.string(),
    response_id: z.string().optional(),
    ticket_id: z.string().optional(),
    comment: z.string().optional(),
    segment: z.string().optional(),
  }),
  header_rows: z.number().int().min(1).max(3).optional(),
  ...common,
});
export type SurveyMapping = z.infer<typeof SurveyMapping>;

/** Which mapping the object is, without throwing: null when none fits. */
export function mappingKind(m: unknown): "generic-csv" | "event-log" | "survey-csv" | null {
  if (m === null || typeof m !== "object") return null;
  const o = m as Record<string, unknown>;
  if (o.format === "event-log" || "activities" in o) return "event-log";
  if (o.format === "survey-csv" || "kind" in o) return "survey-csv";
  if (o.format === "generic-csv" || "columns" in o) return "generic-csv";
  return null;
}

const SCHEMAS = {"generic-csv": TicketMapping, "event-log": EventLogMapping, "survey-csv": SurveyMapping};

/** The keys an object schema (or a record keyed by an enum) accepts, through wrappers. */
function keysOf(schema: z.core.$ZodType | undefined): string[] {
  const def = schema?._zod.def as unknown as Record<string, unknown> | undefined;
  if (!def) return [];
  switch (def.type) {
    case "object":
      return Object.keys(def.shape as object);
    case "record":
      return [...((def.keyType as z.core.$ZodType)._zod.values ?? [])].map(String);
    case "intersection":
      return [...keysOf(def.left as z.core.$ZodType), ...keysOf(def.right as z.core.$ZodType)];
    case "optional":
    case "default":
    case "nullable":
      return keysOf(def.innerType as z.core.$ZodType);
    default:
      return [];
  }
}

/** The schema at `path` inside `schema` (object members, record values), or undefined. */
function schemaAt(schema: z.core.$ZodType | undefined, path: PropertyKey[]): z.core.$ZodType | undefined {
  let at = schema;
  for (const key of path) {
    let def = at?._zod.def as unknown as Record<string, unknown> | undefined;
    while (def && ["optional", "default", "nullable"].includes(def.type as string))
      def = (def.innerType as z.core.$ZodType)._zod.def as unknown as Record<string, unknown>;
    if (!def) return undefined;
    if (def.type === "object") at = (def.shape as Record<string, z.core.$ZodType>)[String(key)];
    else if (def.type === "record") at = def.valueType as z.core.$ZodType;
    else if (def.type === "intersection") at = schemaAt(def.left as z.core.$ZodType, [key]);
    else return undefined;
  }
  return at;
}

const quote = (s: string) => `"${s}"`;

/** Keys people write for another key, too far from it for an edit distance to find. */
const KEY_ALIASES: Record<string, string> = {
  timezone: "tz",
  time_zone: "tz",
  zone: "tz",
  dayfirst: "day_first",
};

/** " (did you mean X?)" for an unknown key. */
function keyHint(key: string, valid: string[]): string {
  const alias = KEY_ALIASES[key.toLowerCase()];
  return alias && valid.includes(alias) ? ` (did you mean "${alias}"?)` : didYouMean(key, valid, quote);
}

/**
 * One line per problem, naming where it is (`values.status`) and, for an unknown key or value,
 * the nearest valid one: `values.status.Done: "resolved" is not a valid value (did you mean
 * "solved"?)`.
 */
function issueLines(schema: z.core.$ZodType, error: z.ZodError): string[] {
  const lines: string[] = [];
  for (const i of error.issues) {
    const where = i.path.map(String).join(".");
    if (i.code === "unrecognized_keys") {
      const valid = keysOf(schemaAt(schema, i.path));
      for (const key of i.keys)
        lines.push(
          `${where ? `${where}: ` : ""}unknown key "${key}"${keyHint(key, valid)} (valid: ${valid.join(", ")})`,
        );
    } else if (i.code === "invalid_value") {
      const valid = i.values.map(String);
      const typed = valueAt(error, i.path);
      const hint = typeof typed === "string" ? didYouMean(typed, valid, quote) : "";
      lines.push(
        `${where || "mapping"}: ${typed === undefined ? "missing" : JSON.stringify(typed)} is not one of ${valid.join(", ")}${hint}`,
      );
    } else if (i.code === "invalid_key") {
      const valid = keysOf(schemaAt(schema, i.path.slice(0, -1)));
      const key = String(i.path[i.path.length - 1]);
      lines.push(
        `${where}: unknown key "${key}"${didYouMean(key, valid, quote)} (valid: ${valid.join(", ")})`,
      );
    } else if (i.code === "invalid_type" && valueAt(error, i.path) === undefined)
      lines.push(`${where || "mapping"}: missing (required)`);
    else lines.push(`${where || "mapping"}: ${i.message}`);
  }
  return lines;
}

/** The input value at a path, kept by `checkMapping` on the error it parses. */
const inputs = new WeakMap<z.ZodError, unknown>();
function valueAt(error: z.ZodError, path: PropertyKey[]): unknown {
  let v = inputs.get(error);
  for (const k of path)
    v = v !== null && typeof v === "object" ? (v as Record<PropertyKey, unknown>)[k] : undefined;
  return v;
}

/** One line per zod issue, `field: message`, with the nearest valid key or value. */
export function mappingErrors(error: z.ZodError, schema?: z.core.$ZodType): string {
  if (!schema) return error.issues.map((i) => `${i.path.join(".") || "mapping"}: ${i.message}`).join("; ");
  return issueLines(schema, error).join("; ");
}

/**
 * Strict validation of a mapping file before any row is read: its kind and every problem, one
 * line each (empty when valid). The command line turns problems into a usage error.
 */
export function checkMapping(m: unknown): {kind: keyof typeof SCHEMAS | null; problems: string[]} {
  const kind = mappingKind(m);
  if (kind === null)
    return {
      kind,
      problems: [
        'not a mapping: expected "columns" (generic-csv), "activities" (event-log) or "kind" (survey-csv), ' +
          'or "format" naming one of them',
      ],
    };
  const schema = SCHEMAS[kind];
  const parsed = schema.safeParse(m);
  if (parsed.success) return {kind, problems: []};
  inputs.set(parsed.error, m);
  return {kind, problems: issueLines(schema, parsed.error)};
}

/** The zone a valid mapping names, if any. */
export function mappingZone(m: unknown): string | undefined {
  if (m === null || typeof m !== "object") return undefined;
  const tz = (m as Record<string, unknown>).tz;
  return typeof tz === "string" && tz !== "" ? tz : undefined;
}

/** Header positions of the mapped columns (normalised match); missing ones listed. */
export function locate(header: string[], wanted: Record<string, string | undefined>) {
  const norm = (s: string) =>
    s
      .replace(/^\uFEFF/, "")
      .trim()
      .toLowerCase();
  const h = header.map(norm);
  const at: Record<string, number> = {};
  const missing: string[] = [];
  for (const [field, name] of Object.entries(wanted)) {
    if (name === undefined) continue;
    const i = h.indexOf(norm(name));
    if (i < 0) missing.push(`${field} ("${name}")`);
    at[field] = i;
  }
  return {at, missing};
}

/** The parts of a ticket or event-log mapping every such adapter reads the same way. */
interface ColumnMapping {
  columns: Record<string, string | undefined>;
  tz?: string | undefined;
  day_first?: boolean | undefined;
}

/**
 * How well a mapping fits a file: 0 when it is another kind of mapping, 1 when it is valid and
 * every mapped column is in the header, 0.1 otherwise, so the adapter is still chosen and its
 * `open()` can say what is wrong.
 */
export function mappingFit(
  kind: "generic-csv" | "event-log",
  schema: z.ZodType<ColumnMapping>,
  head: string[][],
  mapping: unknown,
): number {
  if (mappingKind(mapping) !== kind) return 0;
  const parsed = schema.safeParse(mapping);
  if (!parsed.success) return 0.1;
  const header = head[0] ?? [];
  const {missing} = locate(header, parsed.data.columns);
  if (missing.length === 0) return 1;
  // A file sharing no mapped column is another export in the same folder: detection reads it.
  const mapped = Object.values(parsed.data.columns).filter((n) => n !== undefined).length;
  return missing.length === mapped ? 0 : 0.1;
}

/**
 * The mapping and its columns' positions in the header, with its date order applied to the file;
 * or the reason it cannot read this file.
 */
export function openMapping<T extends ColumnMapping>(
  schema: z.ZodType<T>,
  header: string[],
  mapping: unknown,
  dates: {tz: string; dayFirst?: boolean | undefined},
): {m: T; at: Record<string, number>} | {field: string; reason: string} {
  const parsed = schema.safeParse(mapping);
  if (!parsed.success) {
    inputs.set(parsed.error, mapping);
    return {field: "mapping", reason: `invalid mapping: ${mappingErrors(parsed.error, schema)}`};
  }
  const m = parsed.data;
  const {at, missing} = locate(header, m.columns);
  if (missing.length) return {field: "mapping", reason: `columns not in the header: ${missing.join(", ")}`};
  // The zone is the run's (ingest's runZone: the mapping's `tz` unless --tz), never the file's own,
  // so the profile's zone is the one the times were read in.
  if (m.day_first !== undefined) dates.dayFirst = m.day_first;
  return {m, at};
}
