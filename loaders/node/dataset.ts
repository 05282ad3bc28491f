import {randomBytes} from "node:crypto";
import {mkdir, open, readFile, writeFile} from "node:fs/promises";
import path from "node:path";
import {z} from "zod";
import {Manifest, Profile, Reject, SurveyResponse, Ticket} from "../schema/index.ts";
import {
  AGENT_COLUMNS,
  DATASET_FILES,
  DATASET_GITIGNORE,
  REJECT_COLUMNS,
  RESPONSE_TABLE,
  TICKET_TABLE,
  jsonFileText,
} from "../schema/dataset-layout.ts";
import {writeCsv} from "./csv.ts";
import {InputError} from "./errors.ts";
import {readParquet, writeParquet, WRITE_MEMORY} from "./parquet.ts";

export {
  DATASET_FILES,
  REJECT_COLUMNS,
  RESPONSE_TABLE,
  TICKET_TABLE,
  defaultProfile,
} from "../schema/dataset-layout.ts";

export interface Dataset {
  tickets: Ticket[];
  responses: SurveyResponse[];
  profile: Profile;
  manifest: Manifest;
}

export interface DatasetContents {
  tickets: Ticket[];
  responses: SurveyResponse[];
  manifest: Manifest;
  rejects: Reject[];
  /** Pseudonym code -> agent name, for the owner only. */
  agents: {code: string; name: string}[];
  profile: Profile;
  salt: string;
}

/**
 * The salt that pseudonymises agent names: the one already kept in the dataset, so re-ingesting
 * gives the same codes, or a new random one. It is saved by `writeDataset`.
 */
export async function datasetSalt(dir: string): Promise<string> {
  const saved = await readText(path.join(dir, DATASET_FILES.salt));
  return saved?.trim() || randomBytes(16).toString("hex");
}

/** The dataset's profile when it has one (user edits to it survive re-ingest), else null. */
export async function readProfile(file: string): Promise<Profile | null> {
  const text = await readText(file);
  return text === null ? null : parseJson(file, text, Profile);
}

/** Writes every file of a dataset directory (created when missing). */
export async function writeDataset(dir: string, contents: DatasetContents): Promise<void> {
  await mkdir(dir, {recursive: true});
  const file = (name: keyof typeof DATASET_FILES) => path.join(dir, DATASET_FILES[name]);
  // Responses are staged while DuckDB copies the tickets to Parquet (the JavaScript thread is idle
  // then), not earlier: two staging tables at once would raise the peak memory. A tickets write
  // that fails before its COPY leaves the responses unwritten, as a sequential write did.
  let staged!: (ok: boolean) => void;
  const ticketsStaged = new Promise<boolean>((resolve) => (staged = resolve));
  const tickets = writeParquet(file("tickets"), TICKET_TABLE, contents.tickets, WRITE_MEMORY, () =>
    staged(true),
  );
  const written = await Promise.allSettled([
    tickets.finally(() => staged(false)),
    ticketsStaged.then((ok) =>
      ok ? writeParquet(file("responses"), RESPONSE_TABLE, contents.responses) : undefined,
    ),
  ]);
  for (const w of written) if (w.status === "rejected") throw w.reason;
  await writeSidecars(dir, contents);
}

/** Everything of a dataset directory but its Parquet files: profile, manifest, rejects, private files. */
export async function writeSidecars(
  dir: string,
  contents: Pick<DatasetContents, "manifest" | "rejects" | "agents" | "profile" | "salt">,
): Promise<void> {
  const file = (name: keyof typeof DATASET_FILES) => path.join(dir, DATASET_FILES[name]);
  await writeJson(file("profile"), contents.profile);
  await writeJson(file("manifest"), contents.manifest);
  await writeCsv(file("rejects"), REJECT_COLUMNS, contents.rejects);
  await privateFile(file("agents"));
  await writeCsv(file("agents"), AGENT_COLUMNS, contents.agents);
  await privateFile(file("salt"));
  await writeFile(file("salt"), `${contents.salt}\n`);
  await writeFile(path.join(dir, ".gitignore"), DATASET_GITIGNORE);
}

/** A dataset directory's profile and manifest, and where its Parquet files are: no rows read. */
export interface DatasetFiles {
  profile: Profile;
  manifest: Manifest;
  tickets: string;
  responses: string;
}

/** Reads and checks a dataset directory's profile and manifest, leaving the rows in Parquet. */
export async function readDatasetFiles(dir: string): Promise<DatasetFiles> {
  const file = (name: keyof typeof DATASET_FILES) => path.join(dir, DATASET_FILES[name]);
  const profile = await readProfile(file("profile"));
  if (!profile) throw new InputError([`${file("profile")}: not found (is ${dir} a dataset directory?)`]);
  const manifestText = await readText(file("manifest"));
  if (manifestText === null) throw new InputError([`${file("manifest")}: not found`]);
  const manifest = parseJson(file("manifest"), manifestText, Manifest);
  return {profile, manifest, tickets: file("tickets"), responses: file("responses")};
}

/** Reads a dataset directory back: canonical rows (instants as epoch ms), profile and manifest. */
export async function readDataset(dir: string): Promise<Dataset> {
  return readRows(await readDatasetFiles(dir));
}

/** The canonical rows of a dataset whose profile and manifest are already read. */
export async function readRows(files: DatasetFiles): Promise<Dataset> {
  const tickets = (await readParquet(files.tickets, TICKET_TABLE)) as Ticket[];
  const responses = (await readParquet(files.responses, RESPONSE_TABLE)) as SurveyResponse[];
  return {tickets, responses, profile: files.profile, manifest: files.manifest};
}

async function readText(file: string): Promise<string | null> {
  try {
    return await readFile(file, "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return null;
    throw error;
  }
}

function parseJson<T>(file: string, text: string, schema: z.ZodType<T>): T {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new InputError([`${file}: not valid JSON: ${(error as Error).message}`]);
  }
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  throw new InputError(
    parsed.error.issues.map((issue) => `${file}: ${issue.path.join(".") || "(root)"}: ${issue.message}`),
  );
}

/** Mode of the owner's private files: read and written by the owner only. */
export const PRIVATE_MODE = 0o600;

/**
 * Creates (or empties) a private file readable by its owner only, before anything is written to
 * it: a mode given at creation is ignored for a file that already exists, so it is set again.
 */
async function privateFile(file: string): Promise<void> {
  const handle = await open(file, "w", PRIVATE_MODE);
  try {
    await handle.chmod(PRIVATE_MODE);
  } finally {
    await handle.close();
  }
}

async function writeJson(file: string, value: unknown): Promise<void> {
  await writeFile(file, jsonFileText(value));
}
