/**
 * Ticket rows on demand in cube mode: the database file of `tickets`, `ticket_tags` and
 * `responses` (loaders/node/site/ticket-rows.ts) attached to a page's DuckDB-WASM only when the
 * page needs ticket rows, so no first screen fetches it. Once attached, the registry's SQL and the
 * pages' own SQL run on those tables as in ticket mode: exact.
 */
import {h} from "./dom.js";
import {formatNumber, formatPercent, type Lang} from "./format.js";
import type {SpeedSource} from "./speed-cube.js";
import type {QueryClient} from "./sql-runner.js";
import {messages} from "../i18n/messages.js";

/** What the pages pass: Framework's FileAttachment (name, size in bytes, url, bytes). */
export interface RowFile {
  name: string;
  size: number;
  url(): Promise<string>;
  arrayBuffer(): Promise<ArrayBuffer>;
}

/** The part of DuckDB-WASM's AsyncDuckDB behind Framework's DuckDBClient (its `_db`) used here. */
export interface FileRegistry {
  registerFileBuffer(name: string, buffer: Uint8Array): Promise<void>;
  registerFileURL(name: string, url: string, protocol: number, directIO: boolean): Promise<void>;
}

/** DuckDB-WASM's DuckDBDataProtocol.HTTP: the file is read by HTTP range requests. */
const HTTP = 4;

/** The tables the file holds, each made a view of the same name in the page's database. */
export const ROW_TABLES = ["tickets", "ticket_tags", "responses"] as const;

/**
 * A file up to this size is fetched whole (one request) and read from memory; a bigger one is
 * read by HTTP range requests, the blocks each query needs. Framework's own threshold for files
 * DuckDB reads (it loads a smaller Parquet file as a table).
 */
export const WHOLE_MAX_BYTES = 50_000_000;

/** Bytes a page fetches for the ticket rows (read by ranges above WHOLE_MAX_BYTES, at most this). */
export function rowBytes(file: RowFile): number {
  return Number.isFinite(file.size) ? file.size : 0;
}

const attached = new WeakMap<QueryClient, Promise<void>>();

/**
 * Attaches the ticket rows to the client's DuckDB, read-only, with a view per table in the main
 * schema, once per client: a second call waits for the first. `files` registers the file with
 * DuckDB-WASM (Framework's DuckDBClient holds it as `_db`; a page keeping its own connection
 * passes it). Rejects when the file cannot be read (and a later call tries again); the page says so.
 */
export function attachRows(
  client: QueryClient,
  file: RowFile,
  files: FileRegistry | undefined = (client as QueryClient & {_db?: FileRegistry})._db,
): Promise<void> {
  let done = attached.get(client);
  if (!done) {
    done = attach(client, file, files);
    attached.set(client, done);
    done.catch(() => attached.delete(client));
  }
  return done;
}

async function attach(client: QueryClient, file: RowFile, db: FileRegistry | undefined): Promise<void> {
  if (!db) throw new Error("no DuckDB-WASM instance behind this client");
  const name = "ticket_rows.duckdb";
  if (file.size <= WHOLE_MAX_BYTES)
    await db.registerFileBuffer(name, new Uint8Array(await file.arrayBuffer()));
  else await db.registerFileURL(name, new URL(await file.url(), location.href).href, HTTP, false);
  // A read-only file has no write-ahead log: an empty one stops DuckDB from looking for it.
  await db.registerFileBuffer(`${name}.wal`, new Uint8Array(0));
  await client.query(`ATTACH '${name}' AS ticket_rows (READ_ONLY)`);
  for (const table of ROW_TABLES) await client.query(`CREATE VIEW ${table} AS FROM ticket_rows.${table}`);
}

/** Megabytes as the notes write them ("28.5 MB", "28,5 Mo"). */
export function megabytes(bytes: number, lang: Lang): string {
  return messages(lang).rows.size(formatNumber(bytes / 1e6, lang, 1));
}

/**
 * An analysis page's note in cube mode: what it loads and that its figures are exact. Says
 * "loading" until `ready` settles, then what was loaded (or that it failed).
 */
export function rowsNote(
  file: RowFile,
  ready: Promise<unknown>,
  {lang, id = "cube-note"}: {lang: Lang; id?: string},
): HTMLElement {
  const t = messages(lang).rows;
  const size = megabytes(rowBytes(file), lang);
  const note = h("p", {class: "muted", id, "data-state": "loading", role: "status"}, t.loading(size));
  ready.then(
    (value) => {
      note.dataset.state = value ? "ready" : "failed";
      note.textContent = value ? t.pageNote(size) : t.failed;
    },
    () => {
      note.dataset.state = "failed";
      note.textContent = t.failed;
    },
  );
  return note;
}

/**
 * Where the Speed page's figures come from: the cubes (percentiles and distributions approximate),
 * or the ticket rows and why (exact), saying "loading" until `rows` settles.
 */
export function speedSourceNote(
  source: SpeedSource,
  {lang, file, epsilon, rows}: {lang: Lang; file: RowFile; epsilon: number; rows: Promise<unknown> | null},
): HTMLElement {
  const t = messages(lang).rows;
  const size = megabytes(rowBytes(file), lang);
  const note = h("p", {class: "muted", id: "speed-source", "data-source": source.kind, role: "status"});
  if (source.kind === "cubes") {
    note.dataset.state = "ready";
    note.textContent = t.speedCubes(formatPercent(epsilon, lang, 2));
    return note;
  }
  const reason = t.reasons[source.reason];
  note.dataset.state = "loading";
  note.textContent = t.loading(size);
  Promise.resolve(rows).then(
    (value) => {
      note.dataset.state = value ? "ready" : "failed";
      note.textContent = value ? t.speedRows(reason, size) : t.failed;
    },
    () => {
      note.dataset.state = "failed";
      note.textContent = t.failed;
    },
  );
  return note;
}
