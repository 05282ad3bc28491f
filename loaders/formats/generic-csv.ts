/**
 * Any ticket CSV, read through a mapping file that names the column of each canonical field,
 * the unit of each duration and the meaning of local status / channel words.
 */
import type {Channel, Status} from "../schema/index.ts";
import {
  NO_COLUMNS,
  ticketCsvReader,
  type DurationField,
  type MetricColumn,
  type TicketColumns,
} from "./ticket-csv.ts";
import {mappingFit, openMapping, TicketMapping} from "./mapping.ts";
import type {CsvAdapter, CsvReader} from "./types.ts";

const UNIT_MINUTES = {seconds: 1 / 60, minutes: 1, hours: 60, days: 1440} as const;
const DURATIONS: DurationField[] = [
  "first_reply_minutes", "first_reply_minutes_business", "first_resolution_minutes",
  "first_resolution_minutes_business", "full_resolution_minutes", "full_resolution_minutes_business",
  "requester_wait_minutes", "requester_wait_minutes_business", "agent_wait_minutes", "agent_wait_minutes_business",
]; // prettier-ignore

const lower = <T>(r: Record<string, T> | undefined): Record<string, T> =>
  Object.fromEntries(Object.entries(r ?? {}).map(([k, v]) => [k.trim().toLowerCase(), v]));

export const genericCsv: CsvAdapter = {
  kind: "csv",
  id: "generic-csv",
  content: "tickets",
  detect(head, mapping) {
    return mappingFit("generic-csv", TicketMapping, head, mapping);
  },
  headerRows: () => 1,
  open(header, ctx) {
    const opened = openMapping(TicketMapping, header[0]!, ctx.mapping, ctx.dates);
    if ("reason" in opened) return opened;
    const {m, at} = opened;
    const c = (k: string) => at[k] ?? -1;
    const metrics: MetricColumn[] = DURATIONS.filter((d) => c(d) >= 0).map((d) => ({
      field: d,
      index: c(d),
      unitMinutes: UNIT_MINUTES[m.units?.[d] ?? "minutes"],
    }));
    const cols: TicketColumns = {
      ...NO_COLUMNS,
      id: c("ticket_id"),
      created: c("created_at"),
      updated: c("updated_at"),
      solved: c("solved_at"),
      firstReplyAt: c("first_reply_at"),
      status: c("status"),
      priority: c("priority"),
      type: c("type"),
      channel: c("channel"),
      group: c("group"),
      assignee: c("assignee"),
      tags: c("tags"),
      satisfaction: c("satisfaction"),
      replies: c("replies"),
      reopens: c("reopens"),
      metrics,
    };
    const statusWords = lower(m.values?.status);
    const excludedWords = new Set(Object.keys(statusWords).filter((k) => statusWords[k] === "excluded"));
    const statuses = Object.fromEntries(
      Object.entries(statusWords).filter(([, v]) => v !== "excluded"),
    ) as Record<string, Status>;
    const sat = Object.fromEntries(
      Object.entries(lower(m.values?.satisfaction)).filter(([, v]) => v === "good" || v === "bad"),
    ) as Record<string, "good" | "bad">;
    const inner = ticketCsvReader(ctx, header[0]!, cols, {
      statuses,
      channels: lower(m.values?.channel) as Record<string, Channel>,
      satisfaction: sat,
      tagSplit: m.tags_separator
        ? new RegExp(`\\s*${m.tags_separator.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}\\s*`)
        : undefined,
    });
    if (excludedWords.size === 0) return inner;
    const reader: CsvReader = {
      dateColumns: inner.dateColumns,
      columns: inner.columns,
      row(f, line) {
        const raw = (f[cols.status] ?? "").trim();
        if (excludedWords.has(raw.toLowerCase()))
          return ctx.sink.exclude(
            line,
            `status "${raw}" excluded by the mapping`,
            `ticket ${f[cols.id] ?? ""}`,
          );
        inner.row(f, line);
      },
    };
    return reader;
  },
};
