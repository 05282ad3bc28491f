import {createRequire} from "node:module";
import path from "node:path";
import * as duckdb from "@duckdb/duckdb-wasm/blocking";
import {WasmRunner, type WasmConnection} from "../metrics/runner-wasm.ts";

/** DuckDB-WASM (the engine the site runs) inside Node, for tests that compare it with native DuckDB. */
export async function createWasmRunner(): Promise<WasmRunner> {
  const require = createRequire(import.meta.url);
  const dist = path.dirname(require.resolve("@duckdb/duckdb-wasm/dist/duckdb-node-blocking.cjs"));
  const bundles = {
    mvp: {
      mainModule: path.join(dist, "duckdb-mvp.wasm"),
      mainWorker: path.join(dist, "duckdb-node-mvp.worker.cjs"),
    },
    eh: {
      mainModule: path.join(dist, "duckdb-eh.wasm"),
      mainWorker: path.join(dist, "duckdb-node-eh.worker.cjs"),
    },
  };
  const db = await duckdb.createDuckDB(bundles, new duckdb.VoidLogger(), duckdb.NODE_RUNTIME);
  await db.instantiate();
  return new WasmRunner(db.connect() as unknown as WasmConnection);
}
