/**
 * Dropped files sorted the way `servicebench ingest <folder>` sorts a folder's files: zips
 * unpacked, hidden files and documentation set aside, `profile.json` and a mapping file taken
 * aside, and a dataset this page downloaded (its Parquet files and sidecars) told from exports.
 * Names end relative to the drop's root, as the command line names files relative to its input
 * root, so every file name the run writes is the same.
 */
import {unzipSync} from "fflate";
import {MAPPING_FILE, NOT_EXPORT} from "../ingest/sources.ts";
import {inputRoot, relativeTo} from "../privacy/paths.ts";
import {DATASET_FILES, GROUP_NAMES_FILE} from "../schema/dataset-layout.ts";
import {sniffBinary, zipProblem} from "../text/xlsx-sniff.ts";
import {memorySource, type BlobSource} from "./file-source.ts";
import {AssessError, MAX_ASSESS_BYTES, say} from "./messages.ts";

export interface SortedInputs {
  /** Export files to ingest, named relative to the drop's root, in the command line's order. */
  exports: BlobSource[];
  /** A `profile.json` among the exports (or the dataset's own). */
  profile: BlobSource | null;
  /** A mapping file among the exports: the run's `--mapping`. */
  mapping: BlobSource | null;
  /** The files of a dataset, by their name in DATASET_FILES, when a dataset was dropped. */
  dataset: Partial<Record<keyof typeof DATASET_FILES, BlobSource>> | null;
  /** Files set aside as never exports (README, images...), said like the command line's line. */
  skipped: string[];
  /** Bytes of every file kept, unzipped entries counted at their unzipped size. */
  bytes: number;
}

const PARQUET_MAGIC = [0x50, 0x41, 0x52, 0x31];
const base = (name: string) => name.split("/").at(-1) ?? name;
/** Hidden files and folders (".DS_Store", ".git/"), and the resource forks macOS zips carry. */
const hidden = (name: string) => name.split("/").some((s) => s.startsWith(".") || s === "__MACOSX");

/** Segment-wise code-unit order: a recursive listing sorted by name at each level, as the CLI reads a folder. */
export function compareNames(a: string, b: string): number {
  const x = a.split("/");
  const y = b.split("/");
  for (let k = 0; k < Math.min(x.length, y.length); k++) {
    if (x[k]! < y[k]!) return -1;
    if (x[k]! > y[k]!) return 1;
  }
  return x.length - y.length;
}

/** Counts bytes against the tab's limit, naming the file that crosses it. */
class Budget {
  bytes = 0;
  add(file: string, bytes: number): void {
    this.bytes += bytes;
    if (this.bytes > MAX_ASSESS_BYTES) throw new AssessError(say.tooLarge(file, this.bytes));
  }
}

export async function sortInputs(dropped: BlobSource[]): Promise<SortedInputs> {
  const budget = new Budget();
  const files: BlobSource[] = [];
  const skipped: string[] = [];
  for (const source of dropped) await unpack(source, budget, files, 0);

  const kept = files.filter((f) => !hidden(f.name));
  kept.sort((a, b) => compareNames(a.name, b.name));

  const isDatasetPart = (f: BlobSource, magic: Uint8Array) =>
    (base(f.name) === DATASET_FILES.tickets || base(f.name) === DATASET_FILES.responses) &&
    PARQUET_MAGIC.every((x, i) => magic[i] === x);
  const magics = await Promise.all(kept.map((f) => f.head(4)));
  const datasetMode = kept.some((f, k) => isDatasetPart(f, magics[k]!));

  if (datasetMode) return datasetInputs(kept, budget.bytes);

  const exports: BlobSource[] = [];
  let profile: BlobSource | null = null;
  const mappings: BlobSource[] = [];
  for (const f of kept) {
    const name = base(f.name);
    if (name === DATASET_FILES.profile) profile ??= f;
    else if (MAPPING_FILE.test(name)) mappings.push(f);
    else if (NOT_EXPORT.test(name)) skipped.push(f.name);
    else exports.push(f);
  }
  if (mappings.length > 1) throw new AssessError(say.severalMappings(mappings.map((m) => m.name)));
  const root = inputRoot(exports.map((f) => f.name));
  return {
    exports: exports.map((f) => ({...f, name: relativeTo(root, f.name)})),
    profile,
    mapping: mappings[0] ?? null,
    dataset: null,
    skipped,
    bytes: budget.bytes,
  };
}

/** The files of one dataset; anything else dropped beside it is refused rather than mixed in. */
function datasetInputs(kept: BlobSource[], bytes: number): SortedInputs {
  const byName = new Map<string, keyof typeof DATASET_FILES>(
    Object.entries(DATASET_FILES).map(([key, name]) => [name, key as keyof typeof DATASET_FILES]),
  );
  const dataset: Partial<Record<keyof typeof DATASET_FILES, BlobSource>> = {};
  const others: string[] = [];
  const skipped: string[] = [];
  for (const f of kept) {
    const key = byName.get(base(f.name));
    // The groups' names belong to the dataset; the page's views name no group, so it is not read.
    if (base(f.name) === GROUP_NAMES_FILE) continue;
    if (key === undefined) {
      if (NOT_EXPORT.test(base(f.name))) skipped.push(f.name);
      else others.push(f.name);
    } else if (dataset[key]) others.push(f.name);
    else dataset[key] = f;
  }
  if (others.length > 0) throw new AssessError(say.datasetAndExports(others));
  return {exports: [], profile: dataset.profile ?? null, mapping: null, dataset, skipped, bytes};
}

/**
 * A zip that is not a workbook is unpacked, its entries named under the zip's own name (as if it
 * had been unzipped beside it); a workbook, or any other file, stays whole for the core to read.
 */
async function unpack(source: BlobSource, budget: Budget, out: BlobSource[], depth: number): Promise<void> {
  const magic = await source.head(8);
  if (sniffBinary(magic)?.kind !== "zip" || depth > 1) {
    budget.add(source.name, source.size);
    out.push(source);
    return;
  }
  // The archive is held whole while it is unpacked: counted once here, then its entries.
  if (source.size > MAX_ASSESS_BYTES) throw new AssessError(say.tooLarge(source.name, source.size));
  const bytes = await source.bytes();
  // A workbook, another office document or a damaged archive: the core reads it, or says what it is.
  const problem = zipProblem(bytes);
  if (problem === null || !problem.startsWith("a ZIP archive, not a workbook")) {
    budget.add(source.name, source.size);
    out.push(source);
    return;
  }
  const folder = source.name.replace(/\.zip$/i, "");
  let unzipped = 0;
  let entries: Record<string, Uint8Array>;
  try {
    entries = unzipSync(bytes, {
      filter: (file) => {
        if (file.name.endsWith("/") || hidden(file.name)) return false;
        unzipped += file.originalSize;
        // Checked before inflating: a zip bomb is refused from its directory.
        if (budget.bytes + unzipped > MAX_ASSESS_BYTES)
          throw new AssessError(say.tooLarge(`${source.name}/${file.name}`, budget.bytes + unzipped));
        return true;
      },
    });
  } catch (error) {
    if (error instanceof AssessError) throw error;
    throw new AssessError(say.badZip(source.name, (error as Error).message));
  }
  for (const [name, data] of Object.entries(entries)) {
    await unpack(memorySource(`${folder}/${name}`, data), budget, out, depth + 1);
  }
}
