import {rename, rm} from "node:fs/promises";
import {
  DuckDBDataChunk,
  DuckDBInstance,
  DOUBLE,
  INTEGER,
  VARCHAR,
  type DuckDBAppender,
  type DuckDBConnection,
  type DuckDBListValue,
  type DuckDBType,
} from "@duckdb/node-api";
import type {Column} from "./table-columns.ts";

type Row = Record<string, unknown>;

/** Rows per DuckDB data chunk (DuckDB's standard vector size). */
const CHUNK_ROWS = 2048;
/** Staging column holding every VARCHAR column of a row as one JSON array. */
const PACKED = "__strings";

/**
 * Writes rows to a Parquet file with the given columns, through an in-memory DuckDB staging table.
 * Crossing into native code once per value is the cost that dominates, so: numbers are written
 * straight into the chunk vectors' typed arrays (instants as epoch-ms doubles), all text columns of
 * a row travel as one JSON array, and string lists as JSON text. One COPY then casts them back to
 * TIMESTAMP, VARCHAR and VARCHAR[]. The file is written beside the target and renamed, so a failed
 * run never leaves half a file.
 */
export async function writeParquet(file: string, columns: Column[], rows: Iterable<Row>): Promise<void> {
  const partial = `${file}.partial`;
  const plan = stagingPlan(columns);
  await withConnection(async (connection) => {
    const staging = plan.staged.map((c) => `${ident(c.name)} ${c.stagedAs}`).join(", ");
    await connection.run(`CREATE TABLE staging (${staging})`);
    const appender = await connection.createAppender("staging");
    try {
      appendRows(appender, plan, rows);
    } finally {
      appender.closeSync();
    }
    const select = columns.map((c) => `${plan.castBack.get(c.name)} AS ${ident(c.name)}`).join(", ");
    const unpacked = `SELECT *, CAST(${ident(PACKED)} AS JSON)::VARCHAR[] AS __s FROM staging`;
    await connection.run(
      `COPY (SELECT ${select} FROM (${unpacked})) TO ${literal(partial)} (FORMAT parquet, COMPRESSION zstd)`,
    );
  });
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
          (c.type === "TIMESTAMP" ? `epoch_ms(${ident(c.name)})::DOUBLE` : ident(c.name)) +
          ` AS ${ident(c.name)}`,
      )
      .join(", ");
    const result = await connection.stream(`SELECT ${select} FROM read_parquet(${literal(file)})`);
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

interface StagingPlan {
  /** Columns written one vector each: numbers, instants and JSON-encoded lists. */
  staged: {name: string; stagedAs: string; type: DuckDBType; json: boolean}[];
  /** Text columns, packed into one JSON array per row. */
  texts: string[];
  /** SQL turning the staging columns back into each output column. */
  castBack: Map<string, string>;
}

function stagingPlan(columns: Column[]): StagingPlan {
  const plan: StagingPlan = {staged: [], texts: [], castBack: new Map()};
  for (const column of columns) {
    const name = ident(column.name);
    if (column.type === "VARCHAR") {
      plan.texts.push(column.name);
      plan.castBack.set(column.name, `__s[${plan.texts.length}]`);
    } else if (column.type === "VARCHAR[]") {
      plan.staged.push({name: column.name, stagedAs: "VARCHAR", type: VARCHAR, json: true});
      plan.castBack.set(column.name, `CAST(${name} AS JSON)::VARCHAR[]`);
    } else if (column.type === "INTEGER") {
      plan.staged.push({name: column.name, stagedAs: "INTEGER", type: INTEGER, json: false});
      plan.castBack.set(column.name, name);
    } else {
      plan.staged.push({name: column.name, stagedAs: "DOUBLE", type: DOUBLE, json: false});
      plan.castBack.set(column.name, column.type === "TIMESTAMP" ? `epoch_ms(${name}::BIGINT)` : name);
    }
  }
  plan.staged.push({name: PACKED, stagedAs: "VARCHAR", type: VARCHAR, json: false});
  return plan;
}

interface WritableVector {
  setItem(index: number, value: unknown): void;
  flush(): void;
}

function appendRows(appender: DuckDBAppender, plan: StagingPlan, rows: Iterable<Row>): void {
  const types = plan.staged.map((c) => c.type);
  let batch: Row[] = [];
  const flush = () => {
    const chunk = DuckDBDataChunk.create(types, batch.length);
    plan.staged.forEach((column, c) => {
      const vector = chunk.getColumnVector(c) as unknown as WritableVector;
      for (let i = 0; i < batch.length; i++) {
        const row = batch[i] as Row;
        if (column.name === PACKED) {
          vector.setItem(i, JSON.stringify(plan.texts.map((name) => text(row[name]))));
        } else {
          const value = row[column.name] ?? null;
          vector.setItem(i, column.json && value !== null ? JSON.stringify(value) : value);
        }
      }
      vector.flush();
    });
    appender.appendDataChunk(chunk);
    batch = [];
  };
  for (const row of rows) {
    batch.push(row);
    if (batch.length === CHUNK_ROWS) flush();
  }
  if (batch.length > 0) flush();
}

function text(value: unknown): string | null {
  return value === null || value === undefined ? null : String(value);
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

function ident(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

function literal(text: string): string {
  return `'${text.replaceAll("'", "''")}'`;
}
