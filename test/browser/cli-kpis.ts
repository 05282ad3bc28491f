import {spawnSync} from "node:child_process";
import {mkdtempSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {expect} from "vitest";

/** One KPI of `servicebench kpis --json`. */
export interface CliKpi {
  id: string;
  shape: string;
  rows: Record<string, number | string | boolean | null>[];
}

/** `servicebench <args>`: stdout, stderr and the exit code (1 = rows rejected, still a dataset). */
export function cli(...args: string[]) {
  const r = spawnSync("node", ["bin/servicebench.js", ...args], {encoding: "utf8"});
  if (r.status !== 0 && r.status !== 1) throw new Error(`servicebench ${args.join(" ")}: ${r.stderr}`);
  return {stdout: r.stdout, stderr: r.stderr, status: r.status};
}

/**
 * The demo organisation ingested into a new temporary directory, returned. Exit 1 still writes
 * the dataset: the rows it could not read are not KPI inputs.
 */
export function ingestDemo(name: string): string {
  const dir = mkdtempSync(join(tmpdir(), `servicebench-${name}-`));
  cli("ingest", "data/demo", "--org", "demo-outdoor-gear", "--out", dir);
  return dir;
}

/** `servicebench kpis <dataset> --json`, by KPI id. */
export const cliKpis = (dataset: string): Map<string, CliKpi> =>
  new Map((JSON.parse(cli("kpis", dataset, "--json").stdout) as {kpis: CliKpi[]}).kpis.map((k) => [k.id, k]));

/**
 * Each card's value (`[kpi id, shown value]`) equals the command line's headline for that KPI:
 * p50 for durations, the value otherwise; an empty value where the command line has none.
 */
export function expectCardsMatch(cards: readonly (readonly [string, string])[], report: Map<string, CliKpi>) {
  expect(cards.length).toBeGreaterThanOrEqual(10);
  for (const [id, shown] of cards) {
    const k = report.get(id);
    expect(k, `${id} is missing from the command line's output`).toBeDefined();
    const row = k!.rows[0]!;
    const expected = (k!.shape === "duration" ? row.p50 : row.value) as number | null;
    if (expected === null) expect(shown, id).toBe("");
    else expect(Number(shown), id).toBeCloseTo(expected, 9);
  }
}
