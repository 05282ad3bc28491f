import {formatMinutes, formatNumber, formatPercent, type Lang} from "./format.js";

/** How each panel statistic is written: durations as durations, shares as percentages. */
const KIND: Record<string, "duration" | "rate" | "count" | "decimal" | "points"> = {
  agents: "count",
  tickets_per_month: "count",
  tickets_per_agent_month: "count",
  replies_per_ticket: "decimal",
  first_reply_p50_minutes: "duration",
  first_reply_p90_minutes: "duration",
  full_resolution_p50_minutes: "duration",
  requester_wait_p50_minutes: "duration",
  one_touch_rate: "rate",
  reopen_rate: "rate",
  csat: "rate",
  csat_response_rate: "rate",
  nps: "points",
  coverage_hours_weekday: "decimal",
  coverage_hours_weekend: "decimal",
  self_service_ratio: "decimal",
  automation_rules: "count",
};

/** Units written after plain numbers, per language. */
const UNIT: Record<string, {en: string; fr: string}> = {
  coverage_hours_weekday: {en: "h/week", fr: "h/sem."},
  coverage_hours_weekend: {en: "h/week", fr: "h/sem."},
  nps: {en: "pts", fr: "pts"},
};

/** A panel statistic's value in its unit: "2 h 25 min", "94.7%", "12.5 h/week", "+32 pts". */
export function peerFormatter(key: string, lang: Lang): (x: number | null) => string {
  const unit = UNIT[key]?.[lang];
  const withUnit = (s: string, x: number | null) => (unit && x !== null ? `${s} ${unit}` : s);
  switch (KIND[key]) {
    case "duration":
      return (x) => formatMinutes(x, lang);
    case "rate":
      return (x) => formatPercent(x, lang);
    case "count":
      return (x) => formatNumber(x, lang);
    case "points":
      return (x) => withUnit(formatNumber(x, lang), x);
    default:
      return (x) => withUnit(formatNumber(x, lang, 1), x);
  }
}

/** Panel statistics drawn on a log axis: durations and volumes span orders of magnitude. */
export const LOG_SCALE = new Set([
  "tickets_per_month",
  "tickets_per_agent_month",
  "first_reply_p50_minutes",
  "first_reply_p90_minutes",
  "full_resolution_p50_minutes",
  "requester_wait_p50_minutes",
]);
