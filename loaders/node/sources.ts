import {createReadStream} from "node:fs";
import {readdir, stat} from "node:fs/promises";
import path from "node:path";
import type {InputSource} from "../ingest/index.ts";
import {UsageError} from "./errors.ts";

/** An input source that is a file on disk, which the DuckDB engine can read by path. */
export interface FileInput extends InputSource {
  path: string;
}

/** A file on disk as an ingestion source, read in chunks so large exports never become one string. */
export function fileSource(file: string, size: number, name = file): FileInput {
  return {
    name,
    size,
    path: file,
    stream: () => createReadStream(file, {highWaterMark: 1 << 16}) as AsyncIterable<Uint8Array>,
  };
}

export interface CollectedInputs {
  sources: FileInput[];
  /** A `profile.json` found inside an input directory (the demo ships one beside its exports). */
  profileFile: string | null;
  /** Files seen in directories but not ingested: documentation such as README.md. */
  skipped: string[];
}

/**
 * Expands files and directories (recursively) into sources, in a stable sorted order. Inside
 * directories, hidden entries (".DS_Store", ".git"), documentation and mapping files (NOT_EXPORT,
 * `notExports`) are skipped because they are never exports, and `profile.json` is set aside as the organisation's profile. A file named
 * explicitly is always ingested. A missing path is a usage error, so a typo is caught before
 * anything is read. Names keep the path as the user typed it, so messages point at known files.
 */
export async function collectInputs(paths: string[], notExports: string[] = []): Promise<CollectedInputs> {
  const collected: CollectedInputs = {sources: [], profileFile: null, skipped: []};
  const given = new Set(notExports.map((f) => path.resolve(f)));
  for (const input of paths) {
    const info = await stat(input).catch(() => null);
    if (!info) throw new UsageError(`no such file or directory: ${input}`);
    if (!info.isDirectory()) {
      collected.sources.push(fileSource(input, info.size, path.normalize(input)));
      continue;
    }
    for (const file of await listFiles(path.normalize(input))) {
      const base = path.basename(file);
      if (base === "profile.json") collected.profileFile ??= file;
      else if (NOT_EXPORT.test(base) || given.has(path.resolve(file))) collected.skipped.push(file);
      else collected.sources.push(fileSource(file, (await stat(file)).size));
    }
  }
  return collected;
}

/**
 * Files of a folder that are never exports: documentation, licences, images, PDFs and mapping
 * files (`mapping.json`, `acme-mapping.json`); the `--mapping` file itself is also passed in.
 */
const NOT_EXPORT =
  /\.(md|pdf|png|jpe?g|gif|svg|docx?)$|^(readme|license|licence|changelog)(\.[a-z0-9]+)?$|mapping[^/]*\.json$/i;

/** Sources only, for callers that do not care about profiles or skipped files. */
export async function collectSources(paths: string[]): Promise<InputSource[]> {
  return (await collectInputs(paths)).sources;
}

/** Visible regular files under `dir`, sorted by name so runs are reproducible. */
async function listFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, {withFileTypes: true});
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const files: string[] = [];
  for (const entry of entries) {
    if (entry.name.startsWith(".")) continue;
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) files.push(...(await listFiles(full)));
    else if (entry.isFile()) files.push(full);
  }
  return files;
}
