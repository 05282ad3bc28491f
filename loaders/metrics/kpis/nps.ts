import {MIN_RESPONSES, type KpiDefinition} from "../types.ts";
import {memberWhere, ticketBase} from "../sql.ts";
import {NO_REASON, orEmptyCuts} from "../unknown.ts";
import {NO_NPS, NPS_EMPTY, npsColumns, npsVotes} from "./nps-votes.ts";

export const nps: KpiDefinition = {
  id: "nps",
  label: {en: "Net Promoter Score (NPS)", fr: "Net Promoter Score (NPS)"},
  unit: "NPS points (-100..100)",
  countingUnit: "survey responses",
  clocks: ["none"],
  better: "higher",
  shape: "value",
  minN: MIN_RESPONSES,
  columns: ["n", "promoters", "passives", "detractors", "value", "moe", "insufficient", "reason"],
  definition: {
    en: "Percentage of promoters (9-10) minus percentage of detractors (0-6) among NPS responses, from -100 to +100. The margin of error is the 95 % half-width, 1.96 times the standard error of the promoter-minus-detractor difference.",
    fr: "Pourcentage de promoteurs (9-10) moins pourcentage de détracteurs (0-6) parmi les réponses NPS, de -100 à +100. La marge d'erreur est la demi-largeur à 95 %, 1,96 fois l'erreur type de la différence promoteurs moins détracteurs.",
  },
  sql(o) {
    return `WITH ${npsVotes(o)},
  main AS (SELECT v.cut, ${npsColumns()}, ${NO_REASON} AS reason FROM votes v GROUP BY v.cut)
${orEmptyCuts(ticketBase(o), NPS_EMPTY, NO_NPS, "nps")}`;
  },
  members: (o, row) =>
    `WITH ${npsVotes(o)} SELECT v.ticket_id, v.score FROM votes v WHERE ${memberWhere(row, "v")}`,
};
