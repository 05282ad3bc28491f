/**
 * What a dataset directory holds, by name and by column: shared by the command line, which writes
 * it on disk, and the browser, which writes the same files into a zip (loaders/assess/).
 */
import {Profile} from "./profile.ts";
import {SurveyResponse} from "./response.ts";
import {Ticket} from "./ticket.ts";
import {columnsOf} from "./table-columns.ts";

/** File names inside a dataset directory. `*.private*` files stay with the data owner. */
export const DATASET_FILES = {
  tickets: "tickets.parquet",
  responses: "responses.parquet",
  profile: "profile.json",
  manifest: "manifest.json",
  rejects: "rejects.csv",
  agents: "agents.private.csv",
  salt: "salt.private",
} as const;

/**
 * Group id -> name, written beside the files above only when the exports held a name table
 * (loaders/formats/group-names.ts): the tickets of most helpdesks name a group by its id.
 */
export const GROUP_NAMES_FILE = "group_names.json";

export const TICKET_TABLE = columnsOf(Ticket);
export const RESPONSE_TABLE = columnsOf(SurveyResponse);
export const REJECT_COLUMNS = ["file", "line", "field", "reason", "excerpt", "severity"] as const;
export const AGENT_COLUMNS = ["code", "name"] as const;

/** Keeps the owner's private files out of any repository the dataset is copied into. */
export const DATASET_GITIGNORE = "*.private*\n";

/** The profile a new dataset starts with: what is known from the command line, nulls elsewhere. */
export function defaultProfile(orgId: string, timezone = "UTC"): Profile {
  return Profile.parse({
    org_id: orgId,
    display_name: orgId,
    industry: null,
    country: null,
    agents: null,
    timezone,
  });
}

/** A JSON sidecar (profile, manifest) as the dataset writes it: two-space indent, final newline. */
export function jsonFileText(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}
