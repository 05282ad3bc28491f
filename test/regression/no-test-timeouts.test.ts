/**
 * On a loaded 2-core machine a 180 s property test and a 10 s hook timed out, and the failed hook
 * then skipped 22 DuckDB-WASM cube tests. Slowness must never turn into a failure or a skip: no
 * wall-clock limit in vitest's config, none per test, and property tests sized by case count.
 */
import {readdirSync, readFileSync} from "node:fs";
import path from "node:path";
import {fileURLToPath} from "node:url";
import {describe, expect, it} from "vitest";
import config from "../../vitest.config.ts";

const TEST_DIR = fileURLToPath(new URL("..", import.meta.url));

function testFiles(dir: string): string[] {
  return readdirSync(dir, {withFileTypes: true}).flatMap((e) =>
    e.isDirectory()
      ? testFiles(path.join(dir, e.name))
      : /\.ts$/.test(e.name)
        ? [path.join(dir, e.name)]
        : [],
  );
}

describe("tests hold on a busy machine", () => {
  it("every vitest project sets no test or hook timeout (0 = none)", () => {
    const projects = (config.test?.projects ?? []) as {
      test: {name: string; testTimeout?: number; hookTimeout?: number};
    }[];
    expect(projects.length).toBeGreaterThan(0);
    for (const p of projects)
      expect([p.test.name, p.test.testTimeout, p.test.hookTimeout]).toEqual([p.test.name, 0, 0]);
  });

  it("no test, hook or property sets its own time limit", () => {
    // A vitest option object `{timeout}` / `{timeout: n}` passed to it/test/describe/hooks, a
    // numeric timeout argument after a test body, or fast-check's time-based interruption.
    const patterns = [
      /\b(?:it|test|describe|beforeAll|beforeEach|afterAll|afterEach)(?:\.\w+)*\([^\n]*\{\s*timeout\b/,
      /\b(?:testTimeout|hookTimeout|interruptAfterTimeLimit|skipAllAfterTimeLimit)\b/,
      /^\s*\}\s*,\s*\d[\d_]*\s*\);/m,
    ];
    const self = fileURLToPath(import.meta.url);
    const offenders = testFiles(TEST_DIR)
      .filter((f) => f !== self)
      .flatMap((f) => {
        const text = readFileSync(f, "utf8");
        return patterns.filter((p) => p.test(text)).map((p) => `${path.relative(TEST_DIR, f)}: ${p}`);
      });
    expect(offenders).toEqual([]);
  });
});
