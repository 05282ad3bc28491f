/**
 * The drill-down's list as SQL, for every page that opens one: the columns the drill-down shows
 * (no personal data), durations on the chosen clock, and the CSAT score as "score/scale" from the
 * survey (else the rating on the ticket). Each page says which tickets (`picked`) and in what order.
 */

export interface DrillList {
  /** Common table expressions `picked` may read, without the WITH ("v AS (...)"), or none. */
  ctes?: string;
  /** A query returning the `ticket_id` of the tickets behind the mark (more columns allowed, as `p.*`). */
  picked: string;
  /** ORDER BY terms over `p` (picked) and `t` (tickets). */
  order: string;
  clock: "calendar" | "business";
  limit: number;
  /** `picked` has a `score` column (one survey vote per row): shown instead of the ticket's latest score. */
  pickedScore?: boolean;
}

/**
 * A survey response's score as text: "4/5", "9/10" (whole scores without ".0"); a 0-1 scale is a
 * good/bad rating and reads as one, like the ratings held on tickets.
 */
export function scoreText(alias = "r"): string {
  const a = alias;
  return `(CASE WHEN ${a}.scale_min = 0 AND ${a}.scale_max = 1 THEN CASE WHEN ${a}.score >= 1 THEN 'good' ELSE 'bad' END
    ELSE regexp_replace(CAST(${a}.score AS VARCHAR), '\\.0$', '') || '/' || CAST(${a}.scale_max AS VARCHAR) END)`;
}

export function drillListSql({ctes, picked, order, clock, limit, pickedScore = false}: DrillList): string {
  if (!Number.isInteger(limit) || limit < 1 || limit > 1_000_000)
    throw new RangeError(`not a limit: ${limit}`);
  const suffix = clock === "business" ? "_business" : "";
  return `WITH ${ctes ? `${ctes},\n  ` : ""}picked AS (${picked}),
  score AS (SELECT ticket_id, arg_max(${scoreText("responses")}, responded_at_ms) AS score
    FROM responses WHERE kind = 'csat' AND ticket_id IN (SELECT ticket_id FROM picked) GROUP BY ticket_id)
SELECT t.ticket_id, t.channel, t.group_name, t.created_date,
  t.first_reply_minutes${suffix} AS first_reply_minutes,
  t.full_resolution_minutes${suffix} AS full_resolution_minutes,
  t.status,
  ${pickedScore ? "p.score" : "coalesce(s.score, CASE WHEN t.satisfaction IN ('good', 'bad') THEN t.satisfaction END)"} AS score
FROM picked p JOIN tickets t ON t.ticket_id = p.ticket_id LEFT JOIN score s ON s.ticket_id = t.ticket_id
ORDER BY ${order} LIMIT ${limit}`;
}
