/**
 * The tickets behind a mark of the Volume & channels page, as SQL for the
 * drill-down (drill-down.ts). Each target selects exactly the tickets its mark counts: the same
 * filters (ticketPredicate), the same local columns the registry's KPI groups by. Pure.
 */
import {drillListSql} from "./drill-sql.js";
import {sqlString, ticketPredicate, type Filters, type Period} from "./filters.js";

export type DrillTarget =
  /** One stacked bar segment of tickets per month and channel. */
  | {kind: "month"; month: string; channel: string}
  /** One heatmap cell: tickets created on that weekday (1 = Monday) and local hour. */
  | {kind: "slot"; weekday: number; hour: number}
  /** One day of the daily line (a spike). */
  | {kind: "day"; day: string};

const int = (x: number, lo: number, hi: number) => {
  if (!Number.isInteger(x) || x < lo || x > hi) throw new RangeError(`out of range: ${x}`);
  return x;
};

function targetWhere(target: DrillTarget): string {
  switch (target.kind) {
    case "month":
      if (!/^\d{4}-\d{2}$/.test(target.month)) throw new RangeError(`not a month: ${target.month}`);
      return `t.created_month = ${sqlString(target.month)} AND t.channel = ${sqlString(target.channel)}`;
    case "slot":
      return `t.created_weekday = ${int(target.weekday, 1, 7)} AND t.created_hour = ${int(target.hour, 0, 23)}`;
    case "day":
      if (!/^\d{4}-\d{2}-\d{2}$/.test(target.day)) throw new RangeError(`not a day: ${target.day}`);
      return `t.created_date = ${sqlString(target.day)}`;
  }
}

/** The condition on tickets `t`: the page's filters and period, and the target. */
export function drillWhere(f: Filters, p: Period, target: DrillTarget): string {
  return `${ticketPredicate(f, p)} AND ${targetWhere(target)}`;
}

/** How many tickets the target holds. */
export function drillCountSql(f: Filters, p: Period, target: DrillTarget): string {
  return `SELECT CAST(count(*) AS INTEGER) AS n FROM tickets t WHERE ${drillWhere(f, p, target)}`;
}

/**
 * The first `limit` tickets of the target, newest first: the drill-down's columns (no personal
 * data), durations on the filters' clock, and the CSAT score as "score/scale" (else the rating).
 */
export function drillRowsSql(f: Filters, p: Period, target: DrillTarget, limit: number): string {
  return drillListSql({
    picked: `SELECT ticket_id FROM tickets t WHERE ${drillWhere(f, p, target)}`,
    order: "t.created_at_ms DESC, t.ticket_id",
    clock: f.clock,
    limit: int(limit, 1, 1_000_000),
  });
}
