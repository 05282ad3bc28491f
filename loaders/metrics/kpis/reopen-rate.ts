import {rateKpi} from "./rate.ts";

export const reopenRate = rateKpi({
  id: "reopen_rate",
  label: {en: "Reopen rate", fr: "Taux de réouverture"},
  countingUnit: "tickets solved at least once",
  better: "lower",
  // A reopened ticket may be open again now; it was still solved once.
  denominator: () => "t.solved OR coalesce(t.reopens, 0) >= 1",
  numerator: () => "coalesce(t.reopens, 0) >= 1",
  // A missing count on some tickets means no reopen; on every solved ticket, the export has none.
  unknown: () => [{population: "t.solved", known: "t.reopens IS NOT NULL", reason: "reopens"}],
  definition: {
    en: "Share of tickets solved at least once (solved or closed now, or reopened since) that were reopened at least once. A missing reopen count reads as no reopen, but when no solved ticket has one the rate is unknown, not 0.",
    fr: "Part des tickets résolus au moins une fois (résolus ou clos, ou rouverts depuis) qui ont été rouverts au moins une fois. Un nombre de réouvertures manquant vaut aucune réouverture, mais si aucun ticket résolu n'en a, le taux est inconnu et non nul.",
  },
});
