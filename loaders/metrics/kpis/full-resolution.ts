import {durationKpi} from "./duration.ts";

export const fullResolution = durationKpi({
  id: "full_resolution",
  label: {en: "Full resolution time", fr: "Délai de résolution complète"},
  column: "full_resolution_minutes",
  countingUnit: "solved tickets",
  // Only solved or closed tickets have a last solve.
  counted: "t.solved",
  definition: {
    en: "Minutes from ticket creation to its latest solve, over solved and closed tickets. A reopened ticket counts up to its last solve. Open tickets are left out.",
    fr: "Minutes entre la création du ticket et sa dernière résolution, sur les tickets résolus ou clos. Un ticket rouvert compte jusqu'à sa dernière résolution. Les tickets ouverts sont exclus.",
  },
});
