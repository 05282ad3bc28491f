import {mkdir, mkdtemp, rm, writeFile} from "node:fs/promises";
import {tmpdir} from "node:os";
import path from "node:path";
import {afterEach, beforeEach, describe, expect, it} from "vitest";
import {UsageError} from "../../loaders/node/errors.ts";
import {collectInputs} from "../../loaders/node/sources.ts";

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "servicebench-sources-"));
  await mkdir(path.join(dir, "zendesk"));
  await mkdir(path.join(dir, ".git"));
  await writeFile(path.join(dir, "zendesk", "b.json"), "{}");
  await writeFile(path.join(dir, "zendesk", "a.json"), "[]");
  await writeFile(path.join(dir, "nps.csv"), "x".repeat(200_000));
  await writeFile(path.join(dir, ".DS_Store"), "junk");
  await writeFile(path.join(dir, ".git", "HEAD"), "ref");
  await writeFile(path.join(dir, "README.md"), "# notes");
  await writeFile(path.join(dir, "profile.json"), "{}");
});
afterEach(async () => {
  await rm(dir, {recursive: true, force: true});
});

describe("collectInputs", () => {
  it("walks directories in name order, skipping hidden and Markdown files", async () => {
    const inputs = await collectInputs([dir]);
    expect(inputs.sources.map((s) => path.relative(dir, s.name))).toEqual([
      "nps.csv",
      "zendesk/a.json",
      "zendesk/b.json",
    ]);
    expect(inputs.sources.map((s) => s.size)).toEqual([200_000, 2, 2]);
    expect(inputs.skipped.map((f) => path.basename(f))).toEqual(["README.md"]);
    expect(inputs.profileFile).toBe(path.join(dir, "profile.json"));
  });

  it("ingests a file named explicitly, whatever its name", async () => {
    const inputs = await collectInputs([path.join(dir, "README.md")]);
    expect(inputs.sources.map((s) => path.basename(s.name))).toEqual(["README.md"]);
  });

  it("streams files in chunks rather than reading them whole", async () => {
    const [source] = (await collectInputs([path.join(dir, "nps.csv")])).sources;
    const sizes: number[] = [];
    for await (const chunk of source!.stream()) sizes.push(chunk.length);
    expect(sizes.length).toBeGreaterThan(1);
    expect(sizes.reduce((a, b) => a + b, 0)).toBe(200_000);
  });

  it("rejects a missing path as a usage error", async () => {
    await expect(collectInputs([path.join(dir, "missing.csv")])).rejects.toBeInstanceOf(UsageError);
  });
});
