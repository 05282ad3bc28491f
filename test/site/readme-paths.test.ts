import {existsSync, readdirSync, readFileSync} from "node:fs";
import {dirname, join} from "node:path";
import {describe, expect, it} from "vitest";

const TOP = ["loaders", "src", "data", "test", "scripts", "bench", "bin", ".ci"];
const READMES = [
  "README.md",
  "data/benchmarks/README.md",
  "data/demo/README.md",
  ...readdirSync("docs").map((f) => `docs/${f}`),
];

/** Repository paths a README names: link targets, and code spans that start with a top-level folder. */
function namedPaths(text: string): string[] {
  const links = [...text.matchAll(/\]\(([^)#\s]+)\)/g)]
    .map((m) => decodeURIComponent(m[1]!))
    .filter((p) => !/^[a-z]+:/.test(p));
  const spans = [...text.matchAll(/`([^`\s]+)`/g)]
    .map((m) => m[1]!)
    .filter((p) => TOP.some((t) => p.startsWith(`${t}/`)) && !/[<>*{}]/.test(p))
    // Output and cache folders (test screenshots, bench results, Framework's cache) are written by the tools, absent from a fresh clone.
    .filter((p) => !/(^|\/)(output|cache)(\/|$)/.test(p));
  return [...new Set([...links, ...spans])];
}

describe("READMEs name only paths that exist", () => {
  for (const readme of READMES) {
    it(readme, () => {
      const base = dirname(readme);
      const text = readFileSync(readme, "utf8");
      const missing = namedPaths(text).filter((p) => {
        const fromRoot = p.split("/")[0] !== "." && TOP.includes(p.split("/")[0]!);
        return !existsSync(fromRoot && base === "." ? p : join(base, p)) && !existsSync(p);
      });
      expect(missing).toEqual([]);
    });
  }
});
