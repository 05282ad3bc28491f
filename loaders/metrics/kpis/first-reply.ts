import {durationKpi} from "./duration.ts";

export const firstReply = durationKpi({
  id: "first_reply",
  label: {en: "First reply time", fr: "Délai de première réponse"},
  column: "first_reply_minutes",
  countingUnit: "tickets with a first reply",
  // Solved or not: a reply is a reply, and unsolved tickets would otherwise bias it down.
  counted: "TRUE",
  definition: {
    en: "Minutes from ticket creation to the first public agent reply, over every ticket that has one, solved or not. Tickets still waiting for a reply are left out, not counted as zero. Median (p50) and p90 interpolate between order statistics; the mean is secondary because durations are right-skewed.",
    fr: "Minutes entre la création du ticket et la première réponse publique d'un agent, sur tous les tickets qui en ont une, résolus ou non. Les tickets encore sans réponse sont exclus, pas comptés à zéro. La médiane (p50) et le p90 interpolent entre les valeurs ordonnées ; la moyenne est secondaire car les durées sont très asymétriques.",
  },
});
