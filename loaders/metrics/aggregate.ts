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

/** The cubes the site ships: every filter combination but agent and tag, which get their own. */
export const DEFAULT_CUBES: Record<string, readonly CubeDimension[]> = {
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
  "target_num",
  "target_den",
  "survey_offered",
  "survey_answered",
  "rating_good",
  "rating_bad",
] as const;
type Counter = (typeof COUNTERS)[number];

/** Durations kept as histograms: metric and the column (calendar or business) it comes from. */
export const HISTOGRAM_METRICS = [
  {metric: "first_reply", clock: "calendar", column: "first_reply_minutes", solvedOnly: false},
  {metric: "first_reply", clock: "business", column: "first_reply_minutes_business", solvedOnly: false},
  {metric: "full_resolution", clock: "calendar", column: "full_resolution_minutes", solvedOnly: true},
  {
    metric: "full_resolution",
    clock: "business",
    column: "full_resolution_minutes_business",
    solvedOnly: true,
  },
  {metric: "requester_wait", clock: "calendar", column: "requester_wait_minutes", solvedOnly: true},
  {metric: "requester_wait", clock: "business", column: "requester_wait_minutes_business", solvedOnly: true},
] as const;

export interface Cube {
  dims: readonly CubeDimension[];
  /** One row per cell: cell_id, the dimension values, every counter, and `<metric>_<clock>_sum`. */
  cells: PreparedRow[];
  /** One row per non-empty (cell, metric, clock, bucket): counts. */
  hist: PreparedRow[];
}

export function cellSpec(name: string, dims: readonly CubeDimension[]): TableSpec {
  return {
    name,
    columns: [
      {name: "cell_id", type: "INTEGER"},
      ...dims.map((d) => ({name: d, type: "VARCHAR" as const})),
      ...COUNTERS.map((c) => ({name: c, type: "DOUBLE" as const})),
      ...HISTOGRAM_METRICS.map((m) => ({name: `${m.metric}_${m.clock}_sum`, type: "DOUBLE" as const})),
    ],
  };
}

export function histSpec(name: string): TableSpec {
  return {
    name,
    columns: [
      {name: "cell_id", type: "INTEGER"},
      {name: "metric", type: "VARCHAR"},
      {name: "clock", type: "VARCHAR"},
      {name: "bucket", type: "INTEGER"},
      {name: "count", type: "DOUBLE"},
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
  const cells = new Map<string, {row: PreparedRow; hists: Map<string, Histogram>}>();
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
        for (const m of HISTOGRAM_METRICS) row[`${m.metric}_${m.clock}_sum`] = 0;
        cell = {row, hists: new Map()};
        cells.set(key, cell);
      }
      count(cell.row, t, targets);
      for (const m of HISTOGRAM_METRICS) {
        const v = num(t[m.column]);
        if (v === null || (m.solvedOnly && t.solved !== true)) continue;
        const k = `${m.metric}\u0000${m.clock}`;
        add(cell.hists.get(k) ?? cell.hists.set(k, new Map()).get(k)!, v);
        (cell.row[`${m.metric}_${m.clock}_sum`] as number) += v;
      }
    }
  }
  const hist: PreparedRow[] = [];
  for (const {row, hists} of cells.values()) {
    for (const [k, h] of hists) {
      const [metric, clock] = k.split("\u0000");
      for (const [bucket, c] of h)
        hist.push({cell_id: row.cell_id!, metric: metric!, clock: clock!, bucket, count: c});
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
  }
  if (solved || reopens >= 1) {
    inc("reopen_den");
    if (reopens >= 1) inc("reopen_num");
  }
  if (fr !== null && target !== undefined) {
    inc("target_den");
    if (fr <= target) inc("target_num");
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
WHERE h.metric = '${metric}' AND h.clock = '${clock}' AND (${where}) GROUP BY h.bucket ORDER BY h.bucket`;
}
