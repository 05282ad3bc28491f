/**
 * `npm install` warned that commander 15 needs Node 22.12 while the README promises Node 20: every
 * dependency the command line needs must accept the oldest Node that package.json's engines allow.
 */
import {readFileSync} from "node:fs";
import {describe, expect, it} from "vitest";

const json = (file: string) => JSON.parse(readFileSync(new URL(file, import.meta.url), "utf8"));

/** The lowest version a `>=X.Y.Z` range admits, as [major, minor, patch]. */
function floor(range: string): number[] {
  const m = /^>=\s*(\d+)(?:\.(\d+))?(?:\.(\d+))?$/.exec(range.trim());
  if (!m) throw new Error(`engines range "${range}" is not of the form >=X.Y.Z`);
  return [Number(m[1]), Number(m[2] ?? 0), Number(m[3] ?? 0)];
}

const atLeast = (v: number[], min: number[]) => {
  for (let i = 0; i < 3; i++) if (v[i] !== min[i]) return v[i]! > min[i]!;
  return true;
};

describe("engines", () => {
  const ours = json("../../package.json");
  it("package.json promises Node 20, as the README does", () => {
    expect(floor(ours.engines.node)).toEqual([20, 0, 0]);
    expect(readFileSync(new URL("../../README.md", import.meta.url), "utf8")).toContain(
      "Node.js 20 or later",
    );
  });

  it("commander, pinned exactly, runs on that Node", () => {
    const pinned = ours.dependencies.commander as string;
    expect(pinned).toMatch(/^\d+\.\d+\.\d+$/);
    const installed = json("../../node_modules/commander/package.json");
    expect(installed.version).toBe(pinned);
    expect(atLeast(floor(ours.engines.node), floor(installed.engines.node))).toBe(true);
  });
});
