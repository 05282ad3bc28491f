/**
 * Zendesk Support CSV: the legacy full export (metric columns in minutes, "Resolution time" in
 * hours) and view exports (any subset of columns, display words such as "Mail", "Web form",
 * "Good, I'm satisfied"). Times carry no offset: they are read in the file's zone (`tz`).
 */
import {col, coverage, norm} from "./common.ts";
import {
  NO_COLUMNS,
  metricColumn,
  ticketCsvReader,
  type MetricColumn,
  type TicketColumns,
} from "./ticket-csv.ts";
import type {CsvAdapter} from "./types.ts";

const ID = ["id", "ticket id", "ticket_id", "#"];
const CREATED = ["created at", "requested", "created", "ticket created", "created_at", "date created"];
/** Words only Zendesk exports use, for detection. */
const ZENDESK_WORDS = [
  "summation column", "requester", "requester id", "requester email", "via", "satisfaction score",
  "first reply time in minutes", "requested", "ticket type", "group stations", "assignee stations",
  "full resolution time in minutes", "submitter", "organization",
]; // prettier-ignore

export function zendeskColumns(h: string[]): TicketColumns {
  const metrics: MetricColumn[] = [];
  h.forEach((name, i) => {
    if (name === "resolution time")
      metrics.push({field: "full_resolution_minutes", index: i, unitMinutes: 60});
    else {
      const m = metricColumn(name, i);
      if (m) metrics.push(m);
    }
  });
  // Minute columns first: the hours-based "Resolution time" only fills a gap.
  metrics.sort((a, b) => a.unitMinutes - b.unitMinutes);
  return {
    ...NO_COLUMNS,
    id: col(h, ...ID),
    created: col(h, ...CREATED),
    updated: col(h, "updated at", "updated", "last updated"),
    solved: col(h, "solved at", "solved", "resolved at"),
    status: col(h, "status", "ticket status"),
    priority: col(h, "priority"),
    type: col(h, "ticket type", "type"),
    channel: col(h, "via", "channel", "ticket channel"),
    group: col(h, "group", "group name"),
    assignee: col(h, "assignee", "assignee name"),
    tags: col(h, "tags"),
    satisfaction: col(h, "satisfaction score", "satisfaction", "satisfaction rating"),
    replies: col(h, "replies"),
    reopens: col(h, "reopens"),
    metrics,
  };
}

export const zendeskCsv: CsvAdapter = {
  kind: "csv",
  id: "zendesk-csv",
  content: "tickets",
  detect(head) {
    const h = (head[0] ?? []).map(norm);
    if (col(h, ...ID) < 0 || col(h, ...CREATED) < 0) return 0;
    const c = coverage(h, ZENDESK_WORDS);
    return c === 0 ? 0 : 0.5 + c / 2;
  },
  headerRows: () => 1,
  open(header, ctx) {
    const h = header[0]!.map(norm);
    const cols = zendeskColumns(h);
    if (cols.id < 0) return {field: "ticket_id", reason: 'missing required column "Id"'};
    if (cols.created < 0)
      return {field: "created_at", reason: 'missing required column "Created at" (or "Requested")'};
    return ticketCsvReader(ctx, header[0]!, cols, {tagSplit: /\s+/});
  },
};
