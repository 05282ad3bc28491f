import {dimensionPredicate} from "../../src/components/filters.ts";
import type {Dimension, KpiOptions, MemberRow} from "./types.ts";

/** SQL string literal. */
export function lit(value: string): string {
  return `'${value.replaceAll("'", "''")}'`;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Period filter on a local-date column; dates are validated so they can be inlined. */
export function period(column: string, {from, to}: KpiOptions): string {
  const parts: string[] = [];
  for (const [op, d] of [
    [">=", from],
    ["<=", to],
  ] as const) {
    if (d === undefined) continue;
    if (!DATE.test(d)) throw new RangeError(`expected a date YYYY-MM-DD, got ${d}`);
    parts.push(`${column} ${op} ${lit(d)}`);
  }
  return parts.length ? parts.join(" AND ") : "TRUE";
}

const NONE = "'(none)'";

/** Cut expression over tickets aliased `t` (and `g` for ticket_tags). */
function ticketCut(by: Dimension | undefined, month: string): string {
  switch (by) {
    case undefined:
      return "'all'";
    case "channel":
      return "t.channel";
    case "group":
      return `coalesce(t.group_name, ${NONE})`;
    case "priority":
      return `coalesce(t.priority, ${NONE})`;
    case "type":
      return `coalesce(t.type, ${NONE})`;
    case "tag":
      return `coalesce(g.tag, ${NONE})`;
    case "agent":
      return `coalesce(t.assignee, ${NONE})`;
    case "month":
      return month;
  }
}

const tagJoin = (by: Dimension | undefined) =>
  by === "tag" ? " LEFT JOIN ticket_tags g ON g.ticket_id = t.ticket_id" : "";

/**
 * The dimension filters (channel, group, priority, type, tag) over the ticket aliased `t`: the same
 * predicate builder the pages use (src/components/filters.ts), so both filter the same tickets.
 */
function ticketFilter(o: KpiOptions, channel?: string): string {
  const sql = dimensionPredicate(o.filter, "t", channel ? {channel} : {});
  return sql === "TRUE" ? "" : ` AND ${sql}`;
}

/** Tickets in the period (by local creation date) and the filters, with a `cut` column. */
export function ticketBase(o: KpiOptions): string {
  return `SELECT t.*, ${ticketCut(o.by, "t.created_month")} AS cut FROM tickets t${tagJoin(o.by)}
    WHERE ${period("t.created_date", o)}${ticketFilter(o)}`;
}

/**
 * Survey responses in the period (by local response date) with a `cut` column; dimensions a
 * response lacks come from its ticket, and the response's own channel wins over the ticket's (in
 * the cut and in the channel filter alike). A response without a ticket has no group, priority,
 * type or tag: it passes only a filter that accepts "(none)".
 */
export function responseBase(o: KpiOptions, kind: "csat" | "nps"): string {
  const cut =
    o.by === "channel" ? `coalesce(r.channel, t.channel, ${NONE})` : ticketCut(o.by, "r.responded_month");
  return `SELECT r.*, ${cut} AS cut FROM responses r LEFT JOIN tickets t ON t.ticket_id = r.ticket_id${tagJoin(o.by)}
    WHERE r.kind = ${lit(kind)} AND ${period("r.responded_date", o)}${ticketFilter(o, `coalesce(r.channel, t.channel)`)}`;
}

/** Agent activity in the period (by local activity date) with the cut of its ticket. */
export function activityBase(o: KpiOptions): string {
  return `SELECT a.*, t.assignee, ${ticketCut(o.by, "substr(a.local_date, 1, 7)")} AS cut
    FROM activity a JOIN tickets t ON t.ticket_id = a.ticket_id${tagJoin(o.by)}
    WHERE ${period("a.local_date", o)}${ticketFilter(o)}`;
}

/** Local days of the period within the dataset's span. */
export function dayBase(o: KpiOptions): string {
  return `SELECT * FROM days WHERE ${period("day", o)}`;
}

/** The condition picking one result row's units (see KpiDefinition.members) from a CTE with `cut`. */
export function memberWhere(row: MemberRow, alias = ""): string {
  const a = alias ? `${alias}.` : "";
  return `${a}cut IS NOT DISTINCT FROM ${lit(row.cut)}`;
}

/** `CASE WHEN n >= minN THEN expr END`: values of too-small cells become null. */
export function ifEnough(expr: string, n: string, minN: number): string {
  return minN > 0 ? `CASE WHEN ${n} >= ${minN} THEN ${expr} END` : expr;
}

/**
 * The insufficient flag: fewer than minN observations. An unknown KPI (`unknown` holds: the
 * export lacks its inputs) is not insufficient: its `reason` says why it is null.
 */
export function insufficient(n: string, minN: number, unknown = "FALSE"): string {
  return unknown === "FALSE"
    ? `(${n} < ${minN}) AS insufficient`
    : `(${n} < ${minN} AND NOT ${unknown}) AS insufficient`;
}

/** Average days per month (365.2425 / 12). */
export const DAYS_PER_MONTH = 30.436875;

/**
 * Months covered by the tickets of CTE `t`: local days from the first to the last creation,
 * inclusive, over 30.44, and never below one day (1/30.44).
 */
export const MONTHS_SQL = `(SELECT greatest(CAST(count(*) AS DOUBLE), 1.0::DOUBLE) / ${DAYS_PER_MONTH}::DOUBLE FROM days
    WHERE day BETWEEN (SELECT min(created_date) FROM t) AND (SELECT max(created_date) FROM t))`;
