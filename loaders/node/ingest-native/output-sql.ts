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

/** A lookup value as a SQL literal. */
function sqlValue(v: unknown): string {
  if (v === null || v === undefined) return "NULL";
  if (typeof v === "boolean") return v ? "TRUE" : "FALSE";
  if (typeof v === "number") return String(v);
  return lit(String(v));
}

/** The columns' values, cast to their storage types; instants arrive as epoch ms. */
function select(columns: Column[], values: Record<string, string>): string {
  return columns
    .map((c) => {
      const v = values[c.name];
      if (v === undefined) throw new Error(`native ingest: no value for column ${c.name}`);
      const typed = c.type === "TIMESTAMP" ? `epoch_ms(CAST(${v} AS BIGINT))` : `CAST(${v} AS ${c.type})`;
      return `${typed} AS "${c.name}"`;
    })
    .join(", ");
}

/** Lookups up to this many rows are decoded by indexing a list literal, larger ones by a join. */
const LIST_DECODE = 1000;

export function outputSql(
  natives: NativeFile[],
  lookups: Lookups[],
  orgId: string,
  coreResponses: string | null,
): {tickets: string; responses: string} {
  const tickets = natives.map((file, fi) => {
    const {cols, defaultStatus} = file.plan;
    const joins: string[] = [];
    /**
     * A lookup's fields by the row's code, as `alias.field`-like SQL through `field(alias, name)`,
     * or null when the file has no such column.
     */
    const decode = (name: string, c: number, alias: string): string | null => {
      if (c < 0) return null;
      const rows = lookups[fi]!.rows.get(name) ?? [];
      if (rows.length <= LIST_DECODE) {
        lists.set(alias, {rows, code: `w.${name}_code`});
        return alias;
      }
      joins.push(`LEFT JOIN ${lookup(fi, name)} ${alias} ON ${alias}.code = w.${name}_code`);
      return alias;
    };
    const lists = new Map<string, {rows: Record<string, unknown>[]; code: string}>();
    const at = (alias: string, field: string) => {
      const list = lists.get(alias);
      if (!list) return `${alias}.${field}`;
      const values = list.rows.map((r) =>
        field === "tags"
          ? `[${(JSON.parse(r.tags as string) as string[]).map(lit).join(", ")}]::VARCHAR[]`
          : sqlValue(r[field]),
      );
      return `[${values.join(", ")}][${list.code} + 1]`;
    };
    const st = decode("status", cols.status, "st");
    const ch = decode("channel", cols.channel, "ch");
    const value = (name: string, c: number, alias: string) => {
      const lk = decode(name, c, alias);
      return lk ? at(lk, "value") : "NULL";
    };
    const agent = value("agent_name", cols.assignee, "an");
    if (agent !== "NULL") joins.push(`LEFT JOIN sb_agents a ON a.name = ${agent}`);
    const tg = decode("tags", cols.tags, "tg");
    const sat = decode("satisfaction", cols.satisfaction, "sat");
    const filled = new Set(filledDurations(file));
    const values = select(TICKET_TABLE, {
      org_id: lit(orgId),
      ticket_id: "w.id",
      created_at: "w.created",
      updated_at: "w.updated",
      channel: ch
        ? `CASE WHEN ${at(ch, "blank")} IS DISTINCT FROM FALSE THEN 'other' ELSE ${at(ch, "channel")} END`
        : "'other'",
      channel_raw: ch ? `CASE WHEN ${at(ch, "blank")} IS FALSE THEN ${at(ch, "channel_raw")} END` : "NULL",
      status: st ? `coalesce(${at(st, "status")}, 'open')` : lit(cols.status >= 0 ? "open" : defaultStatus),
      solved_at: "w.solved",
      ...Object.fromEntries(DURATIONS.map((f) => [f, filled.has(f) ? `w.${f}` : "NULL"])),
      replies: "w.replies",
      reopens: "w.reopens",
      group: value("group", cols.group, "g"),
      assignee: agent === "NULL" ? "NULL" : "a.code",
      priority: value("priority", cols.priority, "p"),
      type: value("type", cols.type, "ty"),
      tags: tg ? `coalesce(${at(tg, "tags")}, []::VARCHAR[])` : "[]::VARCHAR[]",
      satisfaction: sat ? `CASE WHEN ${at(sat, "undef")} THEN NULL ELSE ${at(sat, "sat")} END` : "NULL",
      source_file: lit(file.source.name),
      source_line: "w.line",
    });
    return `SELECT ${values} FROM sb_win w ${joins.join(" ")} WHERE w.fi = ${fi} AND w.excluded IS NULL`;
  });
  // Survey answers carried on the tickets kept.
  const responses = natives.flatMap((file, fi) => {
    if (file.plan.cols.satisfaction < 0) return [];
    const name = lit(file.source.name);
    const channel = file.plan.cols.channel >= 0;
    const values = select(RESPONSE_TABLE, {
      org_id: lit(orgId),
      response_id: `${name} || '#ticket-' || w.id`,
      ticket_id: "w.id",
      kind: "'csat'",
      score: "s.score",
      scale_min: "s.smin",
      scale_max: "s.smax",
      responded_at: "w.version",
      comment: "NULL",
      channel: channel
        ? `CASE WHEN c.blank IS DISTINCT FROM FALSE THEN 'other' ELSE c.channel END`
        : "'other'",
      segment: "NULL",
      source_file: name,
      source_line: "w.line",
    });
    const join = channel ? `LEFT JOIN ${lookup(fi, "channel")} c ON c.code = w.channel_code` : "";
    return [
      `SELECT ${values} FROM sb_win w JOIN ${lookup(fi, "satisfaction")} s ON s.code = w.satisfaction_code ${join} ` +
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
