/**
 * The Speed page's SQL over the `tickets` table, built from the filters: distributions per channel
 * (time bands and the cumulative share within a time), attainment of each channel's target, and
 * the tickets behind a bar or a point. Pure text builders, so a test can run them in native DuckDB
 * and the page in DuckDB-WASM. The drill-down reuses the band expression of the histogram, so a
 * bar's tickets are exactly the tickets it counts.
 */
import {drillListSql} from "./drill-sql.js";
import {sqlString, ticketPredicate, type Filters, type Period} from "./filters.js";

/** The durations the page shows; each counts the tickets its registry KPI counts. */
export const SPEED_METRICS = ["first_reply", "full_resolution", "requester_wait"] as const;
export type SpeedMetric = (typeof SPEED_METRICS)[number];

const COLUMN: Record<SpeedMetric, string> = {
  first_reply: "first_reply_minutes",
  full_resolution: "full_resolution_minutes",
  requester_wait: "requester_wait_minutes",
};

// As the registry (loaders/metrics/kpis/*.ts): a first reply counts solved or not; resolution and
// requester wait count solved tickets.
const COUNTED: Record<SpeedMetric, string> = {
  first_reply: "TRUE",
  full_resolution: "t.solved",
  requester_wait: "t.solved",
};

/** Minutes per channel; a channel without a target is left out of attainment. */
export type ChannelTargets = Record<string, number | null>;

/**
 * Band edges in minutes: the times a support manager speaks in (1 min, 5 min, 1 h, 1 day, 1 week),
 * so a bar reads as "answered within 15 to 30 minutes" rather than a log bucket.
 */
export const BAND_EDGES = [0, 1, 2, 5, 10, 15, 30, 60, 120, 240, 480, 1440, 2880, 10080, 43200] as const;

/** The time of a ticket for the metric and clock, null when it does not count. */
export function metricExpr(metric: SpeedMetric, clock: "calendar" | "business", alias = "t"): string {
  const column = `${alias}.${COLUMN[metric]}${clock === "business" ? "_business" : ""}`;
  const counted = COUNTED[metric].replace(/^t\./, `${alias}.`);
  return counted === "TRUE" ? column : `CASE WHEN ${counted} THEN ${column} END`;
}

/** The band index (0 = under a minute) of a time `v`, as SQL. */
export function bandExpr(v: string): string {
  const whens = BAND_EDGES.slice(1).map((edge, i) => `WHEN ${v} < ${edge} THEN ${i}`);
  return `(CASE ${whens.join(" ")} ELSE ${BAND_EDGES.length - 1} END)`;
}

/** The band's lower and upper edge in minutes (upper null for the last band). */
export function bandRange(band: number): {lo: number; hi: number | null} {
  return {lo: BAND_EDGES[band] ?? 0, hi: BAND_EDGES[band + 1] ?? null};
}

export interface SpeedCut {
  filters: Filters;
  period: Period;
  metric: SpeedMetric;
  clock: "calendar" | "business";
}

/** The counted tickets of the cut with their channel and time `v`. */
function values(c: SpeedCut): string {
  const v = metricExpr(c.metric, c.clock);
  return `SELECT t.ticket_id, t.channel, ${v} AS v FROM tickets t
    WHERE ${ticketPredicate(c.filters, c.period)} AND ${v} IS NOT NULL`;
}

/**
 * (channel, times): the cut's counted times, a list per channel. The page counts its histogram,
 * curve and attainment from these in JavaScript (speed-counts.ts), the same rows as the three
 * builders below, which the tests hold it to.
 */
export function timesSql(c: SpeedCut): string {
  return `WITH v AS (${values(c)})
SELECT channel, list(v) AS times FROM v GROUP BY channel ORDER BY channel`;
}

/** Tickets per channel and band: (channel, band, tickets), bands with no ticket left out. */
export function histogramSql(c: SpeedCut): string {
  return `WITH v AS (${values(c)})
SELECT channel, CAST(${bandExpr("v")} AS INTEGER) AS band, CAST(count(*) AS INTEGER) AS tickets
FROM v GROUP BY ALL ORDER BY channel, band`;
}

/**
 * Times at which the cumulative curve is read: log-spaced from 30 seconds to 60 days, eight per
 * decade, plus the targets (so "% within target" sits on the curve exactly).
 */
export function curveGrid(targets: readonly (number | null)[] = []): number[] {
  const grid = new Set<number>();
  for (let i = 0; i <= 8 * 5.3; i++) grid.add(Number((0.5 * 10 ** (i / 8)).toPrecision(3)));
  for (const x of targets) if (typeof x === "number" && Number.isFinite(x) && x >= 0) grid.add(x);
  return [...grid].sort((a, b) => a - b);
}

/** (channel, x, within, n): the tickets of each channel (and "all") done within x minutes. */
export function curveSql(c: SpeedCut, grid: readonly number[]): string {
  const xs = grid.filter((x) => Number.isFinite(x)).map((x) => `(${Number(x)}::DOUBLE)`);
  return `WITH v AS (${values(c)}),
  g(x) AS (VALUES ${xs.join(", ")}),
  all_v AS (SELECT channel, v FROM v UNION ALL SELECT '(all)' AS channel, v FROM v)
SELECT a.channel, g.x, CAST(count(*) FILTER (WHERE a.v <= g.x) AS INTEGER) AS within,
  CAST(count(*) AS INTEGER) AS n
FROM all_v a CROSS JOIN g GROUP BY ALL ORDER BY a.channel, g.x`;
}

/** (channel, n, within, share): each channel's counted tickets and those within its target. */
export function attainmentSql(c: SpeedCut, targets: ChannelTargets): string {
  const whens = Object.entries(targets)
    .filter(([, m]) => typeof m === "number" && Number.isFinite(m) && m >= 0)
    .map(([channel, m]) => `WHEN ${sqlString(channel)} THEN ${Number(m)}::DOUBLE`);
  const target = whens.length ? `(CASE channel ${whens.join(" ")} END)` : "CAST(NULL AS DOUBLE)";
  return `WITH v AS (${values(c)})
SELECT channel, ${target} AS target, CAST(count(*) AS INTEGER) AS n,
  CAST(count(*) FILTER (WHERE v <= ${target}) AS INTEGER) AS within,
  CASE WHEN ${target} IS NULL THEN NULL ELSE count(*) FILTER (WHERE v <= ${target}) / count(*) END AS share
FROM v GROUP BY channel ORDER BY channel`;
}

/** Which tickets a drill-down lists: one bar (channel and band) or one point (channel, within x). */
export type DrillTarget =
  {kind: "band"; channel: string; band: number} | {kind: "within"; channel: string; x: number};

/** The SQL condition on `v` (and channel) selecting a drill target's tickets. */
function drillWhere(target: DrillTarget): string {
  const channel = target.channel === "(all)" ? "TRUE" : `channel = ${sqlString(target.channel)}`;
  if (target.kind === "band") {
    if (!Number.isInteger(target.band)) throw new RangeError(`not a band: ${target.band}`);
    return `${channel} AND ${bandExpr("v")} = ${target.band}`;
  }
  if (!Number.isFinite(target.x)) throw new RangeError(`not a time: ${target.x}`);
  return `${channel} AND v <= ${Number(target.x)}::DOUBLE`;
}

/** The columns a drill-down shows: no personal data (no requester, no agent, no text). */
export const DRILL_COLUMNS = [
  "ticket_id",
  "channel",
  "group_name",
  "created_date",
  "first_reply_minutes",
  "full_resolution_minutes",
  "status",
  "score",
] as const;

/** The number of tickets behind a drill target. */
export function drillCountSql(c: SpeedCut, target: DrillTarget): string {
  return `WITH v AS (${values(c)}) SELECT CAST(count(*) AS INTEGER) AS n FROM v WHERE ${drillWhere(target)}`;
}

/**
 * The first `limit` tickets behind a drill target, slowest first: DRILL_COLUMNS, the durations on
 * the cut's clock, the CSAT score as "score/scale" from the survey (else the rating on the ticket).
 */
export function drillRowsSql(c: SpeedCut, target: DrillTarget, limit: number): string {
  return drillListSql({
    ctes: `v AS (${values(c)})`,
    picked: `SELECT ticket_id, v FROM v WHERE ${drillWhere(target)}`,
    order: "p.v DESC, t.ticket_id",
    clock: c.clock,
    limit,
  });
}
