/**
 * The hostile-input corpus (scripts/hostile-corpus.ts): every case is ingested through the
 * command line and must end as the corpus says (exit code, messages, manifest totals). Whatever
 * the input, the ingest never reports an internal error, never prints a raw control character,
 * and every manifest it writes balances.
 */
import {mkdtemp, readFile, rm} from "node:fs/promises";
import {tmpdir} from "node:os";
import path from "node:path";
import {afterAll, describe, expect, it} from "vitest";
import {Manifest} from "../../loaders/schema/index.ts";
import {corpusCases, fileCount, writeCase, type CorpusCase} from "../../scripts/hostile-corpus.ts";
import {runCli} from "../node/run-cli.ts";

const root = await mkdtemp(path.join(tmpdir(), "servicebench-hostile-"));
afterAll(() => rm(root, {recursive: true, force: true}));

const cases = corpusCases();

/** Runs one case; the dataset goes to `<case>-out` unless the case names its own --out. */
async function ingestCase(c: CorpusCase) {
  const dir = path.join(root, c.name);
  await writeCase(dir, c);
  const out = `${dir}-out`;
  const args = (c.args ?? []).map((a) => a.replaceAll("{case}", dir));
  const inputs = (c.inputs ?? ["."]).map((p) => path.join(dir, p));
  const own = args.includes("--out") ? [] : ["--out", out];
  const run = await runCli(["ingest", ...inputs, "--org", "hostile", ...own, ...args]);
  const manifest = await readFile(path.join(out, "manifest.json"), "utf8").then(
    (text) => Manifest.parse(JSON.parse(text)),
    () => null,
  );
  return {...run, manifest, printed: `${run.stdout}\n${run.stderr}`};
}

describe("hostile-input corpus", () => {
  it("holds at least 60 files across formats", () => {
    expect(fileCount(cases)).toBeGreaterThanOrEqual(60);
    expect(new Set(cases.map((c) => c.name)).size).toBe(cases.length);
  });

  it.each(cases.map((c) => [c.name, c] as const))("%s", async (_, c) => {
    const r = await ingestCase(c);
    expect(r.printed).not.toContain("internal error");
    // No control character from a file reaches the terminal (line breaks are the output's own).
    // eslint-disable-next-line no-control-regex -- the point of the check
    expect(r.printed.replace(/\n/g, "")).not.toMatch(/[\u0000-\u001f\u007f-\u009f\u202a-\u202e]/);
    expect({code: r.code, printed: r.printed}).toMatchObject({code: c.expect.code});
    for (const m of c.expect.messages ?? []) expect(r.printed).toMatch(m);
    if (c.expect.totals) {
      expect(r.manifest).not.toBeNull();
      expect(r.manifest!.totals).toMatchObject(c.expect.totals);
    }
  });
});
