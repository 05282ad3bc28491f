import {dateParts, dateRange} from "../metrics/local-time.ts";
import {ACTIVITY, DAYS, META, RESPONSES, TICKETS, TICKET_TAGS, type PreparedRow} from "../metrics/prepare.ts";
import {createTableSql, quoteIdent} from "../metrics/runner.ts";
import {lit} from "../metrics/sql.ts";
import type {TableSpec} from "../metrics/types.ts";
import type {NativeRunner} from "./duckdb-native.ts";
import {DAY_MS, HOUR_MS, SLOT_MS, zoneTables} from "./zone-tables.ts";

/**
 * Canonical rows already in native DuckDB, as SQL relations: the tickets' and the responses'
 * dataset columns (instants as TIMESTAMP, tags as VARCHAR[]) plus `rn`, their order.
 */
export interface NativeSource {
  tickets: string;
  responses: string;
}

/** Relations over a dataset's Parquet files, in file order. */
export function parquetSource(ticketsFile: string, responsesFile: string): NativeSource {
  const relation = (file: string) =>
    `(SELECT file_row_number AS rn, * FROM read_parquet(${lit(file)}, file_row_number = true))`;
  return {tickets: relation(ticketsFile), responses: relation(responsesFile)};
}

/**
 * Instants beyond ±10^14 ms (years -1200 to 5100) take the TypeScript path: below it, every
 * division by a day, an hour or a slot floors exactly in doubles, in DuckDB as in JavaScript.
 */
const SAFE_MS = 1e14;

// Views over the source (scanned again by each table: materialising them cost ~300 MiB at 1 M
// tickets) and the zone tables, all dropped once the six tables are built.
const T = "sb_src_tickets";
const R = "sb_src_responses";
const ZONE_DAYS = "sb_zone_days";
const ZONE_SLOTS = "sb_zone_slots";
const LOCAL_DAYS = "sb_local_days";

/** `Math.round` in SQL: halves go up (DuckDB's `round` sends -2.5 to -3, JavaScript to -2). */
const jsRound = (x: string) => `(CASE WHEN ${x} - floor(${x}) >= 0.5 THEN ceil(${x}) ELSE floor(${x}) END)`;

/**
 * Builds the six tables of `prepare()` inside native DuckDB, with the same values in the same
 * order, without a JavaScript object per row: every column that needs no time zone is SQL over
 * the source, and the local-time columns join small tables computed in TypeScript once per day
 * (see zone-tables.ts). Returns false, having created nothing, when an instant is out of the safe
 * range: the caller then takes the `prepare()` path.
 */
export async function loadPreparedNative(
  runner: NativeRunner,
  source: NativeSource,
  profile: {timezone: string; agents: number | null},
): Promise<boolean> {
  try {
    return await build(runner, source, profile);
  } finally {
    for (const view of [T, R]) await runner.connection.run(`DROP VIEW IF EXISTS ${view}`);
    for (const table of [ZONE_DAYS, ZONE_SLOTS, LOCAL_DAYS])
      await runner.connection.run(`DROP TABLE IF EXISTS ${table}`);
  }
}

async function build(
  runner: NativeRunner,
  source: NativeSource,
  profile: {timezone: string; agents: number | null},
): Promise<boolean> {
  const run = (sql: string) => runner.connection.run(sql);
  await run(
    `CREATE TEMP VIEW ${T} AS SELECT rn, ticket_id, epoch_ms(created_at)::DOUBLE AS created_ms, ` +
      `epoch_ms(solved_at)::DOUBLE AS solved_ms, channel, status, ` +
      `coalesce(status IN ('solved', 'closed'), false) AS solved, ` +
      `first_reply_minutes, first_reply_minutes_business, full_resolution_minutes, ` +
      `full_resolution_minutes_business, requester_wait_minutes, requester_wait_minutes_business, ` +
      `replies, reopens, "group", assignee, priority, "type", satisfaction, tags, ` +
      // The first public reply's instant, rounded to the millisecond as prepare() does.
      `epoch_ms(created_at)::DOUBLE + ${jsRound("first_reply_minutes * 60000")} AS reply_ms ` +
      `FROM ${source.tickets}`,
  );
  await run(
    `CREATE TEMP VIEW ${R} AS SELECT rn, response_id, ticket_id, kind, score, scale_min, scale_max, ` +
      `epoch_ms(responded_at)::DOUBLE AS responded_ms, channel FROM ${source.responses}`,
  );
  const instants =
    `(SELECT created_ms AS x FROM ${T} UNION ALL SELECT solved_ms FROM ${T} ` +
    `UNION ALL SELECT reply_ms FROM ${T} UNION ALL SELECT responded_ms FROM ${R})`;
  const [unsafe] = await runner.query<{n: number}>(
    `SELECT count(*) AS n FROM ${instants} WHERE x IS NOT NULL AND NOT (abs(x) < ${SAFE_MS})`,
  );
  if (unsafe!.n > 0) return false;
  const days = await runner.query<{day: number}>(
    `SELECT DISTINCT floor(x / ${DAY_MS}) AS day FROM ${instants} WHERE x IS NOT NULL`,
  );
  const timeZone = profile.timezone || "UTC";
  const zone = zoneTables(
    timeZone,
    days.map((d) => d.day),
  );
  if (zone === null) return false;
  await runner.load(table(ZONE_DAYS, {day: "DOUBLE", off: "DOUBLE"}), zone.days);
  await runner.load(table(ZONE_SLOTS, {slot: "DOUBLE", off: "DOUBLE"}), zone.slots);
  await runner.load(
    table(LOCAL_DAYS, {
      day: "DOUBLE",
      date: "VARCHAR",
      month: "VARCHAR",
      weekday: "INTEGER",
      week: "VARCHAR",
    }),
    zone.local,
  );

  const created = local("c", "t.created_ms");
  const solved = local("s", "t.solved_ms");
  await insert(
    runner,
    TICKETS,
    `SELECT t.ticket_id, t.created_ms, t.solved_ms, t.channel, t.status, t.solved, ` +
      `t.first_reply_minutes, t.first_reply_minutes_business, t.full_resolution_minutes, ` +
      `t.full_resolution_minutes_business, t.requester_wait_minutes, ` +
      `t.requester_wait_minutes_business, t.replies, t.reopens, t."group", t.assignee, t.priority, ` +
      `t."type", t.satisfaction, c.date, c.month, c.weekday, ${created.hour}, s.date ` +
      `FROM ${T} t ${created.joins} ${solved.joins} ORDER BY t.rn`,
  );
  // Each ticket's distinct tags in first-seen order, as `new Set(tags)` gives them.
  await insert(
    runner,
    TICKET_TAGS,
    `SELECT ticket_id, tag FROM (SELECT rn, ticket_id, tag, pos, ` +
      `row_number() OVER (PARTITION BY rn, tag ORDER BY pos) AS seen FROM (SELECT rn, ticket_id, ` +
      `unnest(tags) AS tag, unnest(generate_series(1, len(tags))) AS pos FROM ${T})) ` +
      `WHERE seen = 1 ORDER BY rn, pos`,
  );
  const responded = local("p", "r.responded_ms");
  await insert(
    runner,
    RESPONSES,
    `SELECT r.response_id, r.ticket_id, r.kind, r.score, r.scale_min, r.scale_max, r.responded_ms, ` +
      `p.date, p.month, r.channel FROM ${R} r ${responded.joins} ORDER BY r.rn`,
  );
  const at = local("a", "x.at_ms");
  await insert(
    runner,
    ACTIVITY,
    `SELECT x.ticket_id, x.kind, x.at_ms, a.date, a.week, a.weekday, ${at.hour} FROM (` +
      `SELECT rn, 0 AS k, ticket_id, 'reply' AS kind, reply_ms AS at_ms FROM ${T} WHERE reply_ms IS NOT NULL ` +
      `UNION ALL SELECT rn, 1, ticket_id, 'solve', solved_ms FROM ${T} WHERE solved AND solved_ms IS NOT NULL` +
      `) x ${at.joins} ORDER BY x.rn, x.k`,
  );

  // The local dates seen on tickets, compared as strings like prepare() does.
  const [range] = await runner.query<{first: string | null; last: string | null}>(
    `SELECT min(d) AS first, max(d) AS last FROM (SELECT created_date AS d FROM tickets ` +
      `UNION ALL SELECT solved_date FROM tickets)`,
  );
  const first = range?.first ?? null;
  const last = range?.last ?? null;
  const dayRows: PreparedRow[] =
    first !== null && last !== null ? dateRange(first, last).map((day) => ({day, ...dateParts(day)})) : [];
  await runner.load(DAYS, dayRows);
  await runner.load(META, [
    {timezone: timeZone, agents: profile.agents ?? null, first_date: first, last_date: last},
  ]);
  return true;
}

/**
 * Joins giving the local parts of `instant` under `alias` (null parts for a null instant): its
 * offset by UTC day, else by 15-minute slot, then its local day's fields; the hour is arithmetic.
 */
function local(alias: string, instant: string): {joins: string; hour: string} {
  const off = `coalesce(${alias}_d.off, ${alias}_s.off)`;
  return {
    joins:
      `LEFT JOIN ${ZONE_DAYS} ${alias}_d ON ${alias}_d.day = floor(${instant} / ${DAY_MS}) ` +
      `LEFT JOIN ${ZONE_SLOTS} ${alias}_s ON ${alias}_s.slot = floor(${instant} / ${SLOT_MS}) ` +
      `LEFT JOIN ${LOCAL_DAYS} ${alias} ON ${alias}.day = floor((${instant} + ${off}) / ${DAY_MS})`,
    hour: `CAST(floor((${instant} + ${off}) / ${HOUR_MS}) - ${alias}.day * 24 AS INTEGER)`,
  };
}

async function insert(runner: NativeRunner, spec: TableSpec, select: string): Promise<void> {
  await runner.connection.run(createTableSql(spec));
  const columns = spec.columns.map((c) => quoteIdent(c.name)).join(", ");
  await runner.connection.run(`INSERT INTO ${quoteIdent(spec.name)} (${columns}) ${select}`);
}

function table(name: string, columns: Record<string, TableSpec["columns"][number]["type"]>): TableSpec {
  return {name, columns: Object.entries(columns).map(([n, type]) => ({name: n, type}))};
}
