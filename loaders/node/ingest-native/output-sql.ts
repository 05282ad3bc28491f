/**
 * The dataset's Parquet files from the native engine's rows tables: the winning rows, their
 * lookup codes decoded, every column of the canonical schemas (dataset.ts) in schema order and
 * storage type, so the files read back exactly as the ones `writeDataset` writes.
 */
import {RESPONSE_TABLE, TICKET_TABLE} from "../dataset.ts";
import type {Column} from "../table-columns.ts";
import {lookup, type Lookups} from "./lookups.ts";
import type {NativeFile} from "./open.ts";
import {DURATIONS} from "../../formats/common.ts";
import {filledDurations} from "./row-sql.ts";
import {lit} from "../../metrics/sql.ts";
import {shippedPathId} from "../../privacy/paths.ts";

/**
 * SQL of a text already typed for its column: an ENUM, which DuckDB writes to Parquet as the
 * same UTF8 column a VARCHAR gives, but from the ENUM's dictionary instead of hashing the text of
 * every row (the tickets file took about 40 % less time to write).
 */
class Typed {
  constructor(readonly sql: string) {}
}
type Value = string | Typed;

/** The columns' values, cast to their storage types; instants arrive as epoch ms. */
function select(columns: Column[], values: Record<string, Value>): string {
  return columns
    .map((c) => {
      const v = values[c.name];
      if (v === undefined) throw new Error(`native ingest: no value for column ${c.name}`);
      if (v instanceof Typed) return `${v.sql} AS "${c.name}"`;
      const typed = c.type === "TIMESTAMP" ? `epoch_ms(CAST(${v} AS BIGINT))` : `CAST(${v} AS ${c.type})`;
      return `${typed} AS "${c.name}"`;
    })
    .join(", ");
}

/** The ENUM type holding `texts`, or null when there is none (an ENUM needs a value). */
function enumType(texts: Iterable<string | null>): string | null {
  const distinct = [...new Set([...texts].filter((t): t is string => t !== null))];
  return distinct.length === 0 ? null : `ENUM(${distinct.map(lit).join(", ")})`;
}

/** One text for every row. */
const constantText = (text: string) => new Typed(`${lit(text)}::${enumType([text])}`);

/** `texts[code]` for the row's lookup code; `whenNoCode` when the row has no code. */
function decodeText(texts: (string | null)[], code: string, whenNoCode: string | null): Value {
  const type = enumType([...texts, whenNoCode]);
  if (type === null) return "NULL";
  const list = `([${texts.map((t) => (t === null ? "NULL" : lit(t))).join(", ")}]::${type}[])`;
  const decoded = `${list}[${code} + 1]`;
  if (whenNoCode === null) return new Typed(decoded);
  return new Typed(`CASE WHEN ${code} IS NULL THEN ${lit(whenNoCode)}::${type} ELSE ${decoded} END`);
}

/** `lists[code]` for the row's lookup code, an empty list when the row has no code. */
function decodeTags(lists: string[][], code: string): Value {
  const type = enumType(lists.flat());
  if (type === null) return "[]::VARCHAR[]";
  const literal = lists.map((l) => `[${l.map(lit).join(", ")}]`).join(", ");
  return new Typed(`coalesce(([${literal}]::${type}[][])[${code} + 1], []::${type}[])`);
}

/** Lookups up to this many rows are decoded from list literals, larger ones by a join. */
const LIST_DECODE = 1000;

type Row = Record<string, unknown>;

export function outputSql(
  natives: NativeFile[],
  lookups: Lookups[],
  /** Agents' codes by name (names on no accepted row may be missing). */
  agentCodes: ReadonlyMap<string, string>,
  orgId: string,
  coreResponses: string | null,
  /** Per file, what its ticket ids are prefixed with in the dataset ("" for one system). */
  idPrefix: readonly string[],
): {tickets: string; responses: string} {
  const org = constantText(orgId);
  const idOf = (fi: number) => (idPrefix[fi] ? `${lit(idPrefix[fi])} || w.id` : "w.id");
  /**
   * A text column read from lookup `name` of file `fi`: decoded from a list when the lookup is
   * short (`text` of each lookup row), else joined (`sql` over the joined row's alias). A row
   * without a code (no lookup row) gets `whenNoCode`; a file without the column, `absent`.
   */
  const decoder = (fi: number, joins: string[]) => {
    return (
      name: string,
      c: number,
      text: (row: Row) => string | null,
      sql: (alias: string) => string,
      whenNoCode: string | null,
      absent = whenNoCode,
    ): Value => {
      if (c < 0) return absent === null ? "NULL" : constantText(absent);
      const rows = lookups[fi]!.rows.get(name) ?? [];
      const code = `w.${name}_code`;
      if (rows.length <= LIST_DECODE) return decodeText(rows.map(text), code, whenNoCode);
      const alias = `k_${name}`;
      const join = `LEFT JOIN ${lookup(fi, name)} ${alias} ON ${alias}.code = ${code}`;
      if (!joins.includes(join)) joins.push(join);
      return whenNoCode === null
        ? sql(alias)
        : `CASE WHEN ${code} IS NULL THEN ${lit(whenNoCode)} ELSE ${sql(alias)} END`;
    };
  };
  const channelText = (r: Row) => (r.blank !== false ? "other" : (r.channel as string | null));
  const channelSql = (a: string) =>
    `CASE WHEN ${a}.blank IS DISTINCT FROM FALSE THEN 'other' ELSE ${a}.channel END`;

  // Paths as the privacy policy ships them (loaders/privacy/paths.ts), as the core writes them.
  const shipped = (file: NativeFile) => shippedPathId(`${file.source.name}#`).slice(0, -1);
  const tickets = natives.map((file, fi) => {
    const {cols, defaultStatus} = file.plan;
    const joins: string[] = [];
    const decode = decoder(fi, joins);
    const value = (name: string, c: number) =>
      decode(
        name,
        c,
        (r) => r.value as string | null,
        (a) => `${a}.value`,
        null,
      );
    const agentRows = lookups[fi]!.rows.get("agent_name") ?? [];
    let assignee: Value;
    if (cols.assignee < 0) assignee = "NULL";
    else if (agentRows.length <= LIST_DECODE)
      assignee = decodeText(
        agentRows.map((r) => (r.value === null ? null : (agentCodes.get(r.value as string) ?? null))),
        "w.agent_name_code",
        null,
      );
    else {
      joins.push(
        `LEFT JOIN ${lookup(fi, "agent_name")} an ON an.code = w.agent_name_code`,
        `LEFT JOIN sb_agents a ON a.name = an.value`,
      );
      assignee = "a.code";
    }
    const tagRows = lookups[fi]!.rows.get("tags") ?? [];
    let tags: Value = "[]::VARCHAR[]";
    if (cols.tags >= 0 && tagRows.length <= LIST_DECODE)
      tags = decodeTags(
        tagRows.map((r) => JSON.parse(r.tags as string) as string[]),
        "w.tags_code",
      );
    else if (cols.tags >= 0) {
      joins.push(`LEFT JOIN ${lookup(fi, "tags")} tg ON tg.code = w.tags_code`);
      tags = "coalesce(tg.tags, []::VARCHAR[])";
    }
    const filled = new Set(filledDurations(file));
    const values = select(TICKET_TABLE, {
      org_id: org,
      ticket_id: idOf(fi),
      created_at: "w.created",
      updated_at: "w.updated",
      channel: decode("channel", cols.channel, channelText, channelSql, "other"),
      channel_raw: decode(
        "channel",
        cols.channel,
        (r) => (r.blank === false ? (r.channel_raw as string | null) : null),
        (a) => `CASE WHEN ${a}.blank IS FALSE THEN ${a}.channel_raw END`,
        null,
      ),
      status: decode(
        "status",
        cols.status,
        (r) => (r.status as string | null) ?? "open",
        (a) => `coalesce(${a}.status, 'open')`,
        "open",
        defaultStatus,
      ),
      solved_at: "w.solved",
      ...Object.fromEntries(DURATIONS.map((f) => [f, filled.has(f) ? `w.${f}` : "NULL"])),
      replies: "w.replies",
      reopens: "w.reopens",
      group: value("group", cols.group),
      assignee,
      priority: value("priority", cols.priority),
      type: value("type", cols.type),
      tags,
      satisfaction: decode(
        "satisfaction",
        cols.satisfaction,
        (r) => (r.undef ? null : (r.sat as string | null)),
        (a) => `CASE WHEN ${a}.undef THEN NULL ELSE ${a}.sat END`,
        null,
      ),
      source_file: constantText(shipped(file)),
      source_line: "w.line",
    });
    return `SELECT ${values} FROM sb_win w ${joins.join(" ")} WHERE w.fi = ${fi} AND w.excluded IS NULL`;
  });
  // Survey answers carried on the tickets kept.
  const responses = natives.flatMap((file, fi) => {
    if (file.plan.cols.satisfaction < 0) return [];
    const name = lit(shipped(file));
    const joins: string[] = [];
    const values = select(RESPONSE_TABLE, {
      org_id: org,
      response_id: `${name} || '#ticket-' || w.id`,
      ticket_id: idOf(fi),
      kind: constantText("csat"),
      score: "s.score",
      scale_min: "s.smin",
      scale_max: "s.smax",
      responded_at: "w.version",
      comment: "NULL",
      channel: decoder(fi, joins)("channel", file.plan.cols.channel, channelText, channelSql, "other"),
      segment: "NULL",
      source_file: constantText(shipped(file)),
      source_line: "w.line",
    });
    return [
      `SELECT ${values} FROM sb_win w JOIN ${lookup(fi, "satisfaction")} s ON s.code = w.satisfaction_code ${joins.join(" ")} ` +
        `WHERE w.fi = ${fi} AND w.excluded IS NULL AND NOT s.undef AND s.sat IN ('good', 'bad')`,
    ];
  });
  if (coreResponses) responses.push(`SELECT * FROM read_parquet(${lit(coreResponses)})`);
  const empty = `SELECT ${select(RESPONSE_TABLE, Object.fromEntries(RESPONSE_TABLE.map((c) => [c.name, "NULL"])))} WHERE FALSE`;
  return {
    tickets: tickets.join(" UNION ALL "),
    responses: responses.length ? responses.join(" UNION ALL ") : empty,
  };
}
