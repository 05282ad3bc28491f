import {rateKpi} from "./rate.ts";
import {DEFAULT_TARGETS, targetSql} from "./targets.ts";
import type {KpiOptions} from "../types.ts";
import {durationReason} from "../unknown.ts";

const reply = (o: KpiOptions) =>
  o.clock === "business" ? "t.first_reply_minutes_business" : "t.first_reply_minutes";

export const targetAttainment = rateKpi({
  id: "target_attainment",
  label: {en: "First replies within target", fr: "Premières réponses dans l'objectif"},
  countingUnit: "tickets with a first reply on a channel with a target",
  better: "higher",
  clocks: ["calendar", "business"],
  // Tickets still waiting for a reply have no outcome yet; channels without a target are not judged.
  denominator: (o) => `${reply(o)} IS NOT NULL AND ${targetSql(o.targets ?? DEFAULT_TARGETS)} IS NOT NULL`,
  numerator: (o) => `${reply(o)} <= ${targetSql(o.targets ?? DEFAULT_TARGETS)}`,
  // Tickets on a channel with a target, none with a first reply: the export does not hold it.
  unknown: (o) => [
    {
      population: `${targetSql(o.targets ?? DEFAULT_TARGETS)} IS NOT NULL`,
      known: `${reply(o)} IS NOT NULL`,
      reason: durationReason("first_reply", o.clock),
    },
  ],
  definition: {
    en: "Share of tickets with a first reply whose first reply came within its channel's target. Default targets: chat, messaging and phone 1 minute, social 1 hour, e-mail and web 24 hours; api and other have none and are left out. Targets are editable.",
    fr: "Part des tickets ayant reçu une première réponse dont la première réponse est arrivée dans l'objectif de son canal. Objectifs par défaut : chat, messagerie et téléphone 1 minute, réseaux sociaux 1 heure, e-mail et web 24 heures ; api et autre n'en ont pas et sont exclus. Les objectifs sont modifiables.",
  },
});
