/**
 * Group names by group id, from the name tables helpdesk exports hold beside their tickets: the
 * tickets of Zendesk, Freshdesk JSON, Intercom and the warehouse syncs name a group by its id only
 * (`group_id`, `team_assignee_id`), so the Team page would show 360001000101 where the helpdesk
 * shows "Orders & Delivery". Recognised:
 * - Zendesk: the `groups` side-load of a ticket page (`?include=groups`), `GET /groups`
 *   (`{"groups": [...]}`), `GET /groups/{id}` (`{"group": {...}}`) and Airbyte `groups` records;
 * - Freshdesk: `GET /api/v2/groups` (an array of groups: `id`, `name`, `agent_ids`, `escalate_to`...);
 * - Intercom: `GET /teams` (`{"type": "team.list", "teams": [...]}`);
 * - warehouse syncs (Fivetran, Stitch, Airbyte): the Zendesk `group` and Intercom `team` tables.
 * Names are masked like any label (e-mail addresses and phone numbers). Isomorphic: no Node API.
 */
import {parseCsv, sniffDelimiter} from "../text/csv.ts";
import {maskContacts} from "../text/mask.ts";

export type GroupNames = Record<string, string>;

export interface GroupNameFile {
  names: GroupNames;
  /**
   * True when the file holds nothing but names (a groups list): no ticket reader reads it, so the
   * ingest sets it aside instead of calling its format unknown. False for a ticket page with a
   * side-load or a warehouse table, which the ticket readers still read (or list as not used).
   */
  only: boolean;
}

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => v !== null && typeof v === "object" && !Array.isArray(v);
const idOf = (v: unknown) => (typeof v === "number" || typeof v === "string" ? String(v).trim() : "");

/** Keys of a groups list that are paging, not content. */
const PAGING = new Set([
  "next_page",
  "previous_page",
  "count",
  "meta",
  "links",
  "after_cursor",
  "before_cursor",
  "after_url",
  "before_url",
  "end_of_stream",
  "type",
  "total_count",
  "pages",
]);

/** Keys only a Freshdesk group has, so an array of them is told from other arrays of {id, name}. */
const FRESHDESK_GROUP_KEYS = [
  "agent_ids",
  "escalate_to",
  "unassigned_for",
  "group_type",
  "auto_ticket_assign",
  "business_hours_id",
];

function add(out: GroupNames, records: readonly unknown[]): void {
  for (const r of records) {
    if (!isObj(r)) continue;
    const id = idOf(r.id);
    if (id && typeof r.name === "string" && r.name.trim()) out[id] = maskContacts(r.name.trim());
  }
}

/** Names in one parsed JSON document, or null when it holds no name table. */
export function groupNamesOfJson(doc: unknown): GroupNameFile | null {
  const names: GroupNames = {};
  if (Array.isArray(doc)) {
    // Freshdesk's groups list is a bare array.
    const groups = doc.filter(isObj).filter((g) => FRESHDESK_GROUP_KEYS.some((k) => k in g));
    if (!groups.length) return null;
    add(names, groups);
    return {names, only: groups.length === doc.length};
  }
  if (!isObj(doc)) return null;
  let found = false;
  for (const key of ["groups", "teams"] as const)
    if (Array.isArray(doc[key])) {
      add(names, doc[key] as unknown[]);
      found = true;
    }
  if (isObj(doc.group)) {
    add(names, [doc.group]);
    found = true;
  }
  if (!found) return null;
  const only = Object.keys(doc).every(
    (k) => k === "groups" || k === "teams" || k === "group" || PAGING.has(k),
  );
  return {names, only};
}

/** Airbyte records (`{"stream": "groups", "data": {...}}`, one a line), or null when none is a group. */
function groupNamesOfLines(text: string): GroupNameFile | null {
  const names: GroupNames = {};
  let groups = 0;
  let lines = 0;
  for (const line of text.split(/\r?\n/)) {
    if (!line.trim()) continue;
    lines++;
    let record: unknown;
    try {
      record = JSON.parse(line);
    } catch {
      return null;
    }
    if (isObj(record) && (record.stream === "groups" || record.stream === "teams")) {
      groups++;
      add(names, [record.data]);
    }
  }
  return groups ? {names, only: groups === lines} : null;
}

/** A warehouse loader's own column: it tells a synced table from an export. */
const LOADER_COLUMN = /^(_fivetran_|_sdc_|_airbyte_)/;
/** The synced tables that name groups: Zendesk's `group`, Intercom's `team`. */
const TABLE_NAME = /(^|[/\\])(groups?|teams?)(_data)?\.(csv|tsv|txt)$/i;

/** A synced `group` or `team` table: id and name per row, the deleted ones left out. */
function groupNamesOfTable(name: string, text: string): GroupNameFile | null {
  if (!TABLE_NAME.test(name)) return null;
  const delimiter = sniffDelimiter(text.slice(0, 4096));
  const rows = parseCsv(text, delimiter).records;
  const header = (rows[0] ?? []).map((h) => h.trim().toLowerCase());
  const id = header.indexOf("id");
  const label = header.indexOf("name");
  if (id < 0 || label < 0 || !header.some((h) => LOADER_COLUMN.test(h))) return null;
  const deleted = header.findIndex((h) => h === "_fivetran_deleted" || h === "deleted");
  const names: GroupNames = {};
  add(
    names,
    rows
      .slice(1)
      .filter((r) => deleted < 0 || !/^(true|1|t)$/i.test((r[deleted] ?? "").trim()))
      .map((r) => ({id: r[id], name: r[label]})),
  );
  return {names, only: false};
}

/**
 * The group names one export file holds, or null when it holds none. `name` is the file's name
 * (a synced table is told by its name and its loader's columns, as the ingest tells unused tables).
 */
export function groupNamesOf(name: string, text: string): GroupNameFile | null {
  const t = text.trimStart();
  if (t[0] === "{" || t[0] === "[") {
    // Cheap refusal first: most export files name no group list at all.
    if (!/"(groups|group|teams|stream)"|"(agent_ids|escalate_to|group_type)"/.test(t)) return null;
    try {
      return groupNamesOfJson(JSON.parse(t));
    } catch {
      return groupNamesOfLines(t);
    }
  }
  return groupNamesOfTable(name, text);
}

/** Every file's names in one table; a later file's name for an id wins. */
export function mergeGroupNames(files: readonly (GroupNameFile | null)[]): GroupNames {
  return Object.assign({}, ...files.map((f) => f?.names ?? {})) as GroupNames;
}
