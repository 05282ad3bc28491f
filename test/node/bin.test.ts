import {spawnSync} from "node:child_process";
import {mkdtemp, readFile, rm} from "node:fs/promises";
import {tmpdir} from "node:os";
import path from "node:path";
import {fileURLToPath} from "node:url";
import {describe, expect, it} from "vitest";

const root = fileURLToPath(new URL("../../", import.meta.url));
const servicebench = (...args: string[]) =>
  spawnSync(process.execPath, [path.join(root, "bin/servicebench.js"), ...args], {
    cwd: root,
    encoding: "utf8",
    env: {...process.env, TZ: "UTC"},
  });

// The ingest and demo commands are wired into the program in loaders/node/commands/index.ts.
const wired =
  /\bingest\b/.test(servicebench("--help").stdout) && /\bdemo\b/.test(servicebench("--help").stdout);
if (!wired)
  console.warn("bin.test.ts: ingest/demo not registered in loaders/node/commands/index.ts yet; skipping");

describe.skipIf(!wired)("bin/servicebench.js", () => {
  it("writes the demo and ingests it end to end", async () => {
    const dir = await mkdtemp(path.join(tmpdir(), "servicebench-bin-"));
    try {
      const demo = servicebench("demo", "--out", path.join(dir, "demo"));
      expect(demo.status).toBe(0);
      const ingest = servicebench(
        "ingest",
        path.join(dir, "demo"),
        "--org",
        "demo-outdoor-gear",
        "--out",
        path.join(dir, "ds"),
      );
      expect(ingest.stdout).toMatch(/zendesk-json/);
      expect(ingest.stderr).not.toMatch(/\n\s+at /);
      expect([0, 1]).toContain(ingest.status);
      const manifest = JSON.parse(await readFile(path.join(dir, "ds", "manifest.json"), "utf8"));
      expect(manifest.totals.tickets).toBeGreaterThan(3000);
    } finally {
      await rm(dir, {recursive: true, force: true});
    }
  });

  it("exits 2 with one line on a usage error", () => {
    const run = servicebench("ingest", "nowhere.json", "--org", "acme", "--out", "x", "--tz", "Nowhere/Zone");
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/--tz "Nowhere\/Zone"/);
  });
});
