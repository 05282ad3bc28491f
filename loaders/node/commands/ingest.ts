import {readFile, stat} from "node:fs/promises";
import path from "node:path";
import {Command, Option} from "commander";
import {FORMAT_IDS} from "../../formats/index.ts";
import {checkMapping, mappingZone} from "../../formats/mapping.ts";
import {chooseZone} from "../../ingest/zone.ts";
import {printable, printableLines} from "../../text/terminal.ts";
import {isValidTimeZone} from "../../text/tz.ts";
import {DATASET_FILES, datasetSalt, defaultProfile, readProfile} from "../dataset.ts";
import {GROUP_NAMES_FILE} from "../../schema/dataset-layout.ts";
import {InputError, UsageError} from "../errors.ts";
import {createProgress} from "../progress.ts";
import {collectInputs} from "../sources.ts";
import {formatSummary} from "../ingest-summary.ts";
import {ingestToDataset, type IngestEngine, type IngestRun} from "../ingest-run.ts";

/** Problem lines printed before pointing at rejects.csv for the rest. */
const MAX_PROBLEMS = 20;

export interface IngestCommandOptions {
  org: string;
  out: string;
  format?: string;
  mapping?: string;
  sheet?: string;
  tz?: string;
  dayFirst?: boolean;
  monthFirst?: boolean;
  engine?: IngestEngine;
}

export function register(program: Command): void {
  program
    .command("ingest")
    .summary("read helpdesk and survey exports into a dataset directory")
    .description(
      "Read helpdesk and survey exports (files or directories, searched recursively) into one " +
        "canonical dataset for an organisation. The format of each file is detected from its " +
        "content. Exit code 1 when rows or files are invalid (the dataset with the accepted rows " +
        "is still written), 2 on usage errors.",
    )
    .argument("<paths...>", "export files or directories")
    .requiredOption("--org <id>", "organisation id (letters, digits, . _ -)")
    .requiredOption("--out <dir>", "dataset directory to write")
    .option("--format <id>", `force one format for every file (${FORMAT_IDS.join(", ")})`)
    .option("--mapping <file.json>", "column mapping for generic ticket, event-log and survey CSVs")
    .option("--sheet <name>", "worksheet to read from XLSX workbooks (default: the first)")
    .option(
      "--tz <zone>",
      "IANA zone of timestamps without an offset, and the profile's zone (default: the mapping's tz, else the profile's, else UTC)",
    )
    .addOption(new Option("--day-first", "read slash dates as dd/mm/yyyy").conflicts("monthFirst"))
    .addOption(new Option("--month-first", "read slash dates as mm/dd/yyyy").conflicts("dayFirst"))
    .addOption(
      new Option(
        "--engine <engine>",
        "auto: native DuckDB reads flat ticket CSVs, the core the rest; javascript: the core reads everything",
      )
        .choices(["auto", "javascript"])
        .default("auto"),
    )
    .action(async (paths: string[], options: IngestCommandOptions) => {
      await runIngest(paths, options);
    });
}

/** The ingest command without commander: validates, ingests, writes the dataset, reports. */
export async function runIngest(paths: string[], options: IngestCommandOptions): Promise<IngestRun> {
  if (!/^[A-Za-z0-9][A-Za-z0-9._-]*$/.test(options.org)) {
    throw new UsageError(`--org "${options.org}": use letters, digits, ".", "_" or "-"`);
  }
  if (options.format !== undefined && !FORMAT_IDS.includes(options.format)) {
    throw new UsageError(`--format "${options.format}" is unknown (known: ${FORMAT_IDS.join(", ")})`);
  }
  if (options.tz !== undefined && !isValidTimeZone(options.tz)) {
    throw new UsageError(
      `--tz "${options.tz}" is not an IANA time zone (e.g. Europe/Paris, America/New_York)`,
    );
  }
  await checkOut(options.out);
  const mapping = options.mapping === undefined ? undefined : await readMapping(options.mapping);
  const inputs = await collectInputs(paths, options.mapping === undefined ? [] : [options.mapping]);
  if (inputs.sources.length === 0) throw new UsageError(`no export files found in ${paths.join(", ")}`);

  // A profile already in the dataset wins (the user may have edited it), then one shipped
  // beside the exports, then defaults from the command line.
  const existing = await readProfile(path.join(options.out, DATASET_FILES.profile));
  if (existing && existing.org_id !== options.org) {
    throw new UsageError(
      `${options.out} holds organisation "${existing.org_id}", not "${options.org}": choose another --out`,
    );
  }
  const beside = inputs.profileFile ? await readProfile(inputs.profileFile) : null;
  // One zone reads the times and goes into the profile (docs/cli.md, "Time zones").
  const zone = chooseZone({flag: options.tz, mapping, profile: existing?.timezone, beside: beside?.timezone});
  const tz = zone.zone;
  const base = existing ?? (beside ? {...beside, org_id: options.org} : defaultProfile(options.org, tz));
  const profile = {...base, timezone: tz};
  const salt = await datasetSalt(options.out);

  const totalBytes = inputs.sources.reduce((sum, s) => sum + (s.size ?? 0), 0);
  const progress = createProgress(totalBytes);
  let result: IngestRun;
  try {
    result = await ingestToDataset(
      inputs.sources,
      {
        orgId: options.org,
        format: options.format,
        mapping,
        sheet: options.sheet,
        tz,
        dayFirst: options.dayFirst ? true : options.monthFirst ? false : undefined,
        salt,
        engine: options.engine,
        onProgress: (p) => progress.update(p),
      },
      options.out,
      {profile, salt},
    );
  } finally {
    progress.stop();
  }

  // File names, header cells and values reach the terminal only through printable().
  const out = {write: (text: string) => process.stdout.write(printableLines(text))};
  out.write(formatSummary(result.manifest, result.rejects));
  if (inputs.skipped.length > 0) out.write(`skipped (not exports): ${inputs.skipped.join(", ")}\n`);
  if (inputs.followed.length > 0) out.write(`followed symbolic links: ${inputs.followed.join(", ")}\n`);
  if (inputs.refused.length > 0) out.write(`not read (not regular files): ${inputs.refused.join(", ")}\n`);
  if (result.declined !== null) out.write(`\nRead by the core engine: ${result.declined}\n`);
  if (result.groupNames > 0)
    out.write(
      `\nGroup names: ${result.groupNames.toLocaleString("en-US")} in ` +
        `${path.join(options.out, GROUP_NAMES_FILE)}` +
        (result.groupFiles.length ? ` (lists of groups, no tickets: ${result.groupFiles.join(", ")})` : "") +
        "\n",
    );
  out.write(
    `\nWrote ${result.tickets.toLocaleString("en-US")} tickets and ` +
      `${result.responses.toLocaleString("en-US")} survey responses to ${options.out}\n`,
  );
  const invalid = result.rejects.filter((r) => r.severity === "invalid").length;
  const odd = result.rejects.filter((r) => r.severity === "warning").length;
  const notKept = result.rejects.length - odd;
  if (notKept > 0) {
    out.write(
      `${notKept.toLocaleString("en-US")} rows not kept (${invalid.toLocaleString("en-US")} invalid): ` +
        `see ${path.join(options.out, DATASET_FILES.rejects)}\n`,
    );
  }
  if (odd > 0)
    out.write(
      `${odd.toLocaleString("en-US")} rows kept with times that contradict each other: ` +
        `see ${path.join(options.out, DATASET_FILES.rejects)} (severity warning)\n`,
    );
  if (result.agents.length > 0) {
    out.write(
      `${path.join(options.out, DATASET_FILES.agents)} maps agent codes to names: keep it private, never share it\n`,
    );
  }
  for (const note of zone.notes) process.stderr.write(`warning: ${printable(note)}\n`);
  for (const warning of result.warnings ?? []) process.stderr.write(`warning: ${printable(warning)}\n`);
  if (result.problems.length > 0)
    throw new InputError(capProblems(result.problems, options.out).map((line) => printable(line)));
  return result;
}

/**
 * `--out` must be a directory, or a path one can be made at: a file there (or on the way there)
 * is a usage error before anything is read, not a failure after the whole ingest.
 */
async function checkOut(out: string): Promise<void> {
  let at = path.resolve(out);
  for (;;) {
    const info = await stat(at).catch((error: NodeJS.ErrnoException) => {
      if (error.code === "ENOENT" || error.code === "ENOTDIR") return null;
      throw new UsageError(`--out ${out}: cannot be used (${error.code ?? error.message})`);
    });
    if (info?.isDirectory()) return;
    if (info)
      throw new UsageError(
        at === path.resolve(out)
          ? `--out ${out}: is a file, not a directory: name the dataset directory to write`
          : `--out ${out}: ${at} is a file, not a directory`,
      );
    const parent = path.dirname(at);
    if (parent === at) return;
    at = parent;
  }
}

/** The first problems, then one line saying how many more are in rejects.csv. */
export function capProblems(problems: string[], out: string): string[] {
  if (problems.length <= MAX_PROBLEMS) return problems;
  const more = problems.length - MAX_PROBLEMS;
  return [
    ...problems.slice(0, MAX_PROBLEMS),
    `… and ${more} more, see ${path.join(out, DATASET_FILES.rejects)}`,
  ];
}

async function readMapping(file: string): Promise<unknown> {
  let text: string;
  try {
    text = await readFile(file, "utf8");
  } catch {
    throw new UsageError(`--mapping ${file}: cannot read the file`);
  }
  let mapping: unknown;
  try {
    mapping = JSON.parse(text);
  } catch (error) {
    throw new UsageError(`--mapping ${file}: not valid JSON (${(error as Error).message})`);
  }
  // Every key checked before any row is read: a mistyped key would otherwise leave data unread.
  const {problems} = checkMapping(mapping);
  const tz = mappingZone(mapping);
  if (tz !== undefined && !isValidTimeZone(tz))
    problems.push(`tz: "${tz}" is not an IANA time zone (e.g. Europe/Paris, America/New_York)`);
  if (problems.length > 0) throw new UsageError(`--mapping ${file}: ${problems.join("; ")}`);
  return mapping;
}
