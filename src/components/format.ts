/** Display formatting for the site, in French or English. Pure functions; no DOM. */
export type Lang = "en" | "fr";

const locales: Record<Lang, string> = {en: "en-GB", fr: "fr-FR"};

/** A duration in minutes as the largest sensible units: "48 s", "1 h 36 min", "2.5 d". */
export function formatMinutes(minutes: number | null | undefined, lang: Lang = "en"): string {
  if (minutes == null || !Number.isFinite(minutes)) return "–";
  const number = (x: number, digits: number) =>
    x.toLocaleString(locales[lang], {maximumFractionDigits: digits, minimumFractionDigits: 0});
  if (minutes < 1) return `${number(minutes * 60, 0)} s`;
  if (minutes < 60) return `${number(minutes, minutes < 10 ? 1 : 0)} min`;
  if (minutes < 48 * 60) {
    const h = Math.floor(minutes / 60);
    const m = Math.round(minutes - h * 60);
    return m === 0 || h >= 10 ? `${number(minutes / 60, h >= 10 ? 0 : 1)} h` : `${h} h ${m} min`;
  }
  return `${number(minutes / 1440, 1)} ${lang === "fr" ? "j" : "d"}`;
}

/** A fraction 0..1 as a percentage: 0.947 -> "94.7 %" (fr: "94,7 %"). */
export function formatPercent(fraction: number | null | undefined, lang: Lang = "en", digits = 1): string {
  if (fraction == null || !Number.isFinite(fraction)) return "–";
  return `${(fraction * 100).toLocaleString(locales[lang], {maximumFractionDigits: digits, minimumFractionDigits: digits})} %`;
}

/** A plain number with grouping: 12345.6 -> "12,346" (fr: "12 346"). */
export function formatNumber(x: number | null | undefined, lang: Lang = "en", digits = 0): string {
  if (x == null || !Number.isFinite(x)) return "–";
  return x.toLocaleString(locales[lang], {maximumFractionDigits: digits, minimumFractionDigits: 0});
}
