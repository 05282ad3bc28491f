import {ticketBase} from "../sql.ts";
import type {KpiDefinition} from "../types.ts";

export const volumeByHour: KpiDefinition = {
  id: "volume_by_hour",
  label: {en: "Tickets by weekday and hour", fr: "Tickets par jour de semaine et heure"},
  unit: "tickets",
  countingUnit: "tickets",
  clocks: ["none"],
  better: "neither",
  shape: "table",
  minN: 0,
  columns: ["weekday", "hour", "tickets"],
  definition: {
    en: "Tickets created per ISO weekday (1 = Monday) and hour of the day, in the organisation's time zone; every one of the 168 cells is listed, empty ones as 0.",
    fr: "Tickets créés par jour ISO de la semaine (1 = lundi) et heure de la journée, dans le fuseau de l'organisation ; les 168 cases sont toutes listées, les vides à 0.",
  },
  sql(o) {
    return `WITH t AS (${ticketBase(o)}),
  grid AS (SELECT c.cut, CAST(w.weekday AS INTEGER) AS weekday, CAST(h.hour AS INTEGER) AS hour
    FROM (SELECT DISTINCT cut FROM t) c CROSS JOIN range(1, 8) AS w(weekday) CROSS JOIN range(0, 24) AS h(hour))
SELECT g.cut, g.weekday, g.hour, CAST(count(t.ticket_id) AS INTEGER) AS tickets
FROM grid g LEFT JOIN t ON t.cut = g.cut AND t.created_weekday = g.weekday AND t.created_hour = g.hour
GROUP BY g.cut, g.weekday, g.hour ORDER BY g.cut, g.weekday, g.hour`;
  },
};
