import {ticketBase} from "../sql.ts";
import type {KpiDefinition} from "../types.ts";

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
  columns: ["n", "value"],
  definition: {
    en: "Distinct assignees (pseudonymised) of the tickets created in the period; n is the number of tickets.",
    fr: "Nombre d'assignés distincts (pseudonymisés) des tickets créés sur la période ; n est le nombre de tickets.",
  },
  sql(o) {
    return `WITH t AS (${ticketBase(o)})
SELECT cut, CAST(count(*) AS INTEGER) AS n, CAST(count(DISTINCT t.assignee) AS INTEGER) AS value
FROM t GROUP BY cut ORDER BY cut`;
  },
};
