import {rateKpi} from "./rate.ts";

export const reopenRate = rateKpi({
  id: "reopen_rate",
  label: {en: "Reopen rate", fr: "Taux de réouverture"},
  countingUnit: "tickets solved at least once",
  better: "lower",
  // A reopened ticket may be open again now; it was still solved once.
  denominator: () => "t.solved OR coalesce(t.reopens, 0) >= 1",
  numerator: () => "coalesce(t.reopens, 0) >= 1",
  definition: {
    en: "Share of tickets solved at least once (solved or closed now, or reopened since) that were reopened at least once.",
    fr: "Part des tickets résolus au moins une fois (résolus ou clos, ou rouverts depuis) qui ont été rouverts au moins une fois.",
  },
});
