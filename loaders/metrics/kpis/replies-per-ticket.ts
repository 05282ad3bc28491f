import {ifEnough, insufficient, ticketBase} from "../sql.ts";
import {MIN_TICKETS, type KpiDefinition} from "../types.ts";
import {anyUnknown, reasonCase} from "../unknown.ts";

// Solved tickets, none with a reply count: the export does not hold it.
const CHECKS = [["count(pop) > 0 AND count(v) = 0", "replies"]] as const;

export const repliesPerTicket: KpiDefinition = {
  id: "replies_per_ticket",
  label: {en: "Replies per ticket", fr: "Réponses par ticket"},
  unit: "replies",
  countingUnit: "solved tickets",
  clocks: ["none"],
  better: "lower",
  shape: "value",
  minN: MIN_TICKETS,
  columns: ["n", "value", "p50", "insufficient", "reason"],
  definition: {
    en: "Mean number of public agent replies on solved and closed tickets (the Zendesk Benchmark's complexity measure), with the median as a second figure. Open tickets are left out because their count is not final.",
    fr: "Nombre moyen de réponses publiques d'agents sur les tickets résolus ou clos (la mesure de complexité du Zendesk Benchmark), avec la médiane en second. Les tickets ouverts sont exclus car leur nombre n'est pas définitif.",
  },
  sql(o) {
    // Only solved tickets have a final reply count; unknown counts are left out.
    return `WITH t AS (${ticketBase(o)}),
  d AS (SELECT cut, CASE WHEN t.solved THEN 1 END AS pop, CASE WHEN t.solved THEN CAST(t.replies AS DOUBLE) END AS v FROM t)
SELECT cut,
  CAST(count(v) AS INTEGER) AS n,
  ${ifEnough("avg(v)", "count(v)", MIN_TICKETS)} AS value,
  ${ifEnough("quantile_cont(v, 0.5)", "count(v)", MIN_TICKETS)} AS p50,
  ${insufficient("count(v)", MIN_TICKETS, anyUnknown(CHECKS))},
  ${reasonCase(CHECKS)} AS reason
FROM d GROUP BY cut ORDER BY cut`;
  },
};
