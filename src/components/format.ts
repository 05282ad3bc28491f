/** Display formatting for the site, in French or English. Pure functions; no DOM. */
export type Lang = "en" | "fr";

export const LOCALES: Record<Lang, string> = {en: "en-GB", fr: "fr-FR"};

// French puts a narrow no-break space before % and between thousands (Intl's own choice);
// English writes 1,234.5% with no space.
const PERCENT_SPACE: Record<Lang, string> = {en: "", fr: "\u202f"};

/** French typography's minus sign (U+2212): Intl writes a hyphen-minus, which French text does not use. */
export const MINUS = "\u2212";

// One formatter per language and precision: building one per call cost a chart redraw ~5 ms.
const FORMATS = new Map<string, Intl.NumberFormat>();

function number(x: number, lang: Lang, digits: number, minDigits = 0): string {
  const key = `${lang} ${digits} ${minDigits}`;
  let f = FORMATS.get(key);
  if (!f) {
    f = new Intl.NumberFormat(LOCALES[lang], {
      maximumFractionDigits: digits,
      minimumFractionDigits: minDigits,
      // A value that rounds to zero is written 0, never "-0".
      signDisplay: "negative",
    });
    FORMATS.set(key, f);
  }
  const text = f.format(x);
  return lang === "fr" ? text.replace("-", MINUS) : text;
}

/**
 * A duration in minutes as the largest sensible units: "48 s", "1.6 min", "2 h 25 min", "16 h",
 * "3.9 d" ("3,9 j" in French). Minutes are rounded before hours are taken, so 239.7 minutes is
 * "4 h", never "3 h 60 min"; 59.7 seconds is "1 min", never "60 s".
 */
export function formatMinutes(minutes: number | null | undefined, lang: Lang = "en"): string {
  if (minutes == null || !Number.isFinite(minutes)) return "–";
  const sign = minutes < 0 ? "−" : "";
  const m = Math.abs(minutes);
  // Seconds that round to 60 are a minute: never "60 s".
  if (Math.round(m * 60) < 60) return `${sign}${number(m * 60, lang, 0)} s`;
  if (m < 59.5) return `${sign}${number(m, lang, m < 10 ? 1 : 0)} min`;
  if (m < 48 * 60) {
    const whole = Math.round(m);
    const h = Math.floor(whole / 60);
    const rest = whole - h * 60;
    if (h >= 10) return `${sign}${number(m / 60, lang, 0)} h`;
    return rest === 0 ? `${sign}${h} h` : `${sign}${h} h ${rest} min`;
  }
  return `${sign}${number(m / 1440, lang, 1)} ${lang === "fr" ? "j" : "d"}`;
}

/** A fraction 0..1 as a percentage: 0.947 -> "94.7%" (fr: "94,7 %"). */
export function formatPercent(fraction: number | null | undefined, lang: Lang = "en", digits = 1): string {
  if (fraction == null || !Number.isFinite(fraction)) return "–";
  return `${number(fraction * 100, lang, digits, digits)}${PERCENT_SPACE[lang]}%`;
}

/**
 * A plain number with grouping: 12345.6 -> "12,346" (fr: "12 346", a narrow no-break space);
 * negative in French with the minus sign: -1234 -> "−1 234". Charts' ticks and tips use it too.
 */
export function formatNumber(x: number | null | undefined, lang: Lang = "en", digits = 0): string {
  if (x == null || !Number.isFinite(x)) return "–";
  return number(x, lang, digits);
}

/** A month "2024-03" as "Mar 2024" or "mars 2024"; anything else as it is. */
export function formatMonth(month: string, lang: Lang = "en"): string {
  if (!/^\d{4}-\d{2}$/.test(month)) return month;
  return new Date(`${month}-01T00:00:00Z`).toLocaleDateString(LOCALES[lang], {
    month: "short",
    year: "numeric",
    timeZone: "UTC",
  });
}

/** A calendar date (YYYY-MM-DD, or an epoch in ms) as "5 Dec 2026" / "5 déc. 2026". */
export function formatDate(date: string | number | null | undefined, lang: Lang = "en"): string {
  if (date == null || date === "") return "–";
  const d = typeof date === "number" ? new Date(date) : new Date(`${date.slice(0, 10)}T00:00:00Z`);
  if (Number.isNaN(d.getTime())) return "–";
  return d.toLocaleDateString(LOCALES[lang], {
    day: "numeric",
    month: "short",
    year: "numeric",
    timeZone: "UTC",
  });
}

/** A signed change for comparisons: "+3.2" / "−1,5". */
export function formatSigned(x: number | null | undefined, lang: Lang = "en", digits = 1): string {
  if (x == null || !Number.isFinite(x)) return "–";
  return `${x > 0 ? "+" : x < 0 ? "−" : ""}${number(Math.abs(x), lang, digits)}`;
}
