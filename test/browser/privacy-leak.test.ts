/**
 * The site built over a seeded-PII export (test/privacy/seeded-export.ts) ships none of the
 * seeded names, addresses or phone numbers, as UTF-8 text or inside Arrow files' bytes, and no
 * local path. No browser is needed; it sits with the other builds because they share
 * Framework's data-loader cache and must not run at the same time.
 */
import {execFileSync} from "node:child_process";
import {mkdtemp, rm} from "node:fs/promises";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {afterAll, beforeAll, describe, expect, it} from "vitest";
import {runCli} from "../node/run-cli.ts";
import {leaksUnder} from "../privacy/leaks.ts";
import {SEEDED, writeSeededExport} from "../privacy/seeded-export.ts";

describe("a site built over a seeded-PII export", () => {
  let root: string;
  let dist: string;
  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), "servicebench-site-leak-"));
    const {exports, mapping} = await writeSeededExport(root);
    const dataset = join(root, "dataset");
    await runCli(["ingest", exports, "--org", "leak", "--out", dataset, "--mapping", mapping, "--tz", "UTC"]);
    dist = join(root, "dist");
    execFileSync("npm", ["run", "build"], {
      stdio: ["ignore", "ignore", "inherit"],
      env: {...process.env, SERVICEBENCH_DATA: dataset, SERVICEBENCH_SITE_OUT: dist},
    });
  });
  afterAll(async () => {
    if (root) await rm(root, {recursive: true, force: true});
  });

  it("ships none of the seeded strings and no local path", async () => {
    expect(await leaksUnder(dist, [...SEEDED, root])).toEqual([]);
  });
});
