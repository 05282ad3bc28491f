import {buildCube, cellSpec, DEFAULT_CUBES, histSpec, type CubeDimension} from "./aggregate.ts";
import {DAYS, META, type Prepared, type PreparedRow} from "./prepare.ts";
import {DEFAULT_TARGETS} from "./kpis/targets.ts";
import type {SqlRunner, TableSpec, Targets} from "./types.ts";

/**
 * Every table the site ships for an organisation too big for ticket rows: the cubes of
 * DEFAULT_CUBES (cells and histograms) and small aggregates for what cubes cannot answer (daily
 * and hourly volume, coverage slots, survey votes), plus `days` and `meta` as prepared. None has
 * one row per ticket; their size grows with days, months, weeks and cells, not with tickets.
 */

export const cubeTable = (cube: string): string => `cube_${cube}`;
export const histTable = (cube: string): string => `cube_${cube}_hist`;

/**
 * Tickets created and tickets leaving the backlog per local day (days with neither are left out).
 * `solved` counts solved tickets on their last solve date, or their creation date without one.
 */
export const VOLUME_DAILY: TableSpec = {
  name: "volume_daily",
  columns: [
    {name: "day", type: "VARCHAR"},
    {name: "tickets", type: "INTEGER"},
    {name: "solved", type: "INTEGER"},
  ],
};

/** Tickets created per creation month, local ISO weekday (1 = Monday) and local hour. */
export const VOLUME_HOURLY: TableSpec = {
  name: "volume_hourly",
  columns: [
    {name: "month", type: "VARCHAR"},
    {name: "weekday", type: "INTEGER"},
    {name: "hour", type: "INTEGER"},
    {name: "tickets", type: "INTEGER"},
  ],
};

/**
 * Distinct hour-of-week slots with agent activity per ISO week and local month. A slot is one
 * local date and hour, so it falls in one month: summing months never counts a slot twice.
 */
export const COVERAGE_WEEKS: TableSpec = {
  name: "coverage_weeks",
  columns: [
    {name: "week", type: "VARCHAR"},
    {name: "month", type: "VARCHAR"},
    {name: "weekday_slots", type: "INTEGER"},
    {name: "weekend_slots", type: "INTEGER"},
  ],
};

/**
 * Survey votes per kind, month and channel, as the CSAT and NPS KPIs count them:
 * - *csat* - CSAT responses by response month; `good` is top-2-box (top box under 4 points)
 * - *csat_ticket* - good/bad ratings held only on a ticket (no linked CSAT response), by creation month
 * - *nps* - NPS responses by response month, with promoters (9-10) and detractors (0-6)
 * The channel is the response's own, else its ticket's, else "(none)" (tickets: their channel).
 */
export const SURVEY_CELLS: TableSpec = {
  name: "survey_cells",
  columns: [
    {name: "kind", type: "VARCHAR"},
    {name: "month", type: "VARCHAR"},
    {name: "channel", type: "VARCHAR"},
    {name: "n", type: "INTEGER"},
    {name: "good", type: "INTEGER"},
    {name: "promoters", type: "INTEGER"},
    {name: "detractors", type: "INTEGER"},
  ],
};

/** Drill-down rows the cube mode keeps: this many tickets with the slowest first reply. */
export const DRILLDOWN_ROWS = 500;

/** The slowest first replies (calendar clock), the only ticket-level rows shipped with cubes. */
export const SLOWEST_FIRST_REPLIES: TableSpec = {
  name: "slowest_first_replies",
  columns: [
    {name: "ticket_id", type: "VARCHAR"},
    {name: "channel", type: "VARCHAR"},
    {name: "group_name", type: "VARCHAR"},
    {name: "priority", type: "VARCHAR"},
    {name: "status", type: "VARCHAR"},
    {name: "created_date", type: "VARCHAR"},
    {name: "first_reply_minutes", type: "DOUBLE"},
  ],
};

export interface CubeTable {
  spec: TableSpec;
  rows: PreparedRow[];
}

const increment = <K>(m: Map<K, number>, k: K, by = 1) => m.set(k, (m.get(k) ?? 0) + by);

function volumeDaily(p: Prepared): PreparedRow[] {
  const created = new Map<string, number>();
  const solved = new Map<string, number>();
  for (const t of p.tickets) {
    increment(created, String(t.created_date));
    if (t.solved === true) increment(solved, String(t.solved_date ?? t.created_date));
  }
  const days = [...new Set([...created.keys(), ...solved.keys()])].sort();
  return days.map((day) => ({day, tickets: created.get(day) ?? 0, solved: solved.get(day) ?? 0}));
}

function volumeHourly(p: Prepared): PreparedRow[] {
  const counts = new Map<string, number>();
  for (const t of p.tickets)
    increment(counts, JSON.stringify([t.created_month, t.created_weekday, t.created_hour]));
  return [...counts].map(([k, tickets]) => {
    const [month, weekday, hour] = JSON.parse(k) as [string, number, number];
    return {month, weekday, hour, tickets};
  });
}

function coverageWeeks(p: Prepared): PreparedRow[] {
  const slots = new Set<string>();
  const counts = new Map<string, {weekday: number; weekend: number}>();
  for (const a of p.activity) {
    const month = String(a.local_date).slice(0, 7);
    const slot = JSON.stringify([a.week, a.weekday, a.hour]);
    if (slots.has(slot)) continue;
    slots.add(slot);
    const key = JSON.stringify([a.week, month]);
    const c = counts.get(key) ?? counts.set(key, {weekday: 0, weekend: 0}).get(key)!;
    if (Number(a.weekday) <= 5) c.weekday += 1;
    else c.weekend += 1;
  }
  return [...counts].map(([k, c]) => {
    const [week, month] = JSON.parse(k) as [string, string];
    return {week, month, weekday_slots: c.weekday, weekend_slots: c.weekend};
  });
}

function surveyCells(p: Prepared): PreparedRow[] {
  const ticketChannel = new Map(p.tickets.map((t) => [String(t.ticket_id), t.channel]));
  const cells = new Map<string, PreparedRow>();
  const cell = (kind: string, month: unknown, channel: unknown) => {
    const key = JSON.stringify([kind, month, channel]);
    return (
      cells.get(key) ??
      cells
        .set(key, {
          kind,
          month: String(month),
          channel: String(channel),
          n: 0,
          good: 0,
          promoters: 0,
          detractors: 0,
        })
        .get(key)!
    );
  };
  const add = (row: PreparedRow, column: string, by: boolean | number = 1) =>
    (row[column] = Number(row[column]) + Number(by));
  const linked = new Set<string>();
  for (const r of p.responses) {
    if (r.kind !== "csat" && r.kind !== "nps") continue;
    if (r.kind === "csat" && r.ticket_id !== null) linked.add(String(r.ticket_id));
    const channel = r.channel ?? ticketChannel.get(String(r.ticket_id)) ?? "(none)";
    const c = cell(r.kind, r.responded_month, channel);
    const [score, min, max] = [Number(r.score), Number(r.scale_min), Number(r.scale_max)];
    add(c, "n");
    if (r.kind === "csat") add(c, "good", score >= max - (max - min >= 3 ? 1 : 0));
    else {
      // The same rescaling to 0-10 as the NPS KPI's SQL.
      const ten = (10 * (score - min)) / (max - min);
      add(c, "promoters", ten >= 9);
      add(c, "detractors", ten <= 6);
    }
  }
  for (const t of p.tickets) {
    if (t.satisfaction !== "good" && t.satisfaction !== "bad") continue;
    // A rating with a linked survey response is that response's vote, counted above.
    if (linked.has(String(t.ticket_id))) continue;
    const c = cell("csat_ticket", t.created_month, t.channel);
    add(c, "n");
    add(c, "good", t.satisfaction === "good");
  }
  return [...cells.values()];
}

function slowestFirstReplies(p: Prepared, limit: number): PreparedRow[] {
  return p.tickets
    .filter((t) => typeof t.first_reply_minutes === "number")
    .sort(
      (a, b) =>
        Number(b.first_reply_minutes) - Number(a.first_reply_minutes) ||
        String(a.ticket_id).localeCompare(String(b.ticket_id)),
    )
    .slice(0, limit)
    .map((t) => Object.fromEntries(SLOWEST_FIRST_REPLIES.columns.map((c) => [c.name, t[c.name] ?? null])));
}

/** The names of every table `cubeTables` returns, e.g. for data loaders to emit one each. */
export const CUBE_TABLE_NAMES: readonly string[] = [
  ...Object.keys(DEFAULT_CUBES).flatMap((c) => [cubeTable(c), histTable(c)]),
  VOLUME_DAILY.name,
  VOLUME_HOURLY.name,
  COVERAGE_WEEKS.name,
  SURVEY_CELLS.name,
  SLOWEST_FIRST_REPLIES.name,
];

/** Spec of a cube-mode table by name (without building it), e.g. to emit it empty. */
export function cubeTableSpec(name: string): TableSpec {
  for (const [cube, dims] of Object.entries(DEFAULT_CUBES)) {
    if (name === cubeTable(cube)) return cellSpec(name, dims);
    if (name === histTable(cube)) return histSpec(name);
  }
  const spec = [VOLUME_DAILY, VOLUME_HOURLY, COVERAGE_WEEKS, SURVEY_CELLS, SLOWEST_FIRST_REPLIES].find(
    (s) => s.name === name,
  );
  if (!spec) throw new RangeError(`unknown cube table ${name}`);
  return spec;
}

export interface CubeOptions {
  cubes?: Record<string, readonly CubeDimension[]>;
  /** First-reply targets the attainment counters are built for. */
  targets?: Targets;
  /** Drill-down rows kept (the slowest first replies). */
  drilldown?: number;
}

/**
 * One cube-mode table built from prepared tables; `only` restricts the work to the table a data
 * loader emits. Pure and deterministic.
 */
export function cubeTables(
  p: Prepared,
  {cubes = DEFAULT_CUBES, targets = DEFAULT_TARGETS, drilldown = DRILLDOWN_ROWS}: CubeOptions = {},
  only?: string,
): CubeTable[] {
  const out: CubeTable[] = [];
  const want = (name: string) => only === undefined || only === name;
  for (const [name, dims] of Object.entries(cubes)) {
    if (!want(cubeTable(name)) && !want(histTable(name))) continue;
    const cube = buildCube(p.tickets, dims, {tags: p.ticket_tags, targets});
    if (want(cubeTable(name))) out.push({spec: cellSpec(cubeTable(name), dims), rows: cube.cells});
    if (want(histTable(name))) out.push({spec: histSpec(histTable(name)), rows: cube.hist});
  }
  const small: [TableSpec, () => PreparedRow[]][] = [
    [VOLUME_DAILY, () => volumeDaily(p)],
    [VOLUME_HOURLY, () => volumeHourly(p)],
    [COVERAGE_WEEKS, () => coverageWeeks(p)],
    [SURVEY_CELLS, () => surveyCells(p)],
    [SLOWEST_FIRST_REPLIES, () => slowestFirstReplies(p, drilldown)],
    [DAYS, () => p.days],
    [META, () => p.meta],
  ];
  for (const [spec, rows] of small) if (want(spec.name)) out.push({spec, rows: rows()});
  return out;
}

/** Loads every cube-mode table through a runner, as the site's page loads the emitted files. */
export async function loadCubeTables(
  runner: SqlRunner,
  p: Prepared,
  options: CubeOptions = {},
): Promise<void> {
  for (const {spec, rows} of cubeTables(p, options)) await runner.load(spec, rows);
}
