import {DAY, fromParis} from "./clock.ts";
import type {Random} from "./random.ts";

/** The simulated year (Paris dates) and the moment the exports were taken. */
export const YEAR = 2024;
export const EXPORTED_AT = Date.UTC(2025, 0, 1, 7, 0, 0);

/** Volume by month: spring and summer trips, then Black Friday and Christmas. */
const MONTH_FACTOR = [0.75, 0.7, 0.85, 1.0, 1.1, 1.25, 1.3, 1.05, 0.9, 0.85, 1.2, 1.35];
/** Monday carries the weekend's backlog; Sunday is quietest. Index 0 = Sunday. */
const WEEKDAY_FACTOR = [0.4, 1.25, 1.1, 1.0, 0.95, 0.9, 0.5];
/** Incident days: a carrier outage in June and the Black Friday weekend. */
const SPIKES: Record<string, number> = {
  "2024-06-18": 2.6,
  "2024-06-19": 2.0,
  "2024-06-20": 1.5,
  "2024-11-29": 1.6,
  "2024-11-30": 1.8,
  "2024-12-01": 1.8,
  "2024-12-02": 2.2,
};

export interface Day {
  /** Paris midnight as a wall-clock value written as UTC. */
  local: number;
  iso: string;
  month: number;
  weekday: number;
  /** Relative volume of the day. */
  factor: number;
}

export function daysOfYear(): Day[] {
  const days: Day[] = [];
  for (let local = Date.UTC(YEAR, 0, 1); local < Date.UTC(YEAR + 1, 0, 1); local += DAY) {
    const date = new Date(local);
    const iso = date.toISOString().slice(0, 10);
    const month = date.getUTCMonth();
    const weekday = date.getUTCDay();
    const factor = (MONTH_FACTOR[month] as number) * (WEEKDAY_FACTOR[weekday] as number) * (SPIKES[iso] ?? 1);
    days.push({local, iso, month, weekday, factor});
  }
  return days;
}

/** Hour-of-day weights (Paris time) for messages written whenever customers like. */
const ASYNC_HOURS = [
  0.2, 0.1, 0.05, 0.05, 0.05, 0.1, 0.3, 0.7, 1.3, 1.8, 1.9, 1.8, 1.3, 1.2, 1.6, 1.7, 1.6, 1.4, 1.1, 1.0, 1.0,
  0.9, 0.7, 0.4,
];
/** Evenings matter more on phones: messaging and social. */
const EVENING_HOURS = ASYNC_HOURS.map((w, h) => (h >= 18 && h <= 22 ? w * 1.6 : w));
/** Live channels are staffed 09:00-18:00; late morning and mid-afternoon peak. */
const LIVE_HOURS = ASYNC_HOURS.map((w, h) => (h >= 9 && h < 18 ? w : 0));

export type Rhythm = "async" | "evening" | "live";

/** A creation instant on the given day, whole seconds, following the channel's daily rhythm. */
export function instantOn(day: Day, rhythm: Rhythm, random: Random): number {
  const weights = rhythm === "live" ? LIVE_HOURS : rhythm === "evening" ? EVENING_HOURS : ASYNC_HOURS;
  const hour = random.weighted(weights);
  const second = random.int(0, 3599);
  return fromParis(day.local + hour * 3_600_000 + second * 1000);
}
