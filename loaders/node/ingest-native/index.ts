/**
 * The native ingest engine: flat ticket CSVs (the layouts `ticketCsvReader` reads) go through
 * DuckDB's parallel CSV reader and one SQL pass (row-sql.ts) straight to Parquet, with no
 * JavaScript object per row; survey exports of the same run go through the core. Every cell is
 * still read by the core's functions (once per distinct value, lookups.ts), and whatever the SQL
 * cannot reproduce exactly (multi-line records, encodings other than UTF-8, malformed rows,
 * day/month orders told by row order, other formats that carry tickets) declines the run, which
 * the caller then gives to the core.
 */
import {mkdir, mkdtemp, rename, rm} from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import {Agents} from "../../ingest/agents.ts";
import {ingest, SERVICEBENCH_VERSION, type IngestOptions, type IngestResult} from "../../ingest/index.ts";
import type {FileManifest, Manifest} from "../../schema/index.ts";
import {isValidTimeZone} from "../../text/tz.ts";
import {DATASET_FILES, RESPONSE_TABLE, writeSidecars} from "../dataset.ts";
import type {DuckDBConnection} from "@duckdb/node-api";
import {NativeRunner} from "../duckdb-native.ts";
import type {DatasetExtras, IngestRun} from "../ingest-run.ts";
import {writeParquet} from "../parquet.ts";
import type {FileInput} from "../sources.ts";
import {runZone} from "../../ingest/zone.ts";
import {loadRaw, rawTable} from "./load.ts";
import {Lookups} from "./lookups.ts";
import {openFile, type NativeFile} from "./open.ts";
import {outputSql} from "./output-sql.ts";
import {
  codeAgents,
  mergeAgents,
  nativeImplausible,
  nativeManifest,
  nativeRejects,
  nativeWarnings,
} from "./outcome.ts";
import {datasetTicketId, sourceSystem} from "../../ingest/source-system.ts";
import {unlinkedLine} from "../../ingest/combine.ts";
import {readCells} from "./read-cells.ts";
import {createRowsTable} from "./rows-table.ts";
import {rowSql, valuesView} from "./row-sql.ts";
import {lit} from "../../metrics/sql.ts";
import {KnownNames} from "../../privacy/names.ts";
import {Masker} from "../../privacy/masker.ts";
import {protectManifest, protectReject} from "../../privacy/protect.ts";
import {nativePeople} from "./people.ts";

/** DuckDB's memory while ingesting; beyond it, intermediate tables spill to a temporary directory. */
const MEMORY_LIMIT = "512MB";

export async function ingestNative(
  sources: FileInput[],
  options: IngestOptions,
  out: string,
  extras: DatasetExtras,
): Promise<IngestRun | {declined: string | null}> {
  const now = options.now ?? Date.now();
  const tz = runZone(options);
  if (!isValidTimeZone(tz)) return {declined: `unknown time zone "${tz}"`};
  const agents = new Agents(options.salt);
  const shared = {tz, now, agent: (name: string) => agents.code(name), intern: (s: string) => s};
  const natives: NativeFile[] = [];
  const core: FileInput[] = [];
  let declined: string | null = null;
  let elsewhere: string | null = null;
  for (const source of sources) {
    const opened = await openFile(source, options, shared);
    if (opened.kind === "native") natives.push(opened);
    else if (opened.kind === "core") core.push(opened.source);
    else if (opened.kind === "decline") declined ??= opened.reason;
    else elsewhere ??= opened.reason;
  }
  // Null: no ticket CSV for this engine, so nothing it declined either.
  if (natives.length === 0 && declined === null) return {declined: null};
  if (declined !== null || elsewhere !== null) return {declined: declined ?? elsewhere};
  // Ids of two systems never de-duplicate each other, and the dataset then stores `system:id`
  // (the core's Combiner): versions compete within (system, id) only.
  const systemOf = natives.map((n) => sourceSystem(n.adapterId));
  const systemSql =
    new Set(systemOf).size > 1
      ? `CASE fi ${systemOf.map((x, fi) => `WHEN ${fi} THEN ${lit(x)}`).join(" ")} END`
      : null;

  const spill = await mkdtemp(path.join(os.tmpdir(), "servicebench-ingest-"));
  const runner = await NativeRunner.create();
  try {
    const connection = runner.connection;
    await connection.run(`SET memory_limit = ${lit(MEMORY_LIMIT)}`);
    await connection.run(`SET temp_directory = ${lit(spill)}`);
    const lookups: Lookups[] = [];
    const controls: string[] = [];
    // Every person's name of the run is known before any free-text cell is masked: the names of
    // the loaded ticket CSVs, then those of the files the core reads (names.ts).
    const names = new KnownNames();
    await connection.run("SET preserve_insertion_order = true");
    for (const [fi, file] of natives.entries()) {
      // The bar counts rows from the share of bytes read: DuckDB reports no rows while it loads.
      const size = file.source.size ?? 0;
      const report = (bytes: number, rows: number) =>
        options.onProgress?.({file: file.source.name, bytes, rows: Math.round(rows)});
      const loaded = await loadRaw(connection, file, fi, (share) =>
        report(share * size, share * size * file.recordsPerByte),
      );
      if ("declined" in loaded) return loaded;
      report(size, loaded.rows);
      const cells = new Lookups(runner, file, fi);
      names.addAll(await nativePeople(cells, file));
      lookups.push(cells);
    }
    // The core reads the survey exports of the run (they never touch tickets).
    const coreResult = core.length > 0 ? await ingest(core, {...options, now, tz, names}) : null;
    if (coreResult && coreResult.tickets.length > 0) return {declined: "a survey export carried tickets"};
    const masker = new Masker(names);
    // Row order mattered for the load only (rowid is the record's place in the file); every
    // later table carries its own order, and unordered writes are faster.
    await connection.run("SET preserve_insertion_order = false");
    for (const [fi, file] of natives.entries()) {
      const cells = lookups[fi]!;
      const declined = await readCells(cells, file, masker);
      if (declined) return {declined};
      const rows = rowSql(file, fi, cells, now);
      await connection.run(`CREATE VIEW ${valuesView(fi)} AS ${rows.sql}`);
      controls.push(await createRowsTable(connection, file, fi, rows.stageOne));
    }

    await connection.run(`CREATE VIEW sb_ctl AS ${controls.join(" UNION ALL ")}`);
    const agentCodes = await codeAgents(runner, agents, lookups);
    const warnings = await nativeWarnings(runner, natives, lookups);
    // Latest version of each id wins; on a tie the row read last (file order, then line). Most
    // runs have no duplicate id: the valid rows are then the winners, with no window to compute.
    // Distinct hashes prove distinct ids (and cost less to count); a collision only takes the
    // window, which is exact either way.
    const key = systemSql === null ? "id" : `${systemSql}, id`;
    const ids = await runner.rows(
      `SELECT count(*)::DOUBLE AS n, count(DISTINCT hash(${key}))::DOUBLE AS d FROM sb_ctl WHERE valid`,
    );
    const unique = ids[0]!.n === ids[0]!.d;
    await connection.run(
      unique
        ? `CREATE VIEW sb_win AS SELECT * FROM sb_ctl WHERE valid`
        : `CREATE TABLE sb_win AS SELECT * FROM sb_ctl WHERE valid ` +
            `QUALIFY row_number() OVER (PARTITION BY ${key} ORDER BY version DESC, fi DESC, r DESC) = 1`,
    );
    // The dataset's ticket ids: `system:id` once kept tickets come from two systems (the Combiner's rule).
    const keptFiles = await runner.rows(`SELECT DISTINCT fi FROM sb_win WHERE excluded IS NULL`);
    const multi = new Set(keptFiles.map((k) => systemOf[k.fi as number]!)).size > 1;
    const idPrefix = systemOf.map((x) => (multi ? `${x}:` : ""));
    const {rejects, problems} = await nativeRejects(runner, natives);
    const odd = await nativeImplausible(runner, natives);
    const files = await nativeManifest(runner, natives);
    // The policy on what the SQL did not write (the core's rows, rejects and manifest already had it).
    const paths = new Map<string, string>();
    for (const r of [...rejects, ...odd.rejects]) protectReject(r, masker, paths);
    protectManifest({files} as Manifest, masker);

    let jsResponses: string | null = null;
    const unlinked = multi && coreResult ? await linkResponses(runner, coreResult, systemOf) : [];
    if (coreResult && coreResult.responses.length > 0) {
      jsResponses = path.join(spill, "core-responses.parquet");
      await writeParquet(jsResponses, RESPONSE_TABLE, coreResult.responses);
    }
    // The rows table holds all the Parquet files need: the text tables go, for the writers' memory.
    for (const fi of natives.keys()) {
      await connection.run(`DROP VIEW ${valuesView(fi)}`);
      await connection.run(`DROP TABLE ${rawTable(fi)}`);
    }
    const sql = outputSql(natives, lookups, agentCodes, options.orgId, jsResponses, idPrefix);
    await mkdir(out, {recursive: true});
    await writeCopy(connection, sql.tickets, path.join(out, DATASET_FILES.tickets));
    await writeCopy(connection, sql.responses, path.join(out, DATASET_FILES.responses));
    const tickets = files.reduce((a, f) => a + f.accepted, 0);
    const counted = await runner.rows(
      `SELECT count(*)::DOUBLE AS n FROM read_parquet(${lit(path.join(out, DATASET_FILES.responses))})`,
    );
    const responses = counted[0]!.n as number;

    // Files in the order given, whichever engine read them.
    const manifestFiles: FileManifest[] = [];
    let n = 0;
    let c = 0;
    for (const source of sources) {
      if (natives[n]?.source === source) manifestFiles.push(files[n++]!);
      else manifestFiles.push(coreResult!.manifest.files[c++]!);
    }
    const sum = (k: "rows_read" | "accepted" | "rejected" | "duplicates") =>
      manifestFiles.reduce((a, f) => a + f[k], 0);
    const manifest: Manifest = {
      org_id: options.orgId,
      generated_at: new Date(now).toISOString(),
      servicebench_version: SERVICEBENCH_VERSION,
      timezone: tz,
      files: manifestFiles,
      totals: {
        lines: manifestFiles.reduce((a, f) => a + (f.lines ?? 0), 0),
        rows_read: sum("rows_read"),
        accepted: sum("accepted"),
        rejected: sum("rejected"),
        duplicates: sum("duplicates"),
        tickets,
        responses,
      },
    };
    const allRejects = [...rejects, ...odd.rejects, ...(coreResult?.rejects ?? [])];
    const agentList = mergeAgents(agents.list(), coreResult?.agents ?? []);
    await writeSidecars(out, {manifest, rejects: allRejects, agents: agentList, ...extras});
    return {
      manifest,
      rejects: allRejects,
      agents: agentList,
      problems: [...problems.lines, ...(coreResult?.problems ?? []), ...problems.more],
      warnings: [
        ...warnings.lines,
        ...(coreResult?.warnings ?? []),
        ...warnings.more,
        ...odd.warnings,
        ...unlinked,
      ],
      tickets,
      responses,
      engine: "duckdb",
      declined: null,
    };
  } finally {
    runner.close();
    await rm(spill, {recursive: true, force: true});
  }
}

/**
 * The survey responses the core read beside two systems' tickets, linked as the Combiner links
 * them: to the one system whose kept tickets hold the id (`system:id`), unlinked when several do.
 */
async function linkResponses(
  runner: NativeRunner,
  core: IngestResult,
  systemOf: readonly string[],
): Promise<string[]> {
  const wanted = [...new Set(core.responses.map((r) => r.ticket_id).filter((t): t is string => t !== null))];
  if (wanted.length === 0) return [];
  await runner.load(
    {name: "sb_linked", columns: [{name: "id", type: "VARCHAR"}]},
    wanted.map((id) => ({id})),
  );
  const held = await runner.rows(
    `SELECT DISTINCT w.id, w.fi FROM sb_win w JOIN sb_linked l ON l.id = w.id WHERE w.excluded IS NULL`,
  );
  const owner = new Map<string, string | null>();
  for (const {id, fi} of held) {
    const system = systemOf[fi as number]!;
    const o = owner.get(id as string);
    owner.set(id as string, o === undefined || o === system ? system : null);
  }
  const ambiguous = new Map<string, number>();
  for (const r of core.responses) {
    if (r.ticket_id === null) continue;
    const o = owner.get(r.ticket_id);
    if (o === null) {
      ambiguous.set(r.source_file, (ambiguous.get(r.source_file) ?? 0) + 1);
      r.ticket_id = null;
    } else if (o !== undefined) r.ticket_id = datasetTicketId(o, r.ticket_id, true);
  }
  return core.manifest.files
    .filter((f) => ambiguous.has(f.file))
    .map((f) => unlinkedLine(f.file, ambiguous.get(f.file)!));
}

/** COPY to a Parquet file written beside the target and renamed, so a failure leaves no half file. */
async function writeCopy(connection: DuckDBConnection, select: string, file: string): Promise<void> {
  const partial = `${file}.partial`;
  try {
    await connection.run(`COPY (${select}) TO ${lit(partial)} (FORMAT parquet, COMPRESSION zstd)`);
    await rename(partial, file);
  } catch (error) {
    await rm(partial, {force: true});
    throw error;
  }
}
