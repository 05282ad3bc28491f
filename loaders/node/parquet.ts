import {rename, rm} from "node:fs/promises";
import {
  DuckDBInstance,
  type DuckDBAppender,
  type DuckDBConnection,
  type DuckDBListValue,
} from "@duckdb/node-api";
import type {Column} from "./table-columns.ts";

type Row = Record<string, unknown>;

/**
 * Writes rows to a Parquet file with the given columns. Rows go through DuckDB's appender into a
 * staging table where instants are epoch-ms doubles and string lists JSON text (plain values append
 * several times faster than DuckDB value objects); one COPY then casts them to TIMESTAMP and
 * VARCHAR[]. The file is written beside the target and renamed, so a failed run leaves no half file.
 */
export async function writeParquet(file: string, columns: Column[], rows: Iterable<Row>): Promise<void> {
  const partial = `${file}.partial`;
  await withConnection(async (connection) => {
    const staging = columns.map((c) => `${ident(c.name)} ${stagingType(c)}`).join(", ");
    await connection.run(`CREATE TABLE staging (${staging})`);
    const appender = await connection.createAppender("staging");
    try {
      for (const row of rows) appendRow(appender, columns, row);
    } finally {
      appender.closeSync();
    }
    const select = columns.map((c) => `${castFromStaging(c)} AS ${ident(c.name)}`).join(", ");
    await connection.run(
      `COPY (SELECT ${select} FROM staging) TO ${literal(partial)} (FORMAT parquet, COMPRESSION zstd)`,
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
      .map((c) => (c.type === "TIMESTAMP" ? `epoch_ms(${ident(c.name)})::DOUBLE` : ident(c.name)) + ` AS ${ident(c.name)}`)
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

function stagingType(column: Column): string {
  if (column.type === "TIMESTAMP") return "DOUBLE";
  if (column.type === "VARCHAR[]") return "VARCHAR";
  return column.type;
}

function castFromStaging(column: Column): string {
  const name = ident(column.name);
  if (column.type === "TIMESTAMP") return `epoch_ms(${name}::BIGINT)`;
  if (column.type === "VARCHAR[]") return `CAST(${name} AS JSON)::VARCHAR[]`;
  return name;
}

function appendRow(appender: DuckDBAppender, columns: Column[], row: Row): void {
  for (const column of columns) {
    const value = row[column.name];
    if (value === null || value === undefined) {
      appender.appendNull();
      continue;
    }
    switch (column.type) {
      case "VARCHAR":
        appender.appendVarchar(String(value));
        break;
      case "VARCHAR[]":
        appender.appendVarchar(JSON.stringify(value));
        break;
      case "INTEGER":
        appender.appendInteger(value as number);
        break;
      case "DOUBLE":
      case "TIMESTAMP":
        appender.appendDouble(value as number);
        break;
    }
  }
  appender.endRow();
}

function ident(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

function literal(text: string): string {
  return `'${text.replaceAll("'", "''")}'`;
}
