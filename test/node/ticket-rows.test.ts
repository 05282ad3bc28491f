import {mkdtemp, rm, writeFile} from "node:fs/promises";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {afterAll, beforeAll, describe, expect, it} from "vitest";
import {loadPrepared, prepare, type Prepared} from "../../loaders/metrics/prepare.ts";
import {NativeRunner} from "../../loaders/node/duckdb-native.ts";
import {ROW_TABLES, STORAGE_VERSION, ticketRowsFile} from "../../loaders/node/site/ticket-rows.ts";
import {byteRange} from "../browser/static-server.ts";
import {seededDataset} from "../metrics/dataset.ts";

describe("the ticket rows file of a cube-mode site", () => {
  let dir: string;
  let prepared: Prepared;
  let db: NativeRunner;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), "servicebench-rows-"));
    prepared = prepare({...seededDataset(), profile: {timezone: "Europe/Paris", agents: null}});
    await writeFile(join(dir, "rows.duckdb"), await ticketRowsFile(prepared));
    await writeFile(join(dir, "empty.duckdb"), await ticketRowsFile(null));
    db = await NativeRunner.create();
    // The prepared tables as ticket mode loads them, beside the file attached read-only.
    await loadPrepared(db, prepared);
    await db.connection.run(`ATTACH '${join(dir, "rows.duckdb")}' AS shipped (READ_ONLY)`);
    await db.connection.run(`ATTACH '${join(dir, "empty.duckdb")}' AS empty (READ_ONLY)`);
  });
  afterAll(async () => {
    db?.close();
    await rm(dir, {recursive: true, force: true});
  });

  it("holds the prepared tables row for row, with their columns and types", async () => {
    for (const spec of ROW_TABLES) {
      const columns = (schema: string) =>
        db.query(
          `SELECT column_name, data_type FROM duckdb_columns() WHERE database_name = '${schema}' AND table_name = '${spec.name}' ORDER BY column_index`,
        );
      expect(await columns("shipped"), spec.name).toEqual(await columns("memory"));
      const [diff] = await db.query(
        `SELECT (SELECT count(*) FROM (FROM shipped.${spec.name} EXCEPT ALL FROM memory.${spec.name})) +
                (SELECT count(*) FROM (FROM memory.${spec.name} EXCEPT ALL FROM shipped.${spec.name})) AS n,
                (SELECT count(*) FROM shipped.${spec.name}) AS rows`,
      );
      expect(diff, spec.name).toEqual({n: 0, rows: prepared[spec.name as keyof Prepared].length});
      expect((await columns("empty")).length, spec.name).toBe(spec.columns.length);
      const [empty] = await db.query(`SELECT count(*) AS n FROM empty.${spec.name}`);
      expect(empty!.n).toBe(0);
    }
  });

  it("keeps tickets and their tags in creation order, responses in their own (rowid: the file's order)", async () => {
    const ordered = async (sql: string) => {
      const [r] = await db.query(
        `SELECT count(*) FILTER (WHERE k < lag_k) AS back FROM (SELECT k, lag(k) OVER (ORDER BY i) AS lag_k FROM (${sql}))`,
      );
      return r!.back;
    };
    expect(
      await ordered(
        "SELECT rowid AS i, created_date || lpad(CAST(created_at_ms AS VARCHAR), 20, '0') AS k FROM shipped.tickets",
      ),
    ).toBe(0);
    expect(
      await ordered(
        "SELECT g.rowid AS i, t.created_date AS k FROM shipped.ticket_tags g JOIN memory.tickets t USING (ticket_id)",
      ),
    ).toBe(0);
    expect(await ordered("SELECT rowid AS i, responded_date AS k FROM shipped.responses")).toBe(0);
  });

  it("is written in the storage format the site's DuckDB-WASM (DuckDB 1.1) reads", async () => {
    // The main header: a checksum, the magic "DUCK", then the storage version number, 64 for the
    // files DuckDB 1.0 and 1.1 write and read.
    expect(STORAGE_VERSION).toBe("v1.1.0");
    const header = Buffer.from(await ticketRowsFile(null)).subarray(0, 20);
    expect(header.subarray(8, 12).toString("latin1")).toBe("DUCK");
    expect(header.readBigUInt64LE(12)).toBe(64n);
  });
});

describe("the test server's byte ranges", () => {
  it("answer a range, an open range, a suffix, and refuse one past the end", () => {
    expect(byteRange(undefined, 100)).toBeNull();
    expect(byteRange("bytes=0-0", 100)).toEqual({start: 0, end: 0});
    expect(byteRange("bytes=10-", 100)).toEqual({start: 10, end: 99});
    expect(byteRange("bytes=90-200", 100)).toEqual({start: 90, end: 99});
    expect(byteRange("bytes=-10", 100)).toEqual({start: 90, end: 99});
    expect(byteRange("bytes=100-", 100)).toBe("unsatisfiable");
    expect(byteRange("bytes=5-2", 100)).toBe("unsatisfiable");
    expect(byteRange("items=0-1", 100)).toBeNull();
  });
});
