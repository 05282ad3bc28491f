import {EPSILON} from "../../metrics/aggregate.ts";
import {DRILLDOWN_ROWS} from "../../metrics/cube-tables.ts";

/**
 * Above this many tickets the site ships cubes instead of ticket rows. The ticket-level tables
 * cost about 430 bytes a ticket in Arrow (tickets, tags, activity and responses of the demo:
 * 1.6 MB for 3,700 tickets), so 10,000 tickets is about 4.3 MB, the most that fits the
 * Overview's 5 MB budget for data. Below it ticket rows keep every cut, day-level period and
 * the Explore page exact; above it cubes, whose size does not grow with the number of tickets.
 */
export const CUBE_THRESHOLD = 10_000;

export type SiteMode = "tickets" | "cubes";

/** What pages learn about the mode (in profile.json). */
export interface SiteInfo {
  mode: SiteMode;
  tickets: number;
  threshold: number;
  /** Relative error bound of p50/p90 in cube mode. */
  epsilon: number;
  /** Ticket rows shipped in cube mode: the slowest first replies. */
  drilldown: number;
}

/**
 * The one place the mode is chosen: `SERVICEBENCH_SITE_MODE=tickets|cubes` forces it, else
 * ticket rows up to CUBE_THRESHOLD tickets and cubes above.
 */
export function siteMode(tickets: number, env: Record<string, string | undefined> = process.env): SiteInfo {
  const forced = env.SERVICEBENCH_SITE_MODE;
  if (forced !== undefined && forced !== "" && forced !== "tickets" && forced !== "cubes")
    throw new RangeError(`SERVICEBENCH_SITE_MODE must be tickets or cubes, got ${forced}`);
  const mode: SiteMode =
    forced === "tickets" || forced === "cubes" ? forced : tickets > CUBE_THRESHOLD ? "cubes" : "tickets";
  return {mode, tickets, threshold: CUBE_THRESHOLD, epsilon: EPSILON, drilldown: DRILLDOWN_ROWS};
}
