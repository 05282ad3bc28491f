/**
 * Warehouse syncs (Fivetran, Stitch, Airbyte) of Zendesk and Intercom: one CSV per table, read
 * together as one export. Detection says which table a file is; the rows are held until every
 * file of the run is read, then `finishWarehouse` joins them into canonical tickets.
 */
import type {CsvAdapter} from "../types.ts";
import {deriveIntercom} from "./intercom.ts";
import {tableOf, type Family} from "./layout.ts";
import type {TableFile} from "./tables.ts";
import {deriveZendesk, keepHistoryRow} from "./zendesk.ts";

export {tableOf, isWarehouseHeader, type Family, type TableKind} from "./layout.ts";
export {collectReader, type TableFile} from "./tables.ts";

export interface WarehouseAdapter extends CsvAdapter {
  warehouse: Family;
}

function adapter(family: Family): WarehouseAdapter {
  return {
    kind: "csv",
    id: `warehouse-${family}`,
    content: "tickets",
    warehouse: family,
    detect(head) {
      const kind = tableOf(head[0] ?? []);
      if (kind?.family !== family) return 0;
      // A table no KPI needs is still told as a synced table, above the flat CSV layouts.
      return kind.table ? 0.97 : 0.55;
    },
    headerRows: () => 1,
    // Rows of one table mean nothing alone: the ingest pipeline collects them (collectReader).
    open: () => ({
      field: "format",
      reason: "warehouse tables are joined across files, which only the core does",
    }),
  };
}

export const warehouseZendesk = adapter("zendesk");
export const warehouseIntercom = adapter("intercom");

export const isWarehouse = (a: {id: string}): a is WarehouseAdapter => "warehouse" in a;

/** Rows turned away as they are read (so big tables are not held), per table. */
export function rowFilter(table: TableFile): ((row: string[], line: number) => boolean) | undefined {
  return table.kind.table === "ticket_field_history" ? keepHistoryRow(table) : undefined;
}

/** Joins the collected tables of each helpdesk into tickets, written to each file's sink. */
export function finishWarehouse(tables: TableFile[]): void {
  const zendesk = tables.filter((t) => t.kind.family === "zendesk");
  const intercom = tables.filter((t) => t.kind.family === "intercom");
  if (zendesk.length > 0) deriveZendesk(zendesk);
  if (intercom.length > 0) deriveIntercom(intercom);
}
