/**
 * Time-zone arithmetic over Intl.DateTimeFormat (present in browsers and Node), no library.
 * Offsets are milliseconds to add to UTC to get local wall time.
 */

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(tz: string): Intl.DateTimeFormat {
  let f = formatters.get(tz);
  if (!f) {
    f = new Intl.DateTimeFormat("en-US", {
      timeZone: tz,
      hourCycle: "h23",
      year: "numeric",
      month: "numeric",
      day: "numeric",
      hour: "numeric",
      minute: "numeric",
      second: "numeric",
      era: "short",
    });
    formatters.set(tz, f);
  }
  return f;
}

/** True when the runtime knows the IANA zone name. */
export function isValidTimeZone(tz: string): boolean {
  try {
    formatter(tz);
    return true;
  } catch {
    return false;
  }
}

/** Offset from Intl for one instant (slow: a few microseconds). */
function intlOffset(tz: string, at: number): number {
  const parts = formatter(tz).formatToParts(new Date(at));
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  let year = get("year");
  if (parts.find((p) => p.type === "era")?.value === "BC") year = 1 - year;
  let local = Date.UTC(year, get("month") - 1, get("day"), get("hour"), get("minute"), get("second"));
  // Date.UTC reads years 0..99 as 1900..1999: set the year itself, or the offset is 1,900 years.
  if (year >= 0 && year < 100) local = new Date(local).setUTCFullYear(year);
  return local - Math.floor(at / 1000) * 1000;
}

interface ZoneCache {
  /** UTC day -> offset when constant over the day, NaN when the day has a change. */
  days: Map<number, number>;
  /** 15-minute UTC slot -> offset, for days with a change. */
  slots: Map<number, number>;
  /** Local day -> offset to subtract when constant over the day, NaN on change days. */
  localDays: Map<number, number>;
  /** 15-minute local slot -> offset to subtract, on change days. */
  locals: Map<number, number>;
}

const zones = new Map<string, ZoneCache>();
let lastTz = "";
let last: ZoneCache | null = null;

function zoneCache(tz: string): ZoneCache {
  if (tz === lastTz && last) return last;
  let z = zones.get(tz);
  if (!z) zones.set(tz, (z = {days: new Map(), slots: new Map(), localDays: new Map(), locals: new Map()}));
  lastTz = tz;
  last = z;
  return z;
}

const DAY = 86_400_000;
const SLOT = 900_000;

/** Offset of `tz` at the instant `utcMs` (ms, local = utc + offset). */
export function zoneOffset(tz: string, utcMs: number): number {
  if (tz === "UTC" || tz === "Etc/UTC") return 0;
  const z = zoneCache(tz);
  // Offsets change at most once a day: one Intl call pair per day, finer only on change days.
  const day = Math.floor(utcMs / DAY);
  let o = z.days.get(day);
  if (o === undefined) {
    const a = intlOffset(tz, day * DAY);
    const b = intlOffset(tz, day * DAY + DAY - 1000);
    o = a === b ? a : NaN;
    if (z.days.size > 100_000) z.days.clear();
    z.days.set(day, o);
  }
  if (!Number.isNaN(o)) return o;
  const slot = Math.floor(utcMs / SLOT);
  let s = z.slots.get(slot);
  if (s === undefined) z.slots.set(slot, (s = intlOffset(tz, slot * SLOT)));
  return s;
}

/**
 * UTC instant of a wall-clock time in `tz`, given as the epoch ms it would have in UTC.
 * - DST gap (the local time does not exist): shifted forward by the gap, i.e. read with the
 *   offset in force before the change (02:30 on a spring-forward night becomes 03:30).
 * - DST overlap (the local time happens twice): the earlier instant, i.e. the first pass,
 *   as Temporal's "compatible" disambiguation does.
 */
export function localToUtc(localMs: number, tz: string): number {
  if (tz === "UTC" || tz === "Etc/UTC") return localMs;
  const z = zoneCache(tz);
  const day = Math.floor(localMs / DAY);
  let d = z.localDays.get(day);
  if (d === undefined) {
    const a = zoneOffset(tz, day * DAY - DAY);
    const b = zoneOffset(tz, day * DAY + 2 * DAY);
    // Same offset from the day before to the day after: no change near this local day.
    d = a === b && zoneOffset(tz, day * DAY) === a && zoneOffset(tz, day * DAY + DAY) === a ? a : NaN;
    if (z.localDays.size > 100_000) z.localDays.clear();
    z.localDays.set(day, d);
  }
  if (!Number.isNaN(d)) return localMs - d;
  // Changes happen on quarter hours, so every wall time in a local 15-minute slot resolves alike.
  const slot = Math.floor(localMs / SLOT);
  const hit = z.locals.get(slot);
  if (hit !== undefined) return localMs - hit;
  const offset = resolve(slot * SLOT, tz);
  if (z.locals.size > 500_000) z.locals.clear();
  z.locals.set(slot, offset);
  return localMs - offset;
}

function resolve(localMs: number, tz: string): number {
  const before = zoneOffset(tz, localMs - DAY);
  const after = zoneOffset(tz, localMs + DAY);
  const aValid = zoneOffset(tz, localMs - before) === before;
  const bValid = zoneOffset(tz, localMs - after) === after;
  if (aValid && bValid) return Math.max(before, after); // overlap: the earlier instant
  if (bValid && !aValid) return after;
  return before; // normal time, or a gap: keep the offset from before the change
}

/** Local wall-clock fields of an instant in `tz`. */
export function utcToLocal(utcMs: number, tz: string): number {
  return utcMs + zoneOffset(tz, utcMs);
}
