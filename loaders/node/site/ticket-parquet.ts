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
 * The ticket-level tables a cube-mode site ships as Parquet, for the analysis pages to fetch when
 * they need ticket rows (a tag filter, a period the cubes do not hold, a drill-down, the
 * Satisfaction, Volume and Team pages): the same prepared rows as the Arrow tables of ticket mode,
 * so the registry's SQL runs on them unchanged. Written by native DuckDB in row groups of
 * ROW_GROUP_ROWS rows with zstd, sorted by date: a reader that filters by period skips whole row
 * groups, and DuckDB-WASM can read a file too big to load whole by HTTP range requests. In ticket
 * mode each file is an empty table with the same columns, so the pages stay static.
 */
export type ParquetTable = "tickets" | "ticket_tags" | "responses";
export const PARQUET_TABLES: readonly (TableSpec & {name: ParquetTable})[] = [
  {...TICKETS, name: "tickets"},
  {...TICKET_TAGS, name: "ticket_tags"},
  {...RESPONSES, name: "responses"},
];

/** Rows per Parquet row group: a range request fetches about this many rows of a column. */
export const ROW_GROUP_ROWS = 65_536;

/**
 * Each table's order: tickets by creation, their tags with them (a period's tags sit in the row
 * groups of its tickets), survey responses by their own date. The last keys make it total, so a
 * build is reproducible byte for byte.
 */
const ORDER: Record<ParquetTable, string> = {
  tickets: "SELECT * FROM tickets ORDER BY created_date, created_at_ms, ticket_id",
  ticket_tags: `SELECT g.* FROM ticket_tags g LEFT JOIN tickets t ON t.ticket_id = g.ticket_id
    ORDER BY t.created_date, t.created_at_ms, g.ticket_id, g.tag`,
  responses: "SELECT * FROM responses ORDER BY responded_date, responded_at_ms, response_id",
};

/** The three tables as Parquet files' bytes, from prepared rows (no rows: empty tables). */
export async function parquetTables(
  prepared: Pick<Prepared, ParquetTable> | null,
): Promise<Record<ParquetTable, Uint8Array>> {
  const dir = await mkdtemp(path.join(os.tmpdir(), "servicebench-site-parquet-"));
  const runner = await NativeRunner.create();
  try {
    const out = {} as Record<ParquetTable, Uint8Array>;
    for (const spec of PARQUET_TABLES) await runner.load(spec, prepared?.[spec.name] ?? []);
    for (const spec of PARQUET_TABLES) {
      const file = path.join(dir, `${spec.name}.parquet`);
      await runner.connection.run(
        `COPY (${ORDER[spec.name]}) TO ${lit(file)} (FORMAT parquet, COMPRESSION zstd, ROW_GROUP_SIZE ${ROW_GROUP_ROWS})`,
      );
      out[spec.name] = new Uint8Array(await readFile(file));
    }
    return out;
  } finally {
    runner.close();
    await rm(dir, {recursive: true, force: true});
  }
}

/**
 * One table's Parquet file for the site: the dataset's prepared rows in cube mode, an empty table
 * in ticket mode (where pages read the Arrow tables). The three files are written in one pass and
 * cached for the other two loaders.
 */
export async function siteParquet(name: ParquetTable): Promise<Uint8Array> {
  if (!PARQUET_TABLES.some((t) => t.name === name)) throw new Error(`unknown Parquet table ${name}`);
  const key = await siteDatasetKey();
  const facts = await cached("facts", key, async () => ({tickets: (await siteDataset()).tickets.length}));
  const cubes = siteMode(facts.tickets).mode === "cubes";
  const files = await cached(`parquet-${cubes ? "rows" : "empty"}`, key, async () =>
    parquetTables(cubes ? prepare(await siteDataset()) : null),
  );
  return files[name];
}
