import type {OrgSummary} from "../schema/org-summary.ts";
import type {Archetype} from "./archetypes.ts";
import type {PanelRow} from "./panel-row.ts";
import {percentileRank, quantile} from "./stats.ts";

/** Smallest peer group ever shown (k-anonymity). */
export const MIN_GROUP = 5;

export type NumericKpi = {
  [K in keyof OrgSummary]: OrgSummary[K] extends number | null ? K : never;
}[keyof OrgSummary];

export interface KpiDef {
  key: NumericKpi;
  unit: string;
  /** Which way is better; null for volumes and sizes, which are neither. */
  better: "higher" | "lower" | null;
}

/** Every per-organisation KPI of OrgSummary (counts of responses and the period are not KPIs). */
export const PERCENTILE_KPIS: readonly KpiDef[] = [
  {key: "agents", unit: "agents", better: null},
  {key: "tickets_per_month", unit: "tickets per month", better: null},
  {key: "tickets_per_agent_month", unit: "tickets per agent per month", better: null},
  {key: "replies_per_ticket", unit: "public replies per solved ticket", better: "lower"},
  {key: "first_reply_p50_minutes", unit: "calendar minutes", better: "lower"},
  {key: "first_reply_p90_minutes", unit: "calendar minutes", better: "lower"},
  {key: "full_resolution_p50_minutes", unit: "calendar minutes", better: "lower"},
  {key: "requester_wait_p50_minutes", unit: "calendar minutes", better: "lower"},
  {key: "one_touch_rate", unit: "share of solved tickets", better: "higher"},
  {key: "reopen_rate", unit: "share of solved tickets", better: "lower"},
  {key: "csat", unit: "share of good ratings", better: "higher"},
  {key: "csat_response_rate", unit: "share of surveys answered", better: "higher"},
  {key: "nps", unit: "NPS points", better: "higher"},
  {key: "coverage_hours_weekday", unit: "hours per week", better: null},
  {key: "coverage_hours_weekend", unit: "hours per week", better: null},
  {key: "self_service_ratio", unit: "help-centre views per ticket", better: "higher"},
  {key: "automation_rules", unit: "rules", better: null},
];

export const PEER_GROUPS = ["all", "archetype", "industry", "size_band"] as const;
export type PeerGroup = (typeof PEER_GROUPS)[number];

export interface GroupStats {
  /** Archetype id, industry or size band of the group; null for "all". */
  group_value: string | null;
  suppressed: boolean;
  /** Why the group is not shown, when suppressed. */
  reason: string | null;
  /** Organisations in the group that know this KPI; null when suppressed. */
  n: number | null;
  /**
   * Peer quartiles: the group's values at its 25th, 50th and 75th percentiles (value quantiles,
   * in the KPI's unit), not a standing.
   */
  p25: number | null;
  p50: number | null;
  p75: number | null;
  /**
   * Share of peers whose value is lower, plus half the ties, 0..100: where the value sits, whatever
   * is better. Null when the organisation's value is unknown.
   */
  value_rank: number | null;
  /**
   * The standing, what "P" means everywhere: share of peers the organisation does better than,
   * plus half the ties, 0..100 (P75 = better than 75 % of peers). Null when the KPI has no better
   * side (volumes, sizes) or the organisation's value is unknown.
   */
  standing: number | null;
}

export interface KpiPercentiles {
  /** The organisation's value; null when unknown, and then no group ranks it (never as 0). */
  value: number | null;
  unit: string;
  better: "higher" | "lower" | null;
  groups: Record<PeerGroup, GroupStats>;
}

const norm = (s: string | null | undefined) => (s ?? "").trim().toLowerCase();

/**
 * The panel industry an organisation's industry stands for: the same name (case and spaces
 * aside), else the one panel industry whose name contains it as a word ("retail" -> "Retail &
 * wholesale"). Null when none or several match: a guess would put it among the wrong peers.
 */
export function matchIndustry(industry: string | null, rows: readonly PanelRow[]): string | null {
  if (industry === null || norm(industry) === "") return null;
  const names = [...new Set(rows.map((r) => r.industry).filter((i): i is string => i !== null))];
  const exact = names.find((n) => norm(n) === norm(industry));
  if (exact !== undefined) return exact;
  const word = new RegExp(`(^|[^a-z])${norm(industry).replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}([^a-z]|$)`);
  const partial = names.filter((n) => word.test(norm(n)));
  return partial.length === 1 ? partial[0]! : null;
}

/**
 * Rank of the organisation on every KPI within all peers, its archetype, its industry and its
 * size band. Each panel organisation weighs once. Groups with fewer than MIN_GROUP organisations
 * knowing the KPI are suppressed, with the reason; no row is ever identified.
 */
export function peerPercentiles(
  summary: OrgSummary,
  archetype: Archetype | null,
  rows: readonly PanelRow[],
  minGroup = MIN_GROUP,
): Record<NumericKpi, KpiPercentiles> {
  const industry = matchIndustry(summary.industry, rows);
  const members: Record<PeerGroup, {value: string | null; rows: readonly PanelRow[] | null; why: string}> = {
    all: {value: null, rows, why: ""},
    archetype: {
      value: archetype,
      rows: archetype === null ? null : rows.filter((r) => r.archetype === archetype),
      why: "archetype unknown",
    },
    industry: {
      value: industry ?? summary.industry,
      rows: industry === null ? null : rows.filter((r) => r.industry === industry),
      why: summary.industry === null ? "industry unknown" : "no organisation of this industry in the panel",
    },
    size_band: {
      value: summary.size_band,
      rows: summary.size_band === null ? null : rows.filter((r) => r.size_band === summary.size_band),
      why: "size band unknown",
    },
  };
  const out = {} as Record<NumericKpi, KpiPercentiles>;
  for (const kpi of PERCENTILE_KPIS) {
    const value = summary[kpi.key];
    const groups = {} as Record<PeerGroup, GroupStats>;
    for (const g of PEER_GROUPS) {
      const m = members[g];
      // Peers that do not know the KPI are left out of its group, never counted as 0.
      const values =
        m.rows === null
          ? null
          : m.rows.map((r) => r[kpi.key]).filter((v): v is number => v !== null && Number.isFinite(v));
      groups[g] = groupStats(value, values, m.value, kpi.better, minGroup, m.why);
    }
    out[kpi.key] = {value, unit: kpi.unit, better: kpi.better, groups};
  }
  return out;
}

function groupStats(
  value: number | null,
  values: number[] | null,
  groupValue: string | null,
  better: KpiDef["better"],
  minGroup: number,
  unknownReason: string,
): GroupStats {
  const hidden = (reason: string): GroupStats => ({
    group_value: groupValue,
    suppressed: true,
    reason,
    n: null,
    p25: null,
    p50: null,
    p75: null,
    value_rank: null,
    standing: null,
  });
  if (values === null) return hidden(unknownReason);
  if (values.length < minGroup)
    return hidden(`fewer than ${minGroup} organisations in this group know this KPI`);
  // An unknown value is skipped, never ranked as 0.
  const rank = value === null || !Number.isFinite(value) ? null : percentileRank(values, value);
  return {
    group_value: groupValue,
    suppressed: false,
    reason: null,
    n: values.length,
    p25: quantile(values, 0.25),
    p50: quantile(values, 0.5),
    p75: quantile(values, 0.75),
    value_rank: rank,
    standing: rank === null || better === null ? null : better === "higher" ? rank : 100 - rank,
  };
}
