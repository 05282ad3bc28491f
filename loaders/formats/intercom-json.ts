/**
 * Intercom conversations JSON (`GET /conversations`, search results, or one conversation):
 * Unix-second times, `statistics` with first admin reply and close times, `conversation_rating`
 * (1–5). Outbound (admin-initiated) conversations are left out, as they have no customer wait.
 */
import type {Channel, Status, SurveyResponse} from "../schema/index.ts";
import {maskContacts} from "../text/mask.ts";
import {checkTicket, idText, newResponse, newTicket, objectExcerpt} from "./common.ts";
import type {FileContext, JsonAdapter, JsonReader} from "./types.ts";
import {channelOf, satisfactionOfScore} from "./vocab.ts";

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => v !== null && typeof v === "object" && !Array.isArray(v);

/** Intercom conversation states and source types, read alike by the API and warehouse adapters. */
export const STATE: Record<string, Status> = {open: "open", closed: "solved", snoozed: "pending"};
export const SOURCE: Record<string, Channel> = {
  conversation: "chat",
  chat: "chat",
  email: "email",
  phone_call: "phone",
};

/** Unix seconds (or ms) to epoch ms; null when absent. */
function unix(v: unknown): number | null {
  if (typeof v === "number" && Number.isFinite(v)) return v >= 1e11 ? v : v * 1000;
  if (typeof v === "string" && /^\d+$/.test(v)) return unix(Number(v));
  return null;
}

const secondsToMinutes = (v: unknown): number | null => (typeof v === "number" ? v / 60 : null);

export function intercomReader(ctx: FileContext): JsonReader {
  const sink = ctx.sink;

  function conversation(o: Obj, line: number): void {
    const ex = objectExcerpt(o);
    const id = idText(o.id);
    if (id === null) return sink.reject(line, "id", "missing conversation id", ex);
    const created = unix(o.created_at);
    if (created === null) return sink.reject(line, "created_at", "missing or not Unix seconds", ex);
    const t = newTicket(ctx, id, created, line);
    t.updated_at = unix(o.updated_at);
    const state = typeof o.state === "string" ? o.state : o.open === false ? "closed" : "open";
    t.status = STATE[state] ?? "open";
    const source = isObj(o.source) ? o.source : {};
    const type = typeof source.type === "string" ? source.type : null;
    t.channel = type === null ? "other" : (SOURCE[type] ?? channelOf(type).channel);
    t.channel_raw = type;
    let excluded: string | null = null;
    if (source.delivered_as === "admin_initiated" || source.delivered_as === "automated")
      excluded = "outbound (admin-initiated) conversation";
    t.priority = o.priority === "priority" ? "high" : o.priority === "not_priority" ? "normal" : null;
    const team = idText(o.team_assignee_id);
    t.group = team === null ? null : ctx.intern(team);
    const admin = idText(o.admin_assignee_id);
    t.assignee = admin === null ? null : ctx.agent(admin);
    const tags = isObj(o.tags) && Array.isArray(o.tags.tags) ? o.tags.tags : [];
    t.tags = tags
      .map((x) => (isObj(x) ? String(x.name ?? "") : String(x)))
      .filter(Boolean)
      .map(ctx.intern);
    if (isObj(o.statistics)) {
      const s = o.statistics;
      // Only a teammate's reply: `first_contact_reply_at` is the contact's own first message.
      const firstReply = unix(s.first_admin_reply_at);
      t.first_reply_minutes =
        secondsToMinutes(s.time_to_admin_reply) ??
        (firstReply === null ? null : (firstReply - created) / 60_000);
      const firstClose = unix(s.first_close_at);
      const lastClose = unix(s.last_close_at);
      t.first_resolution_minutes =
        secondsToMinutes(s.time_to_first_close) ??
        (firstClose === null ? null : (firstClose - created) / 60_000);
      if (t.status === "solved") {
        t.solved_at = lastClose;
        t.full_resolution_minutes =
          secondsToMinutes(s.time_to_last_close) ??
          (lastClose === null ? null : (lastClose - created) / 60_000);
      }
      t.reopens = typeof s.count_reopens === "number" ? s.count_reopens : null;
    }
    let csat: SurveyResponse | null = null;
    const rating = isObj(o.conversation_rating) ? o.conversation_rating : null;
    if (rating && typeof rating.rating === "number") {
      const score = rating.rating;
      if (!(Number.isInteger(score) && score >= 1 && score <= 5))
        return sink.reject(line, "conversation_rating.rating", `score out of range 1..5 (${score})`, ex);
      t.satisfaction = satisfactionOfScore(score, 5);
      csat = newResponse(
        ctx,
        `intercom-${id}`,
        "csat",
        score,
        [1, 5],
        unix(rating.created_at) ?? t.updated_at ?? created,
        line,
      );
      csat.ticket_id = id;
      csat.channel = t.channel;
      csat.comment =
        typeof rating.remark === "string" && rating.remark.trim() ? maskContacts(rating.remark) : null;
    }
    const problem = checkTicket(t, ctx.now);
    if (problem) return sink.reject(line, problem.field, problem.reason, ex);
    sink.ticket(t, t.updated_at ?? created, excluded, csat, ex);
  }

  return {
    member(key, value, line) {
      if (key === null || key === "conversations" || key === "data") {
        if (!isObj(value)) return sink.reject(line, "record", "not a JSON object", objectExcerpt(value));
        conversation(value, line);
      }
    },
  };
}

export const intercomJson: JsonAdapter = {
  kind: "json",
  id: "intercom-json",
  content: "tickets",
  detect(head) {
    if (/"type"\s*:\s*"conversation(\.list)?"/.test(head)) return 0.9;
    if (
      /"statistics"\s*:/.test(head) &&
      /"(first_admin_reply_at|time_to_admin_reply|conversation_rating)"/.test(head)
    )
      return 0.85;
    if (/"conversations"\s*:\s*\[/.test(head)) return 0.6;
    return 0;
  },
  rootRecord: (head) => /^\s*\{\s*"type"\s*:\s*"conversation"/.test(head),
  open: intercomReader,
};
