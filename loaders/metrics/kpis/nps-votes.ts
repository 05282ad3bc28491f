import {scoreText} from "../../../src/components/drill-sql.ts";
import {ifEnough, insufficient, responseBase} from "../sql.ts";
import {MIN_RESPONSES, type KpiOptions} from "../types.ts";

// Rescaled to 0-10 so that an export on another scale still splits at 9 and 6.
const TEN = "(10.0::DOUBLE * (r.score - r.scale_min) / (r.scale_max - r.scale_min))";

/** CTEs `r` (NPS responses) and `votes` (cut, ticket_id, promoter 0/1, detractor 0/1, score as text). */
export function npsVotes(o: KpiOptions): string {
  return `r AS (${responseBase(o, "nps")}),
  votes AS (SELECT r.cut, r.ticket_id,
    CASE WHEN ${TEN} >= 9 THEN 1 ELSE 0 END AS promoter,
    CASE WHEN ${TEN} <= 6 THEN 1 ELSE 0 END AS detractor, ${scoreText("r")} AS score FROM r)`;
}

/** True when the dataset holds no NPS response at all. */
export const NO_NPS = "NOT EXISTS (SELECT 1 FROM responses WHERE kind = 'nps')";

/** The NPS columns of a cut without any vote, after `cut` (see orEmptyCuts). */
export const NPS_EMPTY = [
  "CAST(0 AS INTEGER) AS n",
  "CAST(0 AS INTEGER) AS promoters",
  "CAST(0 AS INTEGER) AS passives",
  "CAST(0 AS INTEGER) AS detractors",
  "CAST(NULL AS DOUBLE) AS value",
  "CAST(NULL AS DOUBLE) AS moe",
];

/**
 * NPS aggregate columns over `votes` rows aliased `v`: n, promoters, passives, detractors, value
 * (points) and moe (95 % half-width, 1.96 x sqrt((p + d - (p - d)^2) / n) x 100). The counts are
 * SQL expressions, so pre-aggregated votes can pass sums instead.
 */
export function npsColumns(
  n = "count(*)",
  promoters = "sum(v.promoter)",
  detractors = "sum(v.detractor)",
  unknown = "FALSE",
): string {
  const known = (expr: string) => (unknown === "FALSE" ? expr : `CASE WHEN NOT ${unknown} THEN ${expr} END`);
  const p = `(CAST(${promoters} AS DOUBLE) / ${n})`;
  const d = `(CAST(${detractors} AS DOUBLE) / ${n})`;
  const moe = `100 * 1.96::DOUBLE * sqrt(greatest(${p} + ${d} - (${p} - ${d}) * (${p} - ${d}), 0) / ${n})`;
  return `CAST(${n} AS INTEGER) AS n,
  CAST(${promoters} AS INTEGER) AS promoters,
  CAST(${n} - ${promoters} - ${detractors} AS INTEGER) AS passives,
  CAST(${detractors} AS INTEGER) AS detractors,
  ${ifEnough(known(`100 * (${p} - ${d})`), n, MIN_RESPONSES)} AS value,
  ${ifEnough(known(moe), n, MIN_RESPONSES)} AS moe,
  ${insufficient(n, MIN_RESPONSES, unknown)}`;
}
