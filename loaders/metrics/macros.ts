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
