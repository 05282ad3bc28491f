import {execFileSync} from "node:child_process";
import {existsSync} from "node:fs";
import {readdir} from "node:fs/promises";
import {join, relative} from "node:path";
import type {Page} from "playwright-core";

export const DIST = "dist";
/** A second site built from the same data with SERVICEBENCH_SITE_MODE=cubes. */
export const DIST_CUBES = "test/output/dist-cubes";

/**
 * Builds the site once per test run (seeding the npm cache from node_modules first).
 * SERVICEBENCH_SKIP_BUILD=1 reuses an existing dist/ while iterating on a test.
 */
export function buildSite(): void {
  if (process.env.SERVICEBENCH_SKIP_BUILD && existsSync(join(DIST, "index.html"))) return;
  execFileSync("npm", ["run", "build"], {stdio: ["ignore", "ignore", "inherit"]});
}

/** Builds the cube-mode site into DIST_CUBES (same rules as `buildSite`). */
export function buildCubeSite(): void {
  if (process.env.SERVICEBENCH_SKIP_BUILD && existsSync(join(DIST_CUBES, "index.html"))) return;
  execFileSync("npm", ["run", "build"], {
    stdio: ["ignore", "ignore", "inherit"],
    env: {...process.env, SERVICEBENCH_SITE_MODE: "cubes", SERVICEBENCH_SITE_OUT: DIST_CUBES},
  });
}

/** Every page of the built site as a clean URL path ("/", "/explore", "/fr/speed"...). */
export async function sitePages(dir = DIST): Promise<string[]> {
  const pages: string[] = [];
  for (const entry of await readdir(dir, {withFileTypes: true, recursive: true})) {
    const path = relative(dir, join(entry.parentPath, entry.name));
    if (!entry.isFile() || !path.endsWith(".html") || path.startsWith("_")) continue;
    pages.push("/" + path.replace(/(^|\/)index\.html$/, "$1").replace(/\.html$/, ""));
  }
  return pages.sort();
}

/**
 * Waits until Framework has settled every cell: nothing loading, then reports cells in error.
 * No time limit: a slow machine is slower, not wrong.
 */
export async function settled(page: Page, timeout = 0): Promise<string[]> {
  await page.waitForLoadState("networkidle", {timeout});
  // Framework shows a pending cell as an <observablehq-loading> element until its value arrives.
  await page.waitForFunction(() => document.querySelectorAll("observablehq-loading").length === 0, null, {
    timeout,
  });
  return page.$$eval(".observablehq--error", (nodes) => nodes.map((n) => n.textContent ?? "error"));
}
