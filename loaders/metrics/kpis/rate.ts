import {ifEnough, insufficient, ticketBase} from "../sql.ts";
import {MIN_TICKETS, type KpiDefinition, type KpiOptions, type Text} from "../types.ts";

interface RateSpec {
  id: string;
  label: Text;
  countingUnit: string;
  better: KpiDefinition["better"];
  clocks?: KpiDefinition["clocks"];
  /** SQL conditions on tickets `t`: the denominator, and the numerator (a subset of it). */
  denominator(o: KpiOptions): string;
  numerator(o: KpiOptions): string;
  /** Extra condition making the whole KPI unknown (null), e.g. no offered surveys recorded. */
  known?: string;
  definition: Text;
}

/** Share of counted tickets meeting a condition, per cut, as a fraction 0..1. */
export function rateKpi(spec: RateSpec): KpiDefinition {
  return {
    id: spec.id,
    label: spec.label,
    unit: "ratio",
    countingUnit: spec.countingUnit,
    clocks: spec.clocks ?? ["none"],
    better: spec.better,
    shape: "rate",
    minN: MIN_TICKETS,
    columns: ["n", "numerator", "value", "insufficient"],
    definition: spec.definition,
    sql(o: KpiOptions) {
      const den = `CASE WHEN ${spec.denominator(o)} THEN 1 ELSE 0 END`;
      const num = `CASE WHEN (${spec.denominator(o)}) AND (${spec.numerator(o)}) THEN 1 ELSE 0 END`;
      const value = `CAST(sum(num) AS DOUBLE) / nullif(sum(den), 0)`;
      const known = spec.known ? `CASE WHEN ${spec.known} THEN ${value} END` : value;
      return `WITH t AS (${ticketBase(o)}),
  d AS (SELECT cut, ${den} AS den, ${num} AS num FROM t)
SELECT cut,
  CAST(sum(den) AS INTEGER) AS n,
  CAST(sum(num) AS INTEGER) AS numerator,
  ${ifEnough(known, "sum(den)", MIN_TICKETS)} AS value,
  ${insufficient("sum(den)", MIN_TICKETS)}
FROM d GROUP BY cut ORDER BY cut`;
    },
  };
}
