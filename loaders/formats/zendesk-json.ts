/**
 * Zendesk Support API JSON: ticket lists (`/tickets.json`, single `{ticket}`, the incremental
 * cursor export with `generated_timestamp`), ticket_metrics (`{calendar, business}` pairs,
 * single `{ticket_metric}`, side-loaded `metric_sets`), satisfaction_ratings, and Airbyte
 * records (`{"stream", "data"}` lines). Several files of one account combine by ticket id.
 */
import type {SurveyResponse} from "../schema/index.ts";
import {maskContacts} from "../text/mask.ts";
import {Cells, checkTicket, idText, newResponse, newTicket, objectExcerpt, WARNING} from "./common.ts";
import type {FileContext, JsonAdapter, JsonReader, MetricsPatch} from "./types.ts";
import {
  channelOf,
  excludedChannel,
  excludedStatus,
  priorityOf,
  satisfactionOf,
  satisfactionOfScore,
  statusOf,
} from "./vocab.ts";

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => v !== null && typeof v === "object" && !Array.isArray(v);
const str = (v: unknown): string | null =>
  typeof v === "string" ? v : typeof v === "number" ? String(v) : null;

const TICKET_KEYS = new Set(["tickets", "ticket", "results"]);
const METRIC_KEYS = new Set(["ticket_metrics", "ticket_metric", "metric_sets"]);
const RATING_KEYS = new Set(["satisfaction_ratings", "satisfaction_rating"]);
/** Record streams of an account that servicebench reads no KPI from yet. */
const UNUSED_KEYS = new Set([
  "ticket_metric_events",
  "audits",
  "comments",
  "ticket_comments",
  "ticket_audits",
]);

type Kind = "ticket" | "metrics" | "rating" | "unused" | null;

/** What a record is, from its enclosing key or, for bare records, from its own keys. */
function kindOf(key: string | null, value: unknown): Kind {
  if (key !== null) {
    if (TICKET_KEYS.has(key)) return "ticket";
    if (METRIC_KEYS.has(key)) return "metrics";
    if (RATING_KEYS.has(key)) return "rating";
    if (UNUSED_KEYS.has(key)) return "unused";
    return null; // paging members and side-loaded users, groups...: not rows
  }
  if (!isObj(value)) return "ticket";
  if ("reply_time_in_minutes" in value) return "metrics";
  if ("score" in value && "ticket_id" in value) return "rating";
  if ("metric" in value && "instance_id" in value) return "unused";
  return "ticket";
}

/** Zendesk `<name>_in_minutes` pairs onto the canonical calendar field and its `_business` twin. */
const METRIC_PAIRS = [
  ["reply_time", "first_reply_minutes"],
  ["first_resolution_time", "first_resolution_minutes"],
  ["full_resolution_time", "full_resolution_minutes"],
  ["requester_wait_time", "requester_wait_minutes"],
  ["agent_wait_time", "agent_wait_minutes"],
] as const;
export function zendeskReader(ctx: FileContext): JsonReader {
  const cells = new Cells(ctx);
  const sink = ctx.sink;
  const warned = new Set<string>();

  const date = (v: unknown, field: string): number | null =>
    typeof v === "string" ? cells.date(v, field) : null;
  const minutes = (v: unknown, field: string): number | null => {
    if (v === null || v === undefined) return null;
    if (typeof v === "number") return v;
    cells.fail(field, `not a number "${String(v).slice(0, 30)}"`);
    return null;
  };

  function ticket(o: Obj, line: number): void {
    cells.reset();
    const ex = objectExcerpt(o);
    const id = idText(o.id);
    if (id === null) return sink.reject(line, "id", "missing ticket id", ex);
    const created = date(o.created_at, "created_at");
    if (cells.failed()) return sink.reject(line, cells.failed()!.field, cells.failed()!.reason, ex);
    if (created === null) return sink.reject(line, "created_at", "missing", ex);
    const t = newTicket(ctx, id, created, line);
    t.updated_at = date(o.updated_at, "updated_at");
    const via = isObj(o.via) ? str(o.via.channel) : str(o.via);
    const ch = channelOf(via);
    t.channel = ch.channel;
    t.channel_raw = via === null ? null : ctx.intern(via);
    if (!ch.known && !warned.has(`ch:${via}`)) {
      warned.add(`ch:${via}`);
      sink.warn(line, "channel", WARNING.unknownChannel(String(via)));
    }
    const rawStatus = str(o.status) ?? "";
    const tags = Array.isArray(o.tags) ? o.tags.filter((x): x is string => typeof x === "string") : [];
    t.tags = tags.map(ctx.intern);
    let excluded = excludedStatus(rawStatus);
    if (!excluded && tags.includes("closed_by_merge")) excluded = "merged ticket (closed_by_merge)";
    excluded ??= excludedChannel(via);
    const status = statusOf(rawStatus);
    if (status) t.status = status;
    else if (!excluded) return sink.reject(line, "status", `unknown status "${rawStatus.slice(0, 30)}"`, ex);
    t.priority = typeof o.priority === "string" ? priorityOf(o.priority) : null;
    t.type = typeof o.type === "string" ? ctx.intern(o.type) : null;
    const group = idText(o.group_id);
    t.group = group === null ? null : ctx.intern(group);
    const assignee = idText(o.assignee_id);
    t.assignee = assignee === null ? null : ctx.agent(assignee);
    let csat: SurveyResponse | null = null;
    if (isObj(o.satisfaction_rating)) {
      const r = o.satisfaction_rating;
      const raw = str(r.score) ?? "";
      const s = typeof r.score === "number" ? satisfactionOfScore(r.score, 5) : satisfactionOf(raw);
      if (s === undefined)
        sink.warn(line, "satisfaction", `unknown score token "${raw.slice(0, 20)}" left empty`);
      else t.satisfaction = s;
      if (s === "good" || s === "bad") {
        const rid = idText(r.id);
        const at = t.updated_at ?? created;
        csat = newResponse(
          ctx,
          rid ? `zendesk-rating-${rid}` : `zendesk-ticket-${id}`,
          "csat",
          s === "good" ? 1 : 0,
          [0, 1],
          at,
          line,
        );
        csat.ticket_id = id;
        csat.channel = t.channel;
        csat.comment = typeof r.comment === "string" && r.comment.trim() ? maskContacts(r.comment) : null;
      }
    }
    const merged = Array.isArray(o.merged_ticket_ids) ? o.merged_ticket_ids.map(idText) : [];
    for (const m of merged) if (m !== null) sink.mergedInto(m, id);
    if (cells.failed()) return sink.reject(line, cells.failed()!.field, cells.failed()!.reason, ex);
    const problem = checkTicket(t, ctx.now);
    if (problem) return sink.reject(line, problem.field, problem.reason, ex);
    const generated = typeof o.generated_timestamp === "number" ? o.generated_timestamp * 1000 : null;
    sink.ticket(t, generated ?? t.updated_at ?? created, excluded, csat, ex);
  }

  function metrics(o: Obj, line: number): void {
    cells.reset();
    const ex = objectExcerpt(o);
    const id = idText(o.ticket_id);
    if (id === null) return sink.reject(line, "ticket_id", "missing", ex);
    const pair = (name: string, field: string): [number | null, number | null] => {
      const v = o[`${name}_in_minutes`];
      if (isObj(v)) return [minutes(v.calendar, field), minutes(v.business, `${field}_business`)];
      const s = o[`${name}_in_seconds`];
      if (isObj(s)) {
        const c = minutes(s.calendar, field);
        const b = minutes(s.business, `${field}_business`);
        return [c === null ? null : c / 60, b === null ? null : b / 60];
      }
      return [null, null];
    };
    const patch: MetricsPatch = {};
    for (const [source, field] of METRIC_PAIRS) {
      [patch[field], patch[`${field}_business`]] = pair(source, field);
    }
    patch.replies = typeof o.replies === "number" ? o.replies : null;
    patch.reopens = typeof o.reopens === "number" ? o.reopens : null;
    patch.solved_at = date(o.solved_at, "solved_at");
    if (cells.failed()) return sink.reject(line, cells.failed()!.field, cells.failed()!.reason, ex);
    for (const [k, v] of Object.entries(patch)) {
      if (typeof v !== "number") continue;
      if (k === "solved_at") {
        if (v > ctx.now + 14 * 3_600_000) return sink.reject(line, k, "date in the future", ex);
      } else if (v < 0) return sink.reject(line, k, `negative duration (${v})`, ex);
      else if ((k === "replies" || k === "reopens") && !Number.isInteger(v))
        return sink.reject(line, k, `not a count (${v})`, ex);
    }
    const updated = date(o.updated_at, "updated_at");
    const generated = typeof o.generated_timestamp === "number" ? o.generated_timestamp * 1000 : null;
    sink.metrics(id, generated ?? updated ?? 0, patch, line, ex);
  }

  function rating(o: Obj, line: number): void {
    cells.reset();
    const ex = objectExcerpt(o);
    const rid = idText(o.id);
    const tid = idText(o.ticket_id);
    const raw = o.score;
    const numeric = typeof raw === "number" || (typeof raw === "string" && /^\d$/.test(raw.trim()));
    const n = Number(raw);
    if (numeric && !(Number.isInteger(n) && n >= 1 && n <= 5))
      return sink.reject(line, "score", `score out of range 1..5 (${String(raw)})`, ex);
    const s = numeric ? satisfactionOfScore(n, 5) : satisfactionOf(str(raw) ?? "");
    if (!s)
      return sink.reject(line, "score", `unknown or hashed score token "${String(raw).slice(0, 24)}"`, ex);
    const created = date(o.created_at, "created_at");
    const updated = date(o.updated_at, "updated_at");
    if (cells.failed()) return sink.reject(line, cells.failed()!.field, cells.failed()!.reason, ex);
    if (rid === null && tid === null)
      return sink.reject(line, "id", "rating has neither id nor ticket_id", ex);
    let response: SurveyResponse | null = null;
    if (s === "good" || s === "bad") {
      const at = updated ?? created;
      if (at === null) return sink.reject(line, "updated_at", "answered rating without a date", ex);
      const id = rid ? `zendesk-rating-${rid}` : `zendesk-ticket-${tid}`;
      response = numeric
        ? newResponse(ctx, id, "csat", n, [1, 5], at, line)
        : newResponse(ctx, id, "csat", s === "good" ? 1 : 0, [0, 1], at, line);
      response.ticket_id = tid;
      response.comment = typeof o.comment === "string" && o.comment.trim() ? maskContacts(o.comment) : null;
      if (at > ctx.now + 14 * 3_600_000) return sink.reject(line, "updated_at", "date in the future", ex);
    }
    const key = rid ?? `ticket-${tid}`;
    sink.rating({key, ticketId: tid, version: updated ?? created ?? 0, satisfaction: s, response, line}, ex);
  }

  function dispatch(kind: Kind, value: unknown, line: number, stream?: string): void {
    if (kind === null) return;
    if (kind === "unused")
      return sink.exclude(line, `${stream ?? "record"} not used by servicebench`, objectExcerpt(value));
    if (!isObj(value)) return sink.reject(line, "record", "not a JSON object", objectExcerpt(value));
    if (kind === "ticket") ticket(value, line);
    else if (kind === "metrics") metrics(value, line);
    else rating(value, line);
  }

  return {
    member(key, value, line) {
      // Side-loaded users are no rows, but their names are masked wherever free text holds them.
      if (key === "users" && isObj(value) && typeof value.name === "string") ctx.person?.(value.name);
      if (key === null && isObj(value) && typeof value.stream === "string" && "data" in value) {
        // Airbyte record: the stream name says what the data is.
        const stream = value.stream;
        const kind: Kind = TICKET_KEYS.has(stream)
          ? "ticket"
          : METRIC_KEYS.has(stream)
            ? "metrics"
            : RATING_KEYS.has(stream)
              ? "rating"
              : "unused";
        return dispatch(kind, value.data, line, `stream "${stream}"`);
      }
      dispatch(kindOf(key, value), value, line, key === null ? undefined : `"${key}"`);
    },
  };
}

export const zendeskJson: JsonAdapter = {
  kind: "json",
  id: "zendesk-json",
  content: "mixed",
  detect(head) {
    if (
      /"stream"\s*:\s*"(tickets|ticket_metrics|satisfaction_ratings|ticket_comments|ticket_metric_events)"/.test(
        head,
      )
    )
      return 0.95;
    if (/"(ticket_metrics?|metric_sets)"\s*:/.test(head) || /"reply_time_in_minutes"\s*:/.test(head))
      return 0.9;
    if (/"satisfaction_ratings?"\s*:\s*[[{]/.test(head) && /"score"\s*:/.test(head)) return 0.9;
    if (
      /"tickets?"\s*:\s*[[{]/.test(head) &&
      /"(via|generated_timestamp|satisfaction_rating)"\s*:/.test(head)
    )
      return 0.9;
    if (/"ticket_metric_events"\s*:|"audits"\s*:/.test(head)) return 0.6;
    if (/"comments"\s*:\s*\[/.test(head) && /"author_id"\s*:/.test(head)) return 0.6;
    if (/"via"\s*:\s*\{\s*"channel"/.test(head)) return 0.7;
    return 0;
  },
  open: zendeskReader,
};
