import {mkdtemp, readFile, rm} from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import {RESPONSES, TICKETS, TICKET_TAGS, prepare, type Prepared} from "../../metrics/prepare.ts";
import {lit} from "../../metrics/sql.ts";
import type {TableSpec} from "../../metrics/types.ts";
import {NativeRunner} from "../duckdb-native.ts";
import {cached} from "./dataset-cache.ts";
import {siteDataset, siteDatasetKey} from "./dataset.ts";
import {siteMode} from "./mode.ts";

/**
 * The ticket-level tables a cube-mode site ships for the analysis pages to fetch when they need
 * ticket rows (a tag filter, a period the cubes do not hold, a drill-down, the Satisfaction, Volume
 * and Team pages): `tickets`, `ticket_tags` and `responses`, the same prepared rows as the Arrow
 * tables of ticket mode, so the registry's SQL runs on them unchanged.
 *
 * They travel as one DuckDB database file, written by native DuckDB in the storage format of the
 * DuckDB inside the site's DuckDB-WASM (1.1), which attaches it read-only: DuckDB-WASM reads
 * Parquet only through its parquet extension, fetched from DuckDB's extension repository at run
 * time, which a site that requests nothing but its own host cannot do; its own storage format it
 * reads with no extension, whole from memory or, for a big file, by HTTP range requests, block by
 * block as queries need them. Tables are compressed column by column (dictionaries, run lengths,
 * bit packing, FSST for text, ALP for doubles) and sorted by date, so a period's rows sit together.
 * In ticket mode the file holds the same tables, empty.
 */
export const ROW_TABLES: readonly TableSpec[] = [TICKETS, TICKET_TAGS, RESPONSES];
type RowTable = "tickets" | "ticket_tags" | "responses";

/** The DuckDB storage version DuckDB-WASM 1.29.0 (DuckDB 1.1.1) reads. */
export const STORAGE_VERSION = "v1.1.0";

/**
 * Each table's order: tickets by creation, their tags with them, survey responses by their own
 * date. The last keys make it total: the same rows in the same order from build to build.
 */
const ORDER: Record<RowTable, string> = {
  tickets: "SELECT * FROM tickets ORDER BY created_date, created_at_ms, ticket_id",
  ticket_tags: `SELECT g.* FROM ticket_tags g LEFT JOIN tickets t ON t.ticket_id = g.ticket_id
    ORDER BY t.created_date, t.created_at_ms, g.ticket_id, g.tag`,
  responses: "SELECT * FROM responses ORDER BY responded_date, responded_at_ms, response_id",
};

/** The database file's bytes holding the three tables of `prepared` (none: the tables empty). */
export async function ticketRowsFile(prepared: Pick<Prepared, RowTable> | null): Promise<Uint8Array> {
  const dir = await mkdtemp(path.join(os.tmpdir(), "servicebench-site-rows-"));
  const file = path.join(dir, "ticket-rows.duckdb");
  const runner = await NativeRunner.create();
  try {
    for (const spec of ROW_TABLES) await runner.load(spec, prepared?.[spec.name as RowTable] ?? []);
    await runner.connection.run(`ATTACH ${lit(file)} AS site_rows (STORAGE_VERSION ${lit(STORAGE_VERSION)})`);
    for (const spec of ROW_TABLES)
      await runner.connection.run(`CREATE TABLE site_rows.${spec.name} AS ${ORDER[spec.name as RowTable]}`);
    // Detaching checkpoints: every row is in the file, none left in a write-ahead log.
    await runner.connection.run("DETACH site_rows");
    return new Uint8Array(await readFile(file));
  } finally {
    runner.close();
    await rm(dir, {recursive: true, force: true});
  }
}

/**
 * The site's ticket rows file: the dataset's prepared rows in cube mode, the empty tables in ticket
 * mode (where pages read the Arrow tables and never fetch it).
 */
export async function siteTicketRows(): Promise<Uint8Array> {
  const key = await siteDatasetKey();
  const facts = await cached("facts", key, async () => ({tickets: (await siteDataset()).tickets.length}));
  if (siteMode(facts.tickets).mode === "tickets") return ticketRowsFile(null);
  return ticketRowsFile(prepare(await siteDataset()));
}
