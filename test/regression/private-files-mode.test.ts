/**
 * The owner's private files (`agents.private.csv`, `salt.private`) are readable by the owner
 * only (mode 0600), also when re-ingesting over files left readable by an earlier version.
 */
import {chmod, mkdtemp, rm, stat, writeFile} from "node:fs/promises";
import {tmpdir} from "node:os";
import path from "node:path";
import {afterAll, beforeAll, describe, expect, it} from "vitest";
import {runCli} from "../node/run-cli.ts";

const mode = async (file: string) => ((await stat(file)).mode & 0o777).toString(8);

describe("private files are 0600", () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), "servicebench-private-"));
    await writeFile(
      path.join(dir, "tickets.csv"),
      "Id,Created at,Status,Via,Assignee\n1,2024-05-02 08:00,Open,Mail,Marguerite Lefebvre\n",
    );
  });
  afterAll(async () => {
    if (dir) await rm(dir, {recursive: true, force: true});
  });

  it("on a new dataset and over world-readable files", async () => {
    const out = path.join(dir, "dataset");
    const ingest = () => runCli(["ingest", path.join(dir, "tickets.csv"), "--org", "acme", "--out", out]);
    expect((await ingest()).code).toBe(0);
    for (const f of ["agents.private.csv", "salt.private"]) expect(await mode(path.join(out, f))).toBe("600");
    for (const f of ["agents.private.csv", "salt.private"]) await chmod(path.join(out, f), 0o644);
    expect((await ingest()).code).toBe(0);
    for (const f of ["agents.private.csv", "salt.private"]) expect(await mode(path.join(out, f))).toBe("600");
  });
});
