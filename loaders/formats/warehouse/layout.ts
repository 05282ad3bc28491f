/**
 * Which warehouse table a CSV is, from its header: a column only a warehouse loader adds
 * (Fivetran `_fivetran_synced`, Stitch `_sdc_*`, Airbyte `_airbyte_*`) says it is a synced
 * table, then its columns say which one. The file name only breaks a tie among tables the
 * header alone cannot tell apart (an unknown table of either helpdesk).
 */
import {norm} from "../common.ts";

export type Family = "zendesk" | "intercom";

/** Tables servicebench reads; any other synced table is listed as not used. */
export type TableName =
  | "ticket"
  | "ticket_field_history"
  | "ticket_comment"
  | "user"
  | "satisfaction_rating"
  | "conversation_history"
  | "conversation_part_history";

export interface TableKind {
  family: Family;
  /** Null: a synced table of this family that no KPI needs. */
  table: TableName | null;
  /** The table's usual name, for "not used" lines. */
  label: string;
}

const MARKER =
  /^_(fivetran_synced|sdc_(extracted|batched|received)_at|airbyte_(ab_id|raw_id|emitted_at|extracted_at))$/;

/** True when a column of the header is one only a warehouse loader writes. */
export function isWarehouseHeader(header: string[]): boolean {
  return header.some((h) => MARKER.test(norm(h)));
}

const has = (h: string[], ...names: string[]) => names.every((n) => h.includes(n));
const any = (h: string[], ...names: string[]) => names.some((n) => h.includes(n));

/** Columns only Zendesk's user table has (Intercom's contacts have a `role` too). */
const ZENDESK_USER = [
  "ticket_restriction",
  "only_private_comments",
  "restricted_agent",
  "moderator",
  "shared_agent",
];

/** The table a synced CSV holds, or null when the header is not a warehouse table's. */
export function tableOf(header: string[], fileName = ""): TableKind | null {
  if (!isWarehouseHeader(header)) return null;
  const h = header.map(norm);
  if (has(h, "conversation_id", "part_type", "author_type"))
    return {family: "intercom", table: "conversation_part_history", label: "conversation_part_history"};
  if (
    has(h, "id", "created_at", "state") &&
    any(h, "source_delivered_as", "first_contact_reply_created_at", "source_type")
  )
    return {family: "intercom", table: "conversation_history", label: "conversation_history"};
  if (has(h, "field_name", "ticket_id", "value") && any(h, "updated", "updated_at"))
    return {family: "zendesk", table: "ticket_field_history", label: "ticket_field_history"};
  if (has(h, "ticket_id", "public") && any(h, "user_id", "author_id") && any(h, "created", "created_at"))
    return {family: "zendesk", table: "ticket_comment", label: "ticket_comment"};
  if (has(h, "score", "ticket_id"))
    return {family: "zendesk", table: "satisfaction_rating", label: "satisfaction_rating"};
  if (has(h, "id", "role") && any(h, ...ZENDESK_USER))
    return {family: "zendesk", table: "user", label: "user"};
  // Freshdesk's synced ticket table has a requester_id too, but no via channel nor submitter.
  if (
    has(h, "id", "created_at", "status") &&
    (any(h, "via_channel", "via__channel") || has(h, "requester_id", "submitter_id"))
  )
    return {family: "zendesk", table: "ticket", label: "ticket"};
  // A table no KPI needs: its name (from the file) says which, and which helpdesk it belongs to.
  const base = fileName
    .replace(/^.*[/\\]/, "")
    .replace(/\.[^.]*$/, "")
    .replace(/_data$/, "");
  const intercom =
    /conversation|contact|admin|team|company|intercom/i.test(base) || h.includes("conversation_id");
  if (has(h, "start_time", "end_time", "time_zone"))
    return {family: "zendesk", table: null, label: "schedule (business hours are not computed)"};
  return {family: intercom ? "intercom" : "zendesk", table: null, label: base || "table"};
}
