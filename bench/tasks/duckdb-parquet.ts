/** Reference: native DuckDB reads the CSV and writes it to Parquet. Args: <csv> <out.parquet> */
import {DuckDBInstance} from "@duckdb/node-api";
import {report, since} from "../task-result.ts";

const [csv, out] = process.argv.slice(2) as [string, string];
const quote = (s: string) => `'${s.replaceAll("'", "''")}'`;
const t0 = performance.now();
const instance = await DuckDBInstance.create(":memory:");
const connection = await instance.connect();
// Same compression as the dataset's Parquet files, so the two writes do comparable work.
const result = await connection.run(
  `COPY (SELECT * FROM read_csv_auto(${quote(csv)})) TO ${quote(out)} (FORMAT parquet, COMPRESSION zstd)`,
);
const rows = Number(result.rowsChanged);
connection.closeSync();
instance.closeSync();
report({seconds: since(t0), rows});
