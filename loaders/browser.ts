// What the site's pages use from the library, bundled into src/lib/servicebench.js.
// Everything exported here must be isomorphic: no Node API.
export {KPIS, kpi} from "./metrics/registry.ts";
export {TABLES, prepare} from "./metrics/prepare.ts";
export {createTableSql} from "./metrics/runner.ts";
export {CUBE_KPIS, CubeUnsupported, cubeKpiSql} from "./metrics/cube-kpis.ts";
export {EPSILON} from "./metrics/histogram.ts";
export {
  ARCHETYPES,
  ARCHETYPE_NAMES,
  ARCHETYPE_PORTRAITS,
  FEATURE_LABELS,
  PUBLISHED,
} from "./benchmark/index.ts";
