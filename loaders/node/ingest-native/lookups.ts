/**
 * The cells of a loaded ticket CSV, read by the core's own functions once per distinct value.
 * Low-cardinality columns (status, channel, group, tags...) are read entirely that way; dates and
 * numbers only for the values not in the one form SQL reads itself (decided when the file is
 * loaded, see load.ts), and the time zone once per 15-minute slot of local time (`localToUtc` is
 * constant across one).
 */
import type {DuckDBConnection} from "@duckdb/node-api";
import {parseCount, parseDurationMinutes} from "../../text/numbers.ts";
import {localToUtc} from "../../text/tz.ts";
import {NativeRunner} from "../duckdb-native.ts";
import type {ColumnType} from "../../metrics/types.ts";
import {SAMPLE_ROWS} from "../../ingest/run-csv.ts";
import {formIsUtc} from "./date-form.ts";
import {cell, cellText, dateForm, localMs, rawTable, slowText} from "./load.ts";
import type {NativeFile} from "./open.ts";

export const SLOT_MS = 900_000;
/** Runs of one offset beyond which a CASE per date cell costs more than a join. */
export const MAX_RUNS = 64;
/** Slots (15 minutes) in about 15 years: beyond that range, only the slots holding values are read. */
const MAX_SLOT_RANGE = 500_000;

export const slotOf = (local: string) => `floor(CAST(${local} AS DOUBLE) / CAST(${SLOT_MS} AS DOUBLE))`;

/** Table `name` of file `fi`. */
export const lookup = (fi: number, name: string) => `sb_l${fi}_${name}`;

type Spec = Record<string, ColumnType>;

export class Lookups {
  /** Lookup tables that hold at least one row (an empty one needs no join). */
  readonly filled = new Set<string>();

  constructor(
    private readonly runner: NativeRunner,
    private readonly file: NativeFile,
    readonly fi: number,
  ) {}

  get connection(): DuckDBConnection {
    return this.runner.connection;
  }

  /** Distinct values of `expr` over the file's rows, optionally filtered. */
  async distinct(expr: string, where = "TRUE"): Promise<string[]> {
    const rows = await this.runner.rows(
      `SELECT DISTINCT ${expr} AS v FROM ${rawTable(this.fi)} WHERE ${where}`,
    );
    return rows.map((r) => r.v as string);
  }

  private readonly distinctCells = new Map<number, string[]>();

  /** Reads the distinct cells of text columns in one scan (a query per column cost a scan each). */
  async prefetch(columns: number[]): Promise<void> {
    const wanted = [...new Set(columns.filter((c) => c >= 0))];
    if (wanted.length === 0) return;
    const lists = wanted.map((c) => `list(DISTINCT coalesce(${cell(c)}, '')) AS "${c}"`);
    const [row] = await this.runner.rows(`SELECT ${lists.join(", ")} FROM ${rawTable(this.fi)}`);
    for (const c of wanted) {
      this.distinctCells.set(c, (row![c] as string[] | null) ?? []);
    }
  }

  /** Distinct raw cells of column `c`, a missing cell read as "" as the core's parser gives it. */
  async cells(c: number): Promise<string[]> {
    return this.distinctCells.get(c) ?? this.distinct(`coalesce(${cell(c)}, '')`);
  }

  /**
   * `localToUtc` as runs of slots in order, each with its delta (local - UTC, ms), from its first
   * slot on; null in UTC. Only the slots holding values count: any delta does between them.
   */
  slotRuns: {from: number; delta: number}[] | null = null;

  /** The rows of each lookup, by name; `code` is a row's index. */
  readonly rows = new Map<string, Record<string, unknown>[]>();

  async table(name: string, spec: Spec, rows: Record<string, unknown>[]): Promise<void> {
    const table = lookup(this.fi, name);
    const coded = rows.map((row, code) => ({...row, code}));
    await this.runner.load(
      {
        name: table,
        columns: [...Object.entries(spec), ["code", "INTEGER"] as const].map(([n, type]) => ({
          name: n,
          type,
        })),
      },
      coded,
    );
    this.rows.set(name, coded);
    if (rows.length > 0) this.filled.add(name);
  }

  /** Raw cells of a column through a function, keyed by the raw cell. */
  async map(name: string, c: number, spec: Spec, read: (raw: string) => Record<string, unknown>) {
    if (c < 0) return;
    const values = await this.cells(c);
    await this.table(
      name,
      {raw: "VARCHAR", ...spec},
      values.map((raw) => ({raw, ...read(raw)})),
    );
  }

  /**
   * Date cells SQL does not read: the DateReader's value or error. Returns a reason to leave the
   * file to the core when reading them in another order than the rows would change the result
   * (day/month order still unknown, so the first slash date read would decide it).
   */
  async dates(columns: number[]): Promise<string | null> {
    const dates = this.file.ctx.dates;
    const sample = await this.runner.rows(
      `SELECT ${columns.map((c) => `${cellText(this.file, c)} AS "${c}"`).join(", ")} ` +
        `FROM ${rawTable(this.fi)} WHERE rowid < ${SAMPLE_ROWS} ORDER BY rowid`,
    );
    for (const row of sample) for (const c of columns) if (row[c]) dates.observe(row[c] as string);
    const union = columns
      .map((c) => `SELECT ${slowText(this.file, c)} AS v FROM ${rawTable(this.fi)} WHERE dirty IS NOT NULL`)
      .join(" UNION ALL ");
    const rows = await this.runner.rows(`SELECT DISTINCT v FROM (${union}) WHERE v IS NOT NULL AND v <> ''`);
    const undecided = dates.dayFirst === undefined;
    const read = rows.map(({v}) => {
      const ms = dates.read(v as string);
      return {
        raw: v,
        ms: ms !== null && Number.isNaN(ms) ? null : ms,
        err: Number.isNaN(ms) ? dates.error : null,
      };
    });
    if (undecided && dates.dayFirst !== undefined)
      return `${this.file.source.name}: the day/month order is told by the rows' order`;
    await this.table("dates", {raw: "VARCHAR", ms: "DOUBLE", err: "VARCHAR"}, read);
    const tz = dates.tz;
    if (tz !== "UTC" && tz !== "Etc/UTC") {
      // Deltas for every slot between the first and the last local instant (a few per second
      // of JavaScript), or for the slots holding values when the range is very long.
      // Fast cells of a column with a trailing "Z" are UTC: no local time to convert.
      const local = columns.filter((c) => !formIsUtc(dateForm(this.file, c)));
      const bounds = local
        .map((c) => `SELECT min(${localMs(c)}) AS lo, max(${localMs(c)}) AS hi FROM ${rawTable(this.fi)}`)
        .join(" UNION ALL ");
      const [range] =
        local.length === 0
          ? [{lo: null, hi: null}]
          : await this.runner.rows(`SELECT min(lo)::DOUBLE AS lo, max(hi)::DOUBLE AS hi FROM (${bounds})`);
      let slots: number[] = [];
      if (range!.lo !== null) {
        const lo = Math.floor((range!.lo as number) / SLOT_MS);
        const hi = Math.floor((range!.hi as number) / SLOT_MS);
        if (hi - lo <= MAX_SLOT_RANGE) slots = Array.from({length: hi - lo + 1}, (_, k) => lo + k);
        else {
          const locals = local
            .map((c) => `SELECT ${localMs(c)} AS l FROM ${rawTable(this.fi)} WHERE ${localMs(c)} IS NOT NULL`)
            .join(" UNION ALL ");
          const rows = await this.runner.rows(`SELECT DISTINCT ${slotOf("l")} AS slot FROM (${locals})`);
          slots = rows.map((r) => r.slot as number).sort((a, b) => a - b);
        }
      }
      // Offsets change at a few instants a year: the slots in order fall into runs of one delta.
      const deltas = slots.map((slot) => slot * SLOT_MS - localToUtc(slot * SLOT_MS, tz));
      this.slotRuns = [];
      for (const [k, slot] of slots.entries())
        if (k === 0 || deltas[k] !== deltas[k - 1]) this.slotRuns.push({from: slot, delta: deltas[k]!});
      // A long history of changes is joined per slot instead (see rowSql).
      if (this.slotRuns.length > MAX_RUNS)
        await this.table(
          "slots",
          {slot: "DOUBLE", delta: "DOUBLE"},
          slots.map((slot, k) => ({slot, delta: deltas[k]})),
        );
    }
    return null;
  }

  /** Number cells SQL does not read (anything but plain digits), per column. */
  async numbers(name: string, c: number, parse: (raw: string) => number | null, error: string) {
    if (c < 0) return;
    const slow = slowText(this.file, c);
    const values = await this.distinct(slow, `dirty IS NOT NULL AND ${slow} IS NOT NULL`);
    await this.table(
      name,
      {raw: "VARCHAR", v: "DOUBLE", err: "VARCHAR"},
      values.map((raw) => {
        const v = parse(raw);
        const bad = v !== null && Number.isNaN(v);
        return {raw, v: bad ? null : v, err: bad ? `${error} "${raw.slice(0, 30)}"` : null};
      }),
    );
  }

  count(name: string, c: number) {
    return this.numbers(name, c, parseCount, "not a whole number");
  }

  minutes(name: string, c: number, unitMinutes: number) {
    const decimalComma = this.file.ctx.decimalComma;
    return this.numbers(
      name,
      c,
      (raw) => parseDurationMinutes(raw, unitMinutes, {decimalComma}),
      "not a duration",
    );
  }
}
