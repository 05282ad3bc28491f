import {scoreText} from "../../../src/components/drill-sql.ts";
import {responseBase, ticketBase} from "../sql.ts";
import type {KpiOptions} from "../types.ts";

/**
 * `good` for one CSAT response: top-2-box on scales of 4 points or more (4-5 of 1-5), top box on
 * smaller ones (3 of 1-3, 1 of a 0-1 good/bad scale).
 */
export const TOP_BOX = `CASE WHEN r.score >= r.scale_max - CASE WHEN r.scale_max - r.scale_min >= 3 THEN 1 ELSE 0 END
  THEN 1 ELSE 0 END`;

/**
 * CTEs `t` (tickets), `r` (CSAT responses) and `votes` (cut, ticket_id, good 0/1, score as text):
 * one vote per survey response, plus good/bad ratings recorded only on the ticket.
 */
export function csatVotes(o: KpiOptions): string {
  return `t AS (${ticketBase(o)}),
  r AS (${responseBase(o, "csat")}),
  votes AS (
    SELECT r.cut, r.ticket_id, ${TOP_BOX} AS good, ${scoreText("r")} AS score FROM r
    UNION ALL
    SELECT t.cut, t.ticket_id, CASE WHEN t.satisfaction = 'good' THEN 1 ELSE 0 END, t.satisfaction FROM t
    -- Ratings held on the ticket only; a linked survey response is the same vote, counted above.
    WHERE t.satisfaction IN ('good', 'bad')
      AND t.ticket_id NOT IN (SELECT ticket_id FROM responses WHERE kind = 'csat' AND ticket_id IS NOT NULL)
  )`;
}

/** True when the dataset holds no CSAT at all: no CSAT response and no good/bad rating on a ticket. */
export const NO_CSAT = `(NOT EXISTS (SELECT 1 FROM responses WHERE kind = 'csat')
    AND NOT EXISTS (SELECT 1 FROM tickets WHERE satisfaction IN ('good', 'bad')))`;

/** The CSAT columns of a cut without any vote, after `cut` (see orEmptyCuts). */
export const CSAT_EMPTY = [
  "CAST(0 AS INTEGER) AS n",
  "CAST(0 AS INTEGER) AS numerator",
  "CAST(NULL AS DOUBLE) AS value",
  "CAST(NULL AS DOUBLE) AS ci_low",
  "CAST(NULL AS DOUBLE) AS ci_high",
];

/** Wilson 95 % score interval bounds for `k` successes out of `n` (SQL expressions). */
export function wilson(k: string, n: string): {low: string; high: string} {
  const p = `(CAST(${k} AS DOUBLE) / ${n})`;
  const z2 = "(1.96::DOUBLE * 1.96::DOUBLE)";
  const centre = `(${p} + ${z2} / (2 * ${n}))`;
  const half = `(1.96::DOUBLE * sqrt(${p} * (1 - ${p}) / ${n} + ${z2} / (4.0::DOUBLE * ${n} * ${n})))`;
  const denom = `(1 + ${z2} / ${n})`;
  return {low: `(${centre} - ${half}) / ${denom}`, high: `(${centre} + ${half}) / ${denom}`};
}
