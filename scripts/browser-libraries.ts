/**
 * The npm packages pages may import as `npm:<name>`, served from node_modules instead of a CDN.
 * To use another library in a page: `npm install` it, then add its name here (one line).
 *
 * The first entries are what Framework imports implicitly: d3 (`d3`), Plot (`Plot`), htl and
 * isoformat (`Inputs`, `html`), d3-dsv (`FileAttachment.csv`), apache-arrow (`.arrow()`, DuckDB),
 * arquero (`aq`) and duckdb-wasm (`sql` cells, `DuckDBClient`).
 */
export const browserLibraries = [
  "d3",
  "@observablehq/plot",
  "htl",
  "isoformat",
  "d3-dsv",
  "apache-arrow",
  "arquero",
  "@duckdb/duckdb-wasm",
  "zod",
];

/**
 * Libraries Framework's client code may import dynamically (JSX, lodash, maps...). The build only
 * looks up their version, so an empty `<name>@0.0.0-offline` cache entry answers it offline.
 * A page that really uses one must move it to `browserLibraries`.
 */
export const versionOnlyLibraries = [
  "react",
  "react-dom",
  "lodash",
  "echarts",
  "leaflet",
  "mapbox-gl",
  "topojson-client",
  "parquet-wasm",
  "@observablehq/sample-datasets",
];
