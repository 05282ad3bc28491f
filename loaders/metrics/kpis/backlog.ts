import {period, ticketBase} from "../sql.ts";
import type {KpiDefinition, KpiOptions} from "../types.ts";

/**
 * From CTEs `t` (cut) and `ev` (cut, day, delta: +1 created, -1 solved) to the open count at the
 * end of each day of the period. Shared with the cube-mode SQL, which sums events per day.
 */
export function backlogTail(o: KpiOptions): string {
  return `  grid AS (SELECT c.cut, d.day FROM (SELECT DISTINCT cut FROM t) c CROSS JOIN days d WHERE ${period("d.day", o)}),
  opening AS (SELECT g.cut, sum(e.delta) AS open0 FROM (SELECT cut, min(day) AS day FROM grid GROUP BY cut) g
    JOIN ev e ON e.cut = g.cut AND e.day < g.day GROUP BY g.cut),
  daily AS (SELECT g.cut, g.day, coalesce(sum(e.delta), 0) AS delta
    FROM grid g LEFT JOIN ev e ON e.cut = g.cut AND e.day = g.day GROUP BY g.cut, g.day)
SELECT d.cut, d.day,
  CAST(coalesce(o.open0, 0) + sum(d.delta) OVER (PARTITION BY d.cut ORDER BY d.day ROWS UNBOUNDED PRECEDING) AS INTEGER) AS open
FROM daily d LEFT JOIN opening o ON o.cut = d.cut ORDER BY d.cut, d.day`;
}

export const backlog: KpiDefinition = {
  id: "backlog",
  label: {en: "Backlog", fr: "Stock de tickets ouverts"},
  unit: "tickets",
  countingUnit: "unsolved tickets at the end of each day",
  clocks: ["none"],
  better: "lower",
  shape: "table",
  minN: 0,
  columns: ["day", "open"],
  definition: {
    en: "Tickets created and not yet solved at the end of each local day. A ticket leaves the backlog on its last solve date; a ticket reopened and not solved again stays in it from its creation. Tickets created before the period still count while they are open.",
    fr: "Tickets créés et pas encore résolus à la fin de chaque jour local. Un ticket quitte le stock à sa dernière date de résolution ; un ticket rouvert et pas encore résolu y reste depuis sa création. Les tickets créés avant la période comptent tant qu'ils sont ouverts.",
  },
  sql(o) {
    // Every ticket, whatever its creation date: older open tickets are part of the backlog.
    const all = ticketBase({...o, from: undefined, to: undefined});
    return `WITH t AS (${all}),
  ev AS (SELECT cut, created_date AS day, 1 AS delta FROM t
    UNION ALL
    -- A solved ticket without a solve date is taken as solved on its creation day.
    SELECT cut, coalesce(solved_date, created_date) AS day, -1 AS delta FROM t WHERE solved),
${backlogTail(o)}`;
  },
};
