import {activityBase, ticketBase} from "../sql.ts";
import type {KpiDefinition} from "../types.ts";
import {reasonCase} from "../unknown.ts";

/**
 * The KPI's result from CTEs `counts` (weekday and weekend slots `wd`, `we` per cut) and `nweeks`
 * (weeks `n` per cut), null with a reason when `none` holds (the dataset has no agent action
 * time at all, so 0 hours would be a guess): shared with the cube version (cube-kpis.ts).
 */
export const coverageResult = (none: string) => `SELECT k.cut,
  CAST(w.n AS INTEGER) AS n,
  CASE WHEN NOT ${none} THEN CAST(k.wd AS DOUBLE) / w.n END AS weekday,
  CASE WHEN NOT ${none} THEN CAST(k.we AS DOUBLE) / w.n END AS weekend,
  CASE WHEN NOT ${none} THEN CAST(k.wd + k.we AS DOUBLE) / w.n END AS value,
  ${reasonCase([[none, "activity"]])} AS reason
FROM counts k JOIN nweeks w ON w.cut = k.cut ORDER BY k.cut`;

export const coverageHours: KpiDefinition = {
  id: "coverage_hours",
  label: {en: "Coverage hours per week", fr: "Heures couvertes par semaine"},
  unit: "hours per week",
  countingUnit: "weeks",
  clocks: ["none"],
  better: "neither",
  shape: "value",
  minN: 0,
  columns: ["n", "weekday", "weekend", "value", "reason"],
  definition: {
    en: "Hour-of-week slots (weekday x local hour) in which an agent acted on a ticket (first public reply or solve), counted per ISO week and averaged over every week from the first to the last creation day of the period, quiet weeks included. Reported for Monday-Friday (at most 120) and Saturday-Sunday (at most 48). By agent, the ticket's assignee is credited. Unknown, not 0 hours, when the export has no agent action time at all.",
    fr: "Créneaux horaires de la semaine (jour x heure locale) pendant lesquels un agent a agi sur un ticket (première réponse publique ou résolution), comptés par semaine ISO et moyennés sur toutes les semaines du premier au dernier jour de création de la période, semaines calmes comprises. Donnés pour lundi-vendredi (120 au plus) et samedi-dimanche (48 au plus). Par agent, l'assigné du ticket est crédité. Inconnu, et non 0 heure, quand l'export ne contient aucune heure d'action d'agent.",
  },
  sql(o) {
    const all = {...o, from: undefined, to: undefined};
    // By month, a cut covers only the weeks touching that month.
    const weekCount =
      o.by === "month"
        ? "SELECT substr(day, 1, 7) AS cut, count(DISTINCT week) AS n FROM span GROUP BY substr(day, 1, 7)"
        : "SELECT c.cut, (SELECT count(DISTINCT week) FROM span) AS n FROM cuts c";
    return `WITH t AS (${ticketBase(o)}),
  span AS (SELECT * FROM days
    WHERE day BETWEEN (SELECT min(created_date) FROM t) AND (SELECT max(created_date) FROM t)),
  cuts AS (SELECT DISTINCT cut FROM t),
  nweeks AS (${weekCount}),
  -- Only activity inside the covered weeks, so no week holds more than 168 slots.
  slots AS (SELECT DISTINCT a.cut, a.week, a.weekday, a.hour FROM (${activityBase(all)}) a
    WHERE a.week IN (SELECT week FROM span)),
  counts AS (SELECT c.cut,
      count(s.week) FILTER (WHERE s.weekday <= 5) AS wd,
      count(s.week) FILTER (WHERE s.weekday >= 6) AS we
    FROM cuts c LEFT JOIN slots s ON s.cut = c.cut GROUP BY c.cut)
${coverageResult("NOT EXISTS (SELECT 1 FROM activity)")}`;
  },
};
