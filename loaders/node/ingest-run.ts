/**
 * `servicebench ingest` from input files to a dataset directory, with one of two engines:
 * - "javascript": the isomorphic core (`ingest()`, the same code the browser runs), then
 *   `writeDataset`;
 * - "auto": native DuckDB reads flat ticket CSVs (see ingest-native/), which is several times
 *   faster on large exports, and the core reads everything else. A run the DuckDB engine cannot
 *   read exactly as the core would (see `declined`) falls back to the core, so both engines
 *   always write the same dataset.
 */
import type {Manifest, Profile, Reject} from "../schema/index.ts";
import {ingest, type IngestOptions} from "../ingest/index.ts";
import {writeDataset} from "./dataset.ts";
import {readGroupNames, writeGroupNames} from "./group-names.ts";
import {ingestNative} from "./ingest-native/index.ts";
import {shippedSources} from "./shipped-sources.ts";
import type {FileInput} from "./sources.ts";

export type IngestEngine = "auto" | "javascript";

export interface IngestRunOptions extends IngestOptions {
  /** Default "auto". */
  engine?: IngestEngine;
}

/** What an ingest wrote, without the rows (they are in the dataset's Parquet files). */
export interface IngestRun {
  manifest: Manifest;
  rejects: Reject[];
  /** Pseudonym -> name or id, for the dataset owner only. */
  agents: {code: string; name: string}[];
  /** One line per invalid row or bad file: `file:line: field: reason`. Any line means exit 1. */
  problems: string[];
  warnings: string[];
  tickets: number;
  responses: number;
  engine: "duckdb" | "javascript";
  /**
   * Why the DuckDB engine left a run with flat ticket CSVs to the core, when "auto" ended on
   * "javascript"; null when it ran, or had nothing to read.
   */
  declined: string | null;
  /** Groups named by the exports' name tables, kept in `group_names.json` (0: none). */
  groupNames: number;
  /** Files read for group names only (a groups list): no ticket reader saw them. */
  groupFiles: string[];
}

export interface DatasetExtras {
  profile: Profile;
  salt: string;
}

export async function ingestToDataset(
  sources: FileInput[],
  options: IngestRunOptions,
  out: string,
  extras: DatasetExtras,
): Promise<IngestRun> {
  let declined: string | null = null;
  // Named relative to the input root: no absolute local path in any written file.
  sources = shippedSources(sources);
  // Group names come from the exports' name tables; a file holding nothing else (a groups list)
  // is no ticket export, so neither engine reads it.
  const groups = await readGroupNames(sources);
  sources = sources.filter((s) => !groups.only.has(s.name));
  const named = {groupNames: Object.keys(groups.names).length, groupFiles: [...groups.only]};
  if ((options.engine ?? "auto") === "auto") {
    // An unexpected DuckDB error costs speed, not the dataset: the core then reads the run.
    const native = await ingestNative(sources, options, out, extras).catch((error: unknown) => ({
      declined: `the DuckDB engine failed (${(error as Error).message.split("\n")[0]})`,
    }));
    if ("engine" in native) {
      await writeGroupNames(out, groups.names);
      return {...native, ...named};
    }
    declined = native.declined;
  }
  const result = await ingest(sources, options);
  await writeDataset(out, {...result, ...extras});
  await writeGroupNames(out, groups.names);
  return {
    ...named,
    manifest: result.manifest,
    rejects: result.rejects,
    agents: result.agents,
    problems: result.problems,
    warnings: result.warnings,
    tickets: result.tickets.length,
    responses: result.responses.length,
    engine: "javascript",
    declined,
  };
}
