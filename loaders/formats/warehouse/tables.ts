/**
 * The rows of one synced table, held until every table of the run is read: a ticket needs its
 * comments, status history and ratings, which live in other files.
 */
import {norm, rowExcerpt} from "../common.ts";
import type {CsvReader, FileContext} from "../types.ts";
import type {TableKind} from "./layout.ts";

export interface TableFile {
  kind: TableKind;
  header: string[];
  ctx: FileContext;
  /** Normalised column name -> index. */
  cols: Map<string, number>;
  rows: string[][];
  lines: number[];
  /** Counts a row as read and kept (it went into a ticket or told a user's role). */
  use(line: number): void;
}

/** Columns each table is read for; other cells are never copied out of the text. */
const WANTED: Record<string, string[]> = {
  ticket: [
    "id", "created_at", "updated_at", "status", "via_channel", "via__channel", "priority", "type",
    "group_id", "assignee_id", "merged_ticket_ids", "tags",
  ],
  ticket_field_history: ["field_name", "ticket_id", "updated", "updated_at", "value"],
  ticket_comment: ["id", "ticket_id", "public", "user_id", "author_id", "created", "created_at"],
  user: ["id", "role", "updated_at"],
  satisfaction_rating: ["id", "ticket_id", "score", "comment", "created_at", "updated_at"],
  conversation_history: [
    "id", "created_at", "updated_at", "state", "source_type", "source_delivered_as", "priority",
    "assignee_id", "assignee_type", "admin_assignee_id", "team_assignee_id",
    "conversation_rating_value", "conversation_rating_remark", "conversation_rating_created_at",
    "_fivetran_active",
  ],
  conversation_part_history: [
    "id", "conversation_id", "part_type", "author_type", "created_at", "updated_at", "_fivetran_active",
  ],
}; // prettier-ignore

/**
 * A reader that keeps the rows of a table servicebench uses. `keep` may turn a row away at once
 * (a field history row of a field no KPI needs), so the big tables are not all held.
 */
export function collectReader(table: TableFile, keep?: (row: string[], line: number) => boolean): CsvReader {
  const wanted = WANTED[table.kind.table ?? ""] ?? [];
  const h = table.header.map(norm);
  h.forEach((name, i) => {
    if (wanted.includes(name) && !table.cols.has(name)) table.cols.set(name, i);
  });
  return {
    dateColumns: [],
    columns: [...table.cols.values()],
    row(fields, line) {
      if (keep && !keep(fields, line)) return;
      table.rows.push(fields);
      table.lines.push(line);
    },
  };
}

/** The text of a named cell ("" when the column is absent). */
export function cell(table: TableFile, row: string[], name: string): string {
  const i = table.cols.get(name);
  return i === undefined ? "" : (row[i] ?? "").trim();
}

/** The first of several names the table has, as the cell's text. */
export function cellOf(table: TableFile, row: string[], ...names: string[]): string {
  for (const name of names) if (table.cols.has(name)) return cell(table, row, name);
  return "";
}

export function excerptOf(table: TableFile, row: string[]): string {
  return rowExcerpt(table.header, row);
}

/** Warehouse timestamps: `2020-09-03 7:43:30` (one-digit hours) read like their two-digit form. */
export function readTime(table: TableFile, raw: string): number | null {
  const fixed = raw.replace(/^(\d{4}-\d{2}-\d{2}[ T])(\d):/, "$10$2:");
  return table.ctx.dates.read(fixed);
}

const TRUE = new Set(["true", "t", "1", "yes"]);
export const isTrue = (raw: string): boolean => TRUE.has(raw.toLowerCase());
