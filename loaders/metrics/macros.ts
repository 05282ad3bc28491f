import {TOP_BOX, wilson} from "./kpis/csat-votes.ts";

/**
 * SQL helpers created in DuckDB when the tables are loaded (DuckDB-WASM on the Explore page, native
 * DuckDB in the command line), so an analyst does not retype the project's rules. Isomorphic: the
 * statements are plain SQL text. Their descriptions live in the site's catalogue
 * (src/i18n/messages.ts, `explore.helpers`), keyed by name.
 */
export interface SqlHelper {
  name: string;
  kind: "macro" | "view";
  /** How it is called, as the page documents it. */
  usage: string;
  /** Tables it reads; it is created only where every one is loaded. */
  needs: readonly string[];
  sql: string;
}

const bound = (side: "low" | "high") =>
  // No interval without an observation: NULL, where the formula would divide by zero.
  `CASE WHEN n > 0 THEN ${wilson("k", "n")[side]} END`;

/**
 * The CSAT KPI's own rule (csat-votes.ts), with its columns as the macro's parameters: top-2-box on
 * scales of 4 points or more, top box below. A missing score stays missing rather than counting as bad.
 */
const topBox = `CASE WHEN score IS NULL THEN NULL ELSE ${TOP_BOX.replace(/\br\./g, "")} END`;

export const SQL_HELPERS: readonly SqlHelper[] = [
  {
    name: "wilson_low",
    kind: "macro",
    usage: "wilson_low(k, n)",
    needs: [],
    sql: `CREATE OR REPLACE MACRO wilson_low(k, n) AS ${bound("low")}`,
  },
  {
    name: "wilson_high",
    kind: "macro",
    usage: "wilson_high(k, n)",
    needs: [],
    sql: `CREATE OR REPLACE MACRO wilson_high(k, n) AS ${bound("high")}`,
  },
  {
    name: "top2box",
    kind: "macro",
    usage: "top2box(score, scale_min, scale_max)",
    needs: [],
    sql: `CREATE OR REPLACE MACRO top2box(score, scale_min, scale_max) AS ${topBox}`,
  },
  {
    name: "responses_detail",
    kind: "view",
    usage: "responses_detail",
    needs: ["responses", "tickets", "ticket_tags"],
    // The response's local hour is not in the shipped tables (only its local date), so the hour is
    // the ticket's creation hour, named as such.
    sql: `CREATE OR REPLACE VIEW responses_detail AS
SELECT r.*,
  isodow(CAST(r.responded_date AS DATE)) AS responded_weekday,
  isodow(CAST(r.responded_date AS DATE)) >= 6 AS responded_weekend,
  CASE WHEN r.kind = 'csat' THEN top2box(r.score, r.scale_min, r.scale_max) END AS good,
  t.channel AS ticket_channel,
  t.group_name,
  t.created_date,
  t.created_weekday,
  t.created_weekday >= 6 AS created_weekend,
  t.created_hour,
  t.first_reply_minutes,
  coalesce((SELECT list(g.tag ORDER BY g.tag) FROM ticket_tags g WHERE g.ticket_id = r.ticket_id), []) AS tags
FROM responses r
LEFT JOIN tickets t ON t.ticket_id = r.ticket_id`,
  },
];

/** The statements creating every helper whose tables are all among `tables`, in dependency order. */
export function helperStatements(tables: readonly string[]): string[] {
  return SQL_HELPERS.filter((m) => m.needs.every((t) => tables.includes(t))).map((m) => m.sql);
}

/** Creates the helpers over whatever runs SQL (a SqlRunner, Framework's DuckDBClient...). */
export async function createHelpers(
  db: {query(sql: string): unknown},
  tables: readonly string[],
): Promise<void> {
  for (const sql of helperStatements(tables)) await db.query(sql);
}

/** A query the Explore page loads with one click; its title is `explore.examples[id]` in the catalogue. */
export interface ExampleQuery {
  id: string;
  /** The site mode whose tables it reads. */
  mode: "tickets" | "cubes";
  sql: string;
}

/** The first example of each mode is the editor's starting query. */
export const EXAMPLE_QUERIES: readonly ExampleQuery[] = [
  {
    id: "billing_weekend",
    mode: "tickets",
    sql: `-- CSAT of tickets about billing, created on weekdays or at the weekend (local time).
-- The demo tags them payment or invoice; your export may say billing.
SELECT
  CASE WHEN created_weekend THEN 'weekend' ELSE 'weekday' END AS period,
  avg(good) AS csat,
  wilson_low(sum(good), count(good)) AS csat_low,
  wilson_high(sum(good), count(good)) AS csat_high,
  count(good) AS responses
FROM responses_detail
WHERE kind = 'csat' AND list_has_any(tags, ['billing', 'payment', 'invoice'])
GROUP BY period
ORDER BY period`,
  },
  {
    id: "csat_by_tag",
    mode: "tickets",
    sql: `-- CSAT by tag, weekday against weekend; fewer than 5 responses is not a number worth showing.
SELECT
  tag || ' · ' || CASE WHEN created_weekend THEN 'weekend' ELSE 'weekday' END AS tag_period,
  avg(good) AS csat,
  count(*) AS responses
FROM responses_detail, unnest(tags) AS u(tag)
WHERE kind = 'csat'
GROUP BY ALL
HAVING count(*) >= 5
ORDER BY tag_period`,
  },
  {
    id: "first_reply_by_channel",
    mode: "tickets",
    sql: `SELECT channel,
  median(first_reply_minutes) AS median_first_reply_minutes,
  count(*) AS tickets
FROM tickets
GROUP BY channel
ORDER BY tickets DESC`,
  },
  {
    id: "tickets_by_month",
    mode: "tickets",
    sql: `SELECT created_month AS month, count(*) AS tickets
FROM tickets
GROUP BY month
ORDER BY month`,
  },
  {
    id: "csat_by_hour",
    mode: "tickets",
    sql: `-- CSAT by the local hour the ticket was created, with its 95 % interval.
SELECT created_hour AS hour,
  avg(good) AS csat,
  wilson_low(sum(good), count(good)) AS csat_low,
  wilson_high(sum(good), count(good)) AS csat_high,
  count(good) AS responses
FROM responses_detail
WHERE kind = 'csat' AND created_hour IS NOT NULL
GROUP BY hour
ORDER BY hour`,
  },
  {
    id: "csat_by_month",
    mode: "cubes",
    sql: `-- CSAT by month with its 95 % interval: survey responses and ratings held on tickets.
SELECT month,
  sum(good) / sum(n) AS csat,
  wilson_low(sum(good), sum(n)) AS csat_low,
  wilson_high(sum(good), sum(n)) AS csat_high,
  sum(n) AS votes
FROM survey_cells
WHERE kind IN ('csat', 'csat_ticket')
GROUP BY month
ORDER BY month`,
  },
  {
    id: "billing_by_month",
    mode: "cubes",
    sql: `-- Ratings held on tickets about billing (the demo tags them payment or invoice), by creation month.
-- Cubes keep no weekday for ratings: the weekend question needs the ticket rows.
SELECT created_month AS month,
  sum(rating_good) / nullif(sum(rating_good + rating_bad), 0) AS csat,
  wilson_low(sum(rating_good), sum(rating_good + rating_bad)) AS csat_low,
  wilson_high(sum(rating_good), sum(rating_good + rating_bad)) AS csat_high,
  sum(rating_good + rating_bad) AS ratings
FROM cube_tag
WHERE tag IN ('billing', 'payment', 'invoice')
GROUP BY month
ORDER BY month`,
  },
  {
    id: "one_touch_by_channel",
    mode: "cubes",
    sql: `SELECT channel,
  sum(one_touch_num) / nullif(sum(one_touch_den), 0) AS one_touch,
  wilson_low(sum(one_touch_num), sum(one_touch_den)) AS one_touch_low,
  wilson_high(sum(one_touch_num), sum(one_touch_den)) AS one_touch_high,
  sum(tickets) AS tickets
FROM cube_channel
GROUP BY channel
ORDER BY tickets DESC`,
  },
  {
    id: "volume_by_hour",
    mode: "cubes",
    sql: `SELECT hour, sum(tickets) AS tickets
FROM volume_hourly
GROUP BY hour
ORDER BY hour`,
  },
  {
    id: "slowest_by_channel",
    mode: "cubes",
    sql: `-- Among the 500 slowest first replies shipped with the cubes.
SELECT channel,
  count(*) AS tickets,
  median(first_reply_minutes) AS median_first_reply_minutes
FROM slowest_first_replies
GROUP BY channel
ORDER BY tickets DESC`,
  },
];
