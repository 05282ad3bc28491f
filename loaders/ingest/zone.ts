/**
 * One rule for the zone that times without an offset are read in, and that the profile then
 * holds (hour-of-day, weekday and day cuts), so the two can never differ:
 *   --tz  >  the mapping's "tz"  >  the dataset's existing profile  >  a profile.json among the
 *   exports  >  UTC.
 */
import {mappingZone} from "../formats/mapping.ts";

/** Zone of a run given the ingest options alone (the core API, the browser, both engines). */
export function runZone(options: {tz?: string | undefined; mapping?: unknown}): string {
  return options.tz ?? mappingZone(options.mapping) ?? "UTC";
}

export interface ZoneSources {
  /** `--tz`. */
  flag?: string | undefined;
  mapping?: unknown;
  /** The zone of the profile already in the dataset directory. */
  profile?: string | undefined;
  /** The zone of a profile.json found among the exports. */
  beside?: string | undefined;
}

export interface ZoneChoice {
  zone: string;
  /** Where the zone came from, for messages. */
  from: string;
  /** One line per other zone this run set aside: conflicting zones are said, never silent. */
  notes: string[];
}

export function chooseZone(s: ZoneSources): ZoneChoice {
  const candidates: [string | undefined, string][] = [
    [s.flag, "--tz"],
    [mappingZone(s.mapping), "the mapping's tz"],
    [s.profile, "the dataset's profile.json"],
    [s.beside, "the profile.json among the exports"],
  ];
  const chosen = candidates.find(([z]) => z !== undefined);
  const [zone, from] = chosen ? [chosen[0]!, chosen[1]] : ["UTC", "the default"];
  const notes: string[] = [];
  for (const [z, where] of candidates)
    if (z !== undefined && z !== zone)
      notes.push(
        where === "the dataset's profile.json"
          ? `time zone: the dataset's profile.json said ${z}; it now says ${zone} (from ${from}), the zone this run read times in`
          : `time zone: ${where} says ${z}; ${from} (${zone}) wins, and times without an offset are read in ${zone}`,
      );
  return {zone, from, notes};
}
