/** Mapping files for generic ticket CSVs, event logs and survey CSVs (zod: read once per file). */
import {z} from "zod";
import {CHANNELS, SATISFACTIONS, STATUSES, SURVEY_KINDS} from "../schema/index.ts";

const unit = z.enum(["seconds", "minutes", "hours", "days"]);

export const TICKET_FIELDS = [
  "ticket_id", "created_at", "updated_at", "solved_at", "first_reply_at", "status", "channel", "group",
  "assignee", "priority", "type", "tags", "satisfaction", "replies", "reopens",
  "first_reply_minutes", "first_reply_minutes_business", "first_resolution_minutes",
  "first_resolution_minutes_business", "full_resolution_minutes", "full_resolution_minutes_business",
  "requester_wait_minutes", "requester_wait_minutes_business", "agent_wait_minutes", "agent_wait_minutes_business",
] as const; // prettier-ignore

const common = {
  /** IANA zone of times without offset in this file (overrides the ingest option). */
  tz: z.string().optional(),
  /** Slash dates: true = dd/mm/yyyy. */
  day_first: z.boolean().optional(),
};

export const TicketMapping = z.object({
  format: z.literal("generic-csv").optional(),
  /** Canonical field -> header of the column holding it. `ticket_id` and `created_at` are required. */
  columns: z
    .partialRecord(z.enum(TICKET_FIELDS), z.string())
    .and(z.object({ticket_id: z.string(), created_at: z.string()})),
  /** Unit of plain numbers in each duration column. Default minutes. */
  units: z.partialRecord(z.enum(TICKET_FIELDS), unit).optional(),
  /** Raw value -> canonical value, per field. */
  values: z
    .object({
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

export const EventLogMapping = z.object({
  format: z.literal("event-log").optional(),
  columns: z.object({
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
  activities: z.object({
    created: z.array(z.string()).default([]),
    first_reply: z.array(z.string()).min(1),
    solved: z.array(z.string()).default([]),
    reopened: z.array(z.string()).default([]),
    closed: z.array(z.string()).default([]),
  }),
  values: z.object({channel: z.record(z.string(), z.enum(CHANNELS)).optional()}).optional(),
  ...common,
});
export type EventLogMapping = z.infer<typeof EventLogMapping>;

export const SurveyMapping = z.object({
  format: z.literal("survey-csv").optional(),
  kind: z.enum(SURVEY_KINDS),
  /** Score scale; default 0..10 for NPS, 1..5 otherwise. */
  scale: z.tuple([z.number().int(), z.number().int()]).optional(),
  columns: z.object({
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

/** One line per zod issue, `field: message`. */
export function mappingErrors(error: z.ZodError): string {
  return error.issues.map((i) => `${i.path.join(".") || "mapping"}: ${i.message}`).join("; ");
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
  return locate(head[0] ?? [], parsed.data.columns).missing.length === 0 ? 1 : 0.1;
}

/**
 * The mapping and its columns' positions in the header, with its zone and date order applied to
 * the file; or the reason it cannot read this file.
 */
export function openMapping<T extends ColumnMapping>(
  schema: z.ZodType<T>,
  header: string[],
  mapping: unknown,
  dates: {tz: string; dayFirst?: boolean | undefined},
): {m: T; at: Record<string, number>} | {field: string; reason: string} {
  const parsed = schema.safeParse(mapping);
  if (!parsed.success) return {field: "mapping", reason: `invalid mapping: ${mappingErrors(parsed.error)}`};
  const m = parsed.data;
  const {at, missing} = locate(header, m.columns);
  if (missing.length) return {field: "mapping", reason: `columns not in the header: ${missing.join(", ")}`};
  if (m.tz) dates.tz = m.tz;
  if (m.day_first !== undefined) dates.dayFirst = m.day_first;
  return {m, at};
}
