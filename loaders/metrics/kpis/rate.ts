import {ifEnough, insufficient, ticketBase} from "../sql.ts";
import {MIN_TICKETS, type KpiDefinition, type KpiOptions, type Text} from "../types.ts";
import {anyUnknown, reasonCase, type UnknownReason} from "../unknown.ts";

/**
 * When a rate is unknown rather than a number:
 * - *population* and *known* - SQL conditions on tickets `t`: some tickets of the population are in
 *   the cut, and none of them has the input (`known` fails on all): the export does not hold it
 * - *dataset* - a SQL condition over the whole dataset, e.g. no unanswered survey recorded
 * Checks are tried in order; the first that holds gives the reason.
 */
export type RateCheck =
  {population: string; known: string; reason: UnknownReason} | {dataset: string; reason: UnknownReason};

interface RateSpec {
  id: string;
  label: Text;
  countingUnit: string;
  better: KpiDefinition["better"];
  clocks?: KpiDefinition["clocks"];
  /** SQL conditions on tickets `t`: the denominator, and the numerator (a subset of it). */
  denominator(o: KpiOptions): string;
  numerator(o: KpiOptions): string;
  unknown?(o: KpiOptions): readonly RateCheck[];
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
    columns: ["n", "numerator", "value", "insufficient", "reason"],
    definition: spec.definition,
    sql(o: KpiOptions) {
      const den = `CASE WHEN ${spec.denominator(o)} THEN 1 ELSE 0 END`;
      const num = `CASE WHEN (${spec.denominator(o)}) AND (${spec.numerator(o)}) THEN 1 ELSE 0 END`;
      const list = spec.unknown?.(o) ?? [];
      // One pair of counters per population check: tickets in it, and those with the input.
      const counters = list.flatMap((c, i) =>
        "population" in c
          ? [
              `CASE WHEN ${c.population} THEN 1 ELSE 0 END AS pop${i}`,
              `CASE WHEN (${c.population}) AND (${c.known}) THEN 1 ELSE 0 END AS known${i}`,
            ]
          : [],
      );
      const checks = list.map(
        (c, i) =>
          [`population` in c ? `sum(pop${i}) > 0 AND sum(known${i}) = 0` : c.dataset, c.reason] as const,
      );
      const unknown = anyUnknown(checks);
      const value = `CASE WHEN NOT ${unknown} THEN CAST(sum(num) AS DOUBLE) / nullif(sum(den), 0) END`;
      return `WITH t AS (${ticketBase(o)}),
  d AS (SELECT cut, ${[`${den} AS den`, `${num} AS num`, ...counters].join(", ")} FROM t)
SELECT cut,
  CAST(sum(den) AS INTEGER) AS n,
  CAST(sum(num) AS INTEGER) AS numerator,
  ${ifEnough(value, "sum(den)", MIN_TICKETS)} AS value,
  ${insufficient("sum(den)", MIN_TICKETS, unknown)},
  ${reasonCase(checks)} AS reason
FROM d GROUP BY cut ORDER BY cut`;
    },
  };
}
