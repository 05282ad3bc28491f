/**
 * No absolute local path in a shipped file (issue 15): `source_file`, `file#line` response ids,
 * the manifest and rejects.csv name input files relative to the ingest's input root, in both
 * engines; names that are absolute anyway (a dataset written before) ship as base names.
 */
import {mkdir, mkdtemp, readFile, rm, writeFile} from "node:fs/promises";
import {tmpdir} from "node:os";
import path from "node:path";
import {afterAll, beforeAll, describe, expect, it} from "vitest";
import {readDataset} from "../../loaders/node/dataset.ts";
import {inputRoot, relativeTo, shippedPath, shippedPathId} from "../../loaders/privacy/paths.ts";
import {runCli} from "../node/run-cli.ts";

describe("input files are named relative to the input root", () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), "servicebench-paths-"));
    await mkdir(path.join(dir, "exports", "2024"), {recursive: true});
    await writeFile(
      path.join(dir, "exports", "2024", "tickets.csv"),
      "Id,Created at,Status,Via\n1,2024-05-02 08:00,Open,Mail\n2,nope,Open,Mail\n",
    );
    await writeFile(
      path.join(dir, "exports", "nps.csv"),
      "Timestamp,How likely are you to recommend us to a friend? (0-10),Why?\n5/5/2024 10:00:00,9,great\n",
    );
  });
  afterAll(async () => {
    if (dir) await rm(dir, {recursive: true, force: true});
  });

  it.each(["auto", "javascript"])("with the %s engine", async (engine) => {
    const out = path.join(dir, `dataset-${engine}`);
    await runCli(["ingest", path.join(dir, "exports"), "--org", "acme", "--out", out, "--engine", engine]);
    const dataset = await readDataset(out);
    expect(dataset.tickets.map((t) => t.source_file)).toEqual(["2024/tickets.csv"]);
    expect(dataset.responses.map((r) => r.response_id)).toEqual(["nps.csv#2"]);
    expect(dataset.manifest.files.map((f) => f.file)).toEqual(["2024/tickets.csv", "nps.csv"]);
    for (const f of ["manifest.json", "rejects.csv", "profile.json"])
      expect(await readFile(path.join(out, f), "utf8")).not.toContain(dir);
  });
});

describe("path rules", () => {
  it.each([
    ["/home/jane/clients/acme/tickets.csv", "tickets.csv"],
    ["C:\\Users\\jane\\acme\\tickets.csv", "tickets.csv"],
    ["../acme/tickets.csv", "tickets.csv"],
    ["~/acme/tickets.csv", "tickets.csv"],
    ["2024/tickets.csv", "2024/tickets.csv"],
    ["tickets.csv", "tickets.csv"],
  ])("%s ships as %s", (p, shipped) => expect(shippedPath(p)).toBe(shipped));

  it("ids made of a path keep their suffix", () => {
    expect(shippedPathId("/home/jane/acme/nps.csv#12")).toBe("nps.csv#12");
    expect(shippedPathId("r-12")).toBe("r-12");
  });

  it("the input root is the deepest folder holding every input", () => {
    expect(inputRoot(["/a/b/x.csv", "/a/b/c/y.csv"])).toBe("/a/b");
    expect(relativeTo("/a/b", "/a/b/c/y.csv")).toBe("c/y.csv");
    expect(relativeTo("/a/b", "/z/y.csv")).toBe("y.csv");
  });
});
