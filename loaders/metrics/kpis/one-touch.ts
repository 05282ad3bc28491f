import {rateKpi} from "./rate.ts";

export const oneTouch = rateKpi({
  id: "one_touch",
  label: {en: "One-touch resolution", fr: "Résolution au premier contact"},
  countingUnit: "solved tickets with a reply",
  better: "higher",
  // Solved tickets that got at least one public reply; tickets solved silently (spam, duplicates) say nothing.
  denominator: () => "t.solved AND coalesce(t.replies, 0) >= 1",
  // Exactly one reply and never reopened: a null reopen count means no reopen happened.
  numerator: () => "t.replies = 1 AND coalesce(t.reopens, 0) = 0",
  // Without any reply count, or any reopen count, the export cannot tell one touch from several.
  unknown: () => [
    {population: "t.solved", known: "t.replies IS NOT NULL", reason: "replies"},
    {population: "t.solved AND t.replies >= 1", known: "t.reopens IS NOT NULL", reason: "reopens"},
  ],
  definition: {
    en: "Share of solved tickets with at least one public agent reply that were solved with exactly one public agent reply and never reopened. A ticket reopened after a single reply did not resolve the issue in one touch. Unknown, not 0, when the export has no reply counts or no reopen counts.",
    fr: "Part des tickets résolus ayant reçu au moins une réponse publique qui ont été résolus avec exactement une réponse publique d'agent, sans réouverture. Un ticket rouvert après une seule réponse n'a pas été résolu en un échange. Inconnu, et non nul, quand l'export ne contient aucun nombre de réponses ou de réouvertures.",
  },
});
