/** Number parsing for exports written by spreadsheets in any locale. */

export interface NumberOptions {
  /**
   * How to read one comma followed by exactly three digits ("1,234"): true = decimal comma
   * (1.234), false = thousands separator (1234). Default false; set it for `;`-separated files.
   */
  decimalComma?: boolean;
}

const NUMBER_RE = /^[+-]?(\d+([.,]\d*)?|[.,]\d+)$/;

/** Value of a cell made of 1..15 ASCII digits, else -1 (the hot path of large exports). */
export function digitsOnly(s: string): number {
  const n = s.length;
  if (n === 0 || n > 15) return -1;
  let v = 0;
  for (let i = 0; i < n; i++) {
    const c = s.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return -1;
    v = v * 10 + c;
  }
  return v;
}

/**
 * Parses "12", "12.5", "12,5", "1,234.5", "1.234,5", "1 234,5", "1'234.5". Returns null for an
 * empty cell and NaN for text that is not a number.
 */
export function parseNumber(raw: string, options: NumberOptions = {}): number | null {
  const fast = digitsOnly(raw);
  if (fast >= 0) return fast;
  let s = raw.trim();
  if (s === "" || s === "-" || s.toLowerCase() === "null" || s.toLowerCase() === "n/a") return null;
  // Fast path: plain numbers as most exports write them.
  if (/^[+-]?\d+(\.\d+)?$/.test(s)) return Number(s);
  s = s.replace(/[\s\u00a0\u202f']/g, "");
  const lastComma = s.lastIndexOf(",");
  const lastDot = s.lastIndexOf(".");
  if (lastComma >= 0 && lastDot >= 0) {
    // Both present: the last one is the decimal separator, the other groups thousands.
    s = lastComma > lastDot ? s.replace(/\./g, "").replace(",", ".") : s.replace(/,/g, "");
  } else if (lastComma >= 0) {
    const commas = s.split(",").length - 1;
    const decimals = s.length - lastComma - 1;
    if (commas > 1) s = s.replace(/,/g, "");
    else if (decimals === 3 && !options.decimalComma && lastComma > 0) s = s.replace(",", "");
    else s = s.replace(",", ".");
  } else if (lastDot >= 0 && s.split(".").length > 2) {
    s = s.replace(/\./g, ""); // 1.234.567 in a decimal-comma locale
  }
  if (!NUMBER_RE.test(s)) return NaN;
  return Number(s);
}

/**
 * Parses a duration given as "HH:MM:SS", "HH:MM", "D days HH:MM:SS" or a plain number, into
 * the unit of the plain number (`unit` minutes per plain-number unit: 60 for hours).
 * Returns minutes; null for an empty cell, NaN when unreadable.
 */
export function parseDurationMinutes(
  raw: string,
  unitMinutes: number,
  options: NumberOptions = {},
): number | null {
  // Most duration cells are plain whole numbers: skip the clock pattern for them.
  const fast = digitsOnly(raw);
  if (fast >= 0) return fast * unitMinutes;
  const s = raw.trim();
  if (s === "") return null;
  const clock = /^(-)?(?:(\d+)\s*d(?:ays?)?\s+)?(\d+):([0-5]?\d)(?::([0-5]?\d(?:\.\d+)?))?$/i.exec(s);
  if (clock) {
    const [, sign, days, h, m, sec] = clock;
    const minutes = Number(days ?? 0) * 1440 + Number(h) * 60 + Number(m) + Number(sec ?? 0) / 60;
    return sign ? -minutes : minutes;
  }
  const value = parseNumber(s, options);
  return value === null ? null : value * unitMinutes;
}

/** Parses a whole non-negative or negative integer count; NaN for fractions or text. */
export function parseCount(raw: string): number | null {
  const v = parseNumber(raw);
  if (v === null) return null;
  return Number.isInteger(v) ? v : NaN;
}
