import {DuckDBInstance, type DuckDBAppender, type DuckDBConnection} from "@duckdb/node-api";
import {createTableSql, normaliseRow} from "../metrics/runner.ts";
import type {ColumnType, Row, SqlRunner, TableSpec} from "../metrics/types.ts";

const APPEND: Record<ColumnType, (a: DuckDBAppender, v: unknown) => void> = {
  VARCHAR: (a, v) => a.appendVarchar(String(v)),
  DOUBLE: (a, v) => a.appendDouble(Number(v)),
  INTEGER: (a, v) => a.appendInteger(Number(v)),
  BOOLEAN: (a, v) => a.appendBoolean(Boolean(v)),
};

/** SqlRunner over native DuckDB (@duckdb/node-api), in memory unless a path is given. */
export class NativeRunner implements SqlRunner {
  private constructor(readonly connection: DuckDBConnection) {}

  static async create(path = ":memory:"): Promise<NativeRunner> {
    const instance = await DuckDBInstance.create(path);
    return new NativeRunner(await instance.connect());
  }

  async query<T extends Row = Row>(sql: string): Promise<T[]> {
    const reader = await this.connection.runAndReadAll(sql);
    return reader.getRowObjectsJS().map((r) => normaliseRow(r) as T);
  }

  /** Raw rows for Node-side reading (parquet...), converted the same way as query results. */
  async rows(sql: string): Promise<Record<string, unknown>[]> {
    const reader = await this.connection.runAndReadAll(sql);
    return reader.getRowObjectsJS();
  }

  async load(spec: TableSpec, rows: readonly Record<string, unknown>[]): Promise<void> {
    await this.connection.run(createTableSql(spec));
    const appender = await this.connection.createAppender(spec.name);
    for (const row of rows) {
      for (const c of spec.columns) {
        const v = row[c.name];
        if (v === null || v === undefined) appender.appendNull();
        else APPEND[c.type](appender, v);
      }
      appender.endRow();
    }
    appender.closeSync();
  }

  close(): void {
    this.connection.closeSync();
  }
}
