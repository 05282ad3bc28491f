import {durationKpi} from "./duration.ts";

export const requesterWait = durationKpi({
  id: "requester_wait",
  label: {en: "Requester wait time", fr: "Temps d'attente du demandeur"},
  column: "requester_wait_minutes",
  countingUnit: "solved tickets",
  // The wait is final only once the ticket is solved.
  counted: "t.solved",
  definition: {
    en: "Minutes the requester spent waiting on the team: time in the new, open and on-hold states, excluding pending (waiting on the requester), over solved and closed tickets.",
    fr: "Minutes pendant lesquelles le demandeur a attendu l'équipe : temps passé dans les états nouveau, ouvert et en attente interne, hors « en attente » du demandeur, sur les tickets résolus ou clos.",
  },
});
