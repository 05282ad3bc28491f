import type {FeatureKey} from "./features.ts";

export type Lang = "en" | "fr";

/** Plain-words names of the model features. */
export const FEATURE_LABELS: Record<FeatureKey, {en: string; fr: string; fr_the: string; fr_your: string}> = {
  tickets_per_month: {
    en: "tickets per month",
    fr: "tickets par mois",
    fr_the: "les tickets par mois",
    fr_your: "vos tickets par mois",
  },
  tickets_per_agent_month: {
    en: "tickets per agent",
    fr: "tickets par agent",
    fr_the: "les tickets par agent",
    fr_your: "vos tickets par agent",
  },
  replies_per_ticket: {
    en: "replies per ticket",
    fr: "réponses par ticket",
    fr_the: "les réponses par ticket",
    fr_your: "vos réponses par ticket",
  },
  coverage_hours_weekday: {
    en: "weekday coverage hours",
    fr: "heures de couverture en semaine",
    fr_the: "les heures de couverture en semaine",
    fr_your: "vos heures de couverture en semaine",
  },
  coverage_hours_weekend: {
    en: "weekend coverage hours",
    fr: "heures de couverture le week-end",
    fr_the: "les heures de couverture le week-end",
    fr_your: "vos heures de couverture le week-end",
  },
  self_service_ratio: {
    en: "help-centre views per ticket",
    fr: "consultations du centre d'aide par ticket",
    fr_the: "les consultations du centre d'aide par ticket",
    fr_your: "vos consultations du centre d'aide par ticket",
  },
  automation_rules: {
    en: "automation rules",
    fr: "règles d'automatisation",
    fr_the: "les règles d'automatisation",
    fr_your: "vos règles d'automatisation",
  },
  first_reply_p50_minutes: {
    en: "first reply time",
    fr: "délai de première réponse",
    fr_the: "le délai de première réponse",
    fr_your: "votre délai de première réponse",
  },
  csat: {en: "CSAT", fr: "CSAT", fr_the: "le CSAT", fr_your: "votre CSAT"},
};

/** Number with a precision suited to its size, in the language's decimal style. */
export function formatNumber(x: number, lang: Lang): string {
  const abs = Math.abs(x);
  const digits = abs >= 100 ? 0 : abs >= 10 ? 1 : abs >= 1 ? 1 : 2;
  const text = x
    .toFixed(digits)
    .replace(/(\.\d*?)0+$/, "$1")
    .replace(/\.$/, "");
  const grouped =
    abs >= 10000
      ? Number(text)
          .toLocaleString("en-US")
          .replace(/,/g, lang === "fr" ? " " : ",")
      : text;
  return lang === "fr" ? grouped.replace(".", ",") : grouped;
}

/** Minutes as minutes, hours or days. */
export function formatMinutes(minutes: number, lang: Lang): string {
  if (minutes < 60) return `${formatNumber(minutes, lang)} min`;
  if (minutes < 48 * 60) return `${formatNumber(minutes / 60, lang)} h`;
  return `${formatNumber(minutes / 1440, lang)} ${lang === "fr" ? "jours" : "days"}`;
}

/** A feature value with its unit, e.g. "140 a month", "92 %", "3.2 h". */
export function formatFeature(key: FeatureKey, value: number, lang: Lang): string {
  const n = (x: number) => formatNumber(x, lang);
  switch (key) {
    case "tickets_per_month":
    case "tickets_per_agent_month":
      return lang === "fr" ? `${n(value)} par mois` : `${n(value)} a month`;
    case "replies_per_ticket":
      return n(value);
    case "coverage_hours_weekday":
    case "coverage_hours_weekend":
      return lang === "fr" ? `${n(value)} h par semaine` : `${n(value)} h a week`;
    case "self_service_ratio":
      return n(value);
    case "automation_rules":
      return n(Math.round(value));
    case "first_reply_p50_minutes":
      return formatMinutes(value, lang);
    case "csat":
      return `${formatNumber(value * 100, lang)} %`;
  }
}

/** "2.1x" / "2,1 fois". */
export function formatFactor(factor: number, lang: Lang): string {
  const text = factor >= 10 ? factor.toFixed(0) : factor.toFixed(1);
  return lang === "fr" ? `${text.replace(".", ",")} fois` : `${text}x`;
}
