/**
 * Freshdesk ticket CSV export (Tickets -> Export), also Freshservice's Title-Case variant.
 * Status, priority and source are display strings; "First response time (in hrs)" and
 * "Resolution time (in hrs)" are business hours, as HH:MM:SS or decimals. Times have no offset.
 */
import type {Channel} from "../schema/index.ts";
import {col, coverage, norm} from "./common.ts";
import {NO_COLUMNS, ticketCsvReader, type MetricColumn, type TicketColumns} from "./ticket-csv.ts";
import type {CsvAdapter} from "./types.ts";

const ID = ["ticket id", "ticket_id"];
const CREATED = ["created time", "created at", "created date"];
const FRESHDESK_WORDS = [
  "ticket id", "created time", "resolved time", "closed time", "last update time", "initial response time",
  "first response time (in hrs)", "resolution time (in hrs)", "agent interactions", "customer interactions",
  "resolution status", "first response status", "survey results", "due by time", "source",
]; // prettier-ignore

/** Freshdesk survey labels (3-, 5- and 7-point): positive answers are satisfied, the rest not. */
const SURVEY: Record<string, "good" | "bad"> = {
  awesome: "good", "extremely happy": "good", "very happy": "good", happy: "good",
  "just okay": "bad", neutral: "bad", "not good": "bad", unhappy: "bad", "very unhappy": "bad",
  "extremely unhappy": "bad",
}; // prettier-ignore

const CHANNELS: Record<string, Channel> = {
  "outbound email": "email",
  "feedback widget": "web",
  mobihelp: "messaging",
};

export function freshdeskColumns(h: string[]): TicketColumns {
  const metrics: MetricColumn[] = [];
  const fr = col(h, "first response time (in hrs)");
  if (fr >= 0) metrics.push({field: "first_reply_minutes_business", index: fr, unitMinutes: 60});
  const res = col(h, "resolution time (in hrs)");
  if (res >= 0) metrics.push({field: "full_resolution_minutes_business", index: res, unitMinutes: 60});
  const flags = [];
  const spam = col(h, "spam");
  if (spam >= 0) flags.push({index: spam, reason: "spam"});
  const deleted = col(h, "deleted");
  if (deleted >= 0) flags.push({index: deleted, reason: "deleted ticket"});
  return {
    ...NO_COLUMNS,
    id: col(h, ...ID),
    created: col(h, ...CREATED),
    updated: col(h, "last update time", "last updated time"),
    solved: col(h, "resolved time", "closed time"),
    firstReplyAt: col(h, "initial response time"),
    status: col(h, "status"),
    priority: col(h, "priority"),
    type: col(h, "type", "ticket type"),
    channel: col(h, "source"),
    group: col(h, "group"),
    assignee: col(h, "agent", "responder"),
    tags: col(h, "tags"),
    satisfaction: col(h, "survey results", "satisfaction rating"),
    replies: col(h, "agent interactions"),
    metrics,
    flags,
  };
}

export const freshdeskCsv: CsvAdapter = {
  kind: "csv",
  id: "freshdesk-csv",
  content: "tickets",
  detect(head) {
    const h = (head[0] ?? []).map(norm);
    if (col(h, ...ID) < 0 || col(h, ...CREATED) < 0) return 0;
    return 0.5 + coverage(h, FRESHDESK_WORDS) / 2;
  },
  headerRows: () => 1,
  open(header, ctx) {
    const h = header[0]!.map(norm);
    const cols = freshdeskColumns(h);
    if (cols.id < 0) return {field: "ticket_id", reason: 'missing required column "Ticket ID"'};
    if (cols.created < 0) return {field: "created_at", reason: 'missing required column "Created time"'};
    return ticketCsvReader(ctx, header[0]!, cols, {
      channels: CHANNELS,
      outbound: new Set(["outbound email"]),
      satisfaction: SURVEY,
      tagSplit: /\s*,\s*/,
    });
  },
};
