// Fills Observable Framework's npm cache (src/.observablehq/cache/_npm) from node_modules, so
// `observable build` and `preview` never fetch from cdn.jsdelivr.net or the npm registry.
//
// Framework 1.13 turns every `npm:` import (explicit, or implicit such as d3, Plot, sql) into a
// CDN download unless `_npm/<name>@<version>/...` already exists; there is no option to turn
// that off. We write exactly those files: each package is bundled by Framework's own
// node_modules bundler (rollup), or by esbuild where rollup cannot do it, then copied to the
// layout the CDN downloader would have produced, with cross-package imports rewritten.
import {existsSync} from "node:fs";
import {cp, mkdir, readFile, readdir, rm, writeFile} from "node:fs/promises";
import {dirname, join, relative} from "node:path";
import {build} from "esbuild";
import {resolveNodeImport} from "@observablehq/framework/dist/node.js";
import {rewriteNpmImports} from "@observablehq/framework/dist/npm.js";
import {DUCKDB_WASM_VERSION} from "@observablehq/framework/dist/duckdb.js";
import {browserLibraries, versionOnlyLibraries} from "./browser-libraries.ts";

const root = "src"; // Framework's `root` in observablehq.config.ts
const cache = join(root, ".observablehq", "cache");
const nodeDir = join(cache, "_node");
const npmDir = join(cache, "_npm");
const stampFile = join(cache, "npm-seed-stamp.json"); // outside _npm/, whose entries must be name@version

async function installedVersion(name: string): Promise<string> {
  const pkg = JSON.parse(await readFile(join("node_modules", name, "package.json"), "utf8"));
  return pkg.version as string;
}

async function* walk(dir: string): AsyncGenerator<string> {
  for (const entry of await readdir(dir, {withFileTypes: true})) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* walk(path);
    else yield path;
  }
}

/** esbuild honours the package.json "browser" field and ESM-only "exports", which rollup here does not. */
async function esbuildBundle(name: string): Promise<void> {
  const outfile = join(nodeDir, `${name}@${await installedVersion(name)}`, "index.js");
  await build({
    stdin: {contents: `export * from ${JSON.stringify(name)};`, resolveDir: process.cwd()},
    bundle: true,
    format: "esm",
    platform: "browser",
    target: "es2022",
    minify: true,
    outfile,
    logLevel: "warning",
  });
}

async function seed(): Promise<void> {
  const duckdb = await installedVersion("@duckdb/duckdb-wasm");
  if (duckdb !== DUCKDB_WASM_VERSION) {
    throw new Error(
      `@duckdb/duckdb-wasm ${duckdb} is installed but Framework expects ${DUCKDB_WASM_VERSION}`,
    );
  }
  const versions = Object.fromEntries(
    await Promise.all(
      ["@observablehq/framework", ...browserLibraries].map(async (n) => [n, await installedVersion(n)]),
    ),
  );
  const stamp = JSON.stringify({versions, versionOnlyLibraries});
  if (
    !process.argv.includes("--force") &&
    existsSync(stampFile) &&
    (await readFile(stampFile, "utf8")) === stamp
  ) {
    console.log("npm cache already seeded from node_modules");
    return;
  }
  await rm(nodeDir, {recursive: true, force: true});
  await rm(npmDir, {recursive: true, force: true});

  for (const name of browserLibraries) {
    // Rollup via require.resolve fails on ESM-only packages without a require condition (htl).
    await resolveNodeImport(root, name).catch(() => esbuildBundle(name));
  }
  // Rollup ignores the "browser" field (arquero maps its file reader to a web version), which
  // leaves `node:` imports in browser code; re-bundle those packages with esbuild.
  for await (const file of walk(nodeDir)) {
    if (!file.endsWith("index.js")) continue;
    if (!/\b(?:from|import)\s*\(?\s*["']node:/.test(await readFile(file, "utf8"))) continue;
    await esbuildBundle(relative(nodeDir, dirname(file)).replace(/@[^@/]+$/, ""));
  }

  // _node/<pkg>@<ver>/index.js -> _npm/<pkg>@<ver>/_esm.js, with relative links between packages rewritten.
  const toEsm = (path: string) =>
    path.replace(/^((?:\.\.\/)*(?:@[^/]+\/)?[^/@]+@[^/]+)\/index\.js$/, "$1/_esm.js");
  let files = 0;
  for await (const file of walk(nodeDir)) {
    const out = join(npmDir, toEsm(relative(nodeDir, file)));
    await mkdir(dirname(out), {recursive: true});
    if (file.endsWith(".js")) {
      const code = await readFile(file, "utf8");
      await writeFile(
        out,
        rewriteNpmImports(code, (s) => (s.startsWith(".") ? toEsm(s) : s)),
      );
    } else {
      await cp(file, out);
    }
    files++;
  }

  // DuckDB-WASM's runtime files, which Framework resolves as npm:@duckdb/duckdb-wasm/dist/<file>.
  const duckOut = join(npmDir, `@duckdb/duckdb-wasm@${duckdb}`, "dist");
  await mkdir(duckOut, {recursive: true});
  for (const f of [
    "duckdb-mvp.wasm",
    "duckdb-browser-mvp.worker.js",
    "duckdb-eh.wasm",
    "duckdb-browser-eh.worker.js",
  ]) {
    await cp(join("node_modules/@duckdb/duckdb-wasm/dist", f), join(duckOut, f));
  }
  for (const name of versionOnlyLibraries) {
    const scope = join(npmDir, dirname(name));
    const base = name.split("/").pop()!;
    if (existsSync(scope) && (await readdir(scope)).some((d) => d.startsWith(`${base}@`))) continue;
    await mkdir(join(npmDir, `${name}@0.0.0-offline`), {recursive: true});
  }
  await rm(nodeDir, {recursive: true, force: true});
  await writeFile(stampFile, stamp);
  console.log(`npm cache seeded from node_modules: ${files} files, ${browserLibraries.length} libraries`);
}

await seed().catch((error: Error) => {
  console.error(`seed-npm-cache: ${error.message}`);
  process.exit(1);
});
