/** Where seeded strings turn up in a folder's files: as UTF-8 text and in raw bytes (Arrow, Parquet). */
import {readdir, readFile} from "node:fs/promises";
import path from "node:path";

/** `file: seeded string` for every seeded string found in `text`. */
export function leaksIn(name: string, text: string, seeded: readonly string[]): string[] {
  return seeded.filter((s) => text.includes(s)).map((s) => `${name}: ${s}`);
}

/** Every file under `dir`, read as UTF-8 text and as Latin-1 bytes (so binary files are searched too). */
export async function leaksUnder(dir: string, seeded: readonly string[]): Promise<string[]> {
  const found: string[] = [];
  for (const entry of await readdir(dir, {withFileTypes: true, recursive: true})) {
    if (!entry.isFile()) continue;
    const file = path.join(entry.parentPath, entry.name);
    const bytes = await readFile(file);
    const name = path.relative(dir, file);
    found.push(...leaksIn(name, bytes.toString("utf8"), seeded));
    // The same strings as raw bytes: a UTF-8 string inside an Arrow or Parquet buffer.
    const latin1 = bytes.toString("latin1");
    const asBytes = seeded.map((s) => Buffer.from(s, "utf8").toString("latin1"));
    for (const [k, b] of asBytes.entries())
      if (latin1.includes(b)) found.push(`${name} (bytes): ${seeded[k]}`);
  }
  return [...new Set(found)];
}
