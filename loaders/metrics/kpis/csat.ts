import {ifEnough, insufficient, memberWhere} from "../sql.ts";
import {MIN_RESPONSES, type KpiDefinition} from "../types.ts";
import {NO_REASON, orEmptyCuts} from "../unknown.ts";
import {CSAT_EMPTY, NO_CSAT, csatVotes, wilson} from "./csat-votes.ts";

const w = wilson("sum(good)", "count(*)");

export const csat: KpiDefinition = {
  id: "csat",
  label: {en: "Customer satisfaction (CSAT)", fr: "Satisfaction client (CSAT)"},
  unit: "ratio",
  countingUnit: "survey responses",
  clocks: ["none"],
  better: "higher",
  shape: "rate",
  minN: MIN_RESPONSES,
  columns: ["n", "numerator", "value", "ci_low", "ci_high", "insufficient", "reason"],
  definition: {
    en: "Good ratings divided by good plus bad ratings. On numeric scales of four points or more the top two count as good (4 and 5 of 1-5), on smaller scales the top one. Unanswered surveys are not in it: read it with the response rate. The interval is Wilson's 95 % score interval.",
    fr: "Évaluations positives divisées par positives plus négatives. Sur les échelles numériques de quatre points ou plus, les deux meilleures notes comptent comme positives (4 et 5 sur 1-5), sur les échelles plus courtes la meilleure seule. Les enquêtes sans réponse n'y sont pas : à lire avec le taux de réponse. L'intervalle est celui de Wilson à 95 %.",
  },
  sql(o) {
    return `WITH ${csatVotes(o)},
  main AS (SELECT cut,
  CAST(count(*) AS INTEGER) AS n,
  CAST(sum(good) AS INTEGER) AS numerator,
  ${ifEnough("CAST(sum(good) AS DOUBLE) / count(*)", "count(*)", MIN_RESPONSES)} AS value,
  ${ifEnough(w.low, "count(*)", MIN_RESPONSES)} AS ci_low,
  ${ifEnough(w.high, "count(*)", MIN_RESPONSES)} AS ci_high,
  ${insufficient("count(*)", MIN_RESPONSES)},
  ${NO_REASON} AS reason
FROM votes GROUP BY cut)
${orEmptyCuts("SELECT cut FROM t", CSAT_EMPTY, NO_CSAT, "csat")}`;
  },
  members: (o, row) =>
    `WITH ${csatVotes(o)} SELECT v.ticket_id, v.score FROM votes v WHERE ${memberWhere(row, "v")}`,
};
