/**
 * Intercom conversations as CSV (a flattened conversation table): Unix seconds or ISO times,
 * `state`, `source_type`, `statistics_first_admin_reply_at` / `statistics_time_to_admin_reply`,
 * `conversation_rating_value`. History tables hold one row per version: rows with
 * `_fivetran_active` false are older versions. `first_contact_reply_created_at` is the first
 * message from the contact, not a teammate's reply, so it is never read as the first reply.
 * (A folder of Fivetran tables with `_fivetran_synced` is read by formats/warehouse instead.)
 */
import type {Channel, Status} from "../schema/index.ts";
import {col, norm} from "./common.ts";
import {NO_COLUMNS, ticketCsvReader, type MetricColumn, type TicketColumns} from "./ticket-csv.ts";
import type {CsvAdapter, CsvReader} from "./types.ts";

const STATUSES: Record<string, Status> = {closed: "solved", snoozed: "pending", open: "open"};
const CHANNELS: Record<string, Channel> = {conversation: "chat", phone_call: "phone"};

function columns(h: string[]): TicketColumns {
  // The teammate's first reply: a duration in seconds wins over the time it happened.
  const toReply = col(h, "statistics_time_to_admin_reply", "time_to_admin_reply");
  const metrics: MetricColumn[] =
    toReply < 0 ? [] : [{field: "first_reply_minutes", index: toReply, unitMinutes: 1 / 60}];
  return {
    ...NO_COLUMNS,
    id: col(h, "id", "conversation_id", "conversation id"),
    created: col(h, "created_at", "created at", "conversation created at"),
    updated: col(h, "updated_at", "updated at"),
    solved: col(h, "last_close_at", "statistics_last_close_at", "last closed at"),
    firstReplyAt: col(h, "first_admin_reply_at", "statistics_first_admin_reply_at"),
    status: col(h, "state"),
    priority: col(h, "priority"),
    channel: col(h, "source_type", "source type", "channel"),
    group: col(h, "team_assignee_id", "team assigned", "team"),
    assignee: col(h, "admin_assignee_id", "assignee", "teammate assigned"),
    satisfaction: col(h, "conversation_rating_value", "conversation_rating", "rating"),
    reopens: col(h, "statistics_count_reopens", "count_reopens"),
    metrics,
    flags: [],
  };
}

export const intercomCsv: CsvAdapter = {
  kind: "csv",
  id: "intercom-csv",
  content: "tickets",
  detect(head) {
    const h = (head[0] ?? []).map(norm);
    const hits = [
      "source_delivered_as",
      "first_contact_reply_created_at",
      "conversation_rating_value",
      "waiting_since",
      "source_type",
    ];
    const n = hits.filter((x) => h.includes(x)).length;
    return n >= 2 && col(h, "state") >= 0 ? 0.6 + n / 20 : 0;
  },
  headerRows: () => 1,
  open(header, ctx) {
    const h = header[0]!.map(norm);
    const cols = columns(h);
    if (cols.id < 0) return {field: "ticket_id", reason: 'missing required column "id"'};
    if (cols.created < 0) return {field: "created_at", reason: 'missing required column "created_at"'};
    const inner = ticketCsvReader(ctx, header[0]!, cols, {statuses: STATUSES, channels: CHANNELS});
    const active = col(h, "_fivetran_active");
    const delivered = col(h, "source_delivered_as");
    const reader: CsvReader = {
      dateColumns: inner.dateColumns,
      row(f, line) {
        if (active >= 0 && (f[active] ?? "").trim().toLowerCase() === "false")
          return ctx.sink.duplicate(line);
        const d = delivered >= 0 ? (f[delivered] ?? "").trim() : "";
        if (d === "admin_initiated" || d === "automated")
          return ctx.sink.exclude(line, "outbound (admin-initiated) conversation", `id ${f[cols.id] ?? ""}`);
        inner.row(f, line);
      },
    };
    return reader;
  },
};
