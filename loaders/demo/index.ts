import {delightedNps} from "./delighted.ts";
import {DEMO_PROFILE} from "./organisation.ts";
import {Random} from "./random.ts";
import {simulateTickets} from "./simulate.ts";
import {incrementalPages, satisfactionRatings, ticketMetrics} from "./zendesk.ts";

export {DEMO_PROFILE} from "./organisation.ts";

/** The seed of the shipped demo data in `data/demo/`. */
export const DEMO_SEED = "demo-outdoor-gear-2024";

/** One file of the demo organisation's exports: a path relative to the output directory, and its text. */
export interface DemoFile {
  path: string;
  text: string;
}

/**
 * The demo organisation's raw exports, as its team would download them: the Zendesk incremental
 * ticket export (one JSON file per cursor page), ticket metrics, satisfaction ratings, a Delighted
 * NPS CSV, and the organisation's profile. Same seed, same bytes.
 */
export function generateDemo(seed: string = DEMO_SEED): DemoFile[] {
  const tickets = simulateTickets(new Random(`${seed}/tickets`));
  const pages = incrementalPages(tickets, new Random(`${seed}/pages`));
  return [
    {path: "profile.json", text: `${JSON.stringify(DEMO_PROFILE, null, 2)}\n`},
    ...pages.map((text, i) => ({path: `zendesk/incremental-tickets-page-${i + 1}.json`, text})),
    {path: "zendesk/ticket_metrics.json", text: ticketMetrics(tickets)},
    {path: "zendesk/satisfaction_ratings.json", text: satisfactionRatings(tickets)},
    {path: "delighted/nps-responses.csv", text: delightedNps(new Random(`${seed}/nps`))},
  ];
}
