// Pages import packages as `npm:<name>` (served from the seeded cache); type them as the installed package.
declare module "npm:@observablehq/plot" {
  export * from "@observablehq/plot";
}
declare module "npm:d3" {
  export * from "d3";
}
declare module "npm:@observablehq/duckdb" {
  export const DuckDBClient: unknown;
}
