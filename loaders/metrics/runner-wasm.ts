import {
  Bool,
  Float64,
  Int32,
  Table,
  Utf8,
  tableToIPC,
  vectorFromArray,
  type DataType,
  type Vector,
} from "apache-arrow";
import {createTableSql, normaliseRow, quoteIdent} from "./runner.ts";
import type {ColumnType, Row, SqlRunner, TableSpec} from "./types.ts";

/**
 * The part of a DuckDB-WASM connection the runner uses. Both the blocking connection (Node tests)
 * and the async one (`AsyncDuckDBConnection` in the browser) fit, since results are awaited.
 * Tables go in as IPC bytes, not `Table` objects: DuckDB-WASM's own copy of apache-arrow may be
 * another module instance (CJS vs ESM, or another version) and would mis-serialise ours.
 */
export interface WasmConnection {
  query(sql: string): Table | Promise<Table>;
  insertArrowFromIPCStream(buffer: Uint8Array, options: {name: string; create?: boolean}): unknown;
}

const ARROW: Record<ColumnType, () => DataType> = {
  VARCHAR: () => new Utf8(),
  DOUBLE: () => new Float64(),
  INTEGER: () => new Int32(),
  BOOLEAN: () => new Bool(),
};

/** Arrow table with exactly the spec's columns and types, e.g. for a Framework data loader to emit. */
export function toArrow(spec: TableSpec, rows: readonly Record<string, unknown>[]): Table {
  const columns: Record<string, Vector> = {};
  for (const c of spec.columns) {
    columns[c.name] = vectorFromArray(
      rows.map((r) => r[c.name] ?? null),
      ARROW[c.type](),
    ) as Vector;
  }
  return new Table(columns);
}

export class WasmRunner implements SqlRunner {
  constructor(readonly connection: WasmConnection) {}

  async query<T extends Row = Row>(sql: string): Promise<T[]> {
    const table = await this.connection.query(sql);
    return table.toArray().map((r: {toJSON(): Record<string, unknown>}) => normaliseRow(r.toJSON()) as T);
  }

  async load(spec: TableSpec, rows: readonly Record<string, unknown>[]): Promise<void> {
    await this.connection.query(createTableSql(spec));
    if (rows.length > 0) await this.loadArrow(spec, toArrow(spec, rows));
  }

  /** Appends an Arrow table holding the spec's columns (as `toArrow` writes them) to the spec's table. */
  async loadArrow(spec: TableSpec, table: Table): Promise<void> {
    await this.loadIpc(spec, tableToIPC(table, "stream"));
  }

  /**
   * Appends an Arrow IPC stream holding the spec's columns (the self-assessment worker's tables)
   * to the spec's table, through a staging table cast column by column into the spec's types.
   */
  async loadIpc(spec: TableSpec, ipc: Uint8Array): Promise<void> {
    const staging = `${spec.name}__staging`;
    await this.connection.query(`DROP TABLE IF EXISTS ${quoteIdent(staging)}`);
    await this.connection.insertArrowFromIPCStream(ipc, {name: staging, create: true});
    const cols = spec.columns.map((c) => `CAST(${quoteIdent(c.name)} AS ${c.type})`).join(", ");
    await this.connection.query(
      `INSERT INTO ${quoteIdent(spec.name)} SELECT ${cols} FROM ${quoteIdent(staging)}`,
    );
    await this.connection.query(`DROP TABLE ${quoteIdent(staging)}`);
  }

  /** Creates the spec's table and fills it from an Arrow IPC stream (empty tables included). */
  async loadTableIpc(spec: TableSpec, ipc: Uint8Array): Promise<void> {
    await this.connection.query(createTableSql(spec));
    await this.loadIpc(spec, ipc);
  }
}
