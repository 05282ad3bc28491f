import {ticketBase} from "../sql.ts";
import type {KpiDefinition} from "../types.ts";
import {reasonCase} from "../unknown.ts";

/**
 * Tickets without any assignee say nothing about the team: the count is unknown, not 0. Shared
 * with the cube version, which passes its own distinct count.
 */
export function agentsResult(distinct: string): string {
  return `CAST(nullif(${distinct}, 0) AS INTEGER) AS value,
  ${reasonCase([[`${distinct} = 0`, "assignees"]])} AS reason`;
}

export const activeAgents: KpiDefinition = {
  id: "active_agents",
  label: {en: "Active agents", fr: "Agents actifs"},
  unit: "agents",
  // n counts the tickets the assignees were read from; the value counts agents.
  countingUnit: "tickets",
  clocks: ["none"],
  better: "neither",
  shape: "value",
  minN: 0,
  columns: ["n", "value", "reason"],
  definition: {
    en: "Distinct assignees (pseudonymised) of the tickets created in the period; n is the number of tickets. Unknown, not 0, when no ticket has an assignee.",
    fr: "Nombre d'assignés distincts (pseudonymisés) des tickets créés sur la période ; n est le nombre de tickets. Inconnu, et non nul, quand aucun ticket n'a d'assigné.",
  },
  sql(o) {
    return `WITH t AS (${ticketBase(o)})
SELECT cut, CAST(count(*) AS INTEGER) AS n, ${agentsResult("count(DISTINCT t.assignee)")}
FROM t GROUP BY cut ORDER BY cut`;
  },
};
