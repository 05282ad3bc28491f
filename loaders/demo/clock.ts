/**
 * Wall-clock time and business hours for the demo organisation (Europe/Paris), without Intl or
 * Node APIs so the generator runs the same everywhere. Paris follows the EU rule since 1996:
 * UTC+2 from the last Sunday of March 01:00 UTC to the last Sunday of October 01:00 UTC, else UTC+1.
 */
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

function lastSundayOf(year: number, month: number): number {
  const last = Date.UTC(year, month + 1, 0);
  return last - new Date(last).getUTCDay() * DAY;
}

/** Offset of Paris local time from UTC at a UTC instant, in ms. */
export function parisOffset(utc: number): number {
  const year = new Date(utc).getUTCFullYear();
  const summerStart = lastSundayOf(year, 2) + HOUR;
  const summerEnd = lastSundayOf(year, 9) + HOUR;
  return utc >= summerStart && utc < summerEnd ? 2 * HOUR : HOUR;
}

/** Paris wall-clock time written as if it were UTC (handy for calendar arithmetic). */
export function toParis(utc: number): number {
  return utc + parisOffset(utc);
}

/** UTC instant of a Paris wall-clock time; times in the spring-forward gap move one hour on. */
export function fromParis(local: number): number {
  const guess = local - parisOffset(local - HOUR);
  return toParis(guess) === local ? guess : local - parisOffset(local + HOUR);
}

/** Business hours: Monday to Friday, 09:00 to 18:00 Paris time. */
export const OPEN_MINUTE = 9 * 60;
export const CLOSE_MINUTE = 18 * 60;

/** Business window of a Paris day (given by its local midnight) as UTC [open, close); null on weekends. */
function windowOfDay(localDayStart: number): [number, number] | null {
  const weekday = new Date(localDayStart).getUTCDay();
  if (weekday === 0 || weekday === 6) return null;
  return [fromParis(localDayStart + OPEN_MINUTE * MINUTE), fromParis(localDayStart + CLOSE_MINUTE * MINUTE)];
}

/** Business minutes between two instants (a <= b). */
export function businessMinutes(a: number, b: number): number {
  if (b <= a) return 0;
  let total = 0;
  let day = Math.floor(toParis(a) / DAY) * DAY;
  const lastDay = Math.floor(toParis(b) / DAY) * DAY;
  for (; day <= lastDay; day += DAY) {
    const window = windowOfDay(day);
    if (!window) continue;
    const start = Math.max(a, window[0]);
    const end = Math.min(b, window[1]);
    if (end > start) total += end - start;
  }
  return total / MINUTE;
}

/** The instant reached after working `minutes` business minutes from `start`. */
export function addBusinessMinutes(start: number, minutes: number): number {
  let left = minutes * MINUTE;
  let day = Math.floor(toParis(start) / DAY) * DAY;
  for (let guard = 0; guard < 3660; guard++, day += DAY) {
    const window = windowOfDay(day);
    if (!window) continue;
    const from = Math.max(start, window[0]);
    if (from >= window[1]) continue;
    if (from + left <= window[1]) return from + left;
    left -= window[1] - from;
  }
  throw new Error("business time beyond ten years");
}

/** Whether an instant falls inside business hours. */
export function isBusinessTime(utc: number): boolean {
  const day = Math.floor(toParis(utc) / DAY) * DAY;
  const window = windowOfDay(day);
  return window !== null && utc >= window[0] && utc < window[1];
}

export {MINUTE, HOUR, DAY};
