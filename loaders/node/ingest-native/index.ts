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
import {DURATIONS, rowExcerpt} from "../../formats/common.ts";
import {Agents} from "../../ingest/agents.ts";
import {ingest, SERVICEBENCH_VERSION, type IngestOptions} from "../../ingest/index.ts";
import type {FileManifest, Manifest, Reject} from "../../schema/index.ts";
import {isoDate} from "../../text/dates.ts";
import {isValidTimeZone} from "../../text/tz.ts";
import {DATASET_FILES, RESPONSE_TABLE, writeSidecars} from "../dataset.ts";
import type {DuckDBConnection} from "@duckdb/node-api";
import {NativeRunner} from "../duckdb-native.ts";
import type {DatasetExtras, IngestRun} from "../ingest-run.ts";
import {writeParquet} from "../parquet.ts";
import type {FileInput} from "../sources.ts";
import {cellText, loadRaw, rawTable} from "./load.ts";
import {lookup, Lookups} from "./lookups.ts";
import {openFile, type NativeFile} from "./open.ts";
import {outputSql} from "./output-sql.ts";
import {codeColumn, CODES, controlTable, filledDurations, rowSql, valuesView} from "./row-sql.ts";
import {literal} from "./sql.ts";

/** DuckDB's memory while ingesting; beyond it, intermediate tables spill to a temporary directory. */
const MEMORY_LIMIT = "512MB";
/** Invalid rows listed as problem lines per file (the rest are counted in one line), as the core does. */
const MAX_PROBLEMS_PER_FILE = 1000;
const MAX_WARNINGS_PER_FILE = 100;

export async function ingestNative(
  sources: FileInput[],
  options: IngestOptions,
  out: string,
  extras: DatasetExtras,
): Promise<IngestRun | {declined: string}> {
  const now = options.now ?? Date.now();
  const tz = options.tz ?? "UTC";
  if (!isValidTimeZone(tz)) return {declined: `unknown time zone "${tz}"`};
  const agents = new Agents(options.salt);
  const shared = {tz, now, agent: (name: string) => agents.code(name), intern: (s: string) => s};
  const natives: NativeFile[] = [];
  const core: FileInput[] = [];
  for (const source of sources) {
    const opened = await openFile(source, options, shared);
    if (opened.kind === "decline") return {declined: opened.reason};
    if (opened.kind === "native") natives.push(opened);
    else core.push(opened.source);
  }
  if (natives.length === 0) return {declined: "no flat ticket CSV in the run"};

  const spill = await mkdtemp(path.join(os.tmpdir(), "servicebench-ingest-"));
  const runner = await NativeRunner.create();
  try {
    const connection = runner.connection;
    await connection.run(`SET memory_limit = ${literal(MEMORY_LIMIT)}`);
    await connection.run(`SET temp_directory = ${literal(spill)}`);
    const lookups: Lookups[] = [];
    const controls: string[] = [];
    for (const [fi, file] of natives.entries()) {
      await connection.run("SET preserve_insertion_order = true");
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
      // Row order mattered for the load only (rowid is the record's place in the file); every
      // later table carries its own order, and unordered writes are faster.
      await connection.run("SET preserve_insertion_order = false");
      const declined = await readCells(cells, file);
      if (declined) return {declined};
      lookups.push(cells);
      const rows = rowSql(file, fi, cells, now);
      await connection.run(`CREATE VIEW ${valuesView(fi)} AS ${rows.sql}`);
      // Every row once, with numbers and lookup codes but no text besides the id: the run's
      // checks read it, and the Parquet file is written from it, decoding the codes. Only the
      // columns the file has are stored; the view below gives every file the same columns.
      const {cols} = file.plan;
      const has = (c: number) => c >= 0;
      const filled = filledDurations(file);
      const codes = CODES.filter((name) => has(codeColumn(cols, name)));
      const stored = [
        "r", "id", "created", "updated", "solved", "rj", "excluded",
        ...(has(cols.firstReplyAt) ? ["first_warn"] : []),
        ...(has(cols.replies) ? ["replies"] : []),
        ...(has(cols.reopens) ? ["reopens"] : []),
        ...filled,
        ...codes.map((n) => `${n}_code`),
      ]; // prettier-ignore
      await connection.run(
        `CREATE TABLE ${controlTable(fi)} AS SELECT ${stored.join(", ")} FROM ${valuesView(fi)}`,
      );
      const or = (ok: boolean, v: string, as: string) => `${ok ? v : "NULL"} AS ${as}`;
      controls.push(
        `SELECT ${fi} AS fi, r, r + 2 AS line, id, created, updated, solved, coalesce(updated, created) AS version, ` +
          `rj IS NULL AS valid, rj IS NULL OR rj >= ${rows.stageOne} AS reach, excluded, ` +
          `${has(cols.firstReplyAt) ? "first_warn" : "FALSE AS first_warn"}, ` +
          `${or(has(cols.replies), "replies", "replies")}, ${or(has(cols.reopens), "reopens", "reopens")}, ` +
          DURATIONS.map((f) => or(filled.includes(f), f, f)).join(", ") +
          ", " +
          CODES.map((n) => or(codes.includes(n), `${n}_code`, `${n}_code`)).join(", ") +
          ` FROM ${controlTable(fi)}`,
      );
    }
    // The core reads the survey exports of the run (they never touch tickets).
    const coreResult = core.length > 0 ? await ingest(core, {...options, now, tz}) : null;
    if (coreResult && coreResult.tickets.length > 0) return {declined: "a survey export carried tickets"};

    await connection.run(`CREATE VIEW sb_ctl AS ${controls.join(" UNION ALL ")}`);
    await codeAgents(runner, agents, lookups);
    const warnings = await nativeWarnings(runner, natives, lookups);
    // Latest version of each id wins; on a tie the row read last (file order, then line). Most
    // runs have no duplicate id: the valid rows are then the winners, with no window to compute.
    // Distinct hashes prove distinct ids (and cost less to count); a collision only takes the
    // window, which is exact either way.
    const ids = await runner.rows(
      `SELECT count(*)::DOUBLE AS n, count(DISTINCT hash(id))::DOUBLE AS d FROM sb_ctl WHERE valid`,
    );
    const unique = ids[0]!.n === ids[0]!.d;
    await connection.run(
      unique
        ? `CREATE VIEW sb_win AS SELECT * FROM sb_ctl WHERE valid`
        : `CREATE TABLE sb_win AS SELECT * FROM sb_ctl WHERE valid ` +
            `QUALIFY row_number() OVER (PARTITION BY id ORDER BY version DESC, fi DESC, r DESC) = 1`,
    );
    const {rejects, problems} = await nativeRejects(runner, natives);
    const files = await nativeManifest(runner, natives);

    let jsResponses: string | null = null;
    if (coreResult && coreResult.responses.length > 0) {
      jsResponses = path.join(spill, "core-responses.parquet");
      await writeParquet(jsResponses, RESPONSE_TABLE, coreResult.responses);
    }
    // The rows table holds all the Parquet files need: the text tables go, for the writers' memory.
    for (const fi of natives.keys()) {
      await connection.run(`DROP VIEW ${valuesView(fi)}`);
      await connection.run(`DROP TABLE ${rawTable(fi)}`);
    }
    const sql = outputSql(natives, lookups, options.orgId, jsResponses);
    await mkdir(out, {recursive: true});
    await writeCopy(connection, sql.tickets, path.join(out, DATASET_FILES.tickets));
    await writeCopy(connection, sql.responses, path.join(out, DATASET_FILES.responses));
    const tickets = files.reduce((a, f) => a + f.accepted, 0);
    const counted = await runner.rows(
      `SELECT count(*)::DOUBLE AS n FROM read_parquet(${literal(path.join(out, DATASET_FILES.responses))})`,
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
        rows_read: sum("rows_read"),
        accepted: sum("accepted"),
        rejected: sum("rejected"),
        duplicates: sum("duplicates"),
        tickets,
        responses,
      },
    };
    const allRejects = [...rejects, ...(coreResult?.rejects ?? [])];
    const agentList = mergeAgents(agents.list(), coreResult?.agents ?? []);
    await writeSidecars(out, {manifest, rejects: allRejects, agents: agentList, ...extras});
    return {
      manifest,
      rejects: allRejects,
      agents: agentList,
      problems: [...problems.lines, ...(coreResult?.problems ?? []), ...problems.more],
      warnings: [...warnings.lines, ...(coreResult?.warnings ?? []), ...warnings.more],
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

/** Builds the lookup tables of one file; returns a reason to decline, else null. */
async function readCells(lookups: Lookups, file: NativeFile): Promise<string | null> {
  const {cols, cells} = file.plan;
  const dates = [cols.created, cols.updated, cols.solved, cols.firstReplyAt].filter((c) => c >= 0);
  const declined = await lookups.dates(dates);
  if (declined) return declined;
  await lookups.prefetch([
    cols.status, cols.channel, cols.group, cols.type, cols.assignee, cols.priority, cols.tags, cols.satisfaction,
    ...cols.flags.map((f) => f.index),
  ]); // prettier-ignore
  await lookups.count("replies", cols.replies);
  await lookups.count("reopens", cols.reopens);
  for (const [k, m] of cols.metrics.entries()) await lookups.minutes(`m${k}`, m.index, m.unitMinutes);
  await lookups.map(
    "status",
    cols.status,
    {status: "VARCHAR", excluded: "VARCHAR", invalid: "VARCHAR"},
    (raw) => cells.status(raw),
  );
  await lookups.map(
    "channel",
    cols.channel,
    {
      blank: "BOOLEAN",
      channel: "VARCHAR",
      channel_raw: "VARCHAR",
      excluded: "VARCHAR",
      unknown_key: "VARCHAR",
    },
    (raw) => {
      if (raw.trim() === "")
        return {blank: true, channel: null, channel_raw: null, excluded: null, unknown_key: null};
      const c = cells.channel(raw);
      return {
        blank: false,
        channel: c.channel,
        channel_raw: c.raw,
        excluded: c.excluded,
        unknown_key: c.unknownKey,
      };
    },
  );
  const text = (raw: string) => ({value: cells.text(raw)});
  await lookups.map("group", cols.group, {value: "VARCHAR"}, text);
  await lookups.map("type", cols.type, {value: "VARCHAR"}, text);
  await lookups.map("agent_name", cols.assignee, {value: "VARCHAR"}, text);
  await lookups.map("priority", cols.priority, {value: "VARCHAR"}, (raw) => ({value: cells.priority(raw)}));
  await lookups.map("tags", cols.tags, {tags: "VARCHAR", merged: "BOOLEAN"}, (text) => {
    const raw = text.trim();
    const tags = raw === "" ? [] : cells.tags(raw);
    return {tags: JSON.stringify(tags), merged: tags.includes("closed_by_merge")};
  });
  // As a list column once, not a JSON text to parse on every row.
  if (cols.tags >= 0) {
    const table = lookup(lookups.fi, "tags");
    await lookups.connection.run(
      `CREATE OR REPLACE TABLE ${table} AS SELECT * REPLACE (CAST(CAST(tags AS JSON) AS VARCHAR[]) AS tags) FROM ${table}`,
    );
  }
  for (const [k, flag] of cols.flags.entries())
    await lookups.map(`flag${k}`, flag.index, {truthy: "BOOLEAN"}, (raw) => ({truthy: cells.flag(raw)}));
  await lookups.map(
    "satisfaction",
    cols.satisfaction,
    {undef: "BOOLEAN", wraw: "VARCHAR", sat: "VARCHAR", score: "DOUBLE", smin: "DOUBLE", smax: "DOUBLE"},
    (raw) => {
      const {raw: trimmed, n, s} = cells.satisfaction(raw);
      const numeric = !Number.isNaN(n);
      return {
        undef: s === undefined,
        wraw: trimmed,
        sat: s ?? null,
        score: numeric ? n : s === "good" ? 1 : 0,
        smin: numeric ? 1 : 0,
        smax: numeric ? 5 : 1,
      };
    },
  );
  return null;
}

/** Agent codes in the order the core meets the names (first reaching row, file by file). */
async function codeAgents(runner: NativeRunner, agents: Agents, lookups: Lookups[]): Promise<void> {
  const firsts = await runner.rows(
    `SELECT fi, agent_name_code AS code, min(line)::DOUBLE AS line FROM sb_ctl ` +
      `WHERE reach AND agent_name_code IS NOT NULL GROUP BY fi, agent_name_code ORDER BY fi, line`,
  );
  const codes = new Map<string, string>();
  for (const {fi, code} of firsts) {
    const name = lookups[fi as number]!.rows.get("agent_name")![code as number]!.value as string | null;
    if (name !== null && !codes.has(name)) codes.set(name, agents.code(name));
  }
  await runner.load(
    {
      name: "sb_agents",
      columns: [
        {name: "name", type: "VARCHAR"},
        {name: "code", type: "VARCHAR"},
      ],
    },
    [...codes].map(([name, code]) => ({name, code})),
  );
}

/** The core's three row warnings, each once per file and value, at the first row that reaches it. */
async function nativeWarnings(
  runner: NativeRunner,
  natives: NativeFile[],
  lookups: Lookups[],
): Promise<{lines: string[]; more: string[]}> {
  const firsts = await runner.rows(`
    SELECT fi, 0 AS k, channel_code AS code, min(line)::DOUBLE AS line FROM sb_ctl
      WHERE reach AND channel_code IS NOT NULL GROUP BY fi, channel_code
    UNION ALL SELECT fi, 2, satisfaction_code, min(line)::DOUBLE FROM sb_ctl
      WHERE reach AND satisfaction_code IS NOT NULL GROUP BY fi, satisfaction_code
    UNION ALL SELECT fi, 1, arg_min(r, line), min(line)::DOUBLE FROM sb_ctl WHERE reach AND first_warn GROUP BY fi`);
  const lines: string[] = [];
  const more: string[] = [];
  for (const [fi, file] of natives.entries()) {
    // Once per unknown channel word, per unknown score, and once per file for first_reply_at.
    const found = new Map<string, {line: number; k: number; field: string; message: string}>();
    const keep = (key: string, line: number, k: number, field: string, message: string) => {
      const old = found.get(key);
      if (!old || line < old.line) found.set(key, {line, k, field, message});
    };
    for (const row of firsts.filter((x) => x.fi === fi)) {
      const line = row.line as number;
      if (row.k === 0) {
        const c = lookups[fi]!.rows.get("channel")![row.code as number]!;
        if (c.blank || c.unknown_key === null) continue;
        const raw = c.raw as string;
        const message = `unknown channel "${raw.slice(0, 30)}" kept as channel_raw, counted as other`;
        keep(`c:${c.unknown_key as string}`, line, 0, "channel", message);
      } else if (row.k === 2) {
        const sat = lookups[fi]!.rows.get("satisfaction")![row.code as number]!;
        if (!sat.undef) continue;
        const raw = sat.wraw as string;
        keep(
          `s:${raw}`,
          line,
          2,
          "satisfaction",
          `unknown or hashed score "${raw.slice(0, 24)}" left empty, not guessed`,
        );
      } else {
        const err = await runner.rows(
          `SELECT first_at_err AS e FROM ${valuesView(fi)} WHERE r = ${row.code}`,
        );
        keep("first", line, 1, "first_reply_at", `not a timestamp, ignored: ${err[0]!.e as string}`);
      }
    }
    const own = [...found.values()].sort((a, b) => a.line - b.line || a.k - b.k);
    for (const w of own.slice(0, MAX_WARNINGS_PER_FILE))
      lines.push(`${file.source.name}:${w.line}: ${w.field}: ${w.message}`);
    if (own.length > MAX_WARNINGS_PER_FILE)
      more.push(`${file.source.name}:0: rows: ${own.length - MAX_WARNINGS_PER_FILE} more warnings`);
  }
  return {lines, more};
}

/** Why a rejected row was rejected, worded as checkTicket words it. */
function reason(kind: string, text: string | null, num: number | null): string {
  if (kind === "future") return `date in the future (${isoDate(num!)})`;
  if (kind === "before") return `before created_at (${isoDate(num!)})`;
  if (kind === "negative") return `negative duration (${num})`;
  if (kind === "notnumber") return "not a number";
  if (kind === "notcount") return `not a count (${num})`;
  return text!;
}

/** Invalid rows and left-out tickets, with the excerpt the core would write. */
async function nativeRejects(
  runner: NativeRunner,
  natives: NativeFile[],
): Promise<{rejects: Reject[]; problems: {lines: string[]; more: string[]}}> {
  const rejects: Reject[] = [];
  const problems = {lines: [] as string[], more: [] as string[]};
  const counts = await runner.rows(
    `SELECT fi, count(*) FILTER (WHERE NOT valid)::DOUBLE AS invalid FROM sb_ctl GROUP BY fi`,
  );
  for (const [fi, file] of natives.entries()) {
    const invalidRows = (counts.find((c) => c.fi === fi)?.invalid as number | undefined) ?? 0;
    // The view is read again only for files with invalid rows (its joins cost a pass).
    const invalid =
      invalidRows === 0
        ? ""
        : `SELECT r, line::DOUBLE AS line, rj_field AS field, rj_kind AS kind, rj_text AS text, rj_num AS num ` +
          `FROM ${valuesView(fi)} WHERE rj IS NOT NULL UNION ALL `;
    const rows = await runner.rows(
      `${invalid}SELECT r, line::DOUBLE AS line, 'row' AS field, 'excluded' AS kind, excluded AS text, NULL AS num FROM sb_win ` +
        `WHERE fi = ${fi} AND excluded IS NOT NULL ORDER BY line`,
    );
    const cells = await excerptCells(
      runner,
      file,
      fi,
      rows.map((row) => row.r as number),
    );
    let count = 0;
    for (const row of rows) {
      const excluded = row.kind === "excluded";
      const why = excluded
        ? (row.text as string)
        : reason(row.kind as string, row.text as string | null, row.num as number | null);
      rejects.push({
        file: file.source.name,
        line: row.line as number,
        field: row.field as string,
        reason: why,
        excerpt: rowExcerpt(file.header, cells.get(Number(row.r)) ?? []),
        severity: excluded ? "excluded" : "invalid",
      });
      if (excluded) continue;
      if (++count <= MAX_PROBLEMS_PER_FILE)
        problems.lines.push(`${file.source.name}:${row.line}: ${row.field}: ${why}`);
    }
    if (count > MAX_PROBLEMS_PER_FILE)
      problems.more.push(
        `${file.source.name}:0: rows: ${count - MAX_PROBLEMS_PER_FILE} more invalid rows (see rejects)`,
      );
  }
  return {rejects, problems};
}

/** The cells of some rows of a file as the core's parser gives them (unused cells empty). */
async function excerptCells(
  runner: NativeRunner,
  file: NativeFile,
  fi: number,
  rowids: number[],
): Promise<Map<number, string[]>> {
  const out = new Map<number, string[]>();
  if (rowids.length === 0) return out;
  await runner.load(
    {name: "sb_wanted", columns: [{name: "r", type: "DOUBLE"}]},
    rowids.map((r) => ({r})),
  );
  const rows = await runner.rows(
    `SELECT rowid::DOUBLE AS r, ${file.columns.map((c) => `${cellText(file, c)} AS "${c}"`).join(", ")} ` +
      `FROM ${rawTable(fi)} WHERE rowid IN (SELECT CAST(r AS BIGINT) FROM sb_wanted)`,
  );
  for (const row of rows) {
    const fields = file.header.map(() => "");
    for (const c of file.columns) fields[c] = row[c] as string;
    out.set(row.r as number, fields);
  }
  return out;
}

/** Per-file counts, as the core's Combiner keeps them. */
async function nativeManifest(runner: NativeRunner, natives: NativeFile[]): Promise<FileManifest[]> {
  const counts = await runner.rows(`
    SELECT fi, count(*)::DOUBLE AS read, count(*) FILTER (WHERE NOT valid)::DOUBLE AS invalid,
      count(*) FILTER (WHERE valid)::DOUBLE AS valid FROM sb_ctl GROUP BY fi`);
  const winners = await runner.rows(`
    SELECT fi, excluded, count(*)::DOUBLE AS n FROM sb_win GROUP BY fi, excluded ORDER BY fi, min(line)`);
  return natives.map((file, fi) => {
    const c = counts.find((r) => r.fi === fi) ?? {read: 0, invalid: 0, valid: 0};
    const excluded: Record<string, number> = {};
    let kept = 0;
    let left = 0;
    for (const w of winners.filter((x) => x.fi === fi)) {
      if (w.excluded === null) kept += w.n as number;
      else {
        excluded[w.excluded as string] = w.n as number;
        left += w.n as number;
      }
    }
    return {
      file: file.source.name,
      format: file.adapterId,
      content: "tickets",
      rows_read: c.read as number,
      accepted: kept,
      rejected: (c.invalid as number) + left,
      duplicates: (c.valid as number) - kept - left,
      excluded,
    };
  });
}

function mergeAgents(
  a: {code: string; name: string}[],
  b: {code: string; name: string}[],
): {code: string; name: string}[] {
  const byCode = new Map<string, string>();
  for (const x of [...a, ...b]) if (!byCode.has(x.code)) byCode.set(x.code, x.name);
  return [...byCode].map(([code, name]) => ({code, name})).sort((x, y) => (x.code < y.code ? -1 : 1));
}

/** COPY to a Parquet file written beside the target and renamed, so a failure leaves no half file. */
async function writeCopy(connection: DuckDBConnection, select: string, file: string): Promise<void> {
  const partial = `${file}.partial`;
  try {
    await connection.run(`COPY (${select}) TO ${literal(partial)} (FORMAT parquet, COMPRESSION zstd)`);
    await rename(partial, file);
  } catch (error) {
    await rm(partial, {force: true});
    throw error;
  }
}
