/**
 * Canonical tickets from Zendesk's synced tables (Fivetran's `ticket`, `ticket_field_history`,
 * `ticket_comment`, `user`, `satisfaction_rating`; Stitch's names where they differ):
 * - first reply: the first public comment, after the opening one, by a user whose role is agent
 *   or admin; replies count those comments;
 * - solved, first and full resolution, reopens, requester and agent wait: from the status
 *   history (timeline.ts);
 * - satisfaction: the ratings table, hashed or unknown scores rejected, never guessed.
 * A figure whose table is missing stays null (unknown), never 0.
 */
import type {SurveyResponse, Status, Ticket} from "../../schema/index.ts";
import {maskContacts} from "../../text/mask.ts";
import {checkTicket, idText, newResponse, newTicket, WARNING} from "../common.ts";
import {ticketCells} from "../ticket-csv.ts";
import {satisfactionOf, satisfactionOfScore, statusOf} from "../vocab.ts";
import type {TableName} from "./layout.ts";
import {cell, cellOf, excerptOf, isTrue, readTime, type TableFile} from "./tables.ts";
import {statusTimeline, type StatusChange} from "./timeline.ts";

/** The opening comment (the request itself, even typed by an agent) is this close to creation. */
const OPENING_MS = 60_000;

interface Row {
  table: TableFile;
  row: string[];
  line: number;
}

interface Entry extends Row {
  t: Ticket;
  version: number;
  excluded: string | null;
}

const rowsOf = (tables: TableFile[], name: TableName): Row[] =>
  tables
    .filter((t) => t.kind.table === name)
    .flatMap((table) => table.rows.map((row, i) => ({table, row, line: table.lines[i]!})));

/** Turns away history rows of fields no KPI needs as they are read, so they are not held. */
export function keepHistoryRow(table: TableFile) {
  return (row: string[], line: number): boolean => {
    const field = cell(table, row, "field_name");
    if (field === "status") return true;
    table.ctx.sink.exclude(
      line,
      `history of field "${field.slice(0, 30)}" not used`,
      `ticket ${cell(table, row, "ticket_id")}`,
    );
    return false;
  };
}

/** A date cell, or the reason the row is rejected. */
function time(r: Row, raw: string, field: string): number | {field: string; reason: string} | null {
  const v = readTime(r.table, raw);
  if (v !== null && Number.isNaN(v)) return {field, reason: r.table.ctx.dates.error};
  return v;
}
const isProblem = (v: unknown): v is {field: string; reason: string} => typeof v === "object" && v !== null;

export function deriveZendesk(tables: TableFile[]): void {
  const roles = userRoles(rowsOf(tables, "user"));
  const tickets = readTickets(rowsOf(tables, "ticket"));
  const left = (id: string) => tickets.get(id)?.excluded ?? null;

  // Status history, per ticket.
  const changes = new Map<string, StatusChange[]>();
  for (const r of rowsOf(tables, "ticket_field_history")) {
    const sink = r.table.ctx.sink;
    const ex = excerptOf(r.table, r.row);
    const id = cell(r.table, r.row, "ticket_id");
    if (!tickets.has(id)) {
      sink.exclude(r.line, "status history of a ticket not in the input", ex);
      continue;
    }
    if (left(id)) {
      sink.exclude(r.line, `status history of a left-out ticket (${left(id)})`, ex);
      continue;
    }
    const at = time(r, cellOf(r.table, r.row, "updated", "updated_at"), "updated");
    if (isProblem(at)) {
      sink.reject(r.line, at.field, at.reason, ex);
      continue;
    }
    if (at === null) {
      sink.reject(r.line, "updated", "missing", ex);
      continue;
    }
    const raw = cell(r.table, r.row, "value");
    const status = statusOf(raw);
    if (status === null) {
      sink.reject(r.line, "value", `unknown status "${raw.slice(0, 30)}"`, ex);
      continue;
    }
    let list = changes.get(id);
    if (!list) changes.set(id, (list = []));
    list.push({at, status});
    r.table.use(r.line);
  }

  // Public comments, per ticket.
  const comments = new Map<string, {at: number; agent: boolean; public: boolean}[]>();
  const commentTables = tables.filter((t) => t.kind.table === "ticket_comment");
  let strangers = 0;
  for (const r of rowsOf(tables, "ticket_comment")) {
    const sink = r.table.ctx.sink;
    const ex = excerptOf(r.table, r.row);
    const id = cell(r.table, r.row, "ticket_id");
    if (!tickets.has(id)) {
      sink.exclude(r.line, "comment of a ticket not in the input", ex);
      continue;
    }
    if (left(id)) {
      sink.exclude(r.line, `comment of a left-out ticket (${left(id)})`, ex);
      continue;
    }
    const at = time(r, cellOf(r.table, r.row, "created", "created_at"), "created");
    if (isProblem(at)) {
      sink.reject(r.line, at.field, at.reason, ex);
      continue;
    }
    if (at === null) {
      sink.reject(r.line, "created", "missing", ex);
      continue;
    }
    const role = roles.get(cellOf(r.table, r.row, "user_id", "author_id"));
    if (roles.size > 0 && role === undefined) strangers++;
    let list = comments.get(id);
    if (!list) comments.set(id, (list = []));
    list.push({
      at,
      agent: role === "agent" || role === "admin",
      public: isTrue(cell(r.table, r.row, "public")),
    });
    r.table.use(r.line);
  }
  const knowReplies = commentTables.length > 0 && roles.size > 0;
  if (commentTables.length > 0 && roles.size === 0)
    commentTables[0]!.ctx.sink.warn(
      1,
      "user_id",
      "no user table in the run: agent comments cannot be told from the requester's, so first reply and replies stay unknown",
    );
  if (strangers > 0)
    commentTables[0]!.ctx.sink.warn(
      1,
      "user_id",
      `${strangers} comments by users not in the user table: not counted as agent replies`,
    );

  for (const [id, e] of tickets) {
    const t = e.t;
    if (!e.excluded) {
      const history = changes.get(id);
      if (history) {
        const tl = statusTimeline(t.created_at, history);
        const done = t.status === "solved" || t.status === "closed";
        t.reopens = tl.reopens;
        if (tl.firstSolvedAt !== null)
          t.first_resolution_minutes = (tl.firstSolvedAt - t.created_at) / 60_000;
        // The ticket table says where the ticket is now; a history that disagrees is not extended.
        if (done && tl.solvedAt !== null) {
          t.solved_at = tl.solvedAt;
          t.full_resolution_minutes = (tl.solvedAt - t.created_at) / 60_000;
          t.requester_wait_minutes = tl.requesterWait;
          t.agent_wait_minutes = tl.agentWait;
        }
      }
      // A ticket without a single comment row is one the comment table does not cover (every
      // ticket has its opening comment): its replies are unknown, not 0.
      const list = comments.get(id);
      if (knowReplies && list) {
        list.sort((a, b) => a.at - b.at);
        const opening = list[0] && list[0].at - t.created_at <= OPENING_MS ? 1 : 0;
        const replies = list.slice(opening).filter((c) => c.public && c.agent && c.at >= t.created_at);
        t.replies = replies.length;
        t.first_reply_minutes = replies.length ? (replies[0]!.at - t.created_at) / 60_000 : null;
      }
    }
    const sink = e.table.ctx.sink;
    const problem = checkTicket(t, e.table.ctx.now);
    if (problem) sink.reject(e.line, problem.field, problem.reason, excerptOf(e.table, e.row));
    else sink.ticket(t, e.version, e.excluded, null, excerptOf(e.table, e.row));
  }

  readRatings(rowsOf(tables, "satisfaction_rating"));
}

/** Role of each user id (latest `updated_at` wins); the rows are kept or counted as duplicates. */
function userRoles(rows: Row[]): Map<string, string> {
  const best = new Map<string, {role: string; v: number; r: Row}>();
  for (const r of rows) {
    const id = cell(r.table, r.row, "id");
    if (!id) {
      r.table.ctx.sink.reject(r.line, "id", "missing", excerptOf(r.table, r.row));
      continue;
    }
    const updated = readTime(r.table, cell(r.table, r.row, "updated_at"));
    const v = updated === null || Number.isNaN(updated) ? 0 : updated;
    const old = best.get(id);
    if (old && old.v > v) {
      r.table.ctx.sink.duplicate(r.line);
      continue;
    }
    if (old) old.r.table.ctx.sink.duplicate(old.r.line);
    best.set(id, {role: cell(r.table, r.row, "role").toLowerCase(), v, r});
  }
  const roles = new Map<string, string>();
  for (const [id, {role, r}] of best) {
    roles.set(id, role);
    r.table.use(r.line);
  }
  return roles;
}

/** The latest version of each ticket row, with what the ticket table alone says. */
function readTickets(rows: Row[]): Map<string, Entry> {
  const out = new Map<string, Entry>();
  const cellsOf = new Map<TableFile, ReturnType<typeof ticketCells>>();
  const warned = new Set<string>();
  for (const r of rows) {
    const {table, row, line} = r;
    const ctx = table.ctx;
    const sink = ctx.sink;
    const ex = excerptOf(table, row);
    let read = cellsOf.get(table);
    if (!read) cellsOf.set(table, (read = ticketCells(ctx)));
    const id = cell(table, row, "id");
    if (!id) {
      sink.reject(line, "id", "missing ticket id", ex);
      continue;
    }
    const created = time(r, cell(table, row, "created_at"), "created_at");
    if (isProblem(created)) {
      sink.reject(line, created.field, created.reason, ex);
      continue;
    }
    if (created === null) {
      sink.reject(line, "created_at", "missing", ex);
      continue;
    }
    const updated = time(r, cell(table, row, "updated_at"), "updated_at");
    if (isProblem(updated)) {
      sink.reject(line, updated.field, updated.reason, ex);
      continue;
    }
    const status = read.status(cell(table, row, "status"));
    if (status.invalid && !status.excluded) {
      sink.reject(line, "status", status.invalid, ex);
      continue;
    }
    const t = newTicket(ctx, id, created, line);
    t.updated_at = updated;
    t.status = (status.status ?? "open") as Status;
    const via = cellOf(table, row, "via_channel", "via__channel");
    let excluded = status.excluded;
    if (via) {
      const ch = read.channel(via);
      t.channel = ch.channel;
      t.channel_raw = ch.raw;
      excluded ??= ch.excluded;
      if (ch.unknownKey !== null && !warned.has(ch.unknownKey)) {
        warned.add(ch.unknownKey);
        sink.warn(line, "via_channel", WARNING.unknownChannel(via));
      }
    }
    t.priority = read.priority(cell(table, row, "priority"));
    t.type = read.text(cell(table, row, "type"));
    t.group = read.text(cell(table, row, "group_id"));
    const assignee = cell(table, row, "assignee_id");
    t.assignee = assignee ? ctx.agent(assignee) : null;
    const tags = cell(table, row, "tags").replace(/[[\]"]/g, " ");
    if (tags.trim()) t.tags = read.tags(tags);
    if (!excluded && t.tags.includes("closed_by_merge")) excluded = "merged ticket (closed_by_merge)";
    // `[1967]`: the tickets merged into this one.
    for (const m of cell(table, row, "merged_ticket_ids")
      .replace(/[[\]\s]/g, "")
      .split(","))
      if (idText(m) !== null) sink.mergedInto(m, id);
    const version = updated ?? created;
    const old = out.get(id);
    if (old && old.version > version) {
      sink.duplicate(line);
      continue;
    }
    if (old) old.table.ctx.sink.duplicate(old.line);
    out.set(id, {table, row, line, t, version, excluded});
  }
  return out;
}

/** Satisfaction ratings: good/bad/offered/unoffered or 1-5; anything else (hashed) rejected. */
function readRatings(rows: Row[]): void {
  for (const r of rows) {
    const {table, row, line} = r;
    const ctx = table.ctx;
    const sink = ctx.sink;
    const ex = excerptOf(table, row);
    const rid = idText(cell(table, row, "id"));
    const tid = idText(cell(table, row, "ticket_id"));
    const raw = cell(table, row, "score");
    const numeric = /^\d+$/.test(raw);
    const n = Number(raw);
    if (numeric && !(n >= 1 && n <= 5)) {
      sink.reject(line, "score", `score out of range 1..5 (${raw})`, ex);
      continue;
    }
    const s = numeric ? satisfactionOfScore(n, 5) : satisfactionOf(raw);
    if (!s) {
      sink.reject(line, "score", `unknown or hashed score token "${raw.slice(0, 24)}"`, ex);
      continue;
    }
    const created = time(r, cell(table, row, "created_at"), "created_at");
    const updated = time(r, cell(table, row, "updated_at"), "updated_at");
    const bad = isProblem(created) ? created : isProblem(updated) ? updated : null;
    if (bad) {
      sink.reject(line, bad.field, bad.reason, ex);
      continue;
    }
    const c = created as number | null;
    const u = updated as number | null;
    if (rid === null && tid === null) {
      sink.reject(line, "id", "rating has neither id nor ticket_id", ex);
      continue;
    }
    let response: SurveyResponse | null = null;
    if (s === "good" || s === "bad") {
      const at = u ?? c;
      if (at === null) {
        sink.reject(line, "updated_at", "answered rating without a date", ex);
        continue;
      }
      const id = rid ? `zendesk-rating-${rid}` : `zendesk-ticket-${tid}`;
      response = numeric
        ? newResponse(ctx, id, "csat", n, [1, 5], at, line)
        : newResponse(ctx, id, "csat", s === "good" ? 1 : 0, [0, 1], at, line);
      response.ticket_id = tid;
      const comment = cell(table, row, "comment");
      response.comment = comment ? maskContacts(comment) : null;
    }
    sink.rating(
      {key: rid ?? `ticket-${tid}`, ticketId: tid, version: u ?? c ?? 0, satisfaction: s, response, line},
      ex,
    );
  }
}
