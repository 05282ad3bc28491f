import {ifEnough, insufficient, ticketBase} from "../sql.ts";
import {MIN_TICKETS, type KpiDefinition, type KpiOptions, type Text} from "../types.ts";
import {anyUnknown, durationReason, reasonCase} from "../unknown.ts";

interface DurationSpec {
  id: string;
  label: Text;
  /** Calendar column; the business twin is `${column}_business`. */
  column: string;
  countingUnit: string;
  /** SQL condition on tickets `t` saying which tickets are counted. */
  counted: string;
  definition: Text;
}

/** Duration KPIs share one shape: p50 and p90 (quantile_cont), mean and n, per cut. */
export function durationKpi(spec: DurationSpec): KpiDefinition {
  return {
    id: spec.id,
    label: spec.label,
    unit: "minutes",
    countingUnit: spec.countingUnit,
    clocks: ["calendar", "business"],
    better: "lower",
    shape: "duration",
    minN: MIN_TICKETS,
    columns: ["n", "p50", "p90", "mean", "insufficient", "reason"],
    definition: spec.definition,
    sql(o: KpiOptions) {
      const col = o.clock === "business" ? `${spec.column}_business` : spec.column;
      // A null duration has not happened yet: it is left out, never counted as 0.
      const v = `CASE WHEN ${spec.counted} THEN ${col} END`;
      // Tickets it would count, none with the duration: the export does not hold it.
      const checks = [["count(pop) > 0 AND count(v) = 0", durationReason(spec.id, o.clock)]] as const;
      return `WITH t AS (${ticketBase(o)}),
  d AS (SELECT cut, CASE WHEN ${spec.counted} THEN 1 END AS pop, ${v} AS v FROM t)
SELECT cut,
  CAST(count(v) AS INTEGER) AS n,
  ${ifEnough("quantile_cont(v, 0.5)", "count(v)", MIN_TICKETS)} AS p50,
  ${ifEnough("quantile_cont(v, 0.9)", "count(v)", MIN_TICKETS)} AS p90,
  ${ifEnough("avg(v)", "count(v)", MIN_TICKETS)} AS mean,
  ${insufficient("count(v)", MIN_TICKETS, anyUnknown(checks))},
  ${reasonCase(checks)} AS reason
FROM d GROUP BY cut ORDER BY cut`;
    },
  };
}
