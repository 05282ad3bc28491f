import {DOUBLE, INTEGER, type DuckDBType} from "@duckdb/node-api";
import type {Column} from "./table-columns.ts";

export type Row = Record<string, unknown>;

/** What `writeParquet` needs of a chunk vector: DuckDB's writable vector interface. */
export interface WritableVector {
  setItem(index: number, value: unknown): void;
  flush(): void;
}

/** A column of the staging table. */
export interface StagedColumn {
  name: string;
  sql: "DOUBLE" | "INTEGER";
  type: DuckDBType;
}

/**
 * How one output column travels into DuckDB. Crossing into native code once per string is what
 * made the write slow (one call per value, or one JSON parse per row), so no string crosses per
 * row: numbers go into the chunk vectors' typed arrays, and text is split into a dictionary code
 * (the text before a trailing integer) plus that integer. Exports repeat a few words (status,
 * group, channel) and number their ids ("12345", "tickets.csv#ticket-12345"), so dictionaries stay
 * small; a column of unique words still works, its dictionary is as long as the column.
 */
export interface ColumnStager {
  staged: StagedColumn[];
  /** Fills this column's staging vectors (in `staged` order) from a chunk of its values. */
  stage(values: unknown[], count: number, vectors: WritableVector[]): void;
  /** Decides `staged` and `select` from the first chunk's values, when they depend on the data. */
  plan?(values: unknown[], count: number): void;
  /** Dictionary entries (code 1 first) loaded after the rows, or null for numeric columns. */
  dictionary(): string[] | null;
  /** SQL turning a dictionary entry (`value`) into a list element, when not the text itself. */
  dictionarySql?: string;
  /** SQL expression of the output column over its staging columns and dictionary variable. */
  select: string;
}

const ident = (name: string) => `"${name.replaceAll('"', '""')}"`;

/**
 * Which rows of a chunk are null in each numeric column, as bits of INTEGER staging columns.
 * DuckDB's JavaScript validity masks cost BigInt arithmetic per null; a null here costs one `|=`
 * and stages as 0, and the COPY turns flagged values back into NULL.
 */
export class NullMasks {
  readonly words: Int32Array[] = [];
  private bits = 31;

  constructor(private readonly size: number) {}

  /** A free bit: its staging column and its value. */
  claim(): {column: string; word: number; bit: number} {
    // 31 bits per word keeps every flag a positive int32.
    if (this.bits === 31) {
      this.words.push(new Int32Array(this.size));
      this.bits = 0;
    }
    const word = this.words.length - 1;
    return {column: `m${word}`, word, bit: 1 << this.bits++};
  }

  get staged(): StagedColumn[] {
    return this.words.map((_, w) => ({name: `m${w}`, sql: "INTEGER" as const, type: INTEGER}));
  }

  clear(): void {
    for (const w of this.words) w.fill(0);
  }
}

export function stagerOf(column: Column, index: number, masks: NullMasks): ColumnStager {
  if (column.type === "VARCHAR") return new TextStager(column.name, index);
  if (column.type === "VARCHAR[]") return new ListStager(column.name, index);
  const integer = column.type === "INTEGER";
  const name = `v${index}`;
  const value = column.type === "TIMESTAMP" ? `epoch_ms(${name}::BIGINT)` : name;
  const {column: maskColumn, word, bit} = masks.claim();
  return {
    staged: [{name, sql: integer ? "INTEGER" : "DOUBLE", type: integer ? INTEGER : DOUBLE}],
    stage(values, count, [vector]) {
      const flags = masks.words[word]!;
      for (let i = 0; i < count; i++) {
        const v = values[i];
        if (v === null || v === undefined) {
          vector!.setItem(i, 0);
          flags[i]! |= bit;
        } else vector!.setItem(i, v);
      }
    },
    dictionary: () => null,
    select: `CASE WHEN (${maskColumn} & ${bit}) <> 0 THEN NULL ELSE ${value} END AS ${ident(column.name)}`,
  };
}

/** The DuckDB variable holding column `index`'s dictionary as a list. */
export function dictionaryVar(index: number): string {
  return `sb_dict_${index}`;
}

/** Codes of distinct strings, 1-based as DuckDB lists are. */
class Dictionary {
  readonly codes = new Map<string, number>();
  readonly values: string[] = [];

  code(s: string): number {
    let c = this.codes.get(s);
    if (c === undefined) {
      this.values.push(s);
      c = this.values.length;
      this.codes.set(s, c);
    }
    return c;
  }
}

/** Longest trailing run of digits that reads back identically from a number: no leading zero, ≤ 15. */
function suffixStart(s: string): number {
  const n = s.length;
  let k = n;
  while (k > 0 && n - k < 15) {
    const c = s.charCodeAt(k - 1);
    if (c < 48 || c > 57) break;
    k--;
  }
  // Zeros leading the run stay in the prefix ("007" = "00" + 7); a lone "0" is a number.
  while (k < n - 1 && s.charCodeAt(k) === 48) k++;
  return k;
}

/** Value of the ASCII digits from `from` to the end (at most 15: exact as a double). */
function digitsValue(s: string, from: number): number {
  let v = 0;
  for (let i = from; i < s.length; i++) v = v * 10 + s.charCodeAt(i) - 48;
  return v;
}

/**
 * Text as a dictionary code. Whether trailing integers are split off is decided on the first
 * chunk: a column of words (status, group) then stages one INTEGER per row, and a column of
 * numbered ids stages a code and a number. Either way every value reads back exactly; a later
 * surprise only makes the dictionary longer.
 */
class TextStager implements ColumnStager {
  staged: StagedColumn[] = [];
  select = "";
  private readonly prefixes = new Dictionary();
  private split: boolean | null = null;

  constructor(
    private readonly key: string,
    private readonly index: number,
  ) {}

  /** Decides the layout from the first chunk; `staged` and `select` are known after it. */
  plan(values: unknown[], count: number): void {
    let split = false;
    for (let i = 0; i < count && !split; i++) {
      const v = values[i];
      if (v !== null && v !== undefined) {
        const s = String(v);
        split = suffixStart(s) < s.length;
      }
    }
    this.split = split;
    const code = `c${this.index}`;
    const number = `n${this.index}`;
    const word = `getvariable('${dictionaryVar(this.index)}')[${code}]`;
    this.staged = [{name: code, sql: "INTEGER", type: INTEGER}];
    if (split) this.staged.push({name: number, sql: "DOUBLE", type: DOUBLE});
    this.select = split
      ? `${word} || CASE WHEN ${number} < 0 THEN '' ELSE CAST(CAST(${number} AS BIGINT) AS VARCHAR) END AS ${ident(this.key)}`
      : `${word} AS ${ident(this.key)}`;
  }

  stage(values: unknown[], count: number, [codes, numbers]: WritableVector[]): void {
    if (this.split === null) throw new Error("TextStager.plan must run before stage");
    const split = this.split;
    // Consecutive rows often share the same (interned) string: one comparison skips the lookup.
    let last: string | null = null;
    let lastCode = 0;
    let lastNumber = -1;
    for (let i = 0; i < count; i++) {
      const v = values[i];
      if (v === null || v === undefined) {
        // Code 0 indexes nothing in a 1-based list: DuckDB reads NULL.
        codes!.setItem(i, 0);
        if (split) numbers!.setItem(i, -1);
        continue;
      }
      const s = typeof v === "string" ? v : String(v);
      if (s !== last) {
        const n = s.length;
        const k = split ? suffixStart(s) : n;
        lastCode = this.prefixes.code(k === 0 ? "" : k === n ? s : s.slice(0, k));
        lastNumber = k === n ? -1 : digitsValue(s, k);
        last = s;
      }
      codes!.setItem(i, lastCode);
      if (split) numbers!.setItem(i, lastNumber);
    }
  }

  dictionary(): string[] {
    return this.prefixes.values;
  }
}

/** String lists: a dictionary of whole lists (as JSON), decoded once per distinct list. */
class ListStager implements ColumnStager {
  readonly staged: StagedColumn[];
  readonly select: string;
  readonly dictionarySql = "CAST(value AS JSON)::VARCHAR[]";
  private readonly lists = new Dictionary();
  /** Code of each one-element list by its element, which spares a JSON.stringify per row. */
  private readonly singles = new Map<string, number>();

  constructor(key: string, index: number) {
    const code = `c${index}`;
    this.staged = [{name: code, sql: "INTEGER", type: INTEGER}];
    this.select = `getvariable('${dictionaryVar(index)}')[${code}] AS ${ident(key)}`;
  }

  stage(values: unknown[], count: number, [codes]: WritableVector[]): void {
    for (let i = 0; i < count; i++) {
      const v = values[i];
      if (v === null || v === undefined) {
        codes!.setItem(i, 0);
        continue;
      }
      let code: number | undefined;
      if (Array.isArray(v) && v.length === 1 && typeof v[0] === "string") {
        code = this.singles.get(v[0]);
        if (code === undefined) this.singles.set(v[0], (code = this.lists.code(JSON.stringify(v))));
      } else code = this.lists.code(JSON.stringify(v));
      codes!.setItem(i, code);
    }
  }

  dictionary(): string[] {
    return this.lists.values;
  }
}

export type ColumnReader = (rows: Row[], out: unknown[]) => void;

/**
 * Copies one property of every row into `out`. A shared loop reading `row[key]` for thirty keys
 * makes V8's property cache megamorphic (a hash probe per read); a function per column compiled
 * from its name reads with one monomorphic load. Names come from the schema; any other name uses
 * the generic loop.
 */
export function columnReader(key: string): ColumnReader {
  if (/^[A-Za-z_$][\w$]*$/.test(key))
    return new Function(
      "rows",
      "out",
      `for (let i = 0; i < rows.length; i++) out[i] = rows[i].${key};`,
    ) as ColumnReader;
  return (rows, out) => {
    for (let i = 0; i < rows.length; i++) out[i] = rows[i]![key];
  };
}
