import {mkdtemp, readdir, rm, utimes, writeFile} from "node:fs/promises";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {afterAll, beforeAll, describe, expect, it} from "vitest";
import {cached, fingerprint} from "../../loaders/node/site/dataset-cache.ts";

describe("the site's dataset cache", () => {
  let root: string;
  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), "servicebench-cache-"));
    await writeFile(join(root, "export.csv"), "id\n1\n");
  });
  afterAll(() => rm(root, {recursive: true, force: true}));

  it("computes once per key and serves the stored value after", async () => {
    const dir = join(root, "cache");
    let calls = 0;
    const compute = async () => ({calls: ++calls, when: new Map([["a", 1]])});
    const first = await cached("k1", compute, dir);
    const second = await cached("k1", compute, dir);
    expect(calls).toBe(1);
    expect(second).toEqual(first);
  });

  it("keeps only the newest entry", async () => {
    const dir = join(root, "cache");
    await cached("k2", async () => 2, dir);
    expect(await readdir(dir)).toEqual(["dataset-k2.v8"]);
  });

  it("changes the key when an input file changes", async () => {
    const before = await fingerprint([root]);
    await utimes(join(root, "export.csv"), new Date(), new Date(Date.now() + 5_000));
    expect(await fingerprint([root])).not.toBe(before);
  });

  it("keeps the key when nothing changed", async () => {
    expect(await fingerprint([join(root, "export.csv")])).toBe(await fingerprint([join(root, "export.csv")]));
  });
});
