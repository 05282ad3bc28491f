import type {Profile} from "../schema/profile.ts";
import type {SurveyResponse} from "../schema/response.ts";
import type {Ticket} from "../schema/ticket.ts";
import {LocalClock, dateParts, dateRange} from "./local-time.ts";
import type {SqlRunner, TableSpec} from "./types.ts";

/**
 * The exact tables both engines load. Instants are epoch milliseconds (DOUBLE, exact below 2^53)
 * and every local-time column is computed here, once, in the organisation's zone.
 */
export const TICKETS: TableSpec = {
  name: "tickets",
  columns: [
    {name: "ticket_id", type: "VARCHAR"},
    {name: "created_at_ms", type: "DOUBLE"},
    {name: "solved_at_ms", type: "DOUBLE"},
    {name: "channel", type: "VARCHAR"},
    {name: "status", type: "VARCHAR"},
    /** status is solved or closed. */
    {name: "solved", type: "BOOLEAN"},
    {name: "first_reply_minutes", type: "DOUBLE"},
    {name: "first_reply_minutes_business", type: "DOUBLE"},
    {name: "full_resolution_minutes", type: "DOUBLE"},
    {name: "full_resolution_minutes_business", type: "DOUBLE"},
    {name: "requester_wait_minutes", type: "DOUBLE"},
    {name: "requester_wait_minutes_business", type: "DOUBLE"},
    {name: "replies", type: "INTEGER"},
    {name: "reopens", type: "INTEGER"},
    {name: "group_name", type: "VARCHAR"},
    {name: "assignee", type: "VARCHAR"},
    {name: "priority", type: "VARCHAR"},
    {name: "type", type: "VARCHAR"},
    {name: "satisfaction", type: "VARCHAR"},
    {name: "created_date", type: "VARCHAR"},
    {name: "created_month", type: "VARCHAR"},
    {name: "created_weekday", type: "INTEGER"},
    {name: "created_hour", type: "INTEGER"},
    {name: "solved_date", type: "VARCHAR"},
  ],
};

export const TICKET_TAGS: TableSpec = {
  name: "ticket_tags",
  columns: [
    {name: "ticket_id", type: "VARCHAR"},
    {name: "tag", type: "VARCHAR"},
  ],
};

export const RESPONSES: TableSpec = {
  name: "responses",
  columns: [
    {name: "response_id", type: "VARCHAR"},
    {name: "ticket_id", type: "VARCHAR"},
    {name: "kind", type: "VARCHAR"},
    {name: "score", type: "DOUBLE"},
    {name: "scale_min", type: "INTEGER"},
    {name: "scale_max", type: "INTEGER"},
    {name: "responded_at_ms", type: "DOUBLE"},
    {name: "responded_date", type: "VARCHAR"},
    {name: "responded_month", type: "VARCHAR"},
    {name: "channel", type: "VARCHAR"},
  ],
};

/** Agent actions with a known instant: the first public reply and the solve. */
export const ACTIVITY: TableSpec = {
  name: "activity",
  columns: [
    {name: "ticket_id", type: "VARCHAR"},
    {name: "kind", type: "VARCHAR"},
    {name: "at_ms", type: "DOUBLE"},
    {name: "local_date", type: "VARCHAR"},
    {name: "week", type: "VARCHAR"},
    {name: "weekday", type: "INTEGER"},
    {name: "hour", type: "INTEGER"},
  ],
};

/** Every local date from the first creation to the last creation or solve, gaps included. */
export const DAYS: TableSpec = {
  name: "days",
  columns: [
    {name: "day", type: "VARCHAR"},
    {name: "week", type: "VARCHAR"},
    {name: "month", type: "VARCHAR"},
    {name: "weekday", type: "INTEGER"},
  ],
};

/** Dataset-level facts the SQL needs as literals. */
export const META: TableSpec = {
  name: "meta",
  columns: [
    {name: "timezone", type: "VARCHAR"},
    {name: "agents", type: "INTEGER"},
    {name: "first_date", type: "VARCHAR"},
    {name: "last_date", type: "VARCHAR"},
  ],
};

export const TABLES = [TICKETS, TICKET_TAGS, RESPONSES, ACTIVITY, DAYS, META] as const;

export type PreparedRow = Record<string, string | number | boolean | null>;
export type TableName = "tickets" | "ticket_tags" | "responses" | "activity" | "days" | "meta";
export type Prepared = Record<TableName, PreparedRow[]>;

export interface DatasetInput {
  tickets: readonly Ticket[];
  responses: readonly SurveyResponse[];
  profile: Pick<Profile, "timezone" | "agents">;
}

const MINUTE = 60_000;

/** Builds the rows of every table from canonical tickets and responses. Pure and deterministic. */
export function prepare({tickets, responses, profile}: DatasetInput): Prepared {
  const clock = new LocalClock(profile.timezone || "UTC");
  const out: Prepared = {tickets: [], ticket_tags: [], responses: [], activity: [], days: [], meta: []};
  let first: string | null = null;
  let last: string | null = null;
  const see = (date: string) => {
    if (first === null || date < first) first = date;
    if (last === null || date > last) last = date;
  };
  for (const t of tickets) {
    const c = clock.parts(t.created_at);
    const solved = t.status === "solved" || t.status === "closed";
    const s = t.solved_at !== null ? clock.parts(t.solved_at) : null;
    see(c.date);
    if (s) see(s.date);
    out.tickets.push({
      ticket_id: t.ticket_id,
      created_at_ms: t.created_at,
      solved_at_ms: t.solved_at,
      channel: t.channel,
      status: t.status,
      solved,
      first_reply_minutes: t.first_reply_minutes,
      first_reply_minutes_business: t.first_reply_minutes_business,
      full_resolution_minutes: t.full_resolution_minutes,
      full_resolution_minutes_business: t.full_resolution_minutes_business,
      requester_wait_minutes: t.requester_wait_minutes,
      requester_wait_minutes_business: t.requester_wait_minutes_business,
      replies: t.replies,
      reopens: t.reopens,
      group_name: t.group,
      assignee: t.assignee,
      priority: t.priority,
      type: t.type,
      satisfaction: t.satisfaction,
      created_date: c.date,
      created_month: c.month,
      created_weekday: c.weekday,
      created_hour: c.hour,
      solved_date: s ? s.date : null,
    });
    for (const tag of new Set(t.tags)) out.ticket_tags.push({ticket_id: t.ticket_id, tag});
    const acts: [string, number | null][] = [
      [
        "reply",
        t.first_reply_minutes === null ? null : t.created_at + Math.round(t.first_reply_minutes * MINUTE),
      ],
      ["solve", solved ? t.solved_at : null],
    ];
    for (const [kind, at] of acts) {
      if (at === null) continue;
      const a = clock.parts(at);
      out.activity.push({
        ticket_id: t.ticket_id,
        kind,
        at_ms: at,
        local_date: a.date,
        week: a.week,
        weekday: a.weekday,
        hour: a.hour,
      });
    }
  }
  for (const r of responses) {
    const p = clock.parts(r.responded_at);
    out.responses.push({
      response_id: r.response_id,
      ticket_id: r.ticket_id,
      kind: r.kind,
      score: r.score,
      scale_min: r.scale_min,
      scale_max: r.scale_max,
      responded_at_ms: r.responded_at,
      responded_date: p.date,
      responded_month: p.month,
      channel: r.channel,
    });
  }
  if (first !== null && last !== null) {
    for (const day of dateRange(first, last)) out.days.push({day, ...dateParts(day)});
  }
  out.meta.push({
    timezone: clock.timeZone,
    agents: profile.agents ?? null,
    first_date: first,
    last_date: last,
  });
  return out;
}

/** Loads every prepared table through a runner (native or WASM). */
export async function loadPrepared(runner: SqlRunner, prepared: Prepared): Promise<void> {
  for (const spec of TABLES) await runner.load(spec, prepared[spec.name as TableName]);
}
