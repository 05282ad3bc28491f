import type {Profile} from "../schema/profile.ts";
import type {SurveyResponse} from "../schema/response.ts";
import type {Ticket} from "../schema/ticket.ts";
import {LocalClock, dateParts, dateRange, hourOf} from "./local-time.ts";
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

export type PreparedValue = string | number | boolean | null;
export type PreparedRow = Record<string, PreparedValue>;
export type TableName = "tickets" | "ticket_tags" | "responses" | "activity" | "days" | "meta";
export type Prepared = Record<TableName, PreparedRow[]>;
/** A table as its columns, in the spec's order: one array of values per column, all as long. */
export type PreparedColumns = [string, PreparedValue[]][];

export interface DatasetInput {
  tickets: readonly Ticket[];
  responses: readonly SurveyResponse[];
  profile: Pick<Profile, "timezone" | "agents">;
}

const MINUTE = 60_000;

/** Builds the rows of every table from canonical tickets and responses. Pure and deterministic. */
export function prepare(input: DatasetInput): Prepared {
  const columns = prepareColumns(input);
  const out = {} as Prepared;
  for (const spec of TABLES) {
    const name = spec.name as TableName;
    out[name] = rowsOf(columns[name]);
  }
  return out;
}

/** A table's rows from its columns, each row's keys in the spec's order. */
export function rowsOf(columns: PreparedColumns): PreparedRow[] {
  const length = columns[0]?.[1].length ?? 0;
  const rows = new Array<PreparedRow>(length);
  for (let i = 0; i < length; i++) {
    const row: PreparedRow = {};
    for (const [name, values] of columns) row[name] = values[i]!;
    rows[i] = row;
  }
  return rows;
}

/** Empty columns of a table, in the spec's order, and each column's array by name. */
function table(spec: TableSpec): {columns: PreparedColumns; col: (name: string) => PreparedValue[]} {
  const columns = spec.columns.map((c): [string, PreparedValue[]] => [c.name, []]);
  const byName = new Map(columns);
  return {columns, col: (name) => byName.get(name)!};
}

/**
 * The same tables as `prepare()`, as columns: the self-assessment turns them into Arrow without
 * a row object per ticket, and `prepare()` reads its rows from them. Pure and deterministic.
 */
export function prepareColumns({
  tickets,
  responses,
  profile,
}: DatasetInput): Record<TableName, PreparedColumns> {
  const clock = new LocalClock(profile.timezone || "UTC");
  let first: string | null = null;
  let last: string | null = null;

  const tk = table(TICKETS);
  const tId = tk.col("ticket_id");
  const tCreated = tk.col("created_at_ms");
  const tSolvedAt = tk.col("solved_at_ms");
  const tChannel = tk.col("channel");
  const tStatus = tk.col("status");
  const tSolved = tk.col("solved");
  const tFirst = tk.col("first_reply_minutes");
  const tFirstB = tk.col("first_reply_minutes_business");
  const tFull = tk.col("full_resolution_minutes");
  const tFullB = tk.col("full_resolution_minutes_business");
  const tWait = tk.col("requester_wait_minutes");
  const tWaitB = tk.col("requester_wait_minutes_business");
  const tReplies = tk.col("replies");
  const tReopens = tk.col("reopens");
  const tGroup = tk.col("group_name");
  const tAssignee = tk.col("assignee");
  const tPriority = tk.col("priority");
  const tType = tk.col("type");
  const tSatisfaction = tk.col("satisfaction");
  const tDate = tk.col("created_date");
  const tMonth = tk.col("created_month");
  const tWeekday = tk.col("created_weekday");
  const tHour = tk.col("created_hour");
  const tSolvedDate = tk.col("solved_date");

  const tg = table(TICKET_TAGS);
  const gId = tg.col("ticket_id");
  const gTag = tg.col("tag");

  const ac = table(ACTIVITY);
  const aId = ac.col("ticket_id");
  const aKind = ac.col("kind");
  const aAt = ac.col("at_ms");
  const aDate = ac.col("local_date");
  const aWeek = ac.col("week");
  const aWeekday = ac.col("weekday");
  const aHour = ac.col("hour");
  const act = (id: string, kind: string, at: number) => {
    const local = clock.wall(at);
    const d = clock.day(local);
    aId.push(id);
    aKind.push(kind);
    aAt.push(at);
    aDate.push(d.date);
    aWeek.push(d.week);
    aWeekday.push(d.weekday);
    aHour.push(hourOf(local));
  };

  for (const t of tickets) {
    const createdLocal = clock.wall(t.created_at);
    const c = clock.day(createdLocal);
    const solved = t.status === "solved" || t.status === "closed";
    const s = t.solved_at !== null ? clock.day(clock.wall(t.solved_at)) : null;
    if (first === null || c.date < first) first = c.date;
    if (last === null || c.date > last) last = c.date;
    if (s) {
      if (s.date < first) first = s.date;
      if (s.date > last) last = s.date;
    }
    tId.push(t.ticket_id);
    tCreated.push(t.created_at);
    tSolvedAt.push(t.solved_at);
    tChannel.push(t.channel);
    tStatus.push(t.status);
    tSolved.push(solved);
    tFirst.push(t.first_reply_minutes);
    tFirstB.push(t.first_reply_minutes_business);
    tFull.push(t.full_resolution_minutes);
    tFullB.push(t.full_resolution_minutes_business);
    tWait.push(t.requester_wait_minutes);
    tWaitB.push(t.requester_wait_minutes_business);
    tReplies.push(t.replies);
    tReopens.push(t.reopens);
    tGroup.push(t.group);
    tAssignee.push(t.assignee);
    tPriority.push(t.priority);
    tType.push(t.type);
    tSatisfaction.push(t.satisfaction);
    tDate.push(c.date);
    tMonth.push(c.month);
    tWeekday.push(c.weekday);
    tHour.push(hourOf(createdLocal));
    tSolvedDate.push(s ? s.date : null);
    // A tag listed twice on a ticket counts once; most tickets have one tag or none.
    const tags = t.tags;
    if (tags.length === 1) {
      gId.push(t.ticket_id);
      gTag.push(tags[0]!);
    } else if (tags.length > 1) {
      for (const tag of new Set(tags)) {
        gId.push(t.ticket_id);
        gTag.push(tag);
      }
    }
    if (t.first_reply_minutes !== null)
      act(t.ticket_id, "reply", t.created_at + Math.round(t.first_reply_minutes * MINUTE));
    if (solved && t.solved_at !== null) act(t.ticket_id, "solve", t.solved_at);
  }

  const rs = table(RESPONSES);
  const rId = rs.col("response_id");
  const rTicket = rs.col("ticket_id");
  const rKind = rs.col("kind");
  const rScore = rs.col("score");
  const rMin = rs.col("scale_min");
  const rMax = rs.col("scale_max");
  const rAt = rs.col("responded_at_ms");
  const rDate = rs.col("responded_date");
  const rMonth = rs.col("responded_month");
  const rChannel = rs.col("channel");
  for (const r of responses) {
    const p = clock.day(clock.wall(r.responded_at));
    rId.push(r.response_id);
    rTicket.push(r.ticket_id);
    rKind.push(r.kind);
    rScore.push(r.score);
    rMin.push(r.scale_min);
    rMax.push(r.scale_max);
    rAt.push(r.responded_at);
    rDate.push(p.date);
    rMonth.push(p.month);
    rChannel.push(r.channel);
  }

  const ds = table(DAYS);
  if (first !== null && last !== null) {
    for (const day of dateRange(first, last)) {
      const p = dateParts(day);
      ds.col("day").push(day);
      ds.col("week").push(p.week);
      ds.col("month").push(p.month);
      ds.col("weekday").push(p.weekday);
    }
  }
  const mt = table(META);
  mt.col("timezone").push(clock.timeZone);
  mt.col("agents").push(profile.agents ?? null);
  mt.col("first_date").push(first);
  mt.col("last_date").push(last);

  return {
    tickets: tk.columns,
    ticket_tags: tg.columns,
    responses: rs.columns,
    activity: ac.columns,
    days: ds.columns,
    meta: mt.columns,
  };
}

/** Loads every prepared table through a runner (native or WASM). */
export async function loadPrepared(runner: SqlRunner, prepared: Prepared): Promise<void> {
  for (const spec of TABLES) await runner.load(spec, prepared[spec.name as TableName]);
}
