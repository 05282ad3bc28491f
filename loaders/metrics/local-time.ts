import {zoneOffset} from "../text/tz.ts";

/**
 * Local calendar fields of UTC instants in an IANA zone, computed with `Intl.DateTimeFormat` so
 * that neither DuckDB engine needs time-zone support (DuckDB-WASM in the site has no ICU).
 */

export interface LocalParts {
  /** YYYY-MM-DD */
  date: string;
  /** YYYY-MM */
  month: string;
  /** ISO weekday, 1 = Monday .. 7 = Sunday. */
  weekday: number;
  /** 0..23 */
  hour: number;
  /** ISO week, YYYY-Www. */
  week: string;
}

/** The fields of LocalParts that depend on the local day alone. */
export type LocalDay = Omit<LocalParts, "hour">;

const pad = (n: number, w = 2): string => String(n).padStart(w, "0");

const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;
/** Largest |epoch ms| a Date holds. */
const MAX_DATE_MS = 8.64e15;
/** Whole ms a Date holds as it is (a Date truncates fractions toward zero, the day arithmetic floors). */
const exact = (ms: number) => Number.isInteger(ms) && Math.abs(ms) <= MAX_DATE_MS;

export class LocalClock {
  /** Local day number -> its fields: a dataset's instants fall on a few hundred days. */
  private readonly days = new Map<number, LocalDay>();

  constructor(readonly timeZone: string) {}

  /** Wall-clock time of instant `ms`, as the epoch ms it would have in UTC. */
  wall(ms: number): number {
    return ms + this.offset(ms);
  }

  /** `wallParts(localMs)` but the hour, computed once per local day. */
  day(localMs: number): LocalDay {
    if (!exact(localMs)) return wallParts(localMs);
    const n = Math.floor(localMs / DAY_MS);
    let d = this.days.get(n);
    if (d === undefined) {
      const {date, month, weekday, week} = wallParts(n * DAY_MS);
      d = {date, month, weekday, week};
      if (this.days.size < 100_000) this.days.set(n, d);
    }
    return d;
  }

  /** Offset of local time from UTC in milliseconds at instant `ms` (the importer's cached zone rules). */
  offset(ms: number): number {
    return zoneOffset(this.timeZone, ms);
  }

  parts(ms: number): LocalParts {
    return wallParts(ms + this.offset(ms));
  }
}

/**
 * Calendar fields of a wall-clock time given as the epoch ms it would have in UTC. Everything but
 * `hour` depends on the local day alone, which lets the native loader compute them once per day.
 */
export function wallParts(localMs: number): LocalParts {
  const d = new Date(localMs);
  const y = d.getUTCFullYear();
  const m = d.getUTCMonth() + 1;
  const day = d.getUTCDate();
  const weekday = ((d.getUTCDay() + 6) % 7) + 1;
  return {
    date: `${y}-${pad(m)}-${pad(day)}`,
    month: `${y}-${pad(m)}`,
    weekday,
    hour: d.getUTCHours(),
    week: isoWeek(y, m, day, weekday),
  };
}

/** The hour of a wall-clock time given as the epoch ms it would have in UTC (`wallParts(ms).hour`). */
export function hourOf(localMs: number): number {
  if (!exact(localMs)) return new Date(localMs).getUTCHours();
  return Math.floor((localMs - Math.floor(localMs / DAY_MS) * DAY_MS) / HOUR_MS);
}

/** ISO 8601 week of a calendar date: the week's Thursday decides the year. */
export function isoWeek(y: number, m: number, d: number, weekday: number): string {
  const thursday = Date.UTC(y, m - 1, d + 4 - weekday);
  const ty = new Date(thursday).getUTCFullYear();
  const week = Math.floor((thursday - Date.UTC(ty, 0, 1)) / 86_400_000 / 7) + 1;
  return `${ty}-W${pad(week)}`;
}

/** Every date from `first` to `last` inclusive (YYYY-MM-DD strings), walking whole UTC days. */
export function dateRange(first: string, last: string): string[] {
  const out: string[] = [];
  for (
    let t = Date.parse(`${first}T00:00:00Z`), end = Date.parse(`${last}T00:00:00Z`);
    t <= end;
    t += 86_400_000
  ) {
    out.push(new Date(t).toISOString().slice(0, 10));
  }
  return out;
}

/** Weekday and ISO week of a local date string (no zone involved: it is already local). */
export function dateParts(date: string): {weekday: number; week: string; month: string} {
  const d = new Date(`${date}T00:00:00Z`);
  const weekday = ((d.getUTCDay() + 6) % 7) + 1;
  return {
    weekday,
    week: isoWeek(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate(), weekday),
    month: date.slice(0, 7),
  };
}
