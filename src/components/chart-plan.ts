// Which quick chart suits a query result: pure logic, apart from Plot and the DOM (quick-chart.ts draws it).

type Row = Record<string, unknown>;

export type ColumnKind = "number" | "temporal" | "category";

export type ChartPlan =
  /** Horizontal bars from zero: one bar per category (two category columns are joined into one label). */
  | {mark: "bars"; x: string; y: readonly string[]}
  /** A line over dates or months, one per value of `z` when a small category splits it. */
  | {mark: "line"; x: string; y: string; z?: string}
  | {mark: "dots"; x: string; y: string}
  | {mark: "none"; reason: "empty" | "noNumber" | "nothingAgainst" | "tooMany"; count?: number};

/** More bars than this is a list to read, not a chart. */
export const MAX_BARS = 40;
/** A category splitting a line into more series than this makes it unreadable: one line is drawn. */
const MAX_SERIES = 8;

const TEMPORAL = /^\d{4}-\d{2}(-\d{2})?$/;

/** What a column holds, from its values: numbers, dates or months (as the tables write them), or anything else. */
export function columnKind(rows: readonly Row[], column: string): ColumnKind {
  let seen = 0;
  let numbers = 0;
  let temporal = 0;
  for (const r of rows) {
    const v = r[column];
    if (v === null || v === undefined) continue;
    seen++;
    if (typeof v === "number" || typeof v === "bigint") numbers++;
    else if (v instanceof Date || (typeof v === "string" && TEMPORAL.test(v))) temporal++;
  }
  if (seen > 0 && numbers === seen) return "number";
  if (seen > 0 && temporal === seen) return "temporal";
  return "category";
}

const distinct = (rows: readonly Row[], column: string) => new Set(rows.map((r) => String(r[column]))).size;

/**
 * Which chart suits a result, from its columns' kinds in order: a date or month and a number make
 * a line, a category and a number make bars from zero, two numbers make dots; the first number
 * column is the one drawn. Anything else gets no chart, with the reason.
 */
export function chartPlan(rows: readonly Row[], columns: readonly string[]): ChartPlan {
  if (rows.length === 0) return {mark: "none", reason: "empty"};
  const kinds = columns.map((c) => [c, columnKind(rows, c)] as const);
  const of = (k: ColumnKind) => kinds.filter(([, kind]) => kind === k).map(([c]) => c);
  const [numbers, temporal, categories] = [of("number"), of("temporal"), of("category")];
  if (numbers.length === 0) return {mark: "none", reason: "noNumber"};
  if (temporal.length > 0) {
    const z = categories.find((c) => distinct(rows, c) <= MAX_SERIES);
    return {mark: "line", x: temporal[0]!, y: numbers[0]!, ...(z ? {z} : {})};
  }
  if (categories.length > 0) {
    const y = categories.slice(0, 2);
    const bars = new Set(rows.map((r) => y.map((c) => String(r[c])).join(" · "))).size;
    if (bars > MAX_BARS) return {mark: "none", reason: "tooMany", count: bars};
    return {mark: "bars", x: numbers[0]!, y};
  }
  if (numbers.length >= 2) return {mark: "dots", x: numbers[0]!, y: numbers[1]!};
  return {mark: "none", reason: "nothingAgainst"};
}
