import {mkdtemp, rm} from "node:fs/promises";
import {tmpdir} from "node:os";
import path from "node:path";
import {afterEach, beforeEach, describe, expect, it} from "vitest";
import {readParquet, writeParquet, WRITE_MEMORY} from "../../loaders/node/parquet.ts";
import type {Column} from "../../loaders/node/table-columns.ts";

const COLUMNS: Column[] = [
  {name: "id", type: "VARCHAR"},
  {name: "word", type: "VARCHAR"},
  {name: "at", type: "TIMESTAMP"},
  {name: "x", type: "DOUBLE"},
  {name: "n", type: "INTEGER"},
  {name: "tags", type: "VARCHAR[]"},
];

let dir = "";
beforeEach(async () => (dir = await mkdtemp(path.join(tmpdir(), "servicebench-parquet-"))));
afterEach(async () => rm(dir, {recursive: true, force: true}));

async function roundTrip(rows: Record<string, unknown>[]): Promise<Record<string, unknown>[]> {
  const file = path.join(dir, "t.parquet");
  await writeParquet(file, COLUMNS, rows);
  return readParquet(file, COLUMNS);
}

const row = (id: string | null, word: string | null, extra: Record<string, unknown> = {}) => ({
  id,
  word,
  at: Date.UTC(2024, 0, 1),
  x: 1.5,
  n: 2,
  tags: [],
  ...extra,
});

describe("writeParquet", () => {
  it("reads back ids with leading zeros, long digit runs and digit-only words exactly", async () => {
    const ids = ["12345", "007", "0", "000", "a-0", "ticket-00120", "1234567890123456789012", "x9", "", "é1"];
    const rows = ids.map((id, i) => row(id, i % 2 ? `${i}` : "Tier 1"));
    expect(await roundTrip(rows)).toEqual(rows);
  });

  it("reads back nulls in every nullable column type, and numbers at their limits", async () => {
    const rows = [
      row("1", null, {at: null, x: null, n: null}),
      row(null, "w", {x: -0.25, n: -2147483647, tags: ["a", 'b, "c"']}),
      row("3", "w", {x: Number.MAX_VALUE, n: 0, tags: ["a"]}),
    ];
    expect(await roundTrip(rows)).toEqual(rows);
  });

  it("keeps row order and values across several chunks, when later ids stop being numbers", async () => {
    const rows = Array.from({length: 5000}, (_, i) =>
      row(i < 3000 ? String(i) : `id-${i}x`, `g${i % 7}`, {tags: i % 3 ? [`t${i % 5}`] : []}),
    );
    expect(await roundTrip(rows)).toEqual(rows);
  });

  it("writes an empty table", async () => {
    expect(await roundTrip([])).toEqual([]);
  });
});

describe("writeParquet memory bound", () => {
  it("writes the same rows when the COPY does not fit its bound and is retried without it", async () => {
    const file = path.join(dir, "t.parquet");
    const rows = Array.from({length: 5000}, (_, i) => row(String(i), `w${i}`, {tags: [`t${i % 5}`]}));
    await writeParquet(file, COLUMNS, rows, {stage: WRITE_MEMORY.stage, copy: "1MB"});
    expect(await readParquet(file, COLUMNS)).toEqual(rows);
  });
});
