/**
 * Ticket rows on demand in cube mode: the Parquet files of `tickets`, `ticket_tags` and
 * `responses` (loaders/node/site/ticket-parquet.ts) added to a page's DuckDB-WASM only when the
 * page needs ticket rows, so the first screen never fetches them. Once added, the registry's SQL
 * and the pages' own SQL run on them as in ticket mode: exact.
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
interface FileRegistry {
  registerFileBuffer(name: string, buffer: Uint8Array): Promise<void>;
  registerFileURL(name: string, url: string, protocol: number, directIO: boolean): Promise<void>;
  dropFile(name: string): Promise<void>;
}

/** DuckDB-WASM's DuckDBDataProtocol.HTTP: the file is read by HTTP range requests. */
const HTTP = 4;

/**
 * A file up to this size is fetched whole (one request) and loaded as a table, which later queries
 * read from memory; a bigger one becomes a view DuckDB-WASM reads by HTTP range requests, column
 * chunks and row groups as each query needs them. Framework's own threshold for Parquet files.
 */
export const TABLE_MAX_BYTES = 50_000_000;

/** Bytes a page fetches to hold the files as tables (views fetch as they go). */
export function rowBytes(files: Record<string, RowFile>): number {
  return Object.values(files).reduce((sum, f) => sum + (Number.isFinite(f.size) ? f.size : 0), 0);
}

const attached = new WeakMap<QueryClient, Promise<void>>();

/**
 * Adds the files to the client's DuckDB as tables named by their keys, once per client: a second
 * call waits for the first. Rejects when the files cannot be read; the page says so.
 */
export function attachRows(client: QueryClient, files: Record<string, RowFile>): Promise<void> {
  let done = attached.get(client);
  if (!done) {
    done = attach(client, files);
    attached.set(client, done);
    done.catch(() => attached.delete(client));
  }
  return done;
}

async function attach(client: QueryClient, files: Record<string, RowFile>): Promise<void> {
  const db = (client as QueryClient & {_db?: FileRegistry})._db;
  if (!db) throw new Error("no DuckDB-WASM instance behind this client");
  // Fetches run side by side; each table is created as soon as its file is there.
  await Promise.all(
    Object.entries(files).map(async ([table, file]) => {
      if (!/^[a-z_]+$/.test(table)) throw new RangeError(`not a table name: ${table}`);
      const registered = `rows_${table}.parquet`;
      const whole = file.size <= TABLE_MAX_BYTES;
      if (whole) await db.registerFileBuffer(registered, new Uint8Array(await file.arrayBuffer()));
      else await db.registerFileURL(registered, new URL(await file.url(), location.href).href, HTTP, false);
      await client.query(
        `CREATE ${whole ? "TABLE" : "VIEW"} ${table} AS SELECT * FROM parquet_scan('${registered}')`,
      );
      // A table holds its rows: the file's bytes are no longer needed in the worker's memory.
      if (whole) await db.dropFile(registered);
    }),
  );
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
  files: Record<string, RowFile>,
  ready: Promise<unknown>,
  {lang, id = "cube-note"}: {lang: Lang; id?: string},
): HTMLElement {
  const t = messages(lang).rows;
  const size = megabytes(rowBytes(files), lang);
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
  {
    lang,
    files,
    epsilon,
    rows,
  }: {lang: Lang; files: Record<string, RowFile>; epsilon: number; rows: Promise<unknown> | null},
): HTMLElement {
  const t = messages(lang).rows;
  const size = megabytes(rowBytes(files), lang);
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
