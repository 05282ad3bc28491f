/**
 * The dataset directory `servicebench ingest` writes (loaders/node/dataset.ts), made in the
 * browser: the same file names, the Parquet files with the same columns and types DuckDB writes
 * (instants as TIMESTAMP in microseconds, counts INT32, tags a list of strings), the same JSON
 * and CSV text. `servicebench kpis` and `place` read the unzipped folder as one of their own.
 */
import {zipSync} from "fflate";
import {parquetWriteBuffer, type SchemaElement} from "hyparquet-writer";
import {
  AGENT_COLUMNS,
  DATASET_FILES,
  DATASET_GITIGNORE,
  REJECT_COLUMNS,
  RESPONSE_TABLE,
  TICKET_TABLE,
  jsonFileText,
} from "../schema/dataset-layout.ts";
import type {Column} from "../schema/table-columns.ts";
import {csvLine} from "../text/csv-write.ts";
import type {AssessResult} from "./assess.ts";

export interface DatasetFile {
  name: string;
  data: Uint8Array;
}

type Row = Record<string, unknown>;

/** Every file of the dataset directory, in DATASET_FILES order, then `.gitignore`. */
export function datasetFiles(
  result: Pick<
    AssessResult,
    "tickets" | "responses" | "profile" | "manifest" | "rejects" | "agents" | "salt"
  >,
): DatasetFile[] {
  const text = (s: string) => new TextEncoder().encode(s);
  return [
    {name: DATASET_FILES.tickets, data: parquetFile(TICKET_TABLE, result.tickets as unknown as Row[])},
    {name: DATASET_FILES.responses, data: parquetFile(RESPONSE_TABLE, result.responses as unknown as Row[])},
    {name: DATASET_FILES.profile, data: text(jsonFileText(result.profile))},
    {name: DATASET_FILES.manifest, data: text(jsonFileText(result.manifest))},
    {name: DATASET_FILES.rejects, data: text(csvText(REJECT_COLUMNS, result.rejects))},
    {name: DATASET_FILES.agents, data: text(csvText(AGENT_COLUMNS, result.agents))},
    {name: DATASET_FILES.salt, data: text(`${result.salt}\n`)},
    {name: ".gitignore", data: text(DATASET_GITIGNORE)},
  ];
}

/** The files in one zip, under `folder/` when given (unzipping then makes the dataset directory). */
export function zipDataset(files: DatasetFile[], folder?: string): Uint8Array {
  const prefix = folder ? `${folder}/` : "";
  // Parquet pages are compressed already: stored, not deflated again.
  return zipSync(
    Object.fromEntries(
      files.map((f) => [`${prefix}${f.name}`, [f.data, {level: f.name.endsWith(".parquet") ? 0 : 6}]]),
    ),
  );
}

function csvText<K extends string>(header: readonly K[], rows: readonly Record<K, unknown>[]): string {
  const lines = [csvLine(header)];
  for (const row of rows) lines.push(csvLine(header.map((key) => row[key])));
  return lines.join("");
}

/** Parquet schema element of one dataset column, as DuckDB writes the column. */
function element(c: Column): SchemaElement[] {
  const optional = {name: c.name, repetition_type: "OPTIONAL"} as const;
  switch (c.type) {
    case "VARCHAR":
      return [{...optional, type: "BYTE_ARRAY", converted_type: "UTF8"}];
    case "DOUBLE":
      return [{...optional, type: "DOUBLE"}];
    case "INTEGER":
      return [{...optional, type: "INT32", converted_type: "INT_32"}];
    case "TIMESTAMP":
      return [
        {
          ...optional,
          type: "INT64",
          converted_type: "TIMESTAMP_MICROS",
          logical_type: {type: "TIMESTAMP", isAdjustedToUTC: false, unit: "MICROS"},
        },
      ];
    case "VARCHAR[]":
      return [
        {...optional, converted_type: "LIST", num_children: 1},
        {name: "list", repetition_type: "REPEATED", num_children: 1},
        {name: "element", repetition_type: "OPTIONAL", type: "BYTE_ARRAY", converted_type: "UTF8"},
      ];
  }
}

function columnData(c: Column, rows: readonly Row[]): unknown[] {
  if (c.type === "TIMESTAMP")
    return rows.map((r) => {
      const ms = r[c.name];
      return typeof ms === "number" ? BigInt(Math.round(ms)) * 1000n : null;
    });
  return rows.map((r) => r[c.name] ?? null);
}

export function parquetFile(columns: readonly Column[], rows: readonly Row[]): Uint8Array {
  const schema: SchemaElement[] = [
    {name: "duckdb_schema", num_children: columns.length},
    ...columns.flatMap(element),
  ];
  const buffer = parquetWriteBuffer({
    schema,
    columnData: columns.map((c) => ({name: c.name, data: columnData(c, rows)})),
    // Min/max statistics of long texts are cut to a prefix: left out, so no reader can trust a cut one.
    statistics: false,
  });
  return new Uint8Array(buffer);
}
