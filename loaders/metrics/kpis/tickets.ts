import {MONTHS_SQL, memberWhere, ticketBase} from "../sql.ts";
import type {KpiDefinition} from "../types.ts";

export const tickets: KpiDefinition = {
  id: "tickets",
  label: {en: "Tickets", fr: "Tickets"},
  unit: "tickets per month",
  countingUnit: "tickets",
  clocks: ["none"],
  better: "neither",
  shape: "value",
  minN: 0,
  columns: ["n", "solved", "months", "value"],
  definition: {
    en: "Tickets created in the period (n), of which solved or closed, and tickets per month (value) over the months from the first to the last creation day.",
    fr: "Tickets créés sur la période (n), dont résolus ou clos, et tickets par mois (value) sur les mois du premier au dernier jour de création.",
  },
  sql(o) {
    return `WITH t AS (${ticketBase(o)})
SELECT cut,
  CAST(count(*) AS INTEGER) AS n,
  CAST(count(*) FILTER (WHERE t.solved) AS INTEGER) AS solved,
  ${MONTHS_SQL} AS months,
  CAST(count(*) AS DOUBLE) / ${MONTHS_SQL} AS value
FROM t GROUP BY cut ORDER BY cut`;
  },
  members: (o, row) =>
    `WITH t AS (${ticketBase(o)}) SELECT t.ticket_id FROM t WHERE ${memberWhere(row, "t")}`,
};
