/**
 * The Speed page's targets in the address: `target.<time>.<channel>=<minutes>` for each target
 * that differs from the configured one, `none` for a configured target taken away, so a bookmark
 * reopens the same targets and an untouched page keeps a clean address. Pure (no DOM).
 */
import type {ChannelTargets, SpeedMetric} from "./speed-sql.js";

/**
 * The times that have targets: the Speed page's (speed-sql.ts SPEED_METRICS, checked equal by a
 * test), listed here so that every page's kept-filters line loads none of the Speed page's SQL.
 */
export const TARGET_TIMES: readonly SpeedMetric[] = ["first_reply", "full_resolution", "requester_wait"];

/** Targets in minutes per channel, for each time the Speed page shows. */
export type TargetSet = Record<SpeedMetric, ChannelTargets>;

const PREFIX = "target.";
/** The value that takes a configured target away. */
export const NO_TARGET = "none";
const CHANNEL = /^[a-z][a-z0-9_]*$/;

const isMetric = (s: string): s is SpeedMetric => (TARGET_TIMES as readonly string[]).includes(s);

/** A target as the site takes it: minutes, finite and not negative; anything else is no target. */
export function targetMinutes(x: unknown): number | null {
  return typeof x === "number" && Number.isFinite(x) && x >= 0 ? x : null;
}

/** The configured targets, every time present (a time without configuration has none). */
export function targetSetOf(defaults: Partial<Record<SpeedMetric, ChannelTargets>> = {}): TargetSet {
  return Object.fromEntries(TARGET_TIMES.map((m) => [m, {...defaults[m]}])) as TargetSet;
}

/**
 * The targets a page opens with: the configured ones, then each `target.<time>.<channel>` of the
 * address (minutes, or `none`). Tolerant like filtersFromSearch: an unknown time, a malformed
 * channel or a value that is not minutes is dropped, so a damaged link still opens.
 */
export function targetsFromSearch(
  search: string,
  defaults: Partial<Record<SpeedMetric, ChannelTargets>> = {},
): TargetSet {
  const out = targetSetOf(defaults);
  const q = new URLSearchParams(search.startsWith("?") ? search.slice(1) : search);
  for (const [key, raw] of q) {
    if (!key.startsWith(PREFIX)) continue;
    const [metric, channel, ...rest] = key.slice(PREFIX.length).split(".");
    if (rest.length || !metric || !channel || !isMetric(metric) || !CHANNEL.test(channel)) continue;
    const value = raw.trim();
    if (value === NO_TARGET) out[metric][channel] = null;
    else if (value !== "" && targetMinutes(Number(value)) !== null) out[metric][channel] = Number(value);
  }
  return out;
}

/**
 * "?..." of the targets that differ from the configured ones ("" when none does), times in the
 * page's order and channels in the configuration's order, then the others alphabetically.
 */
export function targetsToSearch(
  targets: Partial<Record<SpeedMetric, ChannelTargets>>,
  defaults: Partial<Record<SpeedMetric, ChannelTargets>> = {},
): string {
  const q = new URLSearchParams();
  for (const metric of TARGET_TIMES) {
    const now = targets[metric] ?? {};
    const base = defaults[metric] ?? {};
    const extra = Object.keys(now)
      .filter((c) => !(c in base))
      .sort();
    for (const channel of [...Object.keys(base), ...extra]) {
      if (!CHANNEL.test(channel)) continue;
      const value = targetMinutes(now[channel]);
      if (value === targetMinutes(base[channel])) continue;
      q.append(`${PREFIX}${metric}.${channel}`, value === null ? NO_TARGET : String(value));
    }
  }
  const s = q.toString();
  return s ? `?${s}` : "";
}
