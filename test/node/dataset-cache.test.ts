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
    const first = await cached("dataset", "k1", compute, dir);
    const second = await cached("dataset", "k1", compute, dir);
    expect(calls).toBe(1);
    expect(second).toEqual(first);
  });

  it("keeps only the newest entry of each name", async () => {
    const dir = join(root, "cache");
    await cached("dataset", "k2", async () => 2, dir);
    await cached("cubes", "k2", async () => 3, dir);
    expect((await readdir(dir)).sort()).toEqual(["cubes-k2.v8", "dataset-k2.v8"]);
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

describe("loaders asking at the same time", () => {
  it("compute once and all get the value", async () => {
    const dir = await mkdtemp(join(tmpdir(), "servicebench-cache-race-"));
    let calls = 0;
    const slow = async () => {
      calls++;
      await new Promise((resume) => setTimeout(resume, 200));
      return {tickets: 42};
    };
    const values = await Promise.all([1, 2, 3].map(() => cached("facts", "k", slow, dir)));
    expect(calls).toBe(1);
    expect(values).toEqual([{tickets: 42}, {tickets: 42}, {tickets: 42}]);
    expect(await readdir(dir)).toEqual(["facts-k.v8"]);
    await rm(dir, {recursive: true, force: true});
  });
});
