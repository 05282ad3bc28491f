/**
 * Human units for KPI values, in English or French, shared by the command line and the site.
 * Isomorphic: Intl only, no Node API.
 */
import type {Text} from "./types.ts";

export type Lang = "en" | "fr";

const LOCALES: Record<Lang, string> = {en: "en-GB", fr: "fr-FR"};

// French writes a narrow no-break space before % (Intl's own choice); English writes 94.7%.
const PERCENT_SPACE: Record<Lang, string> = {en: "", fr: "\u202f"};

const missing = (x: number | null | undefined): x is null | undefined => x == null || !Number.isFinite(x);

function number(x: number, lang: Lang, digits: number, minDigits = 0): string {
  return x.toLocaleString(LOCALES[lang], {maximumFractionDigits: digits, minimumFractionDigits: minDigits});
}

/**
 * A duration in minutes in the largest sensible units: "48 s", "1.6 min", "2 h 25 min", "16 h",
 * "3.9 d" ("3,9 j" in French). Minutes are rounded before hours are taken, so 239.7 minutes is
 * "4 h", never "3 h 60 min". Below 48 hours a duration reads in hours; from 48 hours, in days.
 */
export function formatDuration(minutes: number | null | undefined, lang: Lang = "en"): string {
  if (missing(minutes)) return "–";
  const sign = minutes < 0 ? "−" : "";
  const m = Math.abs(minutes);
  if (m < 1) return `${sign}${number(m * 60, lang, 0)} s`;
  if (m < 59.5) return `${sign}${number(m, lang, m < 10 ? 1 : 0)} min`;
  if (m < 48 * 60) {
    const whole = Math.round(m);
    const h = Math.floor(whole / 60);
    const rest = whole - h * 60;
    // From 10 hours on, minutes are noise next to the hours.
    if (h >= 10) return `${sign}${number(m / 60, lang, 0)} h`;
    return rest === 0 ? `${sign}${h} h` : `${sign}${h} h ${rest} min`;
  }
  return `${sign}${number(m / 1440, lang, 1)} ${lang === "fr" ? "j" : "d"}`;
}

/** A fraction 0..1 as a percentage: 0.947 -> "94.7%" ("94,7 %" in French). */
export function formatPercent(fraction: number | null | undefined, lang: Lang = "en", digits = 1): string {
  if (missing(fraction)) return "–";
  return `${number(fraction * 100, lang, digits, digits)}${PERCENT_SPACE[lang]}%`;
}

/** A plain number with grouping: 12345.6 -> "12,346" ("12 346" in French). */
export function formatCount(x: number | null | undefined, lang: Lang = "en", digits = 0): string {
  if (missing(x)) return "–";
  return number(x, lang, digits);
}

/** "unknown (the export has no reopen counts)" / "inconnu (l'export ne contient aucun nombre de réouvertures)". */
export function formatUnknown(reason: Text | null | undefined, lang: Lang = "en"): string {
  const word = lang === "fr" ? "inconnu" : "unknown";
  return reason ? `${word} (${reason[lang]})` : word;
}
