/**
 * The self-assessment: dropped files in, the tables the KPI registry's SQL reads out, computed in
 * the browser. It runs what `servicebench ingest --engine javascript` runs (loaders/node/
 * commands/ingest.ts): the same file sorting, mapping, profile and zone rule, salt and masking,
 * the same core `ingest()`, then `prepare()`; a dataset this page wrote is read back instead.
 */
import {checkMapping, mappingZone} from "../formats/mapping.ts";
import {ingest} from "../ingest/index.ts";
import {chooseZone} from "../ingest/zone.ts";
import {TABLES, prepareColumns, type TableName} from "../metrics/prepare.ts";
import type {Manifest, Profile, Reject, SurveyResponse, Ticket} from "../schema/index.ts";
import {defaultProfile} from "../schema/dataset-layout.ts";
import {decodeBytes} from "../text/decode.ts";
import {isValidTimeZone} from "../text/tz.ts";
import {columnsIpc} from "./arrow.ts";
import {
  readAgentsFile,
  readManifestFile,
  readProfileFile,
  readRejectsFile,
  readResponses,
  readSaltFile,
  readTickets,
} from "./dataset-read.ts";
import type {BlobSource} from "./file-source.ts";
import {sortInputs, type SortedInputs} from "./inputs.ts";
import {AssessCancelled, AssessError, isOutOfMemory, say} from "./messages.ts";

export interface AssessOptions {
  orgId: string;
  /** `--tz`: wins over the mapping's and the profile's zone. */
  tz?: string | undefined;
  /** Set on the profile when given (the page asks; the command line leaves them to profile.json). */
  industry?: string | undefined;
  country?: string | undefined;
  /** Epoch ms the run treats as now ("date in the future", `generated_at`). Default: the start. */
  now?: number | undefined;
  /** Pseudonymisation salt; default a new random one, as for a new dataset directory. */
  salt?: string | undefined;
  format?: string | undefined;
  sheet?: string | undefined;
  dayFirst?: boolean | undefined;
}

export interface AssessProgress {
  /** The file being read, and its place among the files read. */
  file: string;
  fileIndex: number;
  files: number;
  /** Bytes read so far over all files, and their total. */
  bytes: number;
  size: number;
  /** Rows read so far over all files. */
  rows: number;
  elapsedMs: number;
}

export interface AssessControl {
  signal?: AbortSignal | undefined;
  onProgress?: ((p: AssessProgress) => void) | undefined;
  /** Milliseconds between progress reports (default 100: about ten a second). */
  progressEveryMs?: number | undefined;
}

export interface AssessTable {
  name: TableName;
  /** Arrow IPC stream with exactly the TableSpec's columns and types. */
  ipc: Uint8Array;
}

export interface AssessResult {
  profile: Profile;
  manifest: Manifest;
  rejects: Reject[];
  /** One line per invalid row or bad file, `file:line: field: reason`, as `servicebench ingest` prints them. */
  problems: string[];
  warnings: string[];
  agentsCount: number;
  tables: AssessTable[];
  /** What the dataset download needs, kept beside the tables (never sent to the page). */
  tickets: Ticket[];
  responses: SurveyResponse[];
  agents: {code: string; name: string}[];
  salt: string;
}

const ORG = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;

export async function assessFiles(
  dropped: BlobSource[],
  options: AssessOptions,
  control: AssessControl = {},
): Promise<AssessResult> {
  const signal = control.signal;
  const check = () => {
    if (signal?.aborted) throw new AssessCancelled();
  };
  if (!ORG.test(options.orgId)) throw new AssessError(say.badOrg(options.orgId));
  if (options.tz !== undefined && !isValidTimeZone(options.tz))
    throw new AssessError(say.badTimeZone(options.tz));
  const watch = new Watch(control);
  try {
    const inputs = await sortInputs(dropped);
    check();
    const read = inputs.dataset
      ? await readDataset(inputs, options)
      : await readExports(inputs, options, watch);
    check();
    const prepared = prepareColumns({
      tickets: read.tickets,
      responses: read.responses,
      profile: read.profile,
    });
    performance.mark("sb:assess-prepared");
    const tables: AssessTable[] = [];
    for (const spec of TABLES) {
      const name = spec.name as TableName;
      tables.push({name, ipc: columnsIpc(spec, prepared[name])});
      // The rows are not needed once in Arrow: let them go before the next table is built.
      prepared[name] = [];
      await breathe();
      check();
    }
    performance.mark("sb:assess-arrow");
    return {...read, agentsCount: read.agents.length, tables};
  } catch (error) {
    if (error instanceof AssessError || error instanceof AssessCancelled) throw error;
    if (signal?.aborted) throw new AssessCancelled();
    if (isOutOfMemory(error)) throw new AssessError(say.outOfMemory(watch.file, (error as Error).message));
    throw error;
  }
}

type Read = Omit<AssessResult, "agentsCount" | "tables">;

/** The exports, read by the core exactly as `servicebench ingest --engine javascript` reads them. */
async function readExports(inputs: SortedInputs, options: AssessOptions, watch: Watch): Promise<Read> {
  if (inputs.exports.length === 0) throw new AssessError(say.noFiles());
  const mapping = inputs.mapping ? await readMapping(inputs.mapping) : undefined;
  const beside = inputs.profile ? await readProfileFile(inputs.profile) : null;
  // One zone reads the times and goes into the profile (docs/cli.md, "Time zones").
  const zone = chooseZone({flag: options.tz, mapping, beside: beside?.timezone});
  const base = beside ? {...beside, org_id: options.orgId} : defaultProfile(options.orgId, zone.zone);
  const profile = withChoices({...base, timezone: zone.zone}, options);
  const salt = options.salt ?? randomSalt();
  const sources = watch.sources(inputs.exports);
  const result = await ingest(sources, {
    orgId: options.orgId,
    format: options.format,
    mapping,
    sheet: options.sheet,
    tz: zone.zone,
    dayFirst: options.dayFirst,
    salt,
    now: options.now,
    onProgress: (p) => watch.rows(p.file, p.rows),
  });
  watch.done();
  if (watch.signal?.aborted) throw new AssessCancelled();
  // A file the heap could not hold stops the run with a message, rather than a half-read dataset.
  const exhausted = result.problems.find((line) => OUT_OF_MEMORY.test(line));
  if (exhausted) throw new AssessError(say.outOfMemory(exhausted.split(":")[0] ?? null, exhausted));
  const warnings = [...zone.notes, ...result.warnings];
  if (inputs.skipped.length > 0) warnings.push(`skipped (not exports): ${inputs.skipped.join(", ")}`);
  return {
    profile,
    manifest: result.manifest,
    rejects: result.rejects,
    problems: result.problems,
    warnings,
    tickets: result.tickets,
    responses: result.responses,
    agents: result.agents,
    salt,
  };
}

const OUT_OF_MEMORY =
  /: file: stopped reading: (Invalid (string|array|typed array) length|.*out of memory|.*allocation failed)/i;

/** A dataset this page (or `servicebench ingest`) wrote: its rows as they are, its sidecars as written. */
async function readDataset(inputs: SortedInputs, options: AssessOptions): Promise<Read> {
  const files = inputs.dataset!;
  if (!files.profile) throw new AssessError(say.badDatasetFile("profile.json", "not found"));
  if (!files.manifest) throw new AssessError(say.badDatasetFile("manifest.json", "not found"));
  const profile = await readProfileFile(files.profile);
  const manifest = await readManifestFile(files.manifest);
  const tickets = files.tickets ? await readTickets(files.tickets) : [];
  const responses = files.responses ? await readResponses(files.responses) : [];
  const rejects = files.rejects ? await readRejectsFile(files.rejects) : [];
  const agents = files.agents ? await readAgentsFile(files.agents) : [];
  const salt = files.salt ? await readSaltFile(files.salt) : (options.salt ?? randomSalt());
  // The instants are UTC; a zone given now changes the local cuts only, as `--tz` on a re-ingest.
  const zoned = options.tz !== undefined ? {...profile, timezone: options.tz} : profile;
  const warnings = inputs.skipped.length > 0 ? [`skipped (not exports): ${inputs.skipped.join(", ")}`] : [];
  return {
    profile: withChoices(zoned, options),
    manifest,
    rejects,
    problems: [],
    warnings,
    tickets,
    responses,
    agents,
    salt,
  };
}

function withChoices(profile: Profile, options: AssessOptions): Profile {
  return {
    ...profile,
    ...(options.industry ? {industry: options.industry} : {}),
    ...(options.country ? {country: options.country} : {}),
  };
}

/** A mapping file among the drop, checked as `--mapping` is before any row is read. */
async function readMapping(source: BlobSource): Promise<unknown> {
  let mapping: unknown;
  try {
    mapping = JSON.parse(decodeBytes(await source.bytes()).text);
  } catch (error) {
    throw new AssessError(say.badMapping(source.name, `not valid JSON (${(error as Error).message})`));
  }
  const {problems} = checkMapping(mapping);
  const tz = mappingZone(mapping);
  if (tz !== undefined && !isValidTimeZone(tz))
    problems.push(`tz: "${tz}" is not an IANA time zone (e.g. Europe/Paris, America/New_York)`);
  if (problems.length > 0) throw new AssessError(say.badMapping(source.name, problems.join("; ")));
  return mapping;
}

/** 16 random bytes in hex, the form `servicebench ingest` gives a new dataset's salt. */
export function randomSalt(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
}

/** Lets the event loop run (a cancel message, a progress post) between pieces of work. */
function breathe(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/**
 * Watches the sources as the core reads them: bytes, the file being read and rows, reported at
 * most every `progressEveryMs`; the AbortSignal is checked before every chunk, and the event loop
 * let run every few dozen milliseconds so a cancel message gets in.
 */
class Watch {
  readonly signal: AbortSignal | undefined;
  file: string | null = null;
  private index = 0;
  private files = 0;
  private size = 0;
  private bytes = 0;
  private readonly rowsByFile = new Map<string, number>();
  private readonly started = Date.now();
  private lastReport = -Infinity;
  private lastBreath = Date.now();
  private readonly every: number;

  constructor(private readonly control: AssessControl) {
    this.signal = control.signal;
    this.every = control.progressEveryMs ?? 100;
  }

  sources(list: BlobSource[]): BlobSource[] {
    this.files = list.length;
    this.size = list.reduce((sum, s) => sum + s.size, 0);
    return list.map((source, k) => ({
      ...source,
      stream: () => this.watched(source, k),
    }));
  }

  private async *watched(source: BlobSource, k: number): AsyncGenerator<Uint8Array> {
    this.file = source.name;
    this.index = k;
    for await (const chunk of source.stream()) {
      if (this.signal?.aborted) throw new AssessCancelled();
      this.bytes += chunk.length;
      this.report(false);
      if (Date.now() - this.lastBreath > 40) {
        await breathe();
        this.lastBreath = Date.now();
        if (this.signal?.aborted) throw new AssessCancelled();
      }
      yield chunk;
    }
  }

  rows(file: string, rows: number): void {
    this.rowsByFile.set(file, rows);
    this.report(false);
  }

  done(): void {
    this.bytes = this.size;
    this.report(true);
  }

  private report(force: boolean): void {
    const now = Date.now();
    if (!this.control.onProgress || (!force && now - this.lastReport < this.every)) return;
    this.lastReport = now;
    let rows = 0;
    for (const n of this.rowsByFile.values()) rows += n;
    this.control.onProgress({
      file: this.file ?? "",
      fileIndex: this.index,
      files: this.files,
      // A workbook is read twice (sniffed, then unzipped): never past the total.
      bytes: Math.min(this.bytes, this.size),
      size: this.size,
      rows,
      elapsedMs: now - this.started,
    });
  }
}
