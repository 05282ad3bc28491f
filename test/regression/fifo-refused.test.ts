/** FIFOs and other non-regular files are refused up front (issue 15): reading one would wait forever. */
import {execFileSync} from "node:child_process";
import {mkdir, mkdtemp, rm, writeFile} from "node:fs/promises";
import {tmpdir} from "node:os";
import path from "node:path";
import {afterAll, describe, expect, it} from "vitest";
import {runCli} from "../node/run-cli.ts";

const dir = await mkdtemp(path.join(tmpdir(), "servicebench-fifo-"));
afterAll(() => rm(dir, {recursive: true, force: true}));

describe("non-regular files", () => {
  it("a FIFO named on the command line is a usage error, and nothing waits on it", async () => {
    const fifo = path.join(dir, "pipe.csv");
    execFileSync("mkfifo", [fifo]);
    const r = await runCli(["ingest", fifo, "--org", "o", "--out", path.join(dir, "out")]);
    expect(r).toMatchObject({
      code: 2,
      stderr: `servicebench: ${fifo}: not a regular file but a FIFO: give an export file or a directory\n`,
    });
    const dev = await runCli(["ingest", "/dev/null", "--org", "o", "--out", path.join(dir, "out")]);
    expect(dev.stderr).toContain("not a regular file but a device");
  });

  it("a FIFO inside a folder is listed as not read; the folder's exports are read", async () => {
    const folder = path.join(dir, "folder");
    await mkdir(folder);
    execFileSync("mkfifo", [path.join(folder, "a-pipe.csv")]);
    await writeFile(
      path.join(folder, "z.csv"),
      "Id,Subject,Status,Via,Created at\n1,x,Open,Mail,2024-03-01 10:00:00\n",
    );
    const r = await runCli(["ingest", folder, "--org", "o", "--out", path.join(dir, "folder-out")]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(
      `not read (not regular files): ${path.join(folder, "a-pipe.csv")} (not a regular file but a FIFO)`,
    );
  });
});
