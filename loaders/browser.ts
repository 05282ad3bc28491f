// What the site's pages use from the library, bundled into src/lib/servicebench.js.
// Everything exported here must be isomorphic: no Node API.
// First, before any module below builds or runs a schema (see the module for why).
import "./schema/jitless.ts";

export {KPIS, kpi} from "./metrics/registry.ts";
export {TABLES, prepare} from "./metrics/prepare.ts";
export {createTableSql} from "./metrics/runner.ts";
export {CUBE_KPIS, CubeUnsupported, cubeKpiSql} from "./metrics/cube-kpis.ts";
export {DEFAULT_SCENARIO, digitalShift} from "./metrics/digital-shift.ts";
export {SPIKE_MIN_TICKETS, SPIKE_Z} from "./metrics/kpis/volume-by-day.ts";
export {EPSILON, ZERO_BUCKET, bucketOf, representative} from "./metrics/histogram.ts";
export {seriesOf} from "./metrics/aggregate.ts";
export {formatCount, formatDuration, formatPercent, formatUnknown} from "./metrics/format.ts";
export {UNKNOWN, rowReason} from "./metrics/unknown.ts";
export {
  ARCHETYPES,
  ARCHETYPE_NAMES,
  ARCHETYPE_PORTRAITS,
  FEATURE_LABELS,
  PUBLISHED,
} from "./benchmark/index.ts";
export {placeReport, parsePanel} from "./benchmark/index.ts";
export {confidenceWords, readPosition, readPositionBoth, CLEAR, BOUNDARY} from "./benchmark/reading.ts";
export {panelMap, principalAxes} from "./benchmark/projection.ts";
export {archetypeProfiles} from "./benchmark/profiles.ts";
export {LEVERS, leverRanges, RANGE_QUANTILES} from "./benchmark/moves.ts";
export {KPI_LABELS, formatFactor, formatFeature, formatKpi} from "./benchmark/text.ts";
export {NothingToPlace} from "./benchmark/place.ts";
export {WasmRunner} from "./metrics/runner-wasm.ts";
export {
  organisationKpis,
  overviewCardsOf,
  overviewOf,
  periodOf,
  positionAgainst,
} from "./view/organisation.ts";
export {kpisOf} from "./metrics/report.ts";
export {CUBE_TABLE_NAMES, cubeTableSpec} from "./metrics/cube-tables.ts";
export {EXAMPLE_QUERIES, SQL_HELPERS, helperStatements} from "./metrics/macros.ts";
