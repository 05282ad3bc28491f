import {add, EPSILON, GAMMA, quantile, type Histogram} from "./histogram.ts";
import type {PreparedRow} from "./prepare.ts";
import {DEFAULT_TARGETS} from "./kpis/targets.ts";
import type {TableSpec, Targets} from "./types.ts";

/**
 * Pre-aggregation for organisations too big to ship ticket rows: additive counters per cell (one
 * combination of dimension values) plus log-bucket duration histograms per cell. Any filter over
 * the cell dimensions is answered by summing cells: counts exactly, percentiles within EPSILON.
 */
export {EPSILON, GAMMA};

/** Cell dimensions, as columns of the prepared tickets table (or `tag`, one cell per tag). */
export type CubeDimension =
  "channel" | "group_name" | "priority" | "type" | "assignee" | "created_month" | "tag";

/**
 * The cubes the site ships: every filter combination but agent and tag, which get their own, and
 * a one-dimension cube small enough for the Overview to load on its own (its histograms are at most
 * channels x series x buckets rows, whatever the number of tickets).
 */
export const DEFAULT_CUBES: Record<string, readonly CubeDimension[]> = {
  channel: ["channel"],
  main: ["channel", "group_name", "priority", "type", "created_month"],
  agent: ["assignee", "created_month"],
  tag: ["tag", "channel", "created_month"],
};

export const COUNTERS = [
  "tickets",
  "solved",
  "replies_sum",
  "replies_n",
  "one_touch_num",
  "one_touch_den",
  "reopen_num",
  "reopen_den",
  // Populations and known inputs that tell an unknown rate from a 0 (unknown.ts).
  "reopens_known",
  "one_touch_reopens_known",
  "target_channel",
  "target_num",
  "target_den",
  "target_business_num",
  "target_business_den",
  "survey_offered",
  "survey_answered",
  "rating_good",
  "rating_bad",
] as const;
type Counter = (typeof COUNTERS)[number];

/**
 * Distributions kept as histograms, one series each (the `series` column holds the index here).
 * Durations use log buckets (`histogram.ts`, within EPSILON); reply counts are small integers and
 * keep one bucket per value, so their median is exact.
 */
export const HISTOGRAM_METRICS = [
  {metric: "first_reply", clock: "calendar", column: "first_reply_minutes", solvedOnly: false, exact: false},
  {
    metric: "first_reply",
    clock: "business",
    column: "first_reply_minutes_business",
    solvedOnly: false,
    exact: false,
  },
  {
    metric: "full_resolution",
    clock: "calendar",
    column: "full_resolution_minutes",
    solvedOnly: true,
    exact: false,
  },
  {
    metric: "full_resolution",
    clock: "business",
    column: "full_resolution_minutes_business",
    solvedOnly: true,
    exact: false,
  },
  {
    metric: "requester_wait",
    clock: "calendar",
    column: "requester_wait_minutes",
    solvedOnly: true,
    exact: false,
  },
  {
    metric: "requester_wait",
    clock: "business",
    column: "requester_wait_minutes_business",
    solvedOnly: true,
    exact: false,
  },
  {metric: "replies", clock: "none", column: "replies", solvedOnly: true, exact: true},
] as const;

/** Index of a histogram series in HISTOGRAM_METRICS (the hist tables' `series` column). */
export function seriesOf(metric: string, clock: string): number {
  const i = HISTOGRAM_METRICS.findIndex((m) => m.metric === metric && m.clock === clock);
  if (i < 0) throw new RangeError(`no histogram for ${metric} on the ${clock} clock`);
  return i;
}

/** Duration series, whose cells also keep `<metric>_<clock>_sum` for an exact mean. */
const SUMMED = HISTOGRAM_METRICS.filter((m) => !m.exact);

export interface Cube {
  dims: readonly CubeDimension[];
  /** One row per cell: cell_id, the dimension values, every counter, and `<metric>_<clock>_sum`. */
  cells: PreparedRow[];
  /** One row per non-empty (cell, series, bucket): counts. */
  hist: PreparedRow[];
}

export function cellSpec(name: string, dims: readonly CubeDimension[]): TableSpec {
  return {
    name,
    columns: [
      {name: "cell_id", type: "INTEGER"},
      ...dims.map((d) => ({name: d, type: "VARCHAR" as const})),
      // Counts fit 32 bits and cost half a double in the shipped Arrow.
      ...COUNTERS.map((c) => ({name: c, type: "INTEGER" as const})),
      ...SUMMED.map((m) => ({name: `${m.metric}_${m.clock}_sum`, type: "DOUBLE" as const})),
    ],
  };
}

/** Histogram rows: integers only (16 bytes a row in Arrow), since they are most of the bytes shipped. */
export function histSpec(name: string): TableSpec {
  return {
    name,
    columns: [
      {name: "cell_id", type: "INTEGER"},
      {name: "series", type: "INTEGER"},
      {name: "bucket", type: "INTEGER"},
      {name: "count", type: "INTEGER"},
    ],
  };
}

const num = (v: unknown): number | null => (typeof v === "number" ? v : null);

/**
 * Builds one cube from prepared ticket rows (and ticket_tags rows when `tag` is a dimension).
 * Definitions mirror the KPI modules: the counters are their numerators and denominators.
 */
export function buildCube(
  tickets: readonly PreparedRow[],
  dims: readonly CubeDimension[],
  {tags = [], targets = DEFAULT_TARGETS}: {tags?: readonly PreparedRow[]; targets?: Targets} = {},
): Cube {
  const tagsOf = new Map<string, string[]>();
  for (const r of tags) {
    const list = tagsOf.get(String(r.ticket_id)) ?? [];
    list.push(String(r.tag));
    tagsOf.set(String(r.ticket_id), list);
  }
  const cells = new Map<string, {row: PreparedRow; hists: Map<number, Histogram>}>();
  for (const t of tickets) {
    const tagList = dims.includes("tag") ? (tagsOf.get(String(t.ticket_id)) ?? [null]) : [null];
    for (const tag of tagList) {
      const values = dims.map((d) => (d === "tag" ? tag : t[d]) ?? "(none)");
      const key = JSON.stringify(values);
      let cell = cells.get(key);
      if (!cell) {
        const row: PreparedRow = {cell_id: cells.size};
        dims.forEach((d, i) => (row[d] = values[i]!));
        for (const c of COUNTERS) row[c] = 0;
        for (const m of SUMMED) row[`${m.metric}_${m.clock}_sum`] = 0;
        cell = {row, hists: new Map()};
        cells.set(key, cell);
      }
      count(cell.row, t, targets);
      HISTOGRAM_METRICS.forEach((m, series) => {
        const v = num(t[m.column]);
        if (v === null || (m.solvedOnly && t.solved !== true)) return;
        const h = cell.hists.get(series) ?? cell.hists.set(series, new Map()).get(series)!;
        if (m.exact) h.set(v, (h.get(v) ?? 0) + 1);
        else {
          add(h, v);
          (cell.row[`${m.metric}_${m.clock}_sum`] as number) += v;
        }
      });
    }
  }
  const hist: PreparedRow[] = [];
  for (const {row, hists} of cells.values()) {
    for (const [series, h] of hists) {
      for (const [bucket, c] of h) hist.push({cell_id: row.cell_id!, series, bucket, count: c});
    }
  }
  return {dims, cells: [...cells.values()].map((c) => c.row), hist};
}

function count(row: PreparedRow, t: PreparedRow, targets: Targets): void {
  const inc = (c: Counter, by = 1) => ((row[c] as number) += by);
  const replies = num(t.replies);
  const reopens = num(t.reopens) ?? 0;
  const solved = t.solved === true;
  const fr = num(t.first_reply_minutes);
  const frBusiness = num(t.first_reply_minutes_business);
  const target = targets[t.channel as keyof Targets];
  inc("tickets");
  if (solved) inc("solved");
  if (solved && replies !== null) {
    inc("replies_sum", replies);
    inc("replies_n");
  }
  if (solved && (replies ?? 0) >= 1) {
    inc("one_touch_den");
    if (replies === 1 && reopens === 0) inc("one_touch_num");
    if (num(t.reopens) !== null) inc("one_touch_reopens_known");
  }
  if (solved || reopens >= 1) {
    inc("reopen_den");
    if (reopens >= 1) inc("reopen_num");
  }
  if (solved && num(t.reopens) !== null) inc("reopens_known");
  if (target !== undefined) inc("target_channel");
  if (fr !== null && target !== undefined) {
    inc("target_den");
    if (fr <= target) inc("target_num");
  }
  if (frBusiness !== null && target !== undefined) {
    inc("target_business_den");
    if (frBusiness <= target) inc("target_business_num");
  }
  if (t.satisfaction === "offered" || t.satisfaction === "good" || t.satisfaction === "bad")
    inc("survey_offered");
  if (t.satisfaction === "good" || t.satisfaction === "bad") inc("survey_answered");
  if (t.satisfaction === "good") inc("rating_good");
  if (t.satisfaction === "bad") inc("rating_bad");
}

/** p50, p90 (within EPSILON) and n from a merged histogram; the exact mean needs the cells' sum. */
export function durationFromHistogram(h: Histogram): {n: number; p50: number | null; p90: number | null} {
  let n = 0;
  for (const c of h.values()) n += c;
  return {n, p50: quantile(h, 0.5), p90: quantile(h, 0.9)};
}

/**
 * SQL merging the histogram of one metric over the cells matching `where` (a condition on the
 * cell table `c`); feed the rows to `fromRows` then `durationFromHistogram`.
 */
export function mergedHistogramSql(
  cells: string,
  hist: string,
  metric: string,
  clock: string,
  where = "TRUE",
): string {
  return `SELECT h.bucket, CAST(sum(h.count) AS DOUBLE) AS count FROM ${hist} h JOIN ${cells} c ON c.cell_id = h.cell_id
WHERE h.series = ${seriesOf(metric, clock)} AND (${where}) GROUP BY h.bucket ORDER BY h.bucket`;
}
