/**
 * Freshdesk API JSON: v2 tickets with `include=stats` (numeric status / priority / source
 * codes, ISO UTC times) as a list, a single ticket or a search envelope; and the legacy v1
 * shape (`status_name`, `source_name`, `frDueBy`, local offsets), read from its display names.
 */
import type {Channel, Status} from "../schema/index.ts";
import {Cells, checkTicket, idText, minutesBetween, newTicket, objectExcerpt} from "./common.ts";
import type {FileContext, JsonAdapter, JsonReader} from "./types.ts";
import {channelOf, priorityOf, statusOf} from "./vocab.ts";

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => v !== null && typeof v === "object" && !Array.isArray(v);

/** Freshdesk API codes (v2 docs); custom statuses (6+) are open work. */
const STATUS: Record<number, Status> = {2: "open", 3: "pending", 4: "solved", 5: "closed"};
const SOURCE: Record<number, [Channel, string]> = {
  1: ["email", "email"], 2: ["web", "portal"], 3: ["phone", "phone"], 4: ["web", "forum"],
  5: ["social", "twitter"], 6: ["social", "facebook"], 7: ["chat", "chat"], 8: ["messaging", "mobihelp"],
  9: ["web", "feedback_widget"], 10: ["email", "outbound_email"], 11: ["other", "ecommerce"], 12: ["chat", "bot"],
}; // prettier-ignore
const PRIORITY: Record<number, string> = {1: "low", 2: "normal", 3: "high", 4: "urgent"};
const OUTBOUND_SOURCE = 10;

export function freshdeskReader(ctx: FileContext): JsonReader {
  const cells = new Cells(ctx);
  const sink = ctx.sink;
  const date = (v: unknown, field: string) => (typeof v === "string" ? cells.date(v, field) : null);

  function ticket(o: Obj, line: number): void {
    cells.reset();
    const ex = objectExcerpt(o);
    if ("incoming" in o && "private" in o && !("status" in o))
      return sink.exclude(line, "conversation record not used by servicebench", ex);
    const id = idText(o.id);
    if (id === null) return sink.reject(line, "id", "missing ticket id", ex);
    const created = date(o.created_at, "created_at");
    if (cells.failed()) return sink.reject(line, cells.failed()!.field, cells.failed()!.reason, ex);
    if (created === null) return sink.reject(line, "created_at", "missing", ex);
    const t = newTicket(ctx, id, created, line);
    t.updated_at = date(o.updated_at, "updated_at");
    const v1 = "status_name" in o || "source_name" in o;
    let excluded: string | null = o.spam === true ? "spam" : o.deleted === true ? "deleted ticket" : null;
    if (v1) {
      const s = statusOf(String(o.status_name ?? ""));
      t.status = s ?? (typeof o.status === "number" ? (STATUS[o.status] ?? "open") : "open");
      const raw = String(o.source_name ?? "");
      t.channel = channelOf(raw).channel;
      t.channel_raw = raw ? ctx.intern(raw) : null;
      t.priority = priorityOf(String(o.priority_name ?? ""));
      t.type = typeof o.ticket_type === "string" ? ctx.intern(o.ticket_type) : null;
    } else {
      const code = typeof o.status === "number" ? o.status : NaN;
      const status = STATUS[code] ?? (code >= 6 ? "open" : null);
      if (!status) return sink.reject(line, "status", `unknown status code ${String(o.status)}`, ex);
      t.status = status;
      const source = typeof o.source === "number" ? o.source : NaN;
      const ch = SOURCE[source];
      t.channel = ch ? ch[0] : "other";
      t.channel_raw = ch ? ch[1] : Number.isNaN(source) ? null : `source:${source}`;
      if (!ch && !Number.isNaN(source))
        sink.warn(line, "channel", `unknown source code ${source} counted as other`);
      if (source === OUTBOUND_SOURCE && !excluded) excluded = "outbound (agent-initiated) ticket";
      t.priority = typeof o.priority === "number" ? (PRIORITY[o.priority] ?? String(o.priority)) : null;
      t.type = typeof o.type === "string" ? ctx.intern(o.type) : null;
    }
    const group = idText(o.group_id);
    t.group = group === null ? null : ctx.intern(group);
    const agent = idText(o.responder_id);
    t.assignee = agent === null ? null : ctx.agent(agent);
    if (Array.isArray(o.tags))
      t.tags = o.tags.filter((x): x is string => typeof x === "string").map(ctx.intern);
    if (isObj(o.stats)) {
      const s = o.stats;
      const first = date(s.first_responded_at, "stats.first_responded_at");
      const resolved = date(s.resolved_at, "stats.resolved_at");
      const closed = date(s.closed_at, "stats.closed_at");
      const reopened = date(s.reopened_at, "stats.reopened_at");
      t.first_reply_minutes = minutesBetween(created, first);
      if (t.status === "solved" || t.status === "closed") {
        t.solved_at = resolved ?? closed;
        t.full_resolution_minutes = minutesBetween(created, t.solved_at);
      }
      // Freshdesk keeps only the last reopen: a count of at least one, or none.
      t.reopens = "reopened_at" in s ? (reopened === null ? 0 : 1) : null;
    }
    if (cells.failed()) return sink.reject(line, cells.failed()!.field, cells.failed()!.reason, ex);
    const problem = checkTicket(t, ctx.now);
    if (problem) return sink.reject(line, problem.field, problem.reason, ex);
    sink.ticket(t, t.updated_at ?? created, excluded, null, ex);
  }

  return {
    member(key, value, line) {
      // Rows: a root array, "results" of a search, or a single ticket object's members.
      if (key === null || key === "results" || key === "tickets") {
        if (!isObj(value)) return sink.reject(line, "record", "not a JSON object", objectExcerpt(value));
        return ticket(isObj(value.helpdesk_ticket) ? value.helpdesk_ticket : value, line);
      }
      if (key === "helpdesk_ticket" && isObj(value)) return ticket(value, line);
    },
  };
}

export const freshdeskJson: JsonAdapter = {
  kind: "json",
  id: "freshdesk-json",
  content: "tickets",
  detect(head) {
    const v2 =
      (/"(fr_due_by|fr_escalated|requester_id)"\s*:/.test(head) &&
        /"(stats|due_by|spam|responder_id)"\s*:/.test(head)) ||
      (/"stats"\s*:\s*\{/.test(head) && /"(first_responded_at|resolved_at)"\s*:/.test(head)) ||
      (/"spam"\s*:/.test(head) && /"responder_id"\s*:/.test(head));
    const v1 = /"(status_name|frDueBy|source_name|helpdesk_ticket)"\s*:/.test(head);
    if (/"(via|generated_timestamp)"\s*:/.test(head)) return 0;
    if (v1 || v2) return 0.85;
    return /"incoming"\s*:/.test(head) && /"private"\s*:/.test(head) ? 0.6 : 0;
  },
  // `GET /tickets/{id}` is the ticket itself at the root, not a list.
  rootRecord: (head) => /^\s*\{/.test(head) && !/"(results|tickets|helpdesk_ticket)"\s*:\s*[[{]/.test(head),
  open: freshdeskReader,
};
