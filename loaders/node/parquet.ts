import {mkdtemp, rename, rm} from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import {
  DuckDBDataChunk,
  DuckDBInstance,
  type DuckDBAppender,
  type DuckDBConnection,
  type DuckDBListValue,
  type DuckDBType,
} from "@duckdb/node-api";
import {
  columnReader,
  dictionaryVar,
  NullMasks,
  stagerOf,
  type ColumnReader,
  type ColumnStager,
  type Row,
  type WritableVector,
} from "./parquet-staging.ts";
import {quoteIdent} from "../metrics/runner.ts";
import {lit} from "../metrics/sql.ts";
import type {Column} from "./table-columns.ts";

/** Rows per DuckDB data chunk (DuckDB's standard vector size). */
const CHUNK_ROWS = 2048;

/** DuckDB memory limits of one write (DuckDB size strings, e.g. "64MB"). */
export interface WriteMemory {
  /** While rows are staged: staged pages beyond it spill to a temporary directory. */
  stage: string;
  /** During the COPY to Parquet, whose writer buffers cannot spill. */
  copy: string;
}

/**
 * The caller still holds every row in JavaScript while they are written, so DuckDB is bounded:
 * unbounded, the staging table and the COPY of a million tickets took ~600 MiB on top of the rows.
 * Staged numbers spill to disk and are read back once (a fraction of a second); the COPY gets
 * more room, as less made it thrash.
 */
export const WRITE_MEMORY: WriteMemory = {stage: "64MB", copy: "160MB"};

/**
 * Writes rows to a Parquet file with the given columns, through a DuckDB staging table of numbers
 * only (see parquet-staging.ts: text travels as dictionary codes plus trailing integers, lists as
 * codes of distinct lists), its memory bounded by `memory` and spilling to a temporary directory.
 * One COPY then rebuilds TIMESTAMP, VARCHAR and VARCHAR[] from them. The file is written beside
 * the target and renamed, so a failed run never leaves half a file.
 */
export async function writeParquet(
  file: string,
  columns: Column[],
  rows: Iterable<Row>,
  memory: WriteMemory = WRITE_MEMORY,
  /** Called once every row is staged, when only DuckDB's COPY remains (not on failure). */
  onStaged?: () => void,
): Promise<void> {
  const partial = `${file}.partial`;
  const masks = new NullMasks(CHUNK_ROWS);
  const stagers = columns.map((c, i) => stagerOf(c, i, masks));
  const readers = columns.map((c) => columnReader(c.name));
  const spill = await mkdtemp(path.join(os.tmpdir(), "servicebench-parquet-"));
  await withConnection(async (connection) => {
    await connection.run(`SET temp_directory = ${lit(spill)}`);
    await connection.run(`SET memory_limit = ${lit(memory.stage)}`);
    let appender: DuckDBAppender | null = null;
    let types: DuckDBType[] = [];
    let chunk: DuckDBDataChunk | null = null;
    const values: unknown[] = [];
    try {
      for (const batch of batches(rows, CHUNK_ROWS)) {
        if (appender === null) {
          // Column layouts are decided on the first chunk (an empty input plans on no values).
          for (const [c, stager] of stagers.entries()) {
            readers[c]!(batch, values);
            stager.plan?.(values, batch.length);
          }
          const staged = [...stagers.flatMap((s) => s.staged), ...masks.staged];
          types = staged.map((c) => c.type);
          const staging = staged.map((c) => `${c.name} ${c.sql}`).join(", ");
          await connection.run(`CREATE TABLE staging (${staging})`);
          appender = await connection.createAppender("staging");
        }
        chunk ??= DuckDBDataChunk.create(types, CHUNK_ROWS);
        if (batch.length > 0) appendChunk(appender, chunk, stagers, readers, masks, batch, values);
      }
    } finally {
      appender?.closeSync();
    }
    onStaged?.();
    await loadDictionaries(connection, stagers);
    const select = stagers.map((s) => s.select).join(", ");
    const copy = `COPY (SELECT ${select} FROM staging) TO ${lit(partial)} (FORMAT parquet, COMPRESSION zstd)`;
    // One thread: under a memory bound, DuckDB's order-preserving parallel COPY fell back to small
    // batches and ran slower than a single thread, which also leaves a core to stage the next file.
    await connection.run(`SET memory_limit = ${lit(memory.copy)}; SET threads = 1`);
    try {
      await connection.run(copy);
    } catch (error) {
      // Rows whose Parquet buffers outgrow the bound (very long texts or lists) are written
      // without it: more memory rather than a failed ingest.
      if (!/out of memory/i.test((error as Error).message)) throw error;
      // DuckDB's own default; `RESET memory_limit` leaves the buffer pool at the old limit.
      const unbounded = `${Math.floor((os.totalmem() * 0.8) / 2 ** 20)}MB`;
      await connection.run(`SET memory_limit = ${lit(unbounded)}`);
      await connection.run(copy);
    }
  }).finally(() => rm(spill, {recursive: true, force: true}));
  await rename(partial, file).catch(async (error: unknown) => {
    await rm(partial, {force: true});
    throw error;
  });
}

/**
 * Reads a Parquet file written by `writeParquet` back into plain rows (instants as epoch ms).
 * Chunks are streamed and converted by hand: DuckDB's generic row-object conversion is several
 * times slower and holds every value twice.
 */
export async function readParquet(file: string, columns: Column[]): Promise<Row[]> {
  return withConnection(async (connection) => {
    const select = columns
      .map(
        (c) =>
          (c.type === "TIMESTAMP" ? `epoch_ms(${quoteIdent(c.name)})::DOUBLE` : quoteIdent(c.name)) +
          ` AS ${quoteIdent(c.name)}`,
      )
      .join(", ");
    const result = await connection.stream(`SELECT ${select} FROM read_parquet(${lit(file)})`);
    const rows: Row[] = [];
    for (;;) {
      const chunk = await result.fetchChunk();
      if (!chunk || chunk.rowCount === 0) break;
      const values = chunk.getColumns();
      const start = rows.length;
      for (let i = 0; i < chunk.rowCount; i++) rows.push({});
      columns.forEach((column, c) => {
        const list = column.type === "VARCHAR[]";
        const vector = values[c] ?? [];
        for (let i = 0; i < vector.length; i++) {
          const value = vector[i];
          (rows[start + i] as Row)[column.name] = list ? (value as DuckDBListValue).items : value;
        }
      });
    }
    return rows;
  });
}

/** The rows in arrays of `size`; at least one (possibly empty) batch. */
function* batches(rows: Iterable<Row>, size: number): Generator<Row[]> {
  let batch: Row[] = [];
  let any = false;
  for (const row of rows) {
    batch.push(row);
    if (batch.length === size) {
      yield batch;
      any = true;
      batch = [];
    }
  }
  if (batch.length > 0 || !any) yield batch;
}

/**
 * Stages one batch into `chunk` and appends it. One native chunk serves every batch (the appender
 * copies it): a chunk per batch left hundreds of megabytes of native vectors waiting for V8 to
 * collect their wrappers. Every staged value is written for each batch, so nothing stale remains.
 */
function appendChunk(
  appender: DuckDBAppender,
  chunk: DuckDBDataChunk,
  stagers: ColumnStager[],
  readers: ColumnReader[],
  masks: NullMasks,
  batch: Row[],
  values: unknown[],
): void {
  if (chunk.rowCount !== batch.length) chunk.rowCount = batch.length;
  const vector = (v: number) => chunk.getColumnVector(v) as unknown as WritableVector;
  let v = 0;
  masks.clear();
  for (const [c, stager] of stagers.entries()) {
    readers[c]!(batch, values);
    const vectors = stager.staged.map(() => vector(v++));
    stager.stage(values, batch.length, vectors);
    for (const x of vectors) x.flush();
  }
  for (const flags of masks.words) {
    const x = vector(v++);
    for (let i = 0; i < batch.length; i++) x.setItem(i, flags[i]);
    x.flush();
  }
  appender.appendDataChunk(chunk);
}

/** Loads every column's dictionary into a table, then into one list variable per column. */
async function loadDictionaries(connection: DuckDBConnection, stagers: ColumnStager[]): Promise<void> {
  await connection.run("CREATE TABLE dictionaries (col INTEGER, code INTEGER, value VARCHAR)");
  const appender = await connection.createAppender("dictionaries");
  try {
    stagers.forEach((stager, col) => {
      const values = stager.dictionary() ?? [];
      for (let i = 0; i < values.length; i++) {
        appender.appendInteger(col);
        appender.appendInteger(i + 1);
        appender.appendVarchar(values[i]!);
        appender.endRow();
      }
    });
  } finally {
    appender.closeSync();
  }
  for (const [col, stager] of stagers.entries()) {
    if (stager.dictionary() === null) continue;
    const element = stager.dictionarySql ?? "value";
    // An all-null column has no entries: an empty list of the right type keeps the query valid.
    const empty = stager.dictionarySql ? "[]::VARCHAR[][]" : "[]::VARCHAR[]";
    await connection.run(
      `SET VARIABLE ${dictionaryVar(col)} = COALESCE((SELECT list(${element} ORDER BY code) ` +
        `FROM dictionaries WHERE col = ${col}), ${empty})`,
    );
  }
}

async function withConnection<T>(work: (connection: DuckDBConnection) => Promise<T>): Promise<T> {
  const instance = await DuckDBInstance.create(":memory:");
  const connection = await instance.connect();
  try {
    return await work(connection);
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
}
