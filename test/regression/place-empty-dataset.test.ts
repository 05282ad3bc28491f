import {mkdtemp, rm, writeFile} from "node:fs/promises";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {describe, expect, it} from "vitest";
import {spawnSync} from "node:child_process";

/** The real command line, every command registered. */
const cli = (...args: string[]) => {
  const r = spawnSync("node", ["bin/servicebench.js", ...args], {encoding: "utf8"});
  return {code: r.status, stderr: r.stderr};
};

describe("placing a dataset with no ticket", () => {
  it("is bad input naming the dataset, not an internal error", async () => {
    const root = await mkdtemp(join(tmpdir(), "servicebench-empty-"));
    try {
      const csv = join(root, "tickets.csv");
      // A Zendesk export with its header and no row.
      await writeFile(csv, "Id,Created at,Status,Via\n");
      const ingest = cli("ingest", csv, "--org", "empty", "--out", join(root, "ds"));
      expect(ingest.code).toBe(0);
      const place = cli("place", join(root, "ds"));
      expect(place.code).toBe(1);
      expect(place.stderr).toContain(`${join(root, "ds")}: cannot place: no model feature is known`);
      expect(place.stderr).not.toContain("internal error");
    } finally {
      await rm(root, {recursive: true, force: true});
    }
  });
});
