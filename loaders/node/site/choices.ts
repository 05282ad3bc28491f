import {CHANNELS} from "../../schema/ticket.ts";
import type {Ticket} from "../../schema/ticket.ts";
import {NONE} from "../../../src/components/filters.ts";
import type {FilterChoices} from "../../../src/components/filter-bar.ts";
import {siteDataset} from "./dataset.ts";
import {siteGroupNames} from "./group-names.ts";
import {siteKpis} from "./kpis.ts";
import {readFile} from "node:fs/promises";
import {DEFAULT_TARGETS} from "../../metrics/kpis/targets.ts";
import type {Targets} from "../../metrics/types.ts";

/** Tags beyond this many (the rarest) are not offered: a list of thousands helps nobody choose. */
export const MAX_TAGS = 300;

/**
 * The values each filter of the filter bar offers, from the tickets: channels in the canonical
 * order, groups, priorities and types alphabetically, tags by frequency; "(none)" where some
 * tickets lack the value, since the registry's cuts name it so. Pure, for tests.
 */
export function choicesOf(
  tickets: readonly Pick<Ticket, "channel" | "group" | "priority" | "type" | "tags">[],
  period: {first: string | null; last: string | null},
): FilterChoices {
  const channels = new Set<string>();
  const sets = {group: new Set<string>(), priority: new Set<string>(), type: new Set<string>()};
  const tags = new Map<string, number>();
  let untagged = false;
  for (const t of tickets) {
    channels.add(t.channel);
    for (const d of ["group", "priority", "type"] as const) sets[d].add(t[d] ?? NONE);
    if (!t.tags.length) untagged = true;
    for (const tag of new Set(t.tags)) tags.set(tag, (tags.get(tag) ?? 0) + 1);
  }
  const sorted = (s: Set<string>) => {
    const values = [...s].filter((v) => v !== NONE).sort((a, b) => a.localeCompare(b, "en"));
    return s.has(NONE) ? [...values, NONE] : values;
  };
  const byCount = [...tags]
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0], "en"))
    .slice(0, MAX_TAGS)
    .map(([tag]) => tag);
  return {
    channels: CHANNELS.filter((c) => channels.has(c)),
    groups: sorted(sets.group),
    priorities: sorted(sets.priority),
    types: sorted(sets.type),
    tags: tickets.length && untagged ? [...byCount, NONE] : byCount,
    firstDay: period.first ?? "",
    lastDay: period.last ?? "",
  };
}

/** The times the Speed page shows, as `SERVICEBENCH_TARGETS` may name them. */
const TARGET_TIMES = ["first_reply", "full_resolution", "requester_wait"] as const;
type TargetTime = (typeof TARGET_TIMES)[number];

/** One time's targets from the configuration file: known channels, minutes >= 0. */
function channelTargets(file: string, where: string, value: unknown): Targets {
  if (value === null || typeof value !== "object" || Array.isArray(value))
    throw new RangeError(`${file}: ${where}: expected {channel: minutes}`);
  const out: Targets = {};
  for (const [channel, minutes] of Object.entries(value)) {
    if (!(CHANNELS as readonly string[]).includes(channel))
      throw new RangeError(`${file}: ${where ? `${where}.` : ""}${channel}: unknown channel`);
    if (typeof minutes !== "number" || !Number.isFinite(minutes) || minutes < 0)
      throw new RangeError(
        `${file}: ${where ? `${where}.` : ""}${channel}: expected a number of minutes >= 0`,
      );
    out[channel as keyof Targets] = minutes;
  }
  return out;
}

/**
 * The targets the Speed page starts from, per time: first reply from the registry's defaults,
 * full resolution and requester wait without any, each overridden per channel by
 * `SERVICEBENCH_TARGETS`. That JSON file is either the format `servicebench kpis --targets` reads
 * (`{"email": 240}`: first-reply minutes per channel) or one such object per time
 * (`{"first_reply": {...}, "full_resolution": {"email": 2880}, "requester_wait": {...}}`).
 */
export async function siteSpeedTargets(env = process.env): Promise<Record<TargetTime, Targets>> {
  const out: Record<TargetTime, Targets> = {
    first_reply: {...DEFAULT_TARGETS},
    full_resolution: {},
    requester_wait: {},
  };
  const file = env.SERVICEBENCH_TARGETS;
  if (!file) return out;
  const parsed = JSON.parse(await readFile(file, "utf8")) as unknown;
  if (parsed === null || typeof parsed !== "object" || Array.isArray(parsed))
    throw new RangeError(`${file}: expected a JSON object`);
  const keys = Object.keys(parsed);
  const perTime = keys.some((k) => (TARGET_TIMES as readonly string[]).includes(k));
  if (!perTime) {
    Object.assign(out.first_reply, channelTargets(file, "", parsed));
    return out;
  }
  for (const key of keys) {
    if (!(TARGET_TIMES as readonly string[]).includes(key))
      throw new RangeError(`${file}: ${key}: expected one of ${TARGET_TIMES.join(", ")}`);
    const time = key as TargetTime;
    Object.assign(out[time], channelTargets(file, time, (parsed as Record<string, unknown>)[time]));
  }
  return out;
}

/**
 * First-reply targets the Speed page starts from: the registry's defaults, overridden per channel
 * by `SERVICEBENCH_TARGETS` (see siteSpeedTargets).
 */
export async function siteTargets(env = process.env): Promise<Targets> {
  return (await siteSpeedTargets(env)).first_reply;
}

/** The site's filter choices, computed at build time so the bar is on screen before DuckDB-WASM. */
export async function siteChoices(
  env = process.env,
): Promise<FilterChoices & {targets: Targets; speedTargets: Record<TargetTime, Targets>}> {
  const [{tickets}, {period}, speedTargets, groupNames] = await Promise.all([
    siteDataset(env),
    siteKpis(env),
    siteSpeedTargets(env),
    siteGroupNames(env),
  ]);
  const choices = choicesOf(tickets, period);
  // Only the names of groups the bar offers: the list is the tickets', the names the exports'.
  const named = Object.fromEntries(
    choices.groups.filter((g) => g in groupNames).map((g) => [g, groupNames[g]!]),
  );
  return {...choices, groupNames: named, targets: speedTargets.first_reply, speedTargets};
}
