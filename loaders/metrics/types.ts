import type {Channel} from "../schema/ticket.ts";
import type {TicketFilter} from "../../src/components/filters.ts";

export type {TicketFilter};

/**
 * A result row as both engines return it after normalisation: numbers, strings, booleans, nulls,
 * and the `{en, fr}` reason of an unknown KPI (unknown.ts).
 */
export type Row = Record<string, number | string | boolean | null | Text>;

/** Column types the prepared tables use; chosen because both engines map them identically. */
export type ColumnType = "VARCHAR" | "DOUBLE" | "INTEGER" | "BOOLEAN";

export interface TableSpec {
  name: string;
  columns: readonly {name: string; type: ColumnType}[];
}

/** The one interface isomorphic code runs SQL through (native DuckDB in Node, DuckDB-WASM in the browser). */
export interface SqlRunner {
  query<T extends Row = Row>(sql: string): Promise<T[]>;
  /** Creates (or replaces) `spec.name` with the spec's column types and inserts the rows. */
  load(spec: TableSpec, rows: readonly Record<string, unknown>[]): Promise<void>;
}

/**
 * Dimensions a KPI can be cut by:
 * - *channel* - the canonical channel
 * - *group*, *priority*, *type* - as exported; missing values become "(none)"
 * - *tag* - one row per tag, so a ticket with two tags counts in both
 * - *agent* - the pseudonymised assignee code
 * - *month* - the creation month (survey responses: the response month) in the organisation's zone
 */
export const DIMENSIONS = ["channel", "group", "priority", "type", "tag", "agent", "month"] as const;
export type Dimension = (typeof DIMENSIONS)[number];

/** calendar: wall-clock minutes; business: the source's business-hours twin; none: not a duration. */
export type Clock = "calendar" | "business" | "none";

/** First-reply targets in minutes per channel; a channel without a target is left out of attainment. */
export type Targets = Partial<Record<Channel, number>>;

/** Cost of running each channel per month (any currency); cost per contact divides it by contacts. */
export type CostTable = Partial<Record<Channel, number>>;

export interface KpiOptions {
  by?: Dimension | undefined;
  /** Inclusive local dates (YYYY-MM-DD) on the creation date. */
  from?: string | undefined;
  to?: string | undefined;
  /**
   * Accepted values per dimension (channel, group, priority, type, tag; "(none)" for a missing
   * one): tickets outside are left out of every KPI, and so are their survey responses and agent
   * activity. Days (the calendar of the period) are not filtered.
   */
  filter?: TicketFilter | undefined;
  clock?: "calendar" | "business" | undefined;
  targets?: Targets | undefined;
  costs?: CostTable | undefined;
}

/** What a KPI returns and how a card or table renders it. */
export type KpiShape =
  /** One row per cut: n, p50, p90, mean. */
  | "duration"
  /** One row per cut: n (denominator), numerator, value (0..1), optional ci_low/ci_high. */
  | "rate"
  /** One row per cut: n, value (a score or an average). */
  | "value"
  /** Several rows per cut keyed by extra columns (day, hour...). */
  | "table";

export interface Text {
  en: string;
  fr: string;
}

export interface KpiDefinition {
  id: string;
  label: Text;
  /** Unit of `value`/`p50`/`p90`/`mean`: minutes, ratio, replies, NPS points... */
  unit: string;
  /** What one observation is: tickets, solved tickets, responses, days, agents. */
  countingUnit: string;
  /** Clocks the KPI can be computed on; "none" when it is not a duration. */
  clocks: readonly Clock[];
  better: "lower" | "higher" | "neither";
  shape: KpiShape;
  /** Smallest n for a number to be shown; below it the row is flagged insufficient. 0 for plain counts. */
  minN: number;
  /** Columns of the result besides `cut`, in display order. */
  columns: readonly string[];
  definition: Text;
  /** SQL over the prepared tables, identical text for both engines. */
  sql(options: KpiOptions): string;
  /**
   * The units one result row counts, as SQL with one row per unit: `ticket_id`, and `score` (as
   * "4/5", or a good/bad rating) when the unit is a survey vote. A drill-down lists them, so the
   * number it lists is the row's n by construction.
   */
  members?(options: KpiOptions, row: MemberRow): string;
}

/** Which row of a result a drill-down opens: its cut, and its bucket for by-bucket tables. */
export interface MemberRow {
  cut: string;
  bucket_order?: number;
}

export const MIN_TICKETS = 10;
export const MIN_RESPONSES = 5;
