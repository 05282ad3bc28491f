import {MONTHS_SQL, lit, ticketBase} from "../sql.ts";
import type {CostTable, KpiDefinition} from "../types.ts";
import {reasonCase} from "../unknown.ts";

/** No cost is assumed: a channel gets a cost per contact only once its monthly cost is entered. */
export const DEFAULT_COSTS: CostTable = {};

/** `CASE channel ...` giving a row's monthly cost, null for a channel without one. */
export function costSql(costs: CostTable): string {
  const whens = Object.entries(costs)
    .filter(([, c]) => typeof c === "number" && Number.isFinite(c) && c >= 0)
    .map(([ch, c]) => `WHEN ${lit(ch)} THEN CAST(${Number(c)} AS DOUBLE)`);
  return whens.length ? `(CASE channel ${whens.join(" ")} END)` : "CAST(NULL AS DOUBLE)";
}

/**
 * The KPI's result from `from` (tickets per cut and channel) and the monthly cost SQL: shared
 * with the cube version (cube-kpis.ts).
 */
export const costResult = (cost: string, from: string) => `SELECT cut, channel,
  CAST(tickets AS INTEGER) AS tickets,
  ${cost} AS monthly_cost,
  ${MONTHS_SQL} AS months,
  ${cost} * ${MONTHS_SQL} / tickets AS value,
  ${reasonCase([[`${cost} IS NULL`, "cost"]])} AS reason
FROM ${from} ORDER BY cut, channel`;

export const costPerContact: KpiDefinition = {
  id: "cost_per_contact",
  label: {en: "Cost per contact", fr: "Coût par contact"},
  unit: "currency per ticket",
  countingUnit: "tickets",
  clocks: ["none"],
  better: "lower",
  shape: "table",
  minN: 0,
  columns: ["channel", "tickets", "monthly_cost", "months", "value", "reason"],
  definition: {
    en: "Per channel, the channel's monthly cost (from the editable cost table, in its currency) times the months covered, divided by the tickets of that channel. Unknown for a channel without an entered cost.",
    fr: "Par canal, le coût mensuel du canal (tableau de coûts modifiable, dans sa devise) multiplié par le nombre de mois couverts, divisé par les tickets de ce canal. Inconnu pour un canal sans coût saisi.",
  },
  sql(o) {
    const cost = costSql(o.costs ?? DEFAULT_COSTS);
    return `WITH t AS (${ticketBase(o)}),
  c AS (SELECT cut, channel, count(*) AS tickets FROM t GROUP BY cut, channel)
${costResult(cost, "c")}`;
  },
};
