import {CHANNELS} from "../../schema/ticket.ts";
import type {Ticket} from "../../schema/ticket.ts";
import {NONE} from "../../../src/components/filters.ts";
import type {FilterChoices} from "../../../src/components/filter-bar.ts";
import {siteDataset} from "./dataset.ts";
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

/**
 * First-reply targets the Speed page starts from: the registry's defaults, overridden per channel
 * by `SERVICEBENCH_TARGETS` (a JSON file in the format `servicebench kpis --targets` reads).
 */
export async function siteTargets(env = process.env): Promise<Targets> {
  const file = env.SERVICEBENCH_TARGETS;
  if (!file) return {...DEFAULT_TARGETS};
  const parsed = JSON.parse(await readFile(file, "utf8")) as Record<string, unknown>;
  const out: Targets = {...DEFAULT_TARGETS};
  for (const [channel, minutes] of Object.entries(parsed)) {
    if (!(CHANNELS as readonly string[]).includes(channel))
      throw new RangeError(`${file}: ${channel}: unknown channel`);
    if (typeof minutes !== "number" || !Number.isFinite(minutes) || minutes < 0)
      throw new RangeError(`${file}: ${channel}: expected a number of minutes >= 0`);
    out[channel as keyof Targets] = minutes;
  }
  return out;
}

/** The site's filter choices, computed at build time so the bar is on screen before DuckDB-WASM. */
export async function siteChoices(env = process.env): Promise<FilterChoices & {targets: Targets}> {
  const [{tickets}, {period}] = await Promise.all([siteDataset(env), siteKpis(env)]);
  return {...choicesOf(tickets, period), targets: await siteTargets(env)};
}
