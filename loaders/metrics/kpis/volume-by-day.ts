import {ticketBase} from "../sql.ts";
import type {KpiDefinition} from "../types.ts";

/** A day is a spike when its robust z-score exceeds this (Iglewicz and Hoaglin's outlier cut-off). */
export const SPIKE_Z = 3.5;

/**
 * ...and it holds at least this many tickets: on a quiet queue (a median of 0 or 1 a day) one
 * ticket already scores far above 3.5, and a day of 1 ticket is no spike to staff for.
 */
export const SPIKE_MIN_TICKETS = 10;

/**
 * The scoring tail over a CTE `daily` (cut, day, tickets): median, MAD, robust z and the spike
 * flag, ending in the KPI's SELECT. Shared with the cube-mode SQL, which builds `daily` from
 * daily counts instead of tickets.
 */
export function scoreDays(): string {
  return `  med AS (SELECT cut, quantile_cont(tickets, 0.5) AS med FROM daily GROUP BY cut),
  dev AS (SELECT d.cut, quantile_cont(abs(d.tickets - m.med), 0.5) AS mad, avg(abs(d.tickets - m.med)) AS meanad
    FROM daily d JOIN med m ON m.cut = d.cut GROUP BY d.cut),
  scored AS (SELECT d.cut, d.day, d.tickets,
    CASE WHEN v.mad > 0 THEN 0.6745::DOUBLE * (d.tickets - m.med) / v.mad
         WHEN v.meanad > 0 THEN (d.tickets - m.med) / (1.253314::DOUBLE * v.meanad) END AS z
    FROM daily d JOIN med m ON m.cut = d.cut JOIN dev v ON v.cut = d.cut)
SELECT cut, day, tickets, z, coalesce(z > ${SPIKE_Z} AND tickets >= ${SPIKE_MIN_TICKETS}, false) AS spike
FROM scored ORDER BY cut, day`;
}

export const volumeByDay: KpiDefinition = {
  id: "volume_by_day",
  label: {en: "Tickets per day", fr: "Tickets par jour"},
  unit: "tickets",
  countingUnit: "days",
  clocks: ["none"],
  better: "neither",
  shape: "table",
  minN: 0,
  columns: ["day", "tickets", "z", "spike"],
  definition: {
    en: `Tickets created per local day, days without tickets included. A day is flagged as a spike when its robust z-score, 0.6745 x (count - median) / MAD over the cut's days, exceeds ${SPIKE_Z} and the day holds at least ${SPIKE_MIN_TICKETS} tickets; when the MAD is 0 the mean absolute deviation x 1.2533 replaces it, and when both are 0 no day is flagged.`,
    fr: `Tickets créés par jour local, jours sans ticket compris. Un jour est signalé comme pic quand son score z robuste, 0,6745 x (nombre - médiane) / MAD sur les jours de la découpe, dépasse ${SPIKE_Z} et que le jour compte au moins ${SPIKE_MIN_TICKETS} tickets ; si la MAD est nulle, l'écart absolu moyen x 1,2533 la remplace, et si les deux sont nuls aucun jour n'est signalé.`,
  },
  sql(o) {
    return `WITH t AS (${ticketBase(o)}),
  grid AS (SELECT c.cut, d.day FROM (SELECT DISTINCT cut FROM t) c CROSS JOIN days d
    -- From the first to the last creation day of the period, so quiet days count as 0.
    WHERE d.day BETWEEN (SELECT min(created_date) FROM t) AND (SELECT max(created_date) FROM t)),
  daily AS (SELECT g.cut, g.day, CAST(count(t.ticket_id) AS INTEGER) AS tickets
    FROM grid g LEFT JOIN t ON t.cut = g.cut AND t.created_date = g.day GROUP BY g.cut, g.day),
${scoreDays()}`;
  },
};
