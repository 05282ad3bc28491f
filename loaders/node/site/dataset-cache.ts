import {createHash} from "node:crypto";
import {mkdir, readFile, readdir, rename, rm, stat, writeFile} from "node:fs/promises";
import path from "node:path";
import {deserialize, serialize} from "node:v8";

/** Where loaders share the site dataset within a build (and across `npm run dev` reloads). */
export const SITE_CACHE_DIR = "src/.observablehq/cache/servicebench";

async function* files(dir: string): AsyncGenerator<string> {
  for (const entry of await readdir(dir, {withFileTypes: true}).catch(() => [])) {
    const p = path.join(dir, entry.name);
    if (entry.isDirectory()) yield* files(p);
    else yield p;
  }
}

/**
 * A key that changes whenever an input file or the library's code changes: path, size and
 * modification time of every file under `roots`. Stat calls only, so it is cheap to recompute.
 */
export async function fingerprint(roots: readonly string[], extra = ""): Promise<string> {
  const hash = createHash("sha256").update(extra);
  for (const root of roots) {
    const info = await stat(root).catch(() => null);
    if (!info) continue;
    const list = info.isDirectory() ? [] : [root];
    if (info.isDirectory()) for await (const f of files(root)) list.push(f);
    for (const f of list.sort()) {
      const s = await stat(f);
      hash.update(`${f}\0${s.size}\0${s.mtimeMs}\n`);
    }
  }
  return hash.digest("hex").slice(0, 16);
}

/** A lock older than this is taken to belong to a loader that died. */
const STALE_LOCK_MS = 10 * 60_000;

async function read<T>(file: string): Promise<T | undefined> {
  try {
    return deserialize(await readFile(file)) as T;
  } catch {
    return undefined; // not cached yet, or unreadable: compute it
  }
}

/**
 * The value `name` cached under `key`, else `compute()` stored for the next loader. Every data
 * loader is its own process, and each would otherwise ingest or read the whole dataset again;
 * Framework runs several at once, so a lock directory lets one compute while the others wait for
 * its result. Writes go to a temporary file renamed into place, so no reader sees half a file;
 * older entries of the same name are removed.
 */
export async function cached<T>(
  name: string,
  key: string,
  compute: () => Promise<T>,
  dir = SITE_CACHE_DIR,
): Promise<T> {
  const file = path.join(dir, `${name}-${key}.v8`);
  const lock = `${file}.lock`;
  await mkdir(dir, {recursive: true});
  for (;;) {
    const hit = await read<T>(file);
    if (hit !== undefined) return hit;
    try {
      await mkdir(lock);
      break;
    } catch {
      const since = await stat(lock).then(
        (s) => Date.now() - s.mtimeMs,
        () => 0,
      );
      if (since > STALE_LOCK_MS) await rm(lock, {recursive: true, force: true});
      else await new Promise((resume) => setTimeout(resume, 100));
    }
  }
  try {
    const value = await compute();
    const temporary = `${file}.${process.pid}.tmp`;
    await writeFile(temporary, serialize(value));
    await rename(temporary, file);
    for (const entry of await readdir(dir)) {
      if (entry.startsWith(`${name}-`) && entry.endsWith(".v8") && path.join(dir, entry) !== file) {
        await rm(path.join(dir, entry), {force: true});
      }
    }
    return value;
  } finally {
    await rm(lock, {recursive: true, force: true});
  }
}
