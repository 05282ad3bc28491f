/**
 * The source system (file family) of a format: ids are unique only within one system, so
 * de-duplication keys on (system, id). Every file of one helpdesk belongs to one family whatever
 * its layout (Zendesk JSON, CSV and synced warehouse tables are all "zendesk"), so pages of an
 * incremental export, ticket_metrics and satisfaction ratings still combine by id.
 */

/** `zendesk-json` -> `zendesk`, `warehouse-intercom` -> `intercom`, `event-log` -> `events`. */
export function sourceSystem(format: string): string {
  if (format === "event-log") return "events";
  return format.replace(/^warehouse-/, "").replace(/-(json|jsonl|csv|xlsx)$/, "");
}

/**
 * The ticket id a dataset stores: the source's own id when every kept ticket comes from one
 * system (the common case, and ids stay as the user knows them), else `system:id` so that
 * Freshdesk ticket 21 and an event log's case 21 are two tickets.
 */
export function datasetTicketId(system: string, id: string, qualified: boolean): string {
  return qualified ? `${system}:${id}` : id;
}
