import type {KpiDefinition} from "../metrics/types.ts";

/**
 * What pages need to know of a registry KPI to label, format and define it (no SQL): shipped in
 * the data files, so a page's first screen needs no library bundle.
 */
export function kpiMeta(k: KpiDefinition) {
  return {
    id: k.id,
    label: k.label,
    definition: k.definition,
    unit: k.unit,
    countingUnit: k.countingUnit,
    shape: k.shape,
    better: k.better,
    clocks: k.clocks,
    minN: k.minN,
  };
}
