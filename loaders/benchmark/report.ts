import type {OrgSummary} from "../schema/org-summary.ts";
import {ARCHETYPE_NAMES, type Archetype} from "./archetypes.ts";
import {FEATURES, type FeatureKey} from "./features.ts";
import {leverRanges, type Move} from "./moves.ts";
import type {Panel} from "./panel-format.ts";
import {peerPercentiles, type KpiPercentiles, type NumericKpi} from "./percentiles.ts";
import {placeOrganisation, type Driver} from "./place.ts";
import {readPositionBoth, type Reading} from "./reading.ts";

export const MODEL_NOTE =
  "servicebench's own model, inspired by the Zendesk Benchmark Q4 2014 (which did not publish its thresholds)";

/** The stable JSON of `servicebench place --json`; the site shows the same object. */
export interface PlaceReport {
  version: 1;
  org_code: string;
  archetype: Archetype;
  archetype_name: {en: string; fr: string};
  confidence: number;
  cluster: number;
  runner_up: Archetype;
  /** A sample too small to place firmly: shown, marked indicative, with the reasons (place.ts). */
  indicative: boolean;
  indicative_reasons: {en: string; fr: string}[];
  completeness: number;
  missing_features: FeatureKey[];
  features: Record<FeatureKey, number | null>;
  drivers: Driver[];
  moves: Move[];
  /** The position in words, each language: strengths, gaps, the most promising move. */
  reading: {en: Reading; fr: Reading};
  percentiles: Record<NumericKpi, KpiPercentiles>;
  panel: {label: string; synthetic: boolean; n: number; model_source: string};
  model: {note: string; k: number; seed: number};
}

const r = (x: number, digits: number) => Math.round(x * 10 ** digits) / 10 ** digits;
const rn = (x: number | null, digits: number) => (x === null ? null : r(x, digits));

/** Placement and peer percentiles of one organisation against a panel, rounded for display. */
export function placeReport(summary: OrgSummary, panel: Panel): PlaceReport {
  const p = placeOrganisation(summary, panel.meta.model, {ranges: leverRanges(panel.meta.model, panel.rows)});
  const percentiles = peerPercentiles(summary, p.archetype, panel.rows, panel.meta.min_group);
  for (const kpi of Object.values(percentiles)) {
    for (const g of Object.values(kpi.groups)) {
      g.p25 = rn(g.p25, 4);
      g.p50 = rn(g.p50, 4);
      g.p75 = rn(g.p75, 4);
      g.value_rank = rn(g.value_rank, 1);
      g.standing = rn(g.standing, 1);
    }
  }
  return {
    version: 1,
    org_code: summary.org_code,
    archetype: p.archetype,
    archetype_name: {en: ARCHETYPE_NAMES[p.archetype].en, fr: ARCHETYPE_NAMES[p.archetype].fr},
    confidence: r(p.confidence, 3),
    cluster: p.cluster,
    runner_up: p.runner_up,
    indicative: p.indicative,
    indicative_reasons: p.indicative_reasons,
    completeness: r(p.completeness, 3),
    missing_features: p.missing_features,
    features: Object.fromEntries(FEATURES.map((f) => [f.key, summary[f.key]])) as Record<
      FeatureKey,
      number | null
    >,
    drivers: p.drivers.map((d) => ({...d, z: r(d.z, 3), share: r(d.share, 3)})),
    moves: p.moves.map((m) => ({
      ...m,
      effort: r(m.effort, 2),
      changes: m.changes.map((c) => ({...c, to: r(c.to, 4)})),
    })),
    reading: readPositionBoth({...p, percentiles}, panel.rows),
    percentiles,
    panel: {
      label: panel.meta.label,
      synthetic: panel.meta.synthetic,
      n: panel.meta.n,
      model_source: panel.meta.model_source,
    },
    model: {note: MODEL_NOTE, k: panel.meta.model.k, seed: panel.meta.model.seed},
  };
}
