/**
 * What of each canonical field may reach the dataset, and what may reach the site: the one
 * privacy policy, enforced by `protect.ts` at the end of every ingest (both engines) and again
 * when the site loads a dataset. docs/dataset.md ("Personal data") shows this table.
 */
import type {Manifest, Reject, SurveyResponse, Ticket} from "../schema/index.ts";

/**
 * How a field is written to the dataset:
 * - "keep": as read (ids, instants, durations, counts, vocabulary words);
 * - "label": free text that names things (group, type, tag, channel word, segment): e-mails and
 *   phones masked, and the whole names of people the export knows;
 * - "verbatim": free text people wrote (survey comments, reject excerpts and reasons): masked as
 *   a label, and a known first name or surname alone too when it is written capitalised;
 * - "pseudonym": a salted code (`agent-xxxxxxxx`), never the name;
 * - "path": an input file's path relative to the ingest's input root, never an absolute path;
 * - "path id": an id made from a file's path (`file#line`), its path relative the same way.
 */
export type DatasetRule = "keep" | "label" | "verbatim" | "pseudonym" | "path" | "path id";

/** Whether the built site may ship the field (in a table or a JSON file), as the dataset holds it. */
export type SiteRule = "ships" | "never";

export interface FieldRule {
  dataset: DatasetRule;
  site: SiteRule;
}

const keep = (site: SiteRule = "ships"): FieldRule => ({dataset: "keep", site});

export const TICKET_POLICY = {
  org_id: keep(),
  ticket_id: keep(),
  created_at: keep(),
  updated_at: keep("never"),
  channel: keep(),
  channel_raw: {dataset: "label", site: "never"},
  status: keep(),
  solved_at: keep(),
  first_reply_minutes: keep(),
  first_reply_minutes_business: keep(),
  first_resolution_minutes: keep("never"),
  first_resolution_minutes_business: keep("never"),
  full_resolution_minutes: keep(),
  full_resolution_minutes_business: keep(),
  requester_wait_minutes: keep(),
  requester_wait_minutes_business: keep(),
  agent_wait_minutes: keep("never"),
  agent_wait_minutes_business: keep("never"),
  replies: keep(),
  reopens: keep(),
  group: {dataset: "label", site: "ships"},
  assignee: {dataset: "pseudonym", site: "ships"},
  // The source's own word when it is not one of the four: free text like a type.
  priority: {dataset: "label", site: "ships"},
  type: {dataset: "label", site: "ships"},
  tags: {dataset: "label", site: "ships"},
  satisfaction: keep(),
  source_file: {dataset: "path", site: "never"},
  source_line: keep("never"),
} as const satisfies Record<keyof Ticket, FieldRule>;

export const RESPONSE_POLICY = {
  org_id: keep(),
  response_id: {dataset: "path id", site: "ships"},
  ticket_id: keep(),
  kind: keep(),
  score: keep(),
  scale_min: keep(),
  scale_max: keep(),
  responded_at: keep(),
  // A verbatim the site may show: masked, but kept.
  comment: {dataset: "verbatim", site: "ships"},
  channel: keep(),
  segment: {dataset: "label", site: "never"},
  source_file: {dataset: "path", site: "never"},
  source_line: keep("never"),
} as const satisfies Record<keyof SurveyResponse, FieldRule>;

/** rejects.csv stays with the dataset; the site never ships it. */
export const REJECT_POLICY = {
  file: {dataset: "path", site: "never"},
  line: keep("never"),
  field: keep("never"),
  reason: {dataset: "verbatim", site: "never"},
  excerpt: {dataset: "verbatim", site: "never"},
  severity: keep("never"),
} as const satisfies Record<keyof Reject, FieldRule>;

/** The manifest ships with the profile (the site's data sources): file paths relative, reasons masked. */
export const MANIFEST_FILE_POLICY = {
  file: {dataset: "path", site: "ships"},
  excluded: {dataset: "label", site: "ships"},
} as const satisfies Partial<Record<keyof Manifest["files"][number], FieldRule>>;

/** Fields of a policy given one dataset rule. */
export function fieldsWith<K extends string>(policy: Record<K, FieldRule>, rule: DatasetRule): K[] {
  return (Object.keys(policy) as K[]).filter((k) => policy[k].dataset === rule);
}

/** Fields of a policy the site may ship. */
export function shippedFields<K extends string>(policy: Record<K, FieldRule>): K[] {
  return (Object.keys(policy) as K[]).filter((k) => policy[k].site === "ships");
}
