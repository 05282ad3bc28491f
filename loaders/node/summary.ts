import {FILTER_DIMENSIONS, type FilterDimension} from "../../src/components/filters.ts";
import {OrgSummary} from "../schema/org-summary.ts";
import {sizeBand} from "../schema/profile.ts";
import {loadPrepared, prepare} from "../metrics/prepare.ts";
import {KPIS} from "../metrics/registry.ts";
import {clockOf, runKpi} from "../metrics/run.ts";
import type {Clock, KpiOptions, Row, SqlRunner} from "../metrics/types.ts";
import {readDatasetFiles, readRows, type Dataset, type DatasetFiles} from "./dataset.ts";
import {NativeRunner} from "./duckdb-native.ts";
import {loadPreparedNative, parquetSource} from "./prepare-native.ts";

/** One KPI in `computeKpis` output; the JSON of `servicebench kpis --json` is this, verbatim. */
export interface KpiReport {
  id: string;
  label: {en: string; fr: string};
  unit: string;
  counting_unit: string;
  clock: Clock;
  better: "lower" | "higher" | "neither";
  shape: string;
  min_n: number;
  /** Columns of each row besides `cut`, in display order. */
  columns: readonly string[];
  rows: Row[];
}

export interface KpisReport {
  org_id: string;
  timezone: string;
  options: {
    by: string | null;
    from: string | null;
    to: string | null;
    clock: "calendar" | "business";
    /** The dimension filters, each an empty list when not filtered. */
    channel: string[];
    group: string[];
    priority: string[];
    type: string[];
    tag: string[];
  };
  kpis: KpiReport[];
}

/** Loads a dataset into a fresh in-memory native DuckDB. */
export async function openDataset(dataset: Dataset): Promise<NativeRunner> {
  const runner = await NativeRunner.create();
  await loadPrepared(runner, prepare(dataset));
  return runner;
}

/**
 * Loads a dataset directory into a fresh in-memory native DuckDB, the same tables as
 * `openDataset(await readDataset(dir))`: DuckDB reads the Parquet files itself and builds the
 * tables in SQL (prepare-native.ts), so no row becomes a JavaScript object. Instants out of the
 * fast path's range take the `prepare()` path.
 */
export async function openDatasetDir(files: DatasetFiles): Promise<NativeRunner> {
  const runner = await NativeRunner.create();
  try {
    // The tables stay resident while the KPIs run: memory DuckDB frees after each step goes back
    // to the system rather than into its allocator's caches (default 128MB per flush).
    await runner.connection.run("SET allocator_flush_threshold = '8MB'");
    if (!(await loadPreparedNative(runner, parquetSource(files.tickets, files.responses), files.profile)))
      await loadPrepared(runner, prepare(await readRows(files)));
    return runner;
  } catch (error) {
    runner.close();
    throw error;
  }
}

/** Every KPI of one organisation, optionally cut and restricted to a creation-date period. */
export async function computeKpis(dir: string, options: KpiOptions = {}): Promise<KpisReport> {
  const dataset = await readDatasetFiles(dir);
  const runner = await openDatasetDir(dataset);
  try {
    return await kpisOf(runner, dataset, options);
  } finally {
    runner.close();
  }
}

/** Every KPI over tables already loaded in `runner`. */
export async function kpisOf(
  runner: SqlRunner,
  dataset: Pick<Dataset, "profile">,
  options: KpiOptions,
): Promise<KpisReport> {
  const kpis: KpiReport[] = [];
  for (const k of KPIS) {
    const result = await runKpi(runner, k, options);
    kpis.push({
      id: k.id,
      label: k.label,
      unit: k.unit,
      counting_unit: k.countingUnit,
      clock: clockOf(k, options.clock),
      better: k.better,
      shape: k.shape,
      min_n: k.minN,
      columns: k.columns,
      rows: result.rows,
    });
  }
  return {
    org_id: dataset.profile.org_id,
    timezone: dataset.profile.timezone,
    options: {
      by: options.by ?? null,
      from: options.from ?? null,
      to: options.to ?? null,
      clock: options.clock ?? "calendar",
      ...(Object.fromEntries(FILTER_DIMENSIONS.map((d) => [d, [...(options.filter?.[d] ?? [])]])) as Record<
        FilterDimension,
        string[]
      >),
    },
    kpis,
  };
}

/** The benchmark row of one organisation: per-organisation statistics, no ticket rows, no names. */
export async function summariseDataset(dir: string): Promise<OrgSummary> {
  const dataset = await readDatasetFiles(dir);
  const runner = await openDatasetDir(dataset);
  try {
    return summarise(await kpisOf(runner, dataset, {}), dataset);
  } finally {
    runner.close();
  }
}

/** OrgSummary from an uncut, whole-period, calendar-clock report. */
export function summarise(report: KpisReport, dataset: Pick<Dataset, "profile">): OrgSummary {
  const row = (id: string): Row => report.kpis.find((k) => k.id === id)?.rows[0] ?? {};
  const n = (id: string, col: string): number | null => {
    const v = row(id)[col];
    return typeof v === "number" && Number.isFinite(v) ? v : null;
  };
  const p = dataset.profile;
  const active = n("active_agents", "value");
  const agents = p.agents ?? (active !== null && active > 0 ? active : null);
  const tickets = n("tickets", "n") ?? 0;
  const months = n("tickets", "months") ?? 1 / 30;
  const perMonth = tickets / months;
  return OrgSummary.parse({
    org_code: p.org_id,
    industry: p.industry,
    country: p.country,
    size_band: agents === null ? null : sizeBand(agents),
    agents,
    months,
    tickets,
    tickets_per_month: perMonth,
    tickets_per_agent_month: n("tickets_per_agent_month", "value"),
    replies_per_ticket: n("replies_per_ticket", "value"),
    first_reply_p50_minutes: n("first_reply", "p50"),
    first_reply_p90_minutes: n("first_reply", "p90"),
    full_resolution_p50_minutes: n("full_resolution", "p50"),
    requester_wait_p50_minutes: n("requester_wait", "p50"),
    one_touch_rate: n("one_touch", "value"),
    reopen_rate: n("reopen_rate", "value"),
    csat: n("csat", "value"),
    csat_responses: n("csat", "n") ?? 0,
    csat_response_rate: n("csat_response_rate", "value"),
    nps: n("nps", "value"),
    nps_responses: n("nps", "n") ?? 0,
    coverage_hours_weekday: tickets > 0 ? n("coverage_hours", "weekday") : null,
    coverage_hours_weekend: tickets > 0 ? n("coverage_hours", "weekend") : null,
    // Help-centre views per ticket: monthly views over monthly tickets.
    self_service_ratio:
      p.help_center_views_per_month !== null && perMonth > 0
        ? p.help_center_views_per_month / perMonth
        : null,
    automation_rules: p.automation_rules,
  });
}
