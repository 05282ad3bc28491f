/**
 * The filters a page can be cut by, as one value: its URL form, the period it covers and the SQL
 * predicate over the `tickets` table. Pure (no DOM, no I/O), so the command line, the library and
 * the pages share it: loaders/metrics/sql.ts builds the registry's WHERE clauses with
 * `dimensionPredicate`, and pages build theirs with `ticketPredicate`, so a page's figures and
 * `servicebench kpis --channel ... --group ...` filter the same tickets.
 */

export type Preset = "28d" | "quarter" | "12m" | "all" | "custom";
export const PRESETS: readonly Preset[] = ["all", "12m", "quarter", "28d", "custom"];

/** The dimensions a ticket can be filtered on, each a list of accepted values (empty: all). */
export const FILTER_DIMENSIONS = ["channel", "group", "priority", "type", "tag"] as const;
export type FilterDimension = (typeof FILTER_DIMENSIONS)[number];

export interface Filters {
  /** Periods end at the data's last day; "custom" uses from/to. */
  preset: Preset;
  /** ISO dates (YYYY-MM-DD), inclusive, for "custom". */
  from: string | null;
  to: string | null;
  channel: string[];
  group: string[];
  priority: string[];
  type: string[];
  tag: string[];
  clock: "calendar" | "business";
  /** Show the change against the previous period of the same length. */
  compare: boolean;
}

export interface Period {
  from: string;
  to: string;
}

/** Accepted values per dimension; a missing or empty list lets every value through. */
export type TicketFilter = Partial<Record<FilterDimension, readonly string[]>>;

/** The value the registry's cuts give a missing group, priority, type or tag (sql.ts). */
export const NONE = "(none)";

export const DEFAULT_FILTERS: Filters = Object.freeze({
  preset: "all",
  from: null,
  to: null,
  channel: [],
  group: [],
  priority: [],
  type: [],
  tag: [],
  clock: "calendar",
  compare: false,
}) as Filters;

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** A real calendar date written YYYY-MM-DD (2025-02-30 is not one). */
export function isDate(s: unknown): s is string {
  if (typeof s !== "string" || !DATE.test(s)) return false;
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}

// Query keys: short, stable, readable in a shared link.
const KEYS = {preset: "period", from: "from", to: "to", clock: "clock", compare: "compare"} as const;

/** Distinct, non-empty values in their first order. */
function distinct(values: readonly string[]): string[] {
  return [...new Set(values.map((v) => v.trim()).filter((v) => v !== ""))];
}

/**
 * Filters from a URL query ("?period=28d&channel=email&channel=chat"). Tolerant: unknown keys,
 * unknown periods and impossible dates are dropped, so an edited or truncated link still opens.
 * Dimension values repeat the key rather than join with commas, since a group or tag may hold one.
 */
export function filtersFromSearch(search: string): Filters {
  const q = new URLSearchParams(search.startsWith("?") ? search.slice(1) : search);
  const f: Filters = {...DEFAULT_FILTERS};
  for (const d of FILTER_DIMENSIONS) f[d] = distinct(q.getAll(d));
  const from = q.get(KEYS.from);
  const to = q.get(KEYS.to);
  f.from = isDate(from) ? from : null;
  f.to = isDate(to) ? to : null;
  if (f.from && f.to && f.from > f.to) [f.from, f.to] = [f.to, f.from];
  const preset = q.get(KEYS.preset);
  if (preset && (PRESETS as readonly string[]).includes(preset)) f.preset = preset as Preset;
  // Dates alone mean a custom period; a custom period without dates is the whole span.
  if (f.preset === "all" && !preset && (f.from || f.to)) f.preset = "custom";
  if (f.preset !== "custom") f.from = f.to = null;
  f.clock = q.get(KEYS.clock) === "business" ? "business" : "calendar";
  f.compare = ["1", "true", "yes"].includes(q.get(KEYS.compare) ?? "");
  return f;
}

/** "?..." for the filters, defaults left out ("" when every filter is at its default). */
export function filtersToSearch(f: Filters): string {
  const q = new URLSearchParams();
  if (f.preset !== DEFAULT_FILTERS.preset) q.set(KEYS.preset, f.preset);
  if (f.preset === "custom") {
    if (isDate(f.from)) q.set(KEYS.from, f.from);
    if (isDate(f.to)) q.set(KEYS.to, f.to);
  }
  for (const d of FILTER_DIMENSIONS) for (const v of distinct(f[d])) q.append(d, v);
  if (f.clock !== DEFAULT_FILTERS.clock) q.set(KEYS.clock, f.clock);
  if (f.compare) q.set(KEYS.compare, "1");
  const s = q.toString();
  return s ? `?${s}` : "";
}

const DAY_MS = 86_400_000;
const toMs = (d: string) => Date.parse(`${d}T00:00:00Z`);
const fromMs = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/** The date `days` days after `d` (negative: before). */
export function addDays(d: string, days: number): string {
  return fromMs(toMs(d) + days * DAY_MS);
}

/** The same day `months` months before or after, on the month's last day when it has no such day. */
export function addMonths(d: string, months: number): string {
  const [y, m, day] = d.split("-").map(Number) as [number, number, number];
  const index = y * 12 + (m - 1) + months;
  const year = Math.floor(index / 12);
  const month = index - year * 12;
  const last = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  return fromMs(Date.UTC(year, month, Math.min(day, last)));
}

/** Days from `from` to `to`, both counted. */
export function periodDays(p: Period): number {
  return Math.round((toMs(p.to) - toMs(p.from)) / DAY_MS) + 1;
}

/**
 * The dates a filter covers. Presets end at the data's last day (28 days, 3 months, 12 months,
 * everything); a custom period keeps its dates and fills a missing end from the data's span.
 * Never starts before the data's first day, so a period says what it actually holds.
 */
export function periodOf(f: Filters, lastDay: string, firstDay: string): Period {
  const clamp = (from: string, to: string): Period => ({from: from < firstDay ? firstDay : from, to});
  switch (f.preset) {
    case "28d":
      return clamp(addDays(lastDay, -27), lastDay);
    case "quarter":
      return clamp(addDays(addMonths(lastDay, -3), 1), lastDay);
    case "12m":
      return clamp(addDays(addMonths(lastDay, -12), 1), lastDay);
    case "custom": {
      let from = isDate(f.from) ? f.from : firstDay;
      let to = isDate(f.to) ? f.to : lastDay;
      if (from > to) [from, to] = [to, from];
      return {from, to};
    }
    default:
      return {from: firstDay, to: lastDay};
  }
}

/** The period of the same length that ends the day before `p` starts. */
export function previousPeriod(p: Period): Period {
  const to = addDays(p.from, -1);
  return {from: addDays(to, 1 - periodDays(p)), to};
}

/** SQL string literal: single quotes doubled, so any value (O'Brien, '; DROP...) stays a value. */
export function sqlString(value: string): string {
  return `'${value.replaceAll("'", "''")}'`;
}

const IDENT = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** `col IN (...)`, where the "(none)" value also matches a missing one. */
function inList(column: string, values: readonly string[]): string {
  const real = values.filter((v) => v !== NONE);
  const parts = real.length ? [`${column} IN (${real.map(sqlString).join(", ")})`] : [];
  if (values.includes(NONE)) parts.push(`${column} IS NULL`);
  return parts.length === 1 ? parts[0]! : `(${parts.join(" OR ")})`;
}

/**
 * SQL boolean over the ticket aliased `alias` (columns of the `tickets` table) accepting the
 * filter's values: channel, group_name, priority, type, and the tags through `ticket_tags` (a
 * ticket passes when one of its tags is accepted; "(none)" accepts a ticket without tags).
 * `channel` overrides the channel expression, e.g. for survey responses whose own channel wins.
 * "TRUE" when nothing is filtered.
 */
export function dimensionPredicate(
  filter: TicketFilter | undefined,
  alias = "t",
  {channel}: {channel?: string} = {},
): string {
  if (!IDENT.test(alias)) throw new RangeError(`not an SQL alias: ${alias}`);
  const parts: string[] = [];
  const list = (d: FilterDimension) => distinct(filter?.[d] ?? []);
  const columns = {
    channel: channel ?? `${alias}.channel`,
    group: `${alias}.group_name`,
    priority: `${alias}.priority`,
    type: `${alias}.type`,
  } as const;
  for (const d of ["channel", "group", "priority", "type"] as const) {
    const values = list(d);
    if (values.length) parts.push(inList(columns[d], values));
  }
  const tags = list("tag");
  if (tags.length) {
    const real = tags.filter((v) => v !== NONE);
    const any: string[] = [];
    // Uncorrelated IN (a semi join on the tagged ids) rather than a correlated EXISTS: the same
    // tickets, in half the time over a million tickets in DuckDB-WASM.
    if (real.length)
      any.push(
        `${alias}.ticket_id IN (SELECT ${alias}_tag.ticket_id FROM ticket_tags ${alias}_tag WHERE ${alias}_tag.tag IN (${real.map(sqlString).join(", ")}))`,
      );
    // (NOT IN meets no NULL id: one would make it unknown for every ticket.)
    if (tags.includes(NONE))
      any.push(
        `${alias}.ticket_id NOT IN (SELECT ${alias}_tag.ticket_id FROM ticket_tags ${alias}_tag WHERE ${alias}_tag.ticket_id IS NOT NULL)`,
      );
    parts.push(any.length === 1 ? any[0]! : `(${any.join(" OR ")})`);
  }
  return parts.length ? parts.join(" AND ") : "TRUE";
}

/** The dimension part of the filters, as the engine's KpiOptions.filter takes it. */
export function ticketFilterOf(f: Filters): TicketFilter {
  return Object.fromEntries(FILTER_DIMENSIONS.map((d) => [d, f[d]]));
}

/**
 * SQL boolean over the `tickets` table (aliased `alias`): created in the period (local dates,
 * inclusive) and accepted by every dimension filter.
 */
export function ticketPredicate(f: Filters, p: Period, alias = "t"): string {
  if (!isDate(p.from) || !isDate(p.to)) throw new RangeError(`expected dates, got ${p.from}..${p.to}`);
  if (!IDENT.test(alias)) throw new RangeError(`not an SQL alias: ${alias}`);
  const dims = dimensionPredicate(ticketFilterOf(f), alias);
  const when = `${alias}.created_date BETWEEN ${sqlString(p.from)} AND ${sqlString(p.to)}`;
  return dims === "TRUE" ? when : `${when} AND ${dims}`;
}

/** Whether any dimension is filtered (the period aside). */
export function hasDimensionFilter(f: Filters): boolean {
  return FILTER_DIMENSIONS.some((d) => f[d].length > 0);
}

/** Whether the filters are all at their defaults: the page can show the figures computed at build time. */
export function isDefault(f: Filters): boolean {
  return filtersToSearch(f) === "";
}
