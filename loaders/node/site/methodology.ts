import {calibrationChecks} from "../../benchmark/calibration-report.ts";
import {PUBLISHED} from "../../benchmark/published.ts";
import {KPIS} from "../../metrics/registry.ts";
import {readPanel} from "../panel-files.ts";
import {kpiMeta} from "../../view/kpi-meta.ts";

/**
 * What the Methodology page documents, generated at build time from the KPI registry and the
 * panel: every KPI's definition, unit, counting unit, clocks and minimum n; the panel's provenance
 * and, for the synthetic panel, its calibration against published figures; every published figure.
 */
export async function siteMethodology() {
  const panel = await readPanel();
  return {
    kpis: KPIS.map(kpiMeta),
    panel: {
      label: panel.meta.label,
      synthetic: panel.meta.synthetic,
      n: panel.meta.n,
      seed: panel.meta.model.seed,
      k: panel.meta.model.k,
      min_group: panel.meta.min_group,
    },
    // Calibration only means something for the synthetic panel; a client panel is what it is.
    calibration: panel.meta.synthetic ? calibrationChecks(panel) : [],
    published: PUBLISHED,
  };
}
