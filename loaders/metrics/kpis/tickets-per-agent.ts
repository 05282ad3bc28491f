import {MONTHS_SQL, ifEnough, insufficient, ticketBase} from "../sql.ts";
import {MIN_TICKETS, type KpiDefinition, type KpiOptions} from "../types.ts";
import {reasonCase} from "../unknown.ts";

/**
 * The agents, value, insufficient and reason columns from an agent-count SQL expression (null
 * when unknown) and a ticket count: shared with the cube version.
 */
export function perAgentResult(o: KpiOptions, agents: string, tickets: string): string {
  const unknown = `${agents} IS NULL`;
  return `CAST(${agents} AS INTEGER) AS agents,
  ${MONTHS_SQL} AS months,
  ${ifEnough(`CAST(${tickets} AS DOUBLE) / ${MONTHS_SQL} / ${agents}`, tickets, MIN_TICKETS)} AS value,
  ${insufficient(tickets, MIN_TICKETS, unknown)},
  ${reasonCase([[unknown, o.by === undefined ? "agents" : "assignees"]])} AS reason`;
}

export const ticketsPerAgent: KpiDefinition = {
  id: "tickets_per_agent_month",
  label: {en: "Tickets per agent per month", fr: "Tickets par agent et par mois"},
  unit: "tickets per agent per month",
  countingUnit: "tickets",
  clocks: ["none"],
  better: "neither",
  shape: "value",
  minN: MIN_TICKETS,
  columns: ["n", "agents", "months", "value", "insufficient", "reason"],
  definition: {
    en: "Tickets created per month divided by agents. Months run from the first to the last creation day of the period. For the whole organisation the profile's agent count is used when known, else the active agents; within a cut, the cut's active agents. Unknown, not infinite or 0, when no ticket has an assignee and the profile has no agent count.",
    fr: "Tickets créés par mois divisés par le nombre d'agents. Les mois vont du premier au dernier jour de création de la période. Pour l'organisation entière, le nombre d'agents du profil est utilisé s'il est connu, sinon les agents actifs ; dans une découpe, les agents actifs de la découpe. Inconnu quand aucun ticket n'a d'assigné et que le profil n'a pas d'effectif.",
  },
  sql(o) {
    // The profile's head count describes the whole team, so it applies only without a cut.
    // No assignee at all is an unknown team, not a team of 0.
    const active = "nullif(count(DISTINCT t.assignee), 0)";
    const agents = o.by === undefined ? `coalesce((SELECT agents FROM meta), ${active})` : active;
    return `WITH t AS (${ticketBase(o)})
SELECT cut,
  CAST(count(*) AS INTEGER) AS n,
  ${perAgentResult(o, agents, "count(*)")}
FROM t GROUP BY cut ORDER BY cut`;
  },
};
