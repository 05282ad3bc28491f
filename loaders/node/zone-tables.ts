import {LocalClock, wallParts} from "../metrics/local-time.ts";

export const DAY_MS = 86_400_000;
export const HOUR_MS = 3_600_000;
export const SLOT_MS = 900_000;
const SLOTS_PER_DAY = DAY_MS / SLOT_MS;

/**
 * What native DuckDB needs to compute `LocalClock.parts` in SQL for any instant of the given UTC
 * days, with no time-zone support of its own: the offset of each UTC day (or of each 15-minute
 * slot on a day with a change), and the calendar fields of each local day. They are computed here
 * with the very functions `prepare()` uses, once per day rather than once per instant.
 */
export interface ZoneTables {
  /** UTC day (floor(ms / DAY)) -> offset, on days whose 96 slots share one offset. */
  days: {day: number; off: number}[];
  /** UTC slot (floor(ms / SLOT)) -> offset, for every slot of the other days (DST changes). */
  slots: {slot: number; off: number}[];
  /** Local day (floor(local ms / DAY)) -> its calendar fields; the hour is arithmetic in SQL. */
  local: {day: number; date: string; month: string; weekday: number; week: string}[];
}

/**
 * Zone tables covering every instant of `utcDays`, or null when an offset reaches a whole day
 * (no IANA zone does), as the local days are looked up among each UTC day and its neighbours.
 *
 * `zoneOffset` (loaders/text/tz.ts) resolves offsets per UTC day, or per 15-minute UTC slot on a
 * day with a change, so an instant's offset is always its slot start's: sampling the 96 slot
 * starts of a day gives every offset that day can have.
 */
export function zoneTables(timeZone: string, utcDays: Iterable<number>): ZoneTables | null {
  const clock = new LocalClock(timeZone);
  const out: ZoneTables = {days: [], slots: [], local: []};
  const localDays = new Set<number>();
  const offsets = new Array<number>(SLOTS_PER_DAY);
  for (const day of utcDays) {
    let constant = true;
    for (let i = 0; i < SLOTS_PER_DAY; i++) {
      const off = clock.offset(day * DAY_MS + i * SLOT_MS);
      if (!(Math.abs(off) < DAY_MS)) return null;
      offsets[i] = off;
      if (off !== offsets[0]) constant = false;
    }
    if (constant) out.days.push({day, off: offsets[0]!});
    else offsets.forEach((off, i) => out.slots.push({slot: day * SLOTS_PER_DAY + i, off}));
    for (const d of [day - 1, day, day + 1]) localDays.add(d);
  }
  for (const day of localDays) {
    const {date, month, weekday, week} = wallParts(day * DAY_MS);
    out.local.push({day, date, month, weekday, week});
  }
  return out;
}
