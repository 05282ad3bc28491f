import {MONTHS_SQL, ifEnough, insufficient, ticketBase} from "../sql.ts";
import {MIN_TICKETS, type KpiDefinition} from "../types.ts";

export const ticketsPerAgent: KpiDefinition = {
  id: "tickets_per_agent_month",
  label: {en: "Tickets per agent per month", fr: "Tickets par agent et par mois"},
  unit: "tickets per agent per month",
  countingUnit: "tickets",
  clocks: ["none"],
  better: "neither",
  shape: "value",
  minN: MIN_TICKETS,
  columns: ["n", "agents", "months", "value", "insufficient"],
  definition: {
    en: "Tickets created per month divided by agents. Months run from the first to the last creation day of the period. For the whole organisation the profile's agent count is used when known, else the active agents; within a cut, the cut's active agents.",
    fr: "Tickets créés par mois divisés par le nombre d'agents. Les mois vont du premier au dernier jour de création de la période. Pour l'organisation entière, le nombre d'agents du profil est utilisé s'il est connu, sinon les agents actifs ; dans une découpe, les agents actifs de la découpe.",
  },
  sql(o) {
    // The profile's head count describes the whole team, so it applies only without a cut.
    const agents =
      o.by === undefined
        ? "coalesce((SELECT agents FROM meta), count(DISTINCT t.assignee))"
        : "count(DISTINCT t.assignee)";
    return `WITH t AS (${ticketBase(o)})
SELECT cut,
  CAST(count(*) AS INTEGER) AS n,
  CAST(${agents} AS INTEGER) AS agents,
  ${MONTHS_SQL} AS months,
  ${ifEnough(`CAST(count(*) AS DOUBLE) / ${MONTHS_SQL} / nullif(${agents}, 0)`, "count(*)", MIN_TICKETS)} AS value,
  ${insufficient("count(*)", MIN_TICKETS)}
FROM t GROUP BY cut ORDER BY cut`;
  },
};
