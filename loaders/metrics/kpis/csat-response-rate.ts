import {rateKpi} from "./rate.ts";

export const csatResponseRate = rateKpi({
  id: "csat_response_rate",
  label: {en: "CSAT response rate", fr: "Taux de réponse CSAT"},
  countingUnit: "tickets offered a survey",
  better: "higher",
  // Offered population: surveys sent, answered or not.
  denominator: () => "t.satisfaction IN ('offered', 'good', 'bad')",
  numerator: () => "t.satisfaction IN ('good', 'bad')",
  unknown: () => [
    // No ticket records a survey at all.
    {population: "TRUE", known: "t.satisfaction IN ('offered', 'good', 'bad')", reason: "survey_state"},
    // Without any unanswered survey on record the offered population is unknown, and the rate would read 100 %.
    {dataset: "NOT EXISTS (SELECT 1 FROM tickets WHERE satisfaction = 'offered')", reason: "unanswered"},
  ],
  definition: {
    en: "Answered surveys divided by surveys offered, from the survey state recorded on each ticket. Unknown (not 100 %) when the export records no unanswered survey, since the offered population is then not known.",
    fr: "Enquêtes répondues divisées par enquêtes envoyées, d'après l'état d'enquête noté sur chaque ticket. Inconnu (et non 100 %) quand l'export ne contient aucune enquête sans réponse, car la population interrogée n'est alors pas connue.",
  },
});
