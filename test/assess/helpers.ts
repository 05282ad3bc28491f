import {mkdir, readdir, readFile, writeFile} from "node:fs/promises";
import path from "node:path";
import {expect} from "vitest";
import type {AssessTable} from "../../loaders/assess/assess.ts";
import {blobSource, type BlobSource} from "../../loaders/assess/file-source.ts";
import {TABLES} from "../../loaders/metrics/prepare.ts";
import type {KpiOptions, Row} from "../../loaders/metrics/types.ts";
import {createWasmRunner} from "../../loaders/node/duckdb-wasm.ts";
import {kpisOf, type KpisReport} from "../../loaders/node/summary.ts";
import type {Profile} from "../../loaders/schema/index.ts";
import {runCli} from "../node/run-cli.ts";

/** Relative paths of every file under `dir`, as a folder drop lists them. */
export async function listFiles(dir: string, rel = ""): Promise<string[]> {
  const out: string[] = [];
  for (const entry of await readdir(path.join(dir, rel), {withFileTypes: true})) {
    const name = rel ? `${rel}/${entry.name}` : entry.name;
    if (entry.isDirectory()) out.push(...(await listFiles(dir, name)));
    else out.push(name);
  }
  return out;
}

/**
 * A folder dropped on the page: each file a Blob named by its path inside the dropped folder
 * (`webkitRelativePath`: the folder's own name first), in the order given, not sorted.
 */
export async function dropFolder(dir: string, folder = path.basename(dir)): Promise<BlobSource[]> {
  const files = (await listFiles(dir)).reverse();
  return Promise.all(
    files.map(async (f) => blobSource(new Blob([await readFile(path.join(dir, f))]), `${folder}/${f}`)),
  );
}

/** `servicebench ingest <dir> --org <org> --out <out>` with a known salt, so agent codes match. */
export async function cliIngest(
  dir: string,
  org: string,
  out: string,
  salt: string,
  engine: "javascript" | "auto",
): Promise<{code: number; problems: string[]; stderr: string}> {
  await mkdir(out, {recursive: true});
  await writeFile(path.join(out, "salt.private"), `${salt}\n`);
  const run = await runCli(["ingest", dir, "--org", org, "--out", out, "--engine", engine]);
  // Problem lines are what stderr holds besides the warnings.
  const problems = run.stderr.split("\n").filter((l) => l !== "" && !l.startsWith("warning: "));
  return {code: run.code, problems, stderr: run.stderr};
}

/** Every KPI computed in DuckDB-WASM (Node) over the worker's Arrow IPC tables. */
export async function kpisFromIpc(
  tables: AssessTable[],
  profile: Profile,
  options: KpiOptions = {},
): Promise<KpisReport> {
  const runner = await createWasmRunner();
  for (const spec of TABLES) {
    const table = tables.find((t) => t.name === spec.name);
    expect(table, spec.name).toBeDefined();
    await runner.loadTableIpc(spec, table!.ipc);
  }
  return kpisOf(runner, {profile}, options);
}

/** Reports equal, numbers to 1e-9 relative (native DuckDB's threads may add floats in another order). */
export function expectSameReport(a: KpisReport, b: KpisReport): void {
  expect({...a, kpis: []}).toEqual({...b, kpis: []});
  expect(a.kpis.map((k) => k.id)).toEqual(b.kpis.map((k) => k.id));
  a.kpis.forEach((k, i) => {
    const other = b.kpis[i]!;
    expect({...k, rows: []}).toEqual({...other, rows: []});
    expectCloseRows(k.rows, other.rows, k.id);
  });
}

export function expectCloseRows(a: Row[], b: Row[], label: string): void {
  expect(a.length, label).toBe(b.length);
  a.forEach((row, i) => {
    const other = b[i]!;
    expect(Object.keys(row), label).toEqual(Object.keys(other));
    for (const [k, v] of Object.entries(row)) {
      const w = other[k];
      if (typeof v === "number" && typeof w === "number")
        expect(Math.abs(v - w), `${label} ${k}`).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(v)));
      else expect(w, `${label} ${k}`).toEqual(v);
    }
  });
}

/** A manifest without its run time, which differs between two runs. */
export const timeless = (m: {generated_at: string}) => ({...m, generated_at: ""});
