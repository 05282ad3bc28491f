import {createReadStream} from "node:fs";
import type {Stats} from "node:fs";
import {lstat, readdir, realpath, stat} from "node:fs/promises";
import path from "node:path";
import type {InputSource} from "../ingest/index.ts";
import {NOT_EXPORT} from "../ingest/sources.ts";
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
  /**
   * Entries of directories that are not regular files, each with why it was not read: FIFOs,
   * sockets and devices (reading a FIFO waits for a writer forever), broken symbolic links,
   * symbolic link loops, and links to a file already read.
   */
  refused: string[];
  /** Symbolic links followed inside directories, `link -> target`: said, never silent. */
  followed: string[];
}

/**
 * Expands files and directories (recursively) into sources, in a stable sorted order. Inside
 * directories, hidden entries (".DS_Store", ".git"), documentation and mapping files (NOT_EXPORT,
 * `notExports`) are skipped because they are never exports, and `profile.json` is set aside as the organisation's profile. A file named
 * explicitly is always ingested. A missing path is a usage error, so a typo is caught before
 * anything is read, and so is a path that is not a regular file or a directory (a FIFO would
 * hang the run). Symbolic links are followed to regular files and directories, and listed in
 * `followed`; a directory reached twice (a link loop) or a file reached twice is read once.
 * Names keep the path as the user typed it, so messages point at known files.
 */
export async function collectInputs(paths: string[], notExports: string[] = []): Promise<CollectedInputs> {
  const collected: CollectedInputs = {sources: [], profileFile: null, skipped: [], refused: [], followed: []};
  const given = new Set(notExports.map((f) => path.resolve(f)));
  const seen: Seen = {dirs: new Set(), files: new Map()};
  for (const input of paths) {
    const info = await stat(input).catch(() => null);
    if (!info) throw new UsageError(`no such file or directory: ${input}`);
    if (!info.isDirectory() && !info.isFile())
      throw new UsageError(`${input}: ${notRegular(info)}: give an export file or a directory`);
    if (!info.isDirectory()) {
      collected.sources.push(fileSource(input, info.size, path.normalize(input)));
      continue;
    }
    for (const file of await listFiles(path.normalize(input), seen, collected)) {
      const base = path.basename(file.name);
      if (base === "profile.json") collected.profileFile ??= file.name;
      else if (NOT_EXPORT.test(base) || given.has(path.resolve(file.name))) collected.skipped.push(file.name);
      else collected.sources.push(fileSource(file.name, file.size));
    }
  }
  return collected;
}

/** Sources only, for callers that do not care about profiles or skipped files. */
export async function collectSources(paths: string[]): Promise<InputSource[]> {
  return (await collectInputs(paths)).sources;
}

/** What a path is when it is neither a regular file nor a directory, for messages. */
export function notRegular(info: Stats): string {
  const kind = info.isFIFO()
    ? "a FIFO"
    : info.isSocket()
      ? "a socket"
      : info.isCharacterDevice() || info.isBlockDevice()
        ? "a device"
        : "something else";
  return `not a regular file but ${kind}`;
}

/** Real paths already read in one run: directories (link loops) and files (the same file twice). */
interface Seen {
  dirs: Set<string>;
  files: Map<string, string>;
}

/**
 * Visible regular files under `dir`, sorted by name so runs are reproducible. Symbolic links are
 * followed (said in `followed`); other entries that are not regular files, broken links, loops
 * and second paths to one file go to `refused` with their reason.
 */
async function listFiles(
  dir: string,
  seen: Seen,
  collected: CollectedInputs,
): Promise<{name: string; size: number}[]> {
  const real = await realpath(dir);
  if (seen.dirs.has(real)) {
    collected.refused.push(`${dir} (directory already read: a symbolic link loop or a second path to it)`);
    return [];
  }
  seen.dirs.add(real);
  const entries = await readdir(dir, {withFileTypes: true});
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const files: {name: string; size: number}[] = [];
  for (const entry of entries) {
    if (entry.name.startsWith(".")) continue;
    const full = path.join(dir, entry.name);
    const link = entry.isSymbolicLink();
    const info = link ? await stat(full).catch(() => null) : await lstat(full);
    if (info === null) {
      collected.refused.push(`${full} (broken symbolic link)`);
      continue;
    }
    if (link) collected.followed.push(`${full} -> ${await realpath(full)}`);
    if (info.isDirectory()) files.push(...(await listFiles(full, seen, collected)));
    else if (!info.isFile()) collected.refused.push(`${full} (${notRegular(info)})`);
    else {
      const file = await realpath(full);
      const first = seen.files.get(file);
      if (first !== undefined) collected.refused.push(`${full} (the same file as ${first}, read once)`);
      else {
        seen.files.set(file, full);
        files.push({name: full, size: info.size});
      }
    }
  }
  return files;
}
