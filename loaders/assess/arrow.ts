/**
 * Prepared tables as Arrow IPC streams, for the page to hand to DuckDB-WASM. Built with flechette,
 * which writes typed buffers directly: apache-arrow's `vectorFromArray` compiles code from text,
 * which the site's Content-Security-Policy forbids.
 *
 * The columns' buffers are filled here rather than by flechette's value builders, which encode
 * every string on its own (a TextEncoder call per cell: two thirds of the time on 100,000
 * tickets). The buffers are laid out exactly as those builders lay them out (one batch, 64-bit
 * aligned, zero padded, an empty validity buffer when nothing is null), so the stream's bytes
 * are the same; test/assess/arrow.test.ts holds them to it.
 */
import {
  Column,
  batchType,
  bool,
  float64,
  int32,
  tableFromArrays,
  tableFromColumns,
  tableToIPC,
  utf8,
  type DataType,
} from "@uwdata/flechette";
import type {PreparedRow} from "../metrics/prepare.ts";
import type {ColumnType, TableSpec} from "../metrics/types.ts";

const ARROW: Record<ColumnType, () => DataType> = {
  VARCHAR: () => utf8(),
  DOUBLE: () => float64(),
  INTEGER: () => int32(),
  BOOLEAN: () => bool(),
};

/** One table as an Arrow IPC stream holding exactly the spec's columns, in order, with its types. */
export function tableIpc(spec: TableSpec, rows: readonly PreparedRow[]): Uint8Array {
  const columns = spec.columns.map((c): [string, unknown[]] => {
    const values = new Array<unknown>(rows.length);
    for (let i = 0; i < rows.length; i++) values[i] = rows[i]![c.name];
    return [c.name, values];
  });
  return columnsIpc(spec, columns);
}

/** The same stream from the table's columns, each an array of its values (undefined = null). */
export function columnsIpc(spec: TableSpec, columns: [string, ArrayLike<unknown>][]): Uint8Array {
  const length = columns[0]?.[1].length ?? 0;
  if (length === 0) {
    // No rows: flechette writes no batch at all, which the builders below never do.
    const types = Object.fromEntries(spec.columns.map((c) => [c.name, ARROW[c.type]()]));
    const empty = spec.columns.map((c): [string, unknown[]] => [c.name, []]);
    return tableToIPC(tableFromArrays(empty, {types}), {format: "stream"})!;
  }
  const built = spec.columns.map((c, k): [string, Column<unknown>] => {
    const [name, values] = columns[k]!;
    if (name !== c.name) throw new Error(`column ${k} is ${name}, the spec says ${c.name}`);
    return [name, BUILD[c.type](values)];
  });
  return tableToIPC(tableFromColumns(built), {format: "stream"})!;
}

/** Elements of a 64-bit aligned buffer holding `length` elements of `bytes` bytes each. */
const aligned = (length: number, bytes: number) => ((length * bytes + 7) & -8) / bytes;

/** Validity bitmap and null count of a column: bit set = a value; no nulls = an empty buffer. */
function validityOf(values: ArrayLike<unknown>): {validity: Uint8Array; nullCount: number} {
  const n = values.length;
  const validity = new Uint8Array(aligned(((n - 1) >> 3) + 1, 1));
  let nullCount = 0;
  for (let i = 0; i < n; i++) {
    if (values[i] == null) nullCount++;
    else validity[i >> 3]! |= 1 << (i & 7);
  }
  return {validity: nullCount ? validity : new Uint8Array(0), nullCount};
}

function column(type: DataType, values: ArrayLike<unknown>, buffers: object): Column<unknown> {
  const Batch = batchType(type);
  const {validity, nullCount} = validityOf(values);
  return new Column([new Batch({length: values.length, nullCount, type, validity, ...buffers})], type);
}

const encoder = new TextEncoder();

function utf8Column(values: ArrayLike<unknown>): Column<unknown> {
  const n = values.length;
  const offsets = new Int32Array(aligned(n + 1, 4));
  let bytes = new Uint8Array(Math.max(512, n * 8));
  let pos = 0;
  for (let i = 0; i < n; i++) {
    const v = values[i];
    if (v != null) {
      const s = typeof v === "string" ? v : String(v);
      const len = s.length;
      if (pos + len * 3 >= bytes.length) {
        const grown = new Uint8Array(Math.max(bytes.length * 2, pos + len * 3 + 1));
        grown.set(bytes.subarray(0, pos));
        bytes = grown;
      }
      // ASCII, most cells, byte for byte; the rest of a cell past its first other character
      // through the encoder (lone surrogates become U+FFFD there, as TextEncoder.encode does).
      let k = 0;
      for (; k < len; k++) {
        const c = s.charCodeAt(k);
        if (c >= 0x80) break;
        bytes[pos + k] = c;
      }
      pos += k;
      if (k < len) pos += encoder.encodeInto(s.slice(k), bytes.subarray(pos)).written;
    }
    offsets[i + 1] = pos;
  }
  // One byte past the last value, 64-bit aligned, as flechette's builder leaves it.
  const size = aligned(pos + 1, 1);
  const data = size <= bytes.length ? bytes.subarray(0, size) : grownTo(bytes, size);
  return column(utf8(), values, {offsets, values: data});
}

function grownTo(bytes: Uint8Array, size: number): Uint8Array {
  const out = new Uint8Array(size);
  out.set(bytes);
  return out;
}

function float64Column(values: ArrayLike<unknown>): Column<unknown> {
  const n = values.length;
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const v = values[i];
    if (v != null) out[i] = v as number;
  }
  return column(float64(), values, {values: out});
}

function int32Column(values: ArrayLike<unknown>): Column<unknown> {
  const n = values.length;
  const out = new Int32Array(aligned(n, 4));
  for (let i = 0; i < n; i++) {
    const v = values[i];
    if (v != null) out[i] = v as number;
  }
  return column(int32(), values, {values: out});
}

function boolColumn(values: ArrayLike<unknown>): Column<unknown> {
  const n = values.length;
  const out = new Uint8Array(aligned(((n - 1) >> 3) + 1, 1));
  for (let i = 0; i < n; i++) if (values[i]) out[i >> 3]! |= 1 << (i & 7);
  return column(bool(), values, {values: out});
}

const BUILD: Record<ColumnType, (values: ArrayLike<unknown>) => Column<unknown>> = {
  VARCHAR: utf8Column,
  DOUBLE: float64Column,
  INTEGER: int32Column,
  BOOLEAN: boolColumn,
};
