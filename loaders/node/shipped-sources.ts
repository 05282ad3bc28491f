/**
 * Input files named as a dataset may hold them: relative to the run's input root (the deepest
 * folder holding every input), so no absolute local path reaches `source_file`, `file#line`
 * response ids, the manifest or rejects.csv, whichever engine reads the files.
 */
import path from "node:path";
import {inputRoot, relativeTo} from "../privacy/paths.ts";
import type {FileInput} from "./sources.ts";

export function shippedSources<T extends FileInput>(sources: readonly T[]): T[] {
  const absolute = sources.map((s) => path.resolve(s.path));
  const root = inputRoot(absolute);
  return sources.map((s, k) => ({...s, name: relativeTo(root, absolute[k]!)}));
}
