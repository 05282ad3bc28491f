/**
 * The Volume & channels page's arithmetic, apart from the DOM and from DuckDB: pure functions over
 * the rows the registry's SQL returns, so they are unit-tested on their own.
 */

type Row = Record<string, unknown>;

const DAY_MS = 86_400_000;
const toMs = (d: string) => Date.parse(`${d}T00:00:00Z`);

/** ISO weekday of a date written YYYY-MM-DD: 1 = Monday .. 7 = Sunday. */
export function isoWeekday(date: string): number {
  return ((new Date(toMs(date)).getUTCDay() + 6) % 7) + 1;
}

/**
 * How many times each ISO weekday occurs from `from` to `to`, both included: index 0 is Monday.
 * Twelve Sundays and thirteen Mondays in a quarter are 12 and 13 here.
 */
export function weekdayOccurrences(from: string, to: string): number[] {
  const counts = [0, 0, 0, 0, 0, 0, 0];
  const start = toMs(from);
  const end = toMs(to);
  if (!Number.isFinite(start) || !Number.isFinite(end) || end < start) return counts;
  const days = Math.round((end - start) / DAY_MS) + 1;
  const full = Math.floor(days / 7);
  for (let i = 0; i < 7; i++) counts[i] = full;
  // The days past the last whole week, from the first weekday of the period on.
  const first = isoWeekday(from) - 1;
  for (let i = 0; i < days % 7; i++) counts[(first + i) % 7]! += 1;
  return counts;
}

export interface HourCell {
  weekday: number;
  hour: number;
  /** Tickets created in that hour over the whole period. */
  tickets: number;
  /** How many times the weekday occurs in the period. */
  occurrences: number;
  /** Tickets per occurrence of the weekday: the average such hour. Null when the weekday never occurs. */
  average: number | null;
}

/**
 * The weekday × hour grid as an average per occurrence of the weekday in the period, so a period
 * with 12 Sundays and 13 Mondays does not make Sunday look quieter than it is. `rows` are the
 * registry's volume_by_hour rows (weekday 1-7, hour 0-23, tickets).
 */
export function hourlyAverages(rows: readonly Row[], from: string, to: string): HourCell[] {
  const occurrences = weekdayOccurrences(from, to);
  return rows.map((r) => {
    const weekday = Number(r.weekday);
    const tickets = Number(r.tickets);
    const times = occurrences[weekday - 1] ?? 0;
    return {
      weekday,
      hour: Number(r.hour),
      tickets,
      occurrences: times,
      average: times ? tickets / times : null,
    };
  });
}

export interface ChannelMonth {
  month: string;
  channel: string;
  tickets: number;
}

/**
 * Tickets per month and channel from volume_by_channel cut by month (cut = "YYYY-MM"), every
 * channel present in every month (0 when it had none), so stacked areas and lines never skip.
 */
export function channelMonths(rows: readonly Row[]): ChannelMonth[] {
  const months = [...new Set(rows.map((r) => String(r.cut)))].sort();
  const channels = [...new Set(rows.map((r) => String(r.channel)))].sort();
  const count = new Map(rows.map((r) => [`${String(r.cut)}\0${String(r.channel)}`, Number(r.tickets)]));
  return months.flatMap((month) =>
    channels.map((channel) => ({month, channel, tickets: count.get(`${month}\0${channel}`) ?? 0})),
  );
}

export interface Spike {
  day: string;
  tickets: number;
  /** The day's median of the period, for "x times a usual day". */
  median: number;
}

/** The days the registry flags as spikes (volume_by_day's rule), largest first, with the period's median day. */
export function spikeDays(rows: readonly Row[]): Spike[] {
  const counts = rows.map((r) => Number(r.tickets)).sort((a, b) => a - b);
  const mid = counts.length / 2;
  const median = counts.length
    ? counts.length % 2
      ? counts[Math.floor(mid)]!
      : (counts[mid - 1]! + counts[mid]!) / 2
    : 0;
  return rows
    .filter((r) => r.spike === true)
    .map((r) => ({day: String(r.day), tickets: Number(r.tickets), median}))
    .sort((a, b) => b.tickets - a.tickets || a.day.localeCompare(b.day));
}

export interface BacklogPoint {
  day: string;
  open: number;
  created: number;
  solved: number;
}

/**
 * Open tickets at the end of each day from the tickets' local creation and solve dates: what
 * the registry's backlog KPI computes in SQL, written out in plain code so the page can show the
 * day's inflow and outflow beside the stock. A ticket counts from its creation day until its
 * solve day; a solved ticket without a solve date leaves on its creation day; tickets created
 * before `from` and still open count from the first day.
 */
export function backlogSeries(
  // `n`: how many tickets the row stands for (rows grouped in SQL), one when absent.
  tickets: readonly {created_date: string; solved_date: string | null; solved: boolean; n?: number}[],
  from: string,
  to: string,
): BacklogPoint[] {
  const created = new Map<string, number>();
  const solved = new Map<string, number>();
  let open = 0;
  for (const t of tickets) {
    const k = t.n ?? 1;
    const out = t.solved ? (t.solved_date ?? t.created_date) : null;
    if (t.created_date < from) {
      if (out === null || out >= from) open += k;
      if (out !== null && out >= from) solved.set(out, (solved.get(out) ?? 0) + k);
      continue;
    }
    created.set(t.created_date, (created.get(t.created_date) ?? 0) + k);
    if (out !== null) solved.set(out, (solved.get(out) ?? 0) + k);
  }
  const series: BacklogPoint[] = [];
  for (let ms = toMs(from); ms <= toMs(to); ms += DAY_MS) {
    const day = new Date(ms).toISOString().slice(0, 10);
    const c = created.get(day) ?? 0;
    const s = solved.get(day) ?? 0;
    open += c - s;
    series.push({day, open, created: c, solved: s});
  }
  return series;
}

export interface ChannelCost {
  channel: string;
  tickets: number;
  /** Months the period covers (the registry's MONTHS_SQL). */
  months: number;
  /** Monthly cost entered for the channel; null when none was. */
  monthly_cost: number | null;
  first_reply_p50: number | null;
}

/** Per channel: contacts per month and cost per contact, the digital-shift scenario's inputs. */
export function channelFigures(rows: readonly ChannelCost[]): {
  channel: string;
  contacts_per_month: number;
  cost_per_contact: number | null;
  first_reply_p50: number | null;
}[] {
  return rows.map((r) => ({
    channel: r.channel,
    contacts_per_month: r.months > 0 ? r.tickets / r.months : 0,
    cost_per_contact:
      r.monthly_cost === null || r.tickets <= 0 ? null : (r.monthly_cost * r.months) / r.tickets,
    first_reply_p50: r.first_reply_p50,
  }));
}

/** Why the scenario's figures are missing, as catalogue keys: the same checks as digitalShift makes. */
export function scenarioGaps(
  figures: readonly {
    channel: string;
    contacts_per_month: number;
    cost_per_contact: number | null;
    first_reply_p50: number | null;
  }[],
  scenario: {from: string; to: string},
): ("from" | "to" | "cost" | "reply")[] {
  const gaps: ("from" | "to" | "cost" | "reply")[] = [];
  const active = figures.filter((f) => f.contacts_per_month > 0);
  if (!active.some((f) => f.channel === scenario.from)) gaps.push("from");
  if (!active.some((f) => f.channel === scenario.to)) gaps.push("to");
  if (active.some((f) => f.cost_per_contact === null)) gaps.push("cost");
  if (active.some((f) => f.first_reply_p50 === null)) gaps.push("reply");
  return gaps;
}

/** Plot's default right margin for a band axis, in pixels. */
const MARGIN_RIGHT = 20;
/** Room one hour label needs ("22", its tick and a gap either side at 10 px type), in pixels. */
const HOUR_LABEL = 30;

/**
 * The hours labelled on a 24-column heatmap `width` pixels wide: every hour, or every 2nd, 3rd,
 * 4th or 6th, whichever first leaves each label its room, so labels never overlap on a phone.
 */
export function hourTicks(width: number, marginLeft: number): number[] {
  const column = (width - marginLeft - MARGIN_RIGHT) / 24;
  const step = [1, 2, 3, 4, 6].find((s) => s * column >= HOUR_LABEL) ?? 6;
  return Array.from({length: 24 / step}, (_, i) => i * step);
}
