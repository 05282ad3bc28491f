import {mkdtemp, rm} from "node:fs/promises";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {afterAll, beforeAll, describe, expect, it} from "vitest";
import {CUBE_TABLE_NAMES, loadCubeTables} from "../../loaders/metrics/cube-tables.ts";
import {EXAMPLE_QUERIES, createHelpers} from "../../loaders/metrics/macros.ts";
import {TABLES, loadPrepared, prepare, type Prepared} from "../../loaders/metrics/prepare.ts";
import type {SqlRunner} from "../../loaders/metrics/types.ts";
import {NativeRunner} from "../../loaders/node/duckdb-native.ts";
import {createWasmRunner} from "../../loaders/node/duckdb-wasm.ts";
import {siteDataset} from "../../loaders/node/site/dataset.ts";

/** The Explore page's examples run on the demo organisation in both engines, each over its mode's tables. */
let prepared: Prepared;
let cache: string;
beforeAll(async () => {
  cache = await mkdtemp(join(tmpdir(), "servicebench-examples-"));
  prepared = prepare(await siteDataset({}, cache));
});
afterAll(() => rm(cache, {recursive: true, force: true}));

for (const mode of ["tickets", "cubes"] as const) {
  for (const engine of ["native DuckDB", "DuckDB-WASM"] as const) {
    describe(`examples in ${mode} mode, ${engine}`, () => {
      let db: SqlRunner;
      let native: NativeRunner | undefined;
      beforeAll(async () => {
        db = engine === "native DuckDB" ? (native = await NativeRunner.create()) : await createWasmRunner();
        if (mode === "tickets") await loadPrepared(db, prepared);
        else await loadCubeTables(db, prepared);
        const names = mode === "tickets" ? TABLES.map((t) => t.name) : [...CUBE_TABLE_NAMES, "days", "meta"];
        await createHelpers(db, names);
      });
      afterAll(() => native?.close());

      for (const example of EXAMPLE_QUERIES.filter((e) => e.mode === mode)) {
        it(`${example.id} returns rows`, async () => {
          // Sums come back as HUGEINT, which the test runner refuses: read every column as text.
          const rows = await db.query(
            `SELECT COLUMNS(*)::VARCHAR FROM (${example.sql.replace(/--[^\n]*\n/g, "")})`,
          );
          expect(rows.length).toBeGreaterThan(example.id.startsWith("billing") ? 1 : 0);
        });
      }
    });
  }
}
