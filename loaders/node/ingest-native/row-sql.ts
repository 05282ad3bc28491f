/**
 * `ticketCsvReader`'s row() as one SQL statement over a loaded file: the same checks in the same
 * order, each cell read by the core's own functions through the lookup tables (lookups.ts). The
 * result has one row per record: the ticket's fields, and the first reason it is invalid, if any.
 * Changing the order of checks in ticket-csv.ts means changing it here; the engine equivalence
 * test (test/node/ingest-engines.test.ts) fails when the two differ.
 */
import {DURATIONS, FUTURE_SLACK_MS} from "../../formats/common.ts";
import {MAX_COUNT, MAX_DURATION_MINUTES, MIN_INSTANT} from "../../schema/ranges.ts";
import type {DurationField, TicketColumns} from "../../formats/ticket-csv.ts";
import {formIsUtc} from "./date-form.ts";
import {cell, dateForm, digits, localMs, rawTable, slowText} from "./load.ts";
import {lookup, MAX_RUNS, SLOT_MS, slotOf, type Lookups} from "./lookups.ts";
import type {NativeFile} from "./open.ts";
import {lit} from "../../metrics/sql.ts";
import {double, jsTrim, minutes} from "./sql.ts";

/** The view of file `fi`'s rows read (rowSql), and the narrow table of what the run needs of each. */
export const valuesView = (fi: number) => `sb_val${fi}`;
export const controlTable = (fi: number) => `sb_ctl${fi}`;

/** Duration fields a file can fill (from a metric column, or derived): the others stay NULL. */
export function filledDurations(file: NativeFile): DurationField[] {
  const {cols} = file.plan;
  return DURATIONS.filter(
    (f) =>
      cols.metrics.some((m) => m.field === f) ||
      (f === "first_reply_minutes" && cols.firstReplyAt >= 0) ||
      (f === "full_resolution_minutes" && cols.solved >= 0),
  );
}

/** Text columns read through a lookup, whose row codes the rows table keeps. */
export const CODES = ["status", "channel", "group", "type", "agent_name", "priority", "tags", "satisfaction"];

/** The header column behind one of CODES, -1 when the layout has none. */
export function codeColumn(cols: TicketColumns, name: string): number {
  const at: Record<string, number> = {
    status: cols.status, channel: cols.channel, group: cols.group, type: cols.type,
    agent_name: cols.assignee, priority: cols.priority, tags: cols.tags, satisfaction: cols.satisfaction,
  }; // prettier-ignore
  return at[name] ?? -1;
}

interface Fail {
  when: string;
  field: string;
  /** How the reason reads: 'text' (ready in `text`) or a kind formatted from `num` in TypeScript. */
  kind:
    | "text"
    | "future"
    | "before"
    | "negative"
    | "notnumber"
    | "notcount"
    | "beforeEpoch"
    | "tooLong"
    | "tooMany";
  text: string;
  num: string;
}

/**
 * A SELECT of every record of file `fi` as the reader reads it (see the columns at the end), and
 * how many of its rules come before a row reaches the cells read for warnings and agents.
 */
export function rowSql(
  file: NativeFile,
  fi: number,
  lookups: Lookups,
  now: number,
): {sql: string; stageOne: number} {
  const {cols, defaultStatus} = file.plan;
  const joins: string[] = [];
  /** Joins lookup `name` when it has rows; an absent or empty lookup leaves its values NULL. */
  const join = (name: string, on: string, alias = `k_${name}`): string | null => {
    if (!lookups.filled.has(name)) return null;
    joins.push(`LEFT JOIN ${lookup(fi, name)} ${alias} ON ${on.replaceAll("$", alias)}`);
    return alias;
  };
  // Layer i: the cells, with SQL's own reading of fast dates and plain digits.
  const inner: string[] = [`rowid AS r`, `${jsTrim(`coalesce(${cell(cols.id)}, '')`)} AS id`];
  // Layer m: values, joined to the lookups.
  const m: string[] = ["i.r", "i.r + 2 AS line", "i.id"];

  const date = (name: string, c: number) => {
    if (c < 0) return void m.push(`NULL AS ${name}, NULL AS ${name}_err`);
    inner.push(`${localMs(c)} AS l${c}`, `${slowText(file, c)} AS c${c}`);
    // Each date column joins the shared slot and date lookups under its own alias.
    const runs = lookups.slotRuns;
    // A CASE over a few runs beats a join or a list per row; a long history of changes joins.
    const slot =
      runs === null || runs.length === 0
        ? null
        : runs.length === 1
          ? String(runs[0]!.delta)
          : runs.length <= MAX_RUNS
            ? `CASE ${runs
                .slice(1)
                .reverse()
                .map((run) => `WHEN i.l${c} >= ${run.from * SLOT_MS} THEN ${run.delta}`)
                .join(" ")} ELSE ${runs[0]!.delta} END`
            : `${join("slots", `$.slot = ${slotOf(`i.l${c}`)}`, `k_slot${c}`)}.delta`;
    const lk = join("dates", `$.raw = i.c${c}`, `k_date${c}`);
    // Fast cells of a column with a trailing "Z" are UTC already.
    const local = slot && !formIsUtc(dateForm(file, c)) ? `i.l${c} - ${slot}` : `i.l${c}`;
    m.push(
      `CASE WHEN i.l${c} IS NOT NULL THEN CAST(${local} AS DOUBLE)${lk ? ` ELSE ${lk}.ms` : ""} END AS ${name}`,
      `${lk ? `CASE WHEN i.l${c} IS NULL THEN ${lk}.err END` : "NULL"} AS ${name}_err`,
    );
  };
  date("created", cols.created);
  date("updated", cols.updated);
  date("solved", cols.solved);
  date("first_at", cols.firstReplyAt);

  const number = (name: string, c: number, unit: number) => {
    if (c < 0) return void m.push(`NULL AS ${name}, NULL AS ${name}_err`);
    inner.push(`${digits(c)} AS n_${name}`, `${slowText(file, c)} AS c_${name}`);
    const lk = join(name, `$.raw = i.c_${name}`);
    const fast = unit === 1 ? `i.n_${name}` : `i.n_${name} * ${double(unit)}`;
    m.push(
      `${lk ? `coalesce(${fast}, ${lk}.v)` : fast} AS ${name}`,
      `${lk ? `${lk}.err` : "NULL"} AS ${name}_err`,
    );
  };
  number("replies", cols.replies, 1);
  number("reopens", cols.reopens, 1);
  cols.metrics.forEach((x, k) => number(`m${k}`, x.index, x.unitMinutes));

  // Cells read whole by the core's functions: the lookup alias, or null without the column.
  // Each also gives its lookup row's code, which is all the rows table keeps of it.
  const whole = (name: string, c: number): string | null => {
    const lk = c < 0 ? null : join(name, `$.raw = i.c_${name}`);
    if (c >= 0) inner.push(`coalesce(${cell(c)}, '') AS c_${name}`);
    m.push(`${lk ? `${lk}.code` : "NULL"} AS ${name}_code`);
    return lk;
  };
  const status = whole("status", cols.status);
  m.push(
    status
      ? `coalesce(${status}.status, 'open') AS status, ${status}.excluded AS excluded0, ${status}.invalid AS status_invalid`
      : `${lit(cols.status >= 0 ? "open" : defaultStatus)} AS status, NULL AS excluded0, NULL AS status_invalid`,
  );
  const channel = whole("channel", cols.channel);
  m.push(
    channel
      ? `CASE WHEN ${channel}.blank THEN 'other' ELSE ${channel}.channel END AS channel, ` +
          `CASE WHEN ${channel}.blank THEN NULL ELSE ${channel}.channel_raw END AS channel_raw, ` +
          `CASE WHEN ${channel}.blank THEN NULL ELSE ${channel}.excluded END AS channel_excluded`
      : `'other' AS channel, NULL AS channel_raw, NULL AS channel_excluded`,
  );
  for (const [name, c] of [
    ["group", cols.group],
    ["type", cols.type],
    ["agent_name", cols.assignee],
    ["priority", cols.priority],
  ] as const) {
    const lk = whole(name, c);
    m.push(`${lk ? `${lk}.value` : "NULL"} AS "${name}"`);
  }
  const tags = whole("tags", cols.tags);
  m.push(
    tags
      ? `coalesce(${tags}.tags, []::VARCHAR[]) AS tags, coalesce(${tags}.merged, FALSE) AS merged`
      : `[]::VARCHAR[] AS tags, FALSE AS merged`,
  );
  cols.flags.forEach((f, k) => {
    const lk = whole(`flag${k}`, f.index);
    m.push(`${lk ? `coalesce(${lk}.truthy, FALSE)` : "FALSE"} AS flag${k}`);
  });
  const sat = whole("satisfaction", cols.satisfaction);
  m.push(
    sat ? `coalesce(${sat}.undef, FALSE) AS sat_undef, ${sat}.sat AS sat` : `FALSE AS sat_undef, NULL AS sat`,
  );

  // Layer d: what the row derives (left-out reason, duration fields).
  const metricValue = (f: DurationField) => {
    const own = cols.metrics.flatMap((x, k) => (x.field === f ? [`m${k}`] : []));
    return own.length === 0 ? "NULL" : own.length === 1 ? own[0]! : `coalesce(${own.join(", ")})`;
  };
  const duration = (f: DurationField) => {
    const v = metricValue(f);
    if (f === "first_reply_minutes" && cols.firstReplyAt >= 0)
      return `CASE WHEN ${v} IS NULL AND first_at_err IS NULL THEN ${minutes("created", "first_at")} ELSE ${v} END`;
    if (f === "full_resolution_minutes" && cols.solved >= 0)
      return `CASE WHEN ${v} IS NULL AND status IN ('solved', 'closed') THEN ${minutes("created", "solved")} ELSE ${v} END`;
    return v;
  };
  const d = [
    "*",
    `coalesce(excluded0, channel_excluded, ` +
      `CASE WHEN merged THEN 'merged ticket (closed_by_merge)' END` +
      cols.flags.map((f, k) => `, CASE WHEN flag${k} THEN ${lit(f.reason)} END`).join("") +
      `) AS excluded`,
    `${cols.firstReplyAt >= 0 ? `first_at_err IS NOT NULL AND ${metricValue("first_reply_minutes")} IS NULL` : "FALSE"} AS first_warn`,
    ...DURATIONS.map((f) => `${duration(f)} AS ${f}`),
  ];

  // The reject: a stage-one failure, else the first failed cell, else checkTicket's first rule.
  const limit = now + FUTURE_SLACK_MS;
  const text = (when: string, field: string, reason: string): Fail => ({
    when,
    field: lit(field),
    kind: "text",
    text: reason,
    num: "NULL",
  });
  // Rules no value of this file can break are left out of the CASE (most rows pass every rule,
  // so each one left in is evaluated on every row): the lookups tell which cells can fail.
  const rows = (name: string) => lookups.rows.get(name) ?? [];
  const fails = (name: string) => rows(name).some((r) => r.err !== null);
  const values = (names: string[]) => names.flatMap((n) => rows(n).map((r) => r.v as number | null));
  /** A date before the earliest instant kept (1970). */
  const earlier = (name: string, field: string): Fail[] => [
    {when: `${name} < ${MIN_INSTANT}`, field: lit(field), kind: "beforeEpoch", text: "NULL", num: name},
  ];
  const stageOne: Fail[] = [
    text(`id = ''`, "ticket_id", `'missing'`),
    ...(fails("dates") ? [text(`created_err IS NOT NULL`, "created_at", "created_err")] : []),
    text(`created IS NULL`, "created_at", `'missing'`),
    ...(rows("status").some((r) => r.invalid !== null)
      ? [text(`status_invalid IS NOT NULL`, "status", "status_invalid")]
      : []),
  ];
  const cellRules: [string, string][] = [
    ["updated", "updated_at"],
    ["solved", "solved_at"],
    ["replies", "replies"],
    ["reopens", "reopens"],
    ...cols.metrics.map((x, k): [string, string] => [`m${k}`, x.field]),
  ];
  const rules: Fail[] = [
    ...stageOne,
    ...cellRules
      .filter(([name]) => fails(name === "updated" || name === "solved" ? "dates" : name))
      .map(([name, field]) => text(`${name}_err IS NOT NULL`, field, `${name}_err`)),
    {when: `created > ${limit}`, field: `'created_at'`, kind: "future", text: "NULL", num: "created"},
    // The ranges of schema/ranges.ts, in checkTicket's order.
    ...earlier("created", "created_at"),
  ];
  if (cols.solved >= 0) {
    rules.push({
      when: `solved > ${limit}`,
      field: `'solved_at'`,
      kind: "future",
      text: "NULL",
      num: "solved",
    });
    rules.push({
      when: `solved < created - 60000`,
      field: `'solved_at'`,
      kind: "before",
      text: "NULL",
      num: "solved",
    });
    rules.push(...earlier("solved", "solved_at"));
  }
  if (cols.updated >= 0) {
    rules.push({
      when: `updated > ${limit}`,
      field: `'updated_at'`,
      kind: "future",
      text: "NULL",
      num: "updated",
    });
    rules.push(...earlier("updated", "updated_at"));
  }
  for (const f of DURATIONS) {
    // Plain digits are finite and not negative; durations between two instants can be negative.
    const own = values(cols.metrics.flatMap((x, k) => (x.field === f ? [`m${k}`] : [])));
    const derived =
      (f === "first_reply_minutes" && cols.firstReplyAt >= 0) ||
      (f === "full_resolution_minutes" && cols.solved >= 0);
    if (own.some((v) => v !== null && !Number.isFinite(v)))
      rules.push({
        when: `NOT isfinite(${f})`,
        field: lit(f),
        kind: "notnumber",
        text: "NULL",
        num: "NULL",
      });
    if (derived || own.some((v) => v !== null && v < 0))
      rules.push({when: `${f} < 0`, field: lit(f), kind: "negative", text: "NULL", num: f});
    // Plain digits can hold any length, so the range is checked whatever the lookups hold.
    if (derived || cols.metrics.some((x) => x.field === f))
      rules.push({
        when: `${f} > ${double(MAX_DURATION_MINUTES)}`,
        field: lit(f),
        kind: "tooLong",
        text: "NULL",
        num: f,
      });
  }
  for (const [f, c] of [
    ["replies", cols.replies],
    ["reopens", cols.reopens],
  ] as const) {
    if (values([f]).some((v) => v !== null && !(Number.isInteger(v) && v >= 0)))
      rules.push({
        when: `NOT isfinite(${f}) OR ${f} <> floor(${f}) OR ${f} < 0`,
        field: lit(f),
        kind: "notcount",
        text: "NULL",
        num: f,
      });
    if (c >= 0)
      rules.push({when: `${f} > ${MAX_COUNT}`, field: lit(f), kind: "tooMany", text: "NULL", num: f});
  }

  // One CASE finds the failed rule; its field, kind, text and number follow from the rule's index.
  const rule = `CASE ${rules.map((f, k) => `WHEN ${f.when} THEN ${k}`).join(" ")} END`;
  const byRule = (values: string[]) =>
    `CASE rj ${values.flatMap((v, k) => (v === "NULL" ? [] : [`WHEN ${k} THEN ${v}`])).join(" ")} END`;
  const list = (values: string[]) => `[${values.join(", ")}][rj + 1]`;

  const out = [
    `${fi} AS fi`, "r", "line", "id", "created", "updated", "solved", "status", "excluded",
    "channel", "channel_raw", `"group"`, "type", "agent_name", "priority", "tags",
    "replies", "reopens", `CASE WHEN sat_undef THEN NULL ELSE sat END AS satisfaction`,
    ...CODES.map((name) => `${name}_code`),
    "first_warn", "first_at_err", ...DURATIONS, "rj",
    `rj IS NULL OR rj >= ${stageOne.length} AS reach`,
    `${list(rules.map((f) => f.field))} AS rj_field`,
    `${list(rules.map((f) => lit(f.kind)))} AS rj_kind`,
    `${byRule(rules.map((f) => f.text))} AS rj_text`,
    `CAST(${byRule(rules.map((f) => f.num))} AS DOUBLE) AS rj_num`,
  ]; // prettier-ignore
  const layerI = `SELECT ${inner.join(", ")} FROM ${rawTable(fi)}`;
  const layerM = `SELECT ${m.join(", ")} FROM (${layerI}) i ${joins.join(" ")}`;
  const layerD = `SELECT ${d.join(", ")} FROM (${layerM})`;
  return {
    sql: `SELECT ${out.join(", ")} FROM (SELECT *, ${rule}::UTINYINT AS rj FROM (${layerD}))`,
    stageOne: stageOne.length,
  };
}
