import {DEFAULT_CUBES, GAMMA, HISTOGRAM_METRICS, seriesOf, type CubeDimension} from "./aggregate.ts";
import {
  COVERAGE_WEEKS,
  SURVEY_CELLS,
  VOLUME_DAILY,
  VOLUME_HOURLY,
  cubeTable,
  histTable,
} from "./cube-tables.ts";
import {ZERO_BUCKET} from "./histogram.ts";
import {agentsResult} from "./kpis/active-agents.ts";
import {backlogTail} from "./kpis/backlog.ts";
import {costResult, costSql, DEFAULT_COSTS} from "./kpis/cost-per-contact.ts";
import {coverageResult} from "./kpis/coverage-hours.ts";
import {CSAT_EMPTY, wilson} from "./kpis/csat-votes.ts";
import {NPS_EMPTY, npsColumns} from "./kpis/nps-votes.ts";
import {DEFAULT_TARGETS} from "./kpis/targets.ts";
import {perAgentResult} from "./kpis/tickets-per-agent.ts";
import {scoreDays} from "./kpis/volume-by-day.ts";
import {KPIS} from "./registry.ts";
import {quoteIdent} from "./runner.ts";
import {MONTHS_SQL, ifEnough, insufficient, lit, period} from "./sql.ts";
import {
  MIN_RESPONSES,
  MIN_TICKETS,
  type Dimension,
  type KpiDefinition,
  type KpiOptions,
  type Targets,
} from "./types.ts";
import {
  anyUnknown,
  durationReason,
  NO_REASON,
  orEmptyCuts,
  reasonCase,
  type UnknownReason,
} from "./unknown.ts";

/**
 * The KPIs over the cube-mode tables (`cube-tables.ts`) instead of ticket rows: same columns, same
 * rows, same order as the registry's SQL. Counts, rates and means come from summed counters and
 * are exact; p50 and p90 of durations come from merged log-bucket histograms and are within a
 * relative EPSILON (0.4975 %) of `quantile_cont`; the median reply count is exact (one bucket per
 * value). Cubes hold months, not days: a period must start on a month's first day and end on a
 * month's last day, except for the KPIs read from daily counts (tickets per day, backlog, coverage).
 */

/** A KPI, cut or period the cube tables cannot answer; the message says why. */
export class CubeUnsupported extends RangeError {
  override name = "CubeUnsupported";
}

const CUBE_COLUMN: Record<Dimension, CubeDimension> = {
  channel: "channel",
  group: "group_name",
  priority: "priority",
  type: "type",
  tag: "tag",
  agent: "assignee",
  month: "created_month",
};

const MONTH_START = /^\d{4}-\d{2}-01$/;

function lastDayOf(date: string): string {
  const [y, m] = date.split("-").map(Number) as [number, number];
  const day = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return `${date.slice(0, 8)}${String(day).padStart(2, "0")}`;
}

/** Period filter on a month column (YYYY-MM): the period must be whole months. */
function monthPeriod(column: string, o: KpiOptions): string {
  if (o.from !== undefined && !MONTH_START.test(o.from))
    throw new CubeUnsupported(`cubes hold whole months: --from must be a month's first day, got ${o.from}`);
  if (o.to !== undefined && (!/^\d{4}-\d{2}-\d{2}$/.test(o.to) || lastDayOf(o.to) !== o.to))
    throw new CubeUnsupported(`cubes hold whole months: --to must be a month's last day, got ${o.to}`);
  const parts: string[] = [];
  if (o.from !== undefined) parts.push(`${column} >= ${lit(o.from.slice(0, 7))}`);
  if (o.to !== undefined) parts.push(`${column} <= ${lit(o.to.slice(0, 7))}`);
  return parts.length ? parts.join(" AND ") : "TRUE";
}

/** Smallest cube holding every needed dimension; the tag cube only when cutting by tag (it repeats tickets). */
function pickCube(needed: readonly CubeDimension[]): string {
  const fits = Object.entries(DEFAULT_CUBES)
    .filter(([, dims]) => needed.every((d) => dims.includes(d)))
    .filter(([, dims]) => needed.includes("tag") || !dims.includes("tag"))
    .sort((a, b) => a[1].length - b[1].length);
  if (!fits.length) throw new CubeUnsupported(`no cube holds ${needed.join(" x ")}`);
  return fits[0]![0];
}

/** The filtered dimensions, as cube columns with their accepted values (cells hold "(none)" for missing). */
function cubeFilter(o: KpiOptions): [CubeDimension, readonly string[]][] {
  const out: [CubeDimension, readonly string[]][] = [];
  for (const [d, values] of Object.entries(o.filter ?? {}) as [Dimension, readonly string[]][]) {
    if (!values?.length) continue;
    // A ticket sits in the tag cube once per tag: two tags would count it twice.
    if (d === "tag" && new Set(values).size > 1)
      throw new CubeUnsupported("cubes count a ticket once per tag: filter on one tag at a time");
    out.push([CUBE_COLUMN[d], [...new Set(values)]]);
  }
  return out;
}

/** KPIs read from tables without cube dimensions cannot be filtered by channel, group, tag... */
function unfiltered(o: KpiOptions, id: string): void {
  if (cubeFilter(o).length)
    throw new CubeUnsupported(`${id} with filters needs ticket rows; cubes give it unfiltered`);
}

/**
 * Cells of the smallest fitting cube in the period and the filters, with a `cut` column, and that
 * cube's name.
 */
function cells(o: KpiOptions, extra: readonly CubeDimension[] = []): {sql: string; cube: string} {
  const needed = [...extra];
  if (o.by) needed.push(CUBE_COLUMN[o.by]);
  if (o.from !== undefined || o.to !== undefined) needed.push("created_month");
  const filter = cubeFilter(o);
  needed.push(...filter.map(([column]) => column));
  const cube = pickCube(needed);
  const cut = o.by ? `c.${quoteIdent(CUBE_COLUMN[o.by])}` : "'all'";
  const where = [
    monthPeriod("c.created_month", o),
    ...filter.map(([column, values]) => `c.${quoteIdent(column)} IN (${values.map(lit).join(", ")})`),
  ];
  return {
    cube,
    sql: `SELECT ${cut} AS cut, c.* FROM ${cubeTable(cube)} c WHERE ${where.join(" AND ")}`,
  };
}

/** CTE `t` with the creation dates of the period, as MONTHS_SQL expects, from daily counts. */
const ticketDays = (o: KpiOptions) =>
  `t AS (SELECT day AS created_date FROM ${VOLUME_DAILY.name} WHERE tickets > 0 AND ${period("day", o)})`;

/** Only these cuts for KPIs read from tables without cube dimensions. */
function only(o: KpiOptions, id: string, allowed: readonly (Dimension | undefined)[]): void {
  if (!allowed.includes(o.by))
    throw new CubeUnsupported(
      `${id} by ${o.by} needs ticket rows; cubes give it by ${allowed.map((a) => a ?? "nothing").join(", ")}`,
    );
}

/** Value of a histogram bucket: the harmonic midpoint of a log bucket (histogram.ts), or the value itself. */
function representative(series: number, b: string): string {
  if (HISTOGRAM_METRICS[series]!.exact) return `CAST(${b} AS DOUBLE)`;
  const g = `${GAMMA}::DOUBLE`;
  return `(CASE WHEN ${b} = ${ZERO_BUCKET} THEN 0.0::DOUBLE ELSE 2 * pow(${g}, ${b}) * ${g} / (1 + ${g}) END)`;
}

/**
 * CTEs `cum` and `q` (cut, n, p50, p90) from `merged` rows (cut, bucket, w): the quantile_cont
 * weights applied to the representatives of the two order statistics around each quantile, as
 * `quantile` in histogram.ts does.
 */
function quantilesSql(merged: string, series: number): string {
  const at = (q: number) => {
    const pos = `((n - 1) * ${q}::DOUBLE)`;
    return {
      lo: `min(bucket) FILTER (WHERE upto > floor(${pos}))`,
      hi: `min(bucket) FILTER (WHERE upto > floor(${pos}) + 1)`,
    };
  };
  const value = (q: number) => {
    const pos = `((n - 1) * ${q}::DOUBLE)`;
    const lo = representative(series, `lo${q * 100}`);
    const hi = representative(series, `hi${q * 100}`);
    return `CASE WHEN ${pos} = floor(${pos}) THEN ${lo} ELSE ${lo} + (${pos} - floor(${pos})) * (${hi} - ${lo}) END`;
  };
  const [p50, p90] = [at(0.5), at(0.9)];
  return `merged AS (${merged}),
  cum AS (SELECT cut, bucket,
    sum(w) OVER (PARTITION BY cut ORDER BY bucket ROWS UNBOUNDED PRECEDING) AS upto,
    sum(w) OVER (PARTITION BY cut) AS n FROM merged),
  b AS (SELECT cut, any_value(n) AS n, ${p50.lo} AS lo50, ${p50.hi} AS hi50, ${p90.lo} AS lo90, ${p90.hi} AS hi90
    FROM cum GROUP BY cut),
  q AS (SELECT cut, n, ${value(0.5)} AS p50, ${value(0.9)} AS p90 FROM b)`;
}

function mergedSql(cube: string, series: number): string {
  return `SELECT c.cut, h.bucket, CAST(sum(h.count) AS DOUBLE) AS w FROM ${histTable(cube)} h
    JOIN c ON c.cell_id = h.cell_id WHERE h.series = ${series} GROUP BY c.cut, h.bucket`;
}

function durationSql(metric: string, o: KpiOptions): string {
  const clock = o.clock === "business" ? "business" : "calendar";
  const series = seriesOf(metric, clock);
  const src = cells(o);
  const n = "coalesce(q.n, 0)";
  // As the registry: tickets it would count (solved ones but for the first reply), none with the duration.
  const pop = metric === "first_reply" ? "tickets" : "solved";
  const checks = [[`k.pop > 0 AND ${n} = 0`, durationReason(metric, clock)]] as const;
  return `WITH c AS (${src.sql}),
  cuts AS (SELECT cut, sum(${quoteIdent(`${metric}_${clock}_sum`)}) AS total, sum(${pop}) AS pop FROM c GROUP BY cut),
  ${quantilesSql(mergedSql(src.cube, series), series)}
SELECT k.cut,
  CAST(${n} AS INTEGER) AS n,
  ${ifEnough("q.p50", n, MIN_TICKETS)} AS p50,
  ${ifEnough("q.p90", n, MIN_TICKETS)} AS p90,
  ${ifEnough("k.total / q.n", n, MIN_TICKETS)} AS mean,
  ${insufficient(n, MIN_TICKETS, anyUnknown(checks))},
  ${reasonCase(checks)} AS reason
FROM cuts k LEFT JOIN q ON q.cut = k.cut ORDER BY k.cut`;
}

const REPLIES_UNKNOWN = [["k.pop > 0 AND k.n = 0", "replies"]] as const;

function repliesSql(o: KpiOptions): string {
  const series = seriesOf("replies", "none");
  const src = cells(o);
  return `WITH c AS (${src.sql}),
  cuts AS (SELECT cut, sum(replies_sum) AS total, sum(replies_n) AS n, sum(solved) AS pop FROM c GROUP BY cut),
  ${quantilesSql(mergedSql(src.cube, series), series)}
SELECT k.cut,
  CAST(k.n AS INTEGER) AS n,
  ${ifEnough("k.total / k.n", "k.n", MIN_TICKETS)} AS value,
  ${ifEnough("q.p50", "k.n", MIN_TICKETS)} AS p50,
  ${insufficient("k.n", MIN_TICKETS, anyUnknown(REPLIES_UNKNOWN))},
  ${reasonCase(REPLIES_UNKNOWN)} AS reason
FROM cuts k LEFT JOIN q ON q.cut = k.cut ORDER BY k.cut`;
}

function sameTargets(a: Targets, b: Targets): boolean {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]) as Set<keyof Targets>;
  return [...keys].every((k) => a[k] === b[k]);
}

function rateSql(id: string, o: KpiOptions): string {
  let [num, den] = ["", ""];
  // As the registry's checks: [population counter, counter of those with the input, reason].
  let pops: [string, string, UnknownReason][] = [];
  let dataset: [string, UnknownReason] | null = null;
  const src = cells(o);
  switch (id) {
    case "one_touch":
      [num, den] = ["one_touch_num", "one_touch_den"];
      pops = [
        ["solved", "replies_n", "replies"],
        ["one_touch_den", "one_touch_reopens_known", "reopens"],
      ];
      break;
    case "reopen_rate":
      [num, den] = ["reopen_num", "reopen_den"];
      pops = [["solved", "reopens_known", "reopens"]];
      break;
    case "target_attainment":
      // The counters are built for the default targets; others need each ticket's reply time.
      if (o.targets && !sameTargets(o.targets, DEFAULT_TARGETS))
        throw new CubeUnsupported("cubes count target attainment for the default targets only");
      [num, den] =
        o.clock === "business"
          ? ["target_business_num", "target_business_den"]
          : ["target_num", "target_den"];
      pops = [["target_channel", den, durationReason("first_reply", o.clock)]];
      break;
    case "csat_response_rate":
      [num, den] = ["survey_answered", "survey_offered"];
      pops = [["tickets", "survey_offered", "survey_state"]];
      // As the registry: unknown when no ticket records an unanswered survey.
      dataset = [
        `coalesce((SELECT sum(survey_offered) - sum(survey_answered) FROM ${cubeTable(src.cube)}), 0) = 0`,
        "unanswered",
      ];
      break;
  }
  const checks = [
    ...pops.map(([, , reason], i) => [`sum(pop${i}) > 0 AND sum(known${i}) = 0`, reason] as const),
    ...(dataset ? [dataset] : []),
  ];
  const unknown = anyUnknown(checks);
  const value = `CASE WHEN NOT ${unknown} THEN CAST(sum(num) AS DOUBLE) / nullif(sum(den), 0) END`;
  const counters = pops.map(([pop, known], i) => `${pop} AS pop${i}, ${known} AS known${i}`);
  return `WITH c AS (${src.sql}),
  d AS (SELECT cut, ${[`${num} AS num`, `${den} AS den`, ...counters].join(", ")} FROM c)
SELECT cut,
  CAST(sum(den) AS INTEGER) AS n,
  CAST(sum(num) AS INTEGER) AS numerator,
  ${ifEnough(value, "sum(den)", MIN_TICKETS)} AS value,
  ${insufficient("sum(den)", MIN_TICKETS, unknown)},
  ${reasonCase(checks)} AS reason
FROM d GROUP BY cut ORDER BY cut`;
}

function ticketsSql(o: KpiOptions): string {
  return `WITH c AS (${cells(o).sql}), ${ticketDays(o)}
SELECT cut,
  CAST(sum(tickets) AS INTEGER) AS n,
  CAST(sum(solved) AS INTEGER) AS solved,
  ${MONTHS_SQL} AS months,
  CAST(sum(tickets) AS DOUBLE) / ${MONTHS_SQL} AS value
FROM c GROUP BY cut ORDER BY cut`;
}

// Assignees are "(none)" in cells when missing; count(DISTINCT) leaves missing ones out.
const AGENTS = "count(DISTINCT CASE WHEN assignee <> '(none)' THEN assignee END)";

function activeAgentsSql(o: KpiOptions): string {
  return `WITH c AS (${cells(o, ["assignee"]).sql})
SELECT cut, CAST(sum(tickets) AS INTEGER) AS n, ${agentsResult(AGENTS)}
FROM c GROUP BY cut ORDER BY cut`;
}

function ticketsPerAgentSql(o: KpiOptions): string {
  // The profile's head count describes the whole team, so it applies only without a cut.
  const active = `nullif(${AGENTS}, 0)`;
  const agents = o.by === undefined ? `coalesce((SELECT agents FROM meta), ${active})` : active;
  return `WITH c AS (${cells(o, ["assignee"]).sql}), ${ticketDays(o)}
SELECT cut,
  CAST(sum(tickets) AS INTEGER) AS n,
  ${perAgentResult(o, agents, "sum(tickets)")}
FROM c GROUP BY cut ORDER BY cut`;
}

function coverageSql(o: KpiOptions): string {
  unfiltered(o, "coverage_hours");
  only(o, "coverage_hours", [undefined, "month"]);
  const byMonth = o.by === "month";
  const weekCount = byMonth
    ? "SELECT substr(day, 1, 7) AS cut, count(DISTINCT week) AS n FROM span GROUP BY substr(day, 1, 7)"
    : "SELECT c.cut, (SELECT count(DISTINCT week) FROM span) AS n FROM cuts c";
  return `WITH ${ticketDays(o)},
  span AS (SELECT * FROM days
    WHERE day BETWEEN (SELECT min(created_date) FROM t) AND (SELECT max(created_date) FROM t)),
  cuts AS (SELECT DISTINCT ${byMonth ? "substr(created_date, 1, 7)" : "'all'"} AS cut FROM t),
  nweeks AS (${weekCount}),
  -- Only slots inside the covered weeks, as the ticket-level KPI.
  slots AS (SELECT ${byMonth ? "month" : "'all'"} AS cut, weekday_slots, weekend_slots FROM ${COVERAGE_WEEKS.name}
    WHERE week IN (SELECT week FROM span)),
  counts AS (SELECT c.cut, coalesce(sum(s.weekday_slots), 0) AS wd, coalesce(sum(s.weekend_slots), 0) AS we
    FROM cuts c LEFT JOIN slots s ON s.cut = c.cut GROUP BY c.cut)
${coverageResult(`NOT EXISTS (SELECT 1 FROM ${COVERAGE_WEEKS.name})`)}`;
}

function volumeByChannelSql(o: KpiOptions): string {
  return `WITH c AS (${cells(o, ["channel"]).sql})
SELECT cut, channel,
  CAST(sum(tickets) AS INTEGER) AS tickets,
  CAST(sum(tickets) AS DOUBLE) / sum(sum(tickets)) OVER (PARTITION BY cut) AS share
FROM c GROUP BY cut, channel ORDER BY cut, channel`;
}

function volumeByHourSql(o: KpiOptions): string {
  unfiltered(o, "volume_by_hour");
  only(o, "volume_by_hour", [undefined, "month"]);
  return `WITH v AS (SELECT ${o.by === "month" ? "month" : "'all'"} AS cut, weekday, hour, tickets
    FROM ${VOLUME_HOURLY.name} WHERE ${monthPeriod("month", o)}),
  grid AS (SELECT c.cut, CAST(w.weekday AS INTEGER) AS weekday, CAST(h.hour AS INTEGER) AS hour
    FROM (SELECT DISTINCT cut FROM v) c CROSS JOIN range(1, 8) AS w(weekday) CROSS JOIN range(0, 24) AS h(hour))
SELECT g.cut, g.weekday, g.hour, CAST(coalesce(sum(v.tickets), 0) AS INTEGER) AS tickets
FROM grid g LEFT JOIN v ON v.cut = g.cut AND v.weekday = g.weekday AND v.hour = g.hour
GROUP BY g.cut, g.weekday, g.hour ORDER BY g.cut, g.weekday, g.hour`;
}

function volumeByDaySql(o: KpiOptions): string {
  unfiltered(o, "volume_by_day");
  only(o, "volume_by_day", [undefined, "month"]);
  return `WITH v AS (SELECT ${o.by === "month" ? "substr(day, 1, 7)" : "'all'"} AS cut, day AS created_date, tickets
    FROM ${VOLUME_DAILY.name} WHERE tickets > 0 AND ${period("day", o)}),
  grid AS (SELECT c.cut, d.day FROM (SELECT DISTINCT cut FROM v) c CROSS JOIN days d
    WHERE d.day BETWEEN (SELECT min(created_date) FROM v) AND (SELECT max(created_date) FROM v)),
  daily AS (SELECT g.cut, g.day, CAST(coalesce(sum(v.tickets), 0) AS INTEGER) AS tickets
    FROM grid g LEFT JOIN v ON v.cut = g.cut AND v.created_date = g.day GROUP BY g.cut, g.day),
${scoreDays()}`;
}

function backlogSql(o: KpiOptions): string {
  unfiltered(o, "backlog");
  only(o, "backlog", [undefined]);
  // Every day of the dataset, whatever the period: older open tickets are part of the backlog.
  return `WITH t AS (SELECT 'all' AS cut FROM ${VOLUME_DAILY.name}),
  ev AS (SELECT 'all' AS cut, day, tickets - solved AS delta FROM ${VOLUME_DAILY.name}),
${backlogTail(o)}`;
}

function costSqlOf(o: KpiOptions): string {
  const cost = costSql(o.costs ?? DEFAULT_COSTS);
  return `WITH c AS (${cells(o, ["channel"]).sql}), ${ticketDays(o)},
  k AS (SELECT cut, channel, sum(tickets) AS tickets FROM c GROUP BY cut, channel)
${costResult(cost, "k")}`;
}

/** Survey votes of some kinds in the period, with a cut (responses: channel and month only). */
function votes(o: KpiOptions, id: string, kinds: readonly string[]): string {
  unfiltered(o, id);
  only(o, id, [undefined, "month", "channel"]);
  const cut = o.by === undefined ? "'all'" : o.by === "month" ? "month" : "channel";
  return `SELECT ${cut} AS cut, * FROM ${SURVEY_CELLS.name}
    WHERE kind IN (${kinds.map(lit).join(", ")}) AND ${monthPeriod("month", o)}`;
}

/** True when the dataset holds no survey vote of these kinds at all. */
const noSurvey = (kinds: readonly string[]) =>
  `NOT EXISTS (SELECT 1 FROM ${SURVEY_CELLS.name} WHERE kind IN (${kinds.map(lit).join(", ")}))`;

function csatSql(o: KpiOptions): string {
  const [k, n] = ["CAST(sum(v.good) AS BIGINT)", "CAST(sum(v.n) AS BIGINT)"];
  const w = wilson(k, n);
  return `WITH v AS (${votes(o, "csat", ["csat", "csat_ticket"])}),
  main AS (SELECT v.cut,
  CAST(${n} AS INTEGER) AS n,
  CAST(${k} AS INTEGER) AS numerator,
  ${ifEnough(`CAST(${k} AS DOUBLE) / ${n}`, n, MIN_RESPONSES)} AS value,
  ${ifEnough(w.low, n, MIN_RESPONSES)} AS ci_low,
  ${ifEnough(w.high, n, MIN_RESPONSES)} AS ci_high,
  ${insufficient(n, MIN_RESPONSES)},
  ${NO_REASON} AS reason
FROM v GROUP BY v.cut)
${orEmptyCuts(cells(o).sql, CSAT_EMPTY, noSurvey(["csat", "csat_ticket"]), "csat")}`;
}

function npsSql(o: KpiOptions): string {
  const columns = npsColumns(
    "CAST(sum(v.n) AS BIGINT)",
    "CAST(sum(v.promoters) AS BIGINT)",
    "CAST(sum(v.detractors) AS BIGINT)",
  );
  return `WITH v AS (${votes(o, "nps", ["nps"])}),
  main AS (SELECT v.cut, ${columns}, ${NO_REASON} AS reason FROM v GROUP BY v.cut)
${orEmptyCuts(cells(o).sql, NPS_EMPTY, noSurvey(["nps"]), "nps")}`;
}

const SQL: Record<string, (o: KpiOptions) => string> = {
  tickets: ticketsSql,
  first_reply: (o) => durationSql("first_reply", o),
  full_resolution: (o) => durationSql("full_resolution", o),
  requester_wait: (o) => durationSql("requester_wait", o),
  replies_per_ticket: repliesSql,
  one_touch: (o) => rateSql("one_touch", o),
  reopen_rate: (o) => rateSql("reopen_rate", o),
  target_attainment: (o) => rateSql("target_attainment", o),
  csat: csatSql,
  csat_response_rate: (o) => rateSql("csat_response_rate", o),
  nps: npsSql,
  volume_by_channel: volumeByChannelSql,
  volume_by_hour: volumeByHourSql,
  volume_by_day: volumeByDaySql,
  backlog: backlogSql,
  active_agents: activeAgentsSql,
  tickets_per_agent_month: ticketsPerAgentSql,
  coverage_hours: coverageSql,
  cost_per_contact: costSqlOf,
};

/**
 * SQL over the cube-mode tables giving the registry KPI `id`'s columns and rows. Throws
 * CubeUnsupported for what cubes cannot answer (e.g. CSAT by first-reply bucket, or a period
 * not made of whole months).
 */
export function cubeKpiSql(id: string, o: KpiOptions = {}): string {
  const sql = SQL[id];
  if (!sql) throw new CubeUnsupported(`${id} needs ticket rows; cubes do not hold it`);
  return sql(o);
}

/** The registry KPIs the cubes can compute, with `sql` over the cube tables: pages use it in place of KPIS. */
export const CUBE_KPIS: readonly KpiDefinition[] = KPIS.filter((k) => k.id in SQL).map((k) => ({
  ...k,
  sql: (o: KpiOptions) => cubeKpiSql(k.id, o),
}));
