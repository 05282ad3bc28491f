/**
 * Canonical tickets from Intercom's synced tables (Fivetran's `conversation_history` and
 * `conversation_part_history`, one row per version):
 * - the latest version of each conversation (`_fivetran_active`, else the latest `updated_at`);
 *   older versions are counted as duplicates;
 * - first reply: the first public comment part by an admin (a teammate). The conversation's
 *   `first_contact_reply_created_at` is the contact's own first message, never a reply; with no
 *   parts table the first reply stays unknown (null);
 * - closes and reopens: from the versions' `state` (timeline.ts), when the table keeps history;
 * - satisfaction: `conversation_rating_value` 1-5.
 */
import type {SurveyResponse} from "../../schema/index.ts";
import {maskContacts} from "../../text/mask.ts";
import {checkTicket, newResponse, newTicket, WARNING} from "../common.ts";
import {channelOf, satisfactionOfScore} from "../vocab.ts";
import type {TableName} from "./layout.ts";
import {cell, excerptOf, isTrue, readTime, type TableFile} from "./tables.ts";
import {statusTimeline, type StatusChange} from "./timeline.ts";
import {SOURCE, STATE} from "../intercom-json.ts";

const OUTBOUND = new Set(["admin_initiated", "automated"]);

interface Version {
  table: TableFile;
  row: string[];
  line: number;
  updated: number;
  active: boolean | null;
}

const rowsOf = (tables: TableFile[], name: TableName) =>
  tables
    .filter((t) => t.kind.table === name)
    .flatMap((table) => table.rows.map((row, i) => ({table, row, line: table.lines[i]!})));

/** Versions grouped by id, the latest first; rows without an id are rejected. */
function versionsById(tables: TableFile[], name: TableName, idColumn: string): Map<string, Version[]> {
  const out = new Map<string, Version[]>();
  for (const {table, row, line} of rowsOf(tables, name)) {
    const id = cell(table, row, idColumn);
    if (!id) {
      table.ctx.sink.reject(line, idColumn, "missing", excerptOf(table, row));
      continue;
    }
    const u = readTime(table, cell(table, row, "updated_at"));
    const a = cell(table, row, "_fivetran_active");
    const v: Version = {
      table,
      row,
      line,
      updated: u === null || Number.isNaN(u) ? 0 : u,
      active: a ? isTrue(a) : null,
    };
    let list = out.get(id);
    if (!list) out.set(id, (list = []));
    list.push(v);
  }
  const rank = (v: Version) => (v.active === true ? 1 : 0);
  for (const list of out.values())
    list.sort((a, b) => rank(b) - rank(a) || b.updated - a.updated || b.line - a.line);
  return out;
}

export function deriveIntercom(tables: TableFile[]): void {
  // Parts: latest version of each part, grouped by conversation.
  const parts = new Map<string, {admin: boolean; comment: boolean; at: number | null; v: Version}[]>();
  const partTables = tables.filter((t) => t.kind.table === "conversation_part_history");
  for (const [, versions] of versionsById(tables, "conversation_part_history", "id")) {
    const [latest, ...older] = versions;
    for (const o of older) o.table.ctx.sink.duplicate(o.line);
    const {table, row} = latest!;
    const conversation = cell(table, row, "conversation_id");
    const at = readTime(table, cell(table, row, "created_at"));
    let list = parts.get(conversation);
    if (!list) parts.set(conversation, (list = []));
    list.push({
      admin: cell(table, row, "author_type").toLowerCase() === "admin",
      comment: cell(table, row, "part_type").toLowerCase() === "comment",
      at: at === null || Number.isNaN(at) ? null : at,
      v: latest!,
    });
  }

  for (const [id, versions] of versionsById(tables, "conversation_history", "id")) {
    const [latest, ...older] = versions;
    const {table, row, line} = latest!;
    const ctx = table.ctx;
    const sink = ctx.sink;
    const ex = excerptOf(table, row);
    const dropParts = (reason: string) => {
      for (const p of parts.get(id) ?? [])
        p.v.table.ctx.sink.exclude(p.v.line, reason, excerptOf(p.v.table, p.v.row));
      parts.delete(id);
    };
    for (const o of older) o.table.ctx.sink.duplicate(o.line);
    const created = readTime(table, cell(table, row, "created_at"));
    const rawState = cell(table, row, "state").toLowerCase();
    const status = STATE[rawState];
    const problem =
      created === null
        ? {field: "created_at", reason: "missing"}
        : Number.isNaN(created)
          ? {field: "created_at", reason: ctx.dates.error}
          : status === undefined
            ? {field: "state", reason: rawState ? `unknown state "${rawState.slice(0, 30)}"` : "missing"}
            : null;
    if (problem) {
      sink.reject(line, problem.field, problem.reason, ex);
      dropParts(`part of a conversation rejected (${problem.field})`);
      continue;
    }
    const t = newTicket(ctx, id, created!, line);
    const updated = readTime(table, cell(table, row, "updated_at"));
    t.updated_at = updated === null || Number.isNaN(updated) ? null : updated;
    t.status = status!;
    const type = cell(table, row, "source_type");
    if (type) {
      t.channel = SOURCE[type] ?? channelOf(type).channel;
      t.channel_raw = ctx.intern(type);
    }
    const excluded = OUTBOUND.has(cell(table, row, "source_delivered_as"))
      ? "outbound (admin-initiated) conversation"
      : null;
    const priority = cell(table, row, "priority");
    t.priority = priority === "priority" ? "high" : priority === "not_priority" ? "normal" : null;
    const assignee =
      cell(table, row, "admin_assignee_id") ||
      (cell(table, row, "assignee_type") === "admin" ? cell(table, row, "assignee_id") : "");
    t.assignee = assignee ? ctx.agent(assignee) : null;
    const team =
      cell(table, row, "team_assignee_id") ||
      (cell(table, row, "assignee_type") === "team" ? cell(table, row, "assignee_id") : "");
    t.group = team ? ctx.intern(team) : null;

    // Closes and reopens need every version: only a history table keeps them.
    if (table.cols.has("_fivetran_active")) {
      const changes: StatusChange[] = [];
      for (const v of versions) {
        const s = STATE[cell(v.table, v.row, "state").toLowerCase()];
        if (s && v.updated > 0) changes.push({at: v.updated, status: s});
      }
      const tl = statusTimeline(t.created_at, changes, "open");
      t.reopens = tl.reopens;
      if (tl.firstSolvedAt !== null) t.first_resolution_minutes = (tl.firstSolvedAt - t.created_at) / 60_000;
      if (t.status === "solved" && tl.solvedAt !== null) {
        t.solved_at = tl.solvedAt;
        t.full_resolution_minutes = (tl.solvedAt - t.created_at) / 60_000;
      }
    }

    if (excluded) dropParts(`part of a left-out conversation (${excluded})`);
    else if (partTables.length > 0 && parts.has(id)) {
      // A conversation with no part at all is one the parts table does not cover: unknown, not 0.
      const mine = parts.get(id)!;
      const replies = mine
        .filter((p) => p.admin && p.comment && p.at !== null && p.at >= t.created_at)
        .sort((a, b) => a.at! - b.at!);
      t.replies = replies.length;
      t.first_reply_minutes = replies.length ? (replies[0]!.at! - t.created_at) / 60_000 : null;
      for (const p of mine) p.v.table.use(p.v.line);
      parts.delete(id);
    }

    let csat: SurveyResponse | null = null;
    const rating = cell(table, row, "conversation_rating_value");
    if (/^[1-5]$/.test(rating)) {
      const score = Number(rating);
      t.satisfaction = satisfactionOfScore(score, 5);
      const ratedAt = readTime(table, cell(table, row, "conversation_rating_created_at"));
      const at = ratedAt === null || Number.isNaN(ratedAt) ? (t.updated_at ?? t.created_at) : ratedAt;
      csat = newResponse(ctx, `intercom-${id}`, "csat", score, [1, 5], at, line);
      csat.ticket_id = id;
      csat.channel = t.channel;
      const remark = cell(table, row, "conversation_rating_remark");
      csat.comment = remark ? maskContacts(remark) : null;
    } else if (rating) sink.warn(line, "conversation_rating_value", WARNING.unknownScore(rating));

    const bad = checkTicket(t, ctx.now);
    if (bad) sink.reject(line, bad.field, bad.reason, ex);
    else sink.ticket(t, t.updated_at ?? t.created_at, excluded, csat, ex);
  }
  for (const list of parts.values())
    for (const p of list)
      p.v.table.ctx.sink.exclude(
        p.v.line,
        "part of a conversation not in the input",
        excerptOf(p.v.table, p.v.row),
      );
}
