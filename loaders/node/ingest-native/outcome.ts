/**
 * What a native run tells its user besides the Parquet files, worded and counted exactly as the
 * core's Combiner does: agent codes, row warnings, rejects with their excerpts, problem lines and
 * the per-file manifest. Everything is read from the rows tables (index.ts) and the lookups.
 */
import {
  DURATIONS,
  implausible,
  PLAUSIBLE_MAX_MINUTES,
  PLAUSIBLE_SLACK_MINUTES,
  RANGE_REASON,
  REASON,
  rowExcerpt,
  WARNING,
} from "../../formats/common.ts";
import {
  implausibleFile,
  implausibleShare,
  lineOf,
  MAX_PROBLEMS_PER_FILE,
  MAX_WARNINGS_PER_FILE,
  moreInvalid,
  moreWarnings,
} from "../../ingest/combine.ts";
import type {Agents} from "../../ingest/agents.ts";
import type {FileManifest, Reject} from "../../schema/index.ts";
import type {NativeRunner} from "../duckdb-native.ts";
import {cellText, rawTable} from "./load.ts";
import type {Lookups} from "./lookups.ts";
import type {NativeFile} from "./open.ts";
import {valuesView} from "./row-sql.ts";

/** Agent codes in the order the core meets the names (first reaching row, file by file). */
export async function codeAgents(
  runner: NativeRunner,
  agents: Agents,
  lookups: Lookups[],
): Promise<Map<string, string>> {
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
  return codes;
}

/** The core's three row warnings, each once per file and value, at the first row that reaches it. */
export async function nativeWarnings(
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
        keep(`c:${c.unknown_key as string}`, line, 0, "channel", WARNING.unknownChannel(raw));
      } else if (row.k === 2) {
        const sat = lookups[fi]!.rows.get("satisfaction")![row.code as number]!;
        if (!sat.undef) continue;
        const raw = sat.wraw as string;
        keep(`s:${raw}`, line, 2, "satisfaction", WARNING.unknownScore(raw));
      } else {
        const err = await runner.rows(
          `SELECT first_at_err AS e FROM ${valuesView(fi)} WHERE r = ${row.code}`,
        );
        keep("first", line, 1, "first_reply_at", WARNING.notTimestamp(err[0]!.e as string));
      }
    }
    const own = [...found.values()].sort((a, b) => a.line - b.line || a.k - b.k);
    for (const w of own.slice(0, MAX_WARNINGS_PER_FILE))
      lines.push(lineOf(file.source.name, w.line, w.field, w.message));
    if (own.length > MAX_WARNINGS_PER_FILE)
      more.push(moreWarnings(file.source.name, own.length - MAX_WARNINGS_PER_FILE));
  }
  return {lines, more};
}

/** Why a rejected row was rejected, worded as checkTicket words it. */
function reason(kind: string, text: string | null, num: number | null): string {
  if (kind === "future") return REASON.future(num!);
  if (kind === "before") return REASON.beforeCreated(num!);
  if (kind === "negative") return REASON.negative(num!);
  if (kind === "notnumber") return REASON.notNumber;
  if (kind === "notcount") return REASON.notCount(num!);
  if (kind in RANGE_REASON) return RANGE_REASON[kind as keyof typeof RANGE_REASON](num!);
  return text!;
}

/** Invalid rows and left-out tickets, with the excerpt the core would write. */
export async function nativeRejects(
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
        problems.lines.push(lineOf(file.source.name, row.line as number, row.field as string, why));
    }
    if (count > MAX_PROBLEMS_PER_FILE)
      problems.more.push(moreInvalid(file.source.name, count - MAX_PROBLEMS_PER_FILE));
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

/**
 * Kept rows whose times contradict each other, as the core's Combiner reports them: rejects with
 * severity "warning" (the rows stay accepted), and a warning line for a file above the share.
 * SQL finds the candidates; `implausible()` itself decides and words each one.
 */
export async function nativeImplausible(
  runner: NativeRunner,
  natives: NativeFile[],
): Promise<{rejects: Reject[]; warnings: string[]}> {
  const minutes = DURATIONS.map((d) => `${d} > ${PLAUSIBLE_MAX_MINUTES}`).join(" OR ");
  const rows = await runner.rows(
    `SELECT fi, r, line::DOUBLE AS line, created::DOUBLE AS created_at, solved::DOUBLE AS solved_at, ` +
      `${DURATIONS.map((d) => `${d}::DOUBLE AS ${d}`).join(", ")} FROM sb_win WHERE excluded IS NULL AND (` +
      `first_reply_minutes > full_resolution_minutes + ${PLAUSIBLE_SLACK_MINUTES} OR ${minutes} OR ` +
      `(solved - created) / 60000 > ${PLAUSIBLE_MAX_MINUTES}) ORDER BY fi, line`,
  );
  const kept = await runner.rows(
    `SELECT fi, count(*)::DOUBLE AS n FROM sb_win WHERE excluded IS NULL GROUP BY fi`,
  );
  const rejects: Reject[] = [];
  const warnings: string[] = [];
  for (const [fi, file] of natives.entries()) {
    const odd = rows.filter((row) => row.fi === fi).map((row) => ({row, problem: implausible(row as never)}));
    const found = odd.filter((o) => o.problem !== null);
    const cells = await excerptCells(
      runner,
      file,
      fi,
      found.map((o) => o.row.r as number),
    );
    for (const {row, problem} of found)
      rejects.push({
        file: file.source.name,
        line: row.line as number,
        field: problem!.field,
        reason: problem!.reason,
        excerpt: rowExcerpt(file.header, cells.get(Number(row.r)) ?? []),
        severity: "warning",
      });
    const total = (kept.find((k) => k.fi === fi)?.n as number | undefined) ?? 0;
    if (implausibleFile(found.length, total))
      warnings.push(implausibleShare(file.source.name, found.length, total));
  }
  return {rejects, warnings};
}

/** Per-file counts, as the core's Combiner keeps them. */
export async function nativeManifest(runner: NativeRunner, natives: NativeFile[]): Promise<FileManifest[]> {
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
      lines: file.lines,
      rows_read: c.read as number,
      accepted: kept,
      rejected: (c.invalid as number) + left,
      duplicates: (c.valid as number) - kept - left,
      excluded,
    };
  });
}

export function mergeAgents(
  a: {code: string; name: string}[],
  b: {code: string; name: string}[],
): {code: string; name: string}[] {
  const byCode = new Map<string, string>();
  for (const x of [...a, ...b]) if (!byCode.has(x.code)) byCode.set(x.code, x.name);
  return [...byCode].map(([code, name]) => ({code, name})).sort((x, y) => (x.code < y.code ? -1 : 1));
}
