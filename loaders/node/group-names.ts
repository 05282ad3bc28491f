/**
 * Group names from the files of an ingest run (loaders/formats/group-names.ts), kept in the
 * dataset directory as `group_names.json` so the site names groups the tickets hold by id.
 */
import {readFile, rm, writeFile} from "node:fs/promises";
import path from "node:path";
import {groupNamesOf, mergeGroupNames, type GroupNames} from "../formats/group-names.ts";
import {GROUP_NAMES_FILE} from "../schema/dataset-layout.ts";
import {MAX_RECORD_CHARS} from "../text/limits.ts";
import type {FileInput} from "./sources.ts";

/** Ticket pages run to a few MB; a bigger JSON file is a bulk export with no side-load. */
const MAX_SCANNED_BYTES = MAX_RECORD_CHARS;
const JSON_FILE = /\.(json|jsonl|ndjson)$/i;
const TABLE_FILE = /(^|[/\\])(groups?|teams?)(_data)?\.(csv|tsv|txt)$/i;

export interface RunGroupNames {
  names: GroupNames;
  /** Files that hold nothing but names: set aside from the ticket readers. */
  only: Set<string>;
}

/**
 * The names every source holds, read apart from the ticket readers: JSON files (a side-load may
 * close a ticket page) and synced `group`/`team` tables only, so a run of ticket CSVs reads no
 * byte twice. A file that cannot be read here is left to the ticket readers, which say why.
 */
export async function readGroupNames(sources: readonly FileInput[]): Promise<RunGroupNames> {
  const found = [];
  const only = new Set<string>();
  for (const source of sources) {
    const name = source.name;
    if (!JSON_FILE.test(name) && !TABLE_FILE.test(name)) continue;
    if ((source.size ?? 0) > MAX_SCANNED_BYTES) continue;
    const text = await readFile(source.path, "utf8").catch(() => null);
    const file = text === null ? null : groupNamesOf(name, text.replace(/^\ufeff/, ""));
    if (!file) continue;
    found.push(file);
    if (file.only) only.add(name);
  }
  return {names: mergeGroupNames(found), only};
}

/** Writes the names beside the dataset, or removes a stale file when the run found none. */
export async function writeGroupNames(dir: string, names: GroupNames): Promise<void> {
  const file = path.join(dir, GROUP_NAMES_FILE);
  if (!Object.keys(names).length) return rm(file, {force: true});
  const sorted = Object.fromEntries(Object.entries(names).sort(([a], [b]) => a.localeCompare(b, "en")));
  await writeFile(file, `${JSON.stringify(sorted, null, 2)}\n`);
}

/** A dataset directory's group names; none when its exports held no name table. */
export async function readDatasetGroupNames(dir: string): Promise<GroupNames> {
  const text = await readFile(path.join(dir, GROUP_NAMES_FILE), "utf8").catch(() => null);
  if (text === null) return {};
  const parsed = JSON.parse(text) as unknown;
  const out: GroupNames = {};
  if (parsed && typeof parsed === "object" && !Array.isArray(parsed))
    for (const [id, name] of Object.entries(parsed)) if (typeof name === "string") out[id] = name;
  return out;
}
