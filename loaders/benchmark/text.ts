import {formatDuration, formatPercent} from "../metrics/format.ts";
import {kpi} from "../metrics/registry.ts";
import type {FeatureKey} from "./features.ts";
import type {NumericKpi} from "./percentiles.ts";

export type Lang = "en" | "fr";

/** The per-organisation KPIs a panel ranks (counts of tickets, responses and months are not). */
export type PanelKpi = Exclude<NumericKpi, "tickets" | "months" | "csat_responses" | "nps_responses">;

/** Same locales as the site's formatters (src/components/format.ts), so texts and cards agree. */
const LOCALES: Record<Lang, string> = {en: "en-GB", fr: "fr-FR"};

/** Plain-words names of the model features, as they sit inside a sentence. */
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

const median = {en: " (median)", fr: " (médiane)"};
const p90 = {en: " (p90)", fr: " (p90)"};
const label = (id: string, suffix?: {en: string; fr: string}) => {
  const l = kpi(id).label;
  return suffix ? {en: l.en + suffix.en, fr: l.fr + suffix.fr} : {en: l.en, fr: l.fr};
};

/**
 * Titles of the per-organisation KPIs (panel columns), from the KPI registry's bilingual labels so
 * a reading says what the cards say; the statistic is added where the registry gives several.
 */
export const KPI_LABELS: Record<PanelKpi, {en: string; fr: string}> = {
  agents: label("active_agents"),
  tickets_per_month: {en: "Tickets per month", fr: "Tickets par mois"},
  tickets_per_agent_month: label("tickets_per_agent_month"),
  replies_per_ticket: label("replies_per_ticket"),
  first_reply_p50_minutes: label("first_reply", median),
  first_reply_p90_minutes: label("first_reply", p90),
  full_resolution_p50_minutes: label("full_resolution", median),
  requester_wait_p50_minutes: label("requester_wait", median),
  one_touch_rate: label("one_touch"),
  reopen_rate: label("reopen_rate"),
  csat: label("csat"),
  csat_response_rate: label("csat_response_rate"),
  nps: label("nps"),
  coverage_hours_weekday: {
    en: "Coverage hours per week (weekdays)",
    fr: "Heures couvertes par semaine (en semaine)",
  },
  coverage_hours_weekend: {
    en: "Coverage hours per week (weekend)",
    fr: "Heures couvertes par semaine (week-end)",
  },
  self_service_ratio: {en: "Help-centre views per ticket", fr: "Consultations du centre d'aide par ticket"},
  automation_rules: {en: "Automation rules", fr: "Règles d'automatisation"},
};

/**
 * A number with a precision suited to its size: whole numbers from 100, one decimal from 1, two
 * significant digits below 1 (0.19, 0.042), so a small non-zero value never reads as 0.
 */
export function formatNumber(x: number, lang: Lang): string {
  if (!Number.isFinite(x)) return "–";
  const abs = Math.abs(x);
  const options: Intl.NumberFormatOptions =
    abs === 0 || abs >= 1 ? {maximumFractionDigits: abs >= 100 ? 0 : 1} : {maximumSignificantDigits: 2};
  return x.toLocaleString(LOCALES[lang], options);
}

/** Percentages and durations are written as on the command line and the site's cards. */
export {formatDuration, formatPercent};

/** A model feature's value with its unit, e.g. "140 a month", "92 %", "2 h 25 min". */
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
      return formatDuration(value, lang);
    case "csat":
      return formatPercent(value, lang);
  }
}

/** A per-organisation KPI's value with its unit: durations in words, rates in %, NPS in points. */
export function formatKpi(key: PanelKpi, value: number, lang: Lang): string {
  const n = (x: number) => formatNumber(x, lang);
  switch (key) {
    case "first_reply_p50_minutes":
    case "first_reply_p90_minutes":
    case "full_resolution_p50_minutes":
    case "requester_wait_p50_minutes":
      return formatDuration(value, lang);
    case "one_touch_rate":
    case "reopen_rate":
    case "csat":
    case "csat_response_rate":
      return formatPercent(value, lang);
    case "nps":
      return `${value > 0 ? "+" : ""}${formatNumber(Math.round(value), lang)}`;
    case "agents":
      return `${n(value)} ${noun(value, "agent", "agents", lang)}`;
    case "tickets_per_month":
      return lang === "fr"
        ? `${n(value)} ${noun(value, "ticket", "tickets", lang)} par mois`
        : `${n(value)} tickets a month`;
    case "tickets_per_agent_month":
      return lang === "fr"
        ? `${n(value)} ${noun(value, "ticket", "tickets", lang)} par agent et par mois`
        : `${n(value)} tickets per agent a month`;
    case "replies_per_ticket":
      return lang === "fr"
        ? `${n(value)} ${noun(value, "réponse", "réponses", lang)} par ticket`
        : `${n(value)} ${noun(value, "reply", "replies", lang)} per ticket`;
    case "coverage_hours_weekday":
    case "coverage_hours_weekend":
      return lang === "fr" ? `${n(value)} h par semaine` : `${n(value)} h a week`;
    case "self_service_ratio":
      return lang === "fr"
        ? `${n(value)} ${noun(value, "consultation", "consultations", lang)} par ticket`
        : `${n(value)} ${noun(value, "view", "views", lang)} per ticket`;
    case "automation_rules": {
      const r = Math.round(value);
      return lang === "fr"
        ? `${n(r)} ${noun(r, "règle", "règles", lang)}`
        : `${n(r)} ${noun(r, "rule", "rules", lang)}`;
    }
  }
}

/** Singular or plural after a number: French takes the singular below 2 ("1,6 réponse"), English only for 1. */
export function noun(value: number, singular: string, plural: string, lang: Lang): string {
  return (lang === "fr" ? Math.abs(value) < 2 : value === 1) ? singular : plural;
}

const FRACTIONS: readonly [number, {en: string; fr: string}][] = [
  [3 / 4, {en: "three quarters of", fr: "les trois quarts de"}],
  [2 / 3, {en: "two thirds of", fr: "les deux tiers de"}],
  [1 / 2, {en: "half", fr: "la moitié de"}],
  [1 / 3, {en: "a third of", fr: "un tiers de"}],
  [1 / 4, {en: "a quarter of", fr: "un quart de"}],
  [1 / 5, {en: "a fifth of", fr: "un cinquième de"}],
];

/**
 * A multiplier as words that precede "your ...": "1.8x" / "1,8 fois" from 1, and below 1 a
 * fraction ("a third of", "la moitié de") or a share ("40 % of"). Never "0.0x": a factor that
 * rounds to nothing is "under 1 % of".
 */
export function formatFactor(factor: number, lang: Lang): string {
  if (factor >= 1) {
    const text = factor >= 10 ? factor.toFixed(0) : factor.toFixed(1).replace(/\.0$/, "");
    return lang === "fr" ? `${text.replace(".", ",")} fois` : `${text}x`;
  }
  const near = FRACTIONS.find(([f]) => Math.abs(factor - f) / f < 0.04);
  if (near !== undefined) return near[1][lang];
  if (factor < 0.01) return lang === "fr" ? "moins de 1 % de" : "under 1 % of";
  const pct = Math.round(factor * 100);
  return lang === "fr" ? `${pct} % de` : `${pct} % of`;
}

/** "+12 h", "-3.5 h": a change of hours with its sign. */
export function formatHoursDelta(hours: number, lang: Lang): string {
  const sign = hours > 0 ? "+" : hours < 0 ? "−" : "";
  return `${sign}${formatNumber(Math.abs(hours), lang)} h`;
}

/** "a, b and c" / "a, b et c". */
export function joinWords(parts: readonly string[], lang: Lang): string {
  if (parts.length <= 1) return parts[0] ?? "";
  return `${parts.slice(0, -1).join(", ")}${lang === "en" ? " and " : " et "}${parts.at(-1)}`;
}

export const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
