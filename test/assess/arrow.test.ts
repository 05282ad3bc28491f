/**
 * The self-assessment's Arrow streams, built column by column in loaders/assess/arrow.ts, are the
 * bytes flechette's own value builders write for the same rows (`tableFromArrays`), whatever the
 * values: nulls anywhere, empty strings, accents, emoji, lone surrogates, lengths either side of
 * a bitmap byte, no row at all.
 */
import fc from "fast-check";
import {
  bool,
  float64,
  int32,
  tableFromArrays,
  tableFromIPC,
  tableToIPC,
  utf8,
  type DataType,
} from "@uwdata/flechette";
import {describe, expect, it} from "vitest";
import {columnsIpc, tableIpc} from "../../loaders/assess/arrow.ts";
import {TABLES, type PreparedRow} from "../../loaders/metrics/prepare.ts";
import type {ColumnType, TableSpec} from "../../loaders/metrics/types.ts";

const TYPES: Record<ColumnType, () => DataType> = {
  VARCHAR: () => utf8(),
  DOUBLE: () => float64(),
  INTEGER: () => int32(),
  BOOLEAN: () => bool(),
};

/** What flechette's builders write: the stream the column builders must match byte for byte. */
function reference(spec: TableSpec, rows: readonly PreparedRow[]): Uint8Array {
  const columns = spec.columns.map((c): [string, unknown[]] => [c.name, rows.map((r) => r[c.name] ?? null)]);
  const types = Object.fromEntries(spec.columns.map((c) => [c.name, TYPES[c.type]()]));
  return tableToIPC(tableFromArrays(columns, {types}), {format: "stream"})!;
}

const SPEC: TableSpec = {
  name: "mixed",
  columns: [
    {name: "s", type: "VARCHAR"},
    {name: "d", type: "DOUBLE"},
    {name: "i", type: "INTEGER"},
    {name: "b", type: "BOOLEAN"},
    {name: "t", type: "VARCHAR"},
  ],
};

const text = fc.oneof(
  fc.string(),
  fc.string({unit: "grapheme"}),
  fc.string({unit: "binary"}),
  fc.constantFrom("", "Zéphyrine", "😀 ok", "\ud800", "a\udc00b", "x".repeat(700)),
);
const maybe = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, {nil: null, freq: 3});
const row = fc.record({
  s: maybe(text),
  d: maybe(fc.double()),
  i: maybe(fc.integer()),
  b: maybe(fc.boolean()),
  t: fc.oneof(maybe(text), fc.constant(undefined)),
});

describe("the self-assessment's Arrow streams", () => {
  it("are the bytes flechette's builders write, for any rows", () => {
    fc.assert(
      fc.property(fc.array(row, {maxLength: 40}), (rows) => {
        const prepared = rows as unknown as PreparedRow[];
        expect(tableIpc(SPEC, prepared)).toEqual(reference(SPEC, prepared));
      }),
    );
  });

  it("are the same for every prepared table, with no row, one, and a thousand", () => {
    const n = 1000;
    const made = (spec: TableSpec, count: number): PreparedRow[] =>
      Array.from({length: count}, (_, k) =>
        Object.fromEntries(
          spec.columns.map((c, j) => {
            if ((k + j) % 7 === 0) return [c.name, null];
            const value =
              c.type === "VARCHAR"
                ? `v${k}-${"é".repeat(j % 3)}`
                : c.type === "BOOLEAN"
                  ? k % 2 === 0
                  : k * 3 + j;
            return [c.name, value];
          }),
        ),
      );
    for (const spec of TABLES)
      for (const count of [0, 1, n]) {
        const rows = made(spec, count);
        expect(tableIpc(spec, rows), `${spec.name}, ${count} rows`).toEqual(reference(spec, rows));
      }
  });

  it("read back as the values given, from columns", () => {
    const ipc = columnsIpc(SPEC, [
      ["s", ["a", null, "ü"]],
      ["d", [1.5, null, -2]],
      ["i", [1, 2, null]],
      ["b", [true, false, null]],
      ["t", [null, null, null]],
    ]);
    expect(tableFromIPC(ipc).toArray()).toEqual([
      {s: "a", d: 1.5, i: 1, b: true, t: null},
      {s: null, d: null, i: 2, b: false, t: null},
      {s: "ü", d: -2, i: null, b: null, t: null},
    ]);
  });
});
