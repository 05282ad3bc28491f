import {afterAll, beforeAll, describe, expect, it} from "vitest";
import {loadPrepared, prepare} from "../../loaders/metrics/prepare.ts";
import {KPIS} from "../../loaders/metrics/registry.ts";
import {runKpi} from "../../loaders/metrics/run.ts";
import {DIMENSIONS, type KpiOptions, type Row, type SqlRunner} from "../../loaders/metrics/types.ts";
import {NativeRunner} from "../../loaders/node/duckdb-native.ts";
import {createWasmRunner} from "../../loaders/node/duckdb-wasm.ts";
import {seededDataset} from "./dataset.ts";

// Floating sums may be added in another order by native DuckDB's threads: compare to 1e-9 relative.
function close(a: Row[], b: Row[]): void {
  expect(a.length).toBe(b.length);
  a.forEach((row, i) => {
    const other = b[i]!;
    expect(Object.keys(row)).toEqual(Object.keys(other));
    for (const [k, v] of Object.entries(row)) {
      const w = other[k];
      if (typeof v === "number" && typeof w === "number") {
        expect(Math.abs(v - w)).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(v)));
      } else expect(w, k).toEqual(v);
    }
  });
}

describe("native DuckDB and DuckDB-WASM", () => {
  let native: NativeRunner;
  let wasm: SqlRunner;
  beforeAll(async () => {
    const prepared = prepare({...seededDataset(), profile: {timezone: "Europe/Paris", agents: null}});
    native = await NativeRunner.create();
    wasm = await createWasmRunner();
    await loadPrepared(native, prepared);
    await loadPrepared(wasm, prepared);
  });
  afterAll(() => native.close());

  const options: KpiOptions[] = [
    {},
    {clock: "business"},
    {from: "2024-03-10", to: "2024-04-20"},
    {costs: {email: 1000, chat: 500}, targets: {email: 60, chat: 5}},
    ...DIMENSIONS.map((by) => ({by})),
  ];
  for (const k of KPIS) {
    it(`${k.id} gives the same rows in both engines`, async () => {
      for (const o of options) {
        const a = await runKpi(native, k, o);
        const b = await runKpi(wasm, k, o);
        expect(a.rows.length, JSON.stringify(o)).toBeGreaterThan(0);
        close(a.rows, b.rows);
      }
    });
  }
});
