/**
 * Date and time parsing for exports. Results are epoch milliseconds UTC; wall-clock values
 * without an offset are read in the file's IANA zone.
 */
import {localToUtc} from "./tz.ts";

export interface DateOptions {
  /** IANA zone for values without an offset. Default "UTC". */
  tz?: string;
  /**
   * Order of slash dates: true = dd/mm/yyyy, false = m/d/yyyy, undefined = inferred from the
   * values (a first part above 12 means day-first), month-first while nothing tells.
   */
  dayFirst?: boolean;
}

const MONTHS: Record<string, number> = {
  jan: 1, feb: 2, mar: 3, apr: 4, may: 5, jun: 6, jul: 7, aug: 8, sep: 9, sept: 9, oct: 10, nov: 11, dec: 12,
}; // prettier-ignore

const ISO_RE =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?\s*(Z|z|UTC|[+-]\d{2}(?::?\d{2})?)?)?$/;
const SLASH_RE =
  /^(\d{1,2})([/.-])(\d{1,2})\2(\d{4}|\d{2})(?:[T ,]+(\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?\s*([AaPp]\.?[Mm]\.?)?)?$/;
const NAMED_RE =
  /^(\d{1,2})[ /-]([A-Za-z]{3,9})\.?[ /-](\d{4}|\d{2})(?:[T ,]+(\d{1,2}):(\d{2})(?::(\d{2}))?\s*([AaPp][Mm])?)?$/;
const UNIX_RE = /^\d{9,13}(\.\d+)?$/;
/**
 * Twitter's and Ruby's `%a %b %d %H:%M:%S %z %Y` ("Wed Oct 11 06:55:44 +0000 2017"), and C's
 * ctime without the offset ("Wed Oct 11 06:55:44 2017"): social-channel exports write these.
 */
const WEEKDAY_RE =
  /^(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*,?\s+([a-z]{3,9})\.?\s+(\d{1,2}),?\s+(\d{1,2}):(\d{2})(?::(\d{2}))?\s+(?:(Z|UTC|GMT|[+-]\d{2}:?\d{2})\s+)?(\d{4})$/i;

/** Largest offset a zone has ever used is +14:00 (Kiribati); minutes run 0..59. */
const MAX_OFFSET_HOURS = 14;

/**
 * Milliseconds of a numeric offset ("+05:30", "-0800", "+02"), sign included, or NaN when its
 * hours are above 14 or its minutes above 59: "+24:00" or "+99:99" is a broken cell, not a zone.
 */
export function offsetMs(zone: string): number {
  const sign = zone[0] === "-" ? -1 : 1;
  const hhmm = zone.slice(1).replace(":", "");
  const h = Number(hhmm.slice(0, 2));
  const m = Number(hhmm.slice(2, 4) || 0);
  if (!(h <= MAX_OFFSET_HOURS && m <= 59)) return NaN;
  return sign * (h * 60 + m) * 60_000;
}

function year2(y: string): number {
  const v = Number(y);
  return y.length === 2 ? (v < 70 ? 2000 + v : 1900 + v) : v;
}

function hour12(h: number, ampm: string | undefined): number {
  if (!ampm) return h;
  const pm = ampm[0] === "p" || ampm[0] === "P";
  if (h === 12) return pm ? 12 : 0;
  return pm ? h + 12 : h;
}

const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function validYmd(y: number, m: number, d: number, h: number, mi: number, s: number): boolean {
  if (m < 1 || m > 12 || d < 1 || h > 24 || mi > 59 || s > 60) return false;
  const leap = m === 2 && y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0);
  return d <= MONTH_DAYS[m - 1]! + (leap ? 1 : 0);
}

/** Two or four digits at a position, or -1. */
function digits(s: string, at: number, n: number): number {
  let v = 0;
  for (let i = at; i < at + n; i++) {
    const c = s.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return -1;
    v = v * 10 + c;
  }
  return v;
}

/**
 * "YYYY-MM-DD HH:MM:SS" or "YYYY-MM-DDTHH:MM:SSZ" by fixed positions, the common export forms:
 * the wall time as UTC epoch ms, or NaN for any other form. A number, not an object, because it
 * runs for every date cell of large exports. The form with "Z" is length 20.
 */
function fastIso(s: string): number {
  const n = s.length;
  if (n !== 19 && !(n === 20 && s.charCodeAt(19) === 90)) return NaN;
  const sep = s.charCodeAt(10);
  if (
    (sep !== 32 && sep !== 84) ||
    s.charCodeAt(7) !== 45 ||
    s.charCodeAt(13) !== 58 ||
    s.charCodeAt(16) !== 58
  )
    return NaN;
  const y = digits(s, 0, 4);
  const mo = digits(s, 5, 2);
  const d = digits(s, 8, 2);
  const h = digits(s, 11, 2);
  const mi = digits(s, 14, 2);
  const sec = digits(s, 17, 2);
  if (y < 100 || mo < 0 || d < 0 || h < 0 || mi < 0 || sec < 0 || !validYmd(y, mo, d, h, mi, sec)) return NaN;
  return Date.UTC(y, mo - 1, d, h, mi, sec);
}

function wall(y: number, m: number, d: number, h: number, mi: number, s: number, ms: number): number {
  const t = Date.UTC(y, m - 1, d, h, mi, s, ms);
  // Date.UTC maps years 0..99 to 1900..1999; exports never mean that.
  return y < 100 ? new Date(t).setUTCFullYear(y) : t;
}

/** Per-file date reader: remembers the inferred day/month order and explains failures. */
export class DateReader {
  tz: string;
  dayFirst: boolean | undefined;
  /** Why the last `read` returned NaN. */
  error = "";
  /** True once a slash date was read while the order was only assumed. */
  assumedOrder = false;
  private readonly forcedOrder: boolean;

  constructor(options: DateOptions = {}) {
    this.tz = options.tz ?? "UTC";
    this.dayFirst = options.dayFirst;
    this.forcedOrder = options.dayFirst !== undefined;
  }

  /** Feeds a sample value to infer the day/month order before reading rows. */
  observe(raw: string): void {
    if (this.forcedOrder) return;
    const m = SLASH_RE.exec(raw.trim());
    if (!m || m[2] === ".") return;
    const a = Number(m[1]);
    const b = Number(m[3]);
    if (a > 12 && b <= 12) this.dayFirst = true;
    else if (b > 12 && a <= 12 && this.dayFirst === undefined) this.dayFirst = false;
  }

  /** The day/month order observing `values` would leave, without observing them. */
  orderAfterObserving(values: Iterable<string>): boolean | undefined {
    const before = this.dayFirst;
    for (const v of values) this.observe(v);
    const after = this.dayFirst;
    this.dayFirst = before;
    return after;
  }

  /** Epoch ms UTC; null for an empty cell; NaN (with `error` set) when unreadable. */
  read(raw: string): number | null {
    const s = raw.trim();
    if (s === "") return null;
    const c0 = s.charCodeAt(0);
    if (s.length >= 10 && s.charCodeAt(4) === 45 && c0 >= 48 && c0 <= 57) return this.iso(s);
    if (UNIX_RE.test(s)) {
      const v = Number(s);
      return Math.round(v >= 1e11 ? v : v * 1000);
    }
    const slash = SLASH_RE.exec(s);
    if (slash) return this.slash(slash, s);
    const named = NAMED_RE.exec(s);
    if (named) {
      const month = MONTHS[named[2]!.toLowerCase().slice(0, named[2]!.length === 4 ? 4 : 3)];
      if (month === undefined) return this.fail(`unknown month name "${named[2]}"`);
      const h = hour12(Number(named[4] ?? 0), named[7]);
      return this.local(
        year2(named[3]!),
        month,
        Number(named[1]),
        h,
        Number(named[5] ?? 0),
        Number(named[6] ?? 0),
        0,
      );
    }
    const weekday = WEEKDAY_RE.exec(s);
    if (weekday) return this.weekday(weekday);
    return this.fail(`unreadable date "${s.slice(0, 40)}"`);
  }

  private weekday(m: RegExpExecArray): number {
    const name = m[1]!.toLowerCase();
    const month = MONTHS[name.slice(0, name.length === 4 ? 4 : 3)];
    if (month === undefined) return this.fail(`unknown month name "${m[1]}"`);
    const [y, d, h, mi, sec] = [m[7], m[2], m[3], m[4], m[5] ?? "0"].map(Number) as [
      number, number, number, number, number,
    ]; // prettier-ignore
    const zone = m[6];
    if (zone === undefined) return this.local(y, month, d, h, mi, sec, 0);
    if (!validYmd(y, month, d, h, mi, sec)) return this.fail(`impossible date ${y}-${month}-${d}`);
    const t = wall(y, month, d, h, mi, sec, 0);
    if (!/\d/.test(zone)) return t;
    const offset = offsetMs(zone);
    if (Number.isNaN(offset)) return this.fail(badOffset(zone));
    return t - offset;
  }

  private iso(s: string): number {
    const fast = fastIso(s);
    if (!Number.isNaN(fast)) return s.length === 20 ? fast : localToUtc(fast, this.tz);
    const m = ISO_RE.exec(s);
    if (!m) {
      // Other ISO-8601 forms (week dates, basic format) are left to the runtime.
      const t = Date.parse(s);
      return Number.isNaN(t) ? this.fail(`unreadable date "${s.slice(0, 40)}"`) : t;
    }
    const [, y, mo, d, h, mi, sec, frac, zone] = m;
    const ms = frac ? Math.round(Number(`0.${frac}`) * 1000) : 0;
    if (!validYmd(Number(y), Number(mo), Number(d), Number(h ?? 0), Number(mi ?? 0), Number(sec ?? 0)))
      return this.fail(`impossible date "${s.slice(0, 40)}"`);
    const local = wall(
      Number(y),
      Number(mo),
      Number(d),
      Number(h ?? 0),
      Number(mi ?? 0),
      Number(sec ?? 0),
      ms,
    );
    if (zone === undefined) return localToUtc(local, this.tz);
    if (zone === "Z" || zone === "z" || zone === "UTC") return local;
    const offset = offsetMs(zone);
    if (Number.isNaN(offset)) return this.fail(badOffset(zone));
    return local - offset;
  }

  private slash(m: RegExpExecArray, s: string): number {
    const a = Number(m[1]);
    const b = Number(m[3]);
    let dayFirst = m[2] === "." ? true : this.dayFirst;
    if (dayFirst === undefined) {
      if (a > 12) this.dayFirst = dayFirst = true;
      else {
        // Nothing tells yet: month-first (US, as Google Forms and SurveyMonkey write), locked.
        this.dayFirst = dayFirst = false;
        if (b <= 12) this.assumedOrder = true;
      }
    }
    const day = dayFirst ? a : b;
    const month = dayFirst ? b : a;
    if (month > 12) {
      const order = dayFirst ? "dd/mm/yyyy" : "m/d/yyyy";
      return this.fail(
        `"${s}" does not fit the ${order} order of this file's dates (set dayFirst to override)`,
      );
    }
    const h = hour12(Number(m[5] ?? 0), m[8]);
    return this.local(year2(m[4]!), month, day, h, Number(m[6] ?? 0), Number(m[7] ?? 0), 0);
  }

  private local(y: number, mo: number, d: number, h: number, mi: number, s: number, ms: number): number {
    if (!validYmd(y, mo, d, h, mi, s)) return this.fail(`impossible date ${y}-${mo}-${d}`);
    return localToUtc(wall(y, mo, d, h, mi, s, ms), this.tz);
  }

  private fail(reason: string): number {
    this.error = reason;
    return NaN;
  }
}

function badOffset(zone: string): string {
  return `offset ${zone} out of range (hours 0..${MAX_OFFSET_HOURS}, minutes 0..59)`;
}

/** One-off parse (tests, small inputs). */
export function parseInstant(raw: string, options: DateOptions = {}): number | null {
  return new DateReader(options).read(raw);
}

/** ISO-8601 UTC text of an instant, for messages. */
export function isoDate(ms: number): string {
  // Beyond ±8.64e15 ms a Date is invalid and toISOString throws: print the number instead.
  return Number.isFinite(ms) && Math.abs(ms) <= 8.64e15
    ? new Date(ms).toISOString().slice(0, 10)
    : String(ms);
}
