// Observable Framework configuration. The site must run with no network but its own host:
// no Google Fonts stylesheet, no DuckDB extension downloads, npm: imports served from
// node_modules (see scripts/seed-npm-cache.ts and scripts/browser-libraries.ts).
export default {
  title: "servicebench",
  root: "src",
  // The browser tests build a second, cube-mode site elsewhere (test/browser/site.ts).
  output: process.env.SERVICEBENCH_SITE_OUT || "dist",
  // The default stylesheets include a <link> to fonts.googleapis.com; keep only the theme.
  globalStylesheets: [],
  theme: ["air", "near-midnight"],
  // `null` leaves an extension out entirely (`false` would still download it at build time).
  // (Leaving out the mvp platform to halve dist/ breaks DuckDBClient's extension lookup in 1.13.4.)
  duckdb: {extensions: {json: null, parquet: null}},
  footer: "servicebench: benchmarks computed from your own exports, in your browser.",
  search: false,
  pages: [
    {name: "Overview", path: "/"},
    {name: "Benchmark", path: "/benchmark"},
    {name: "Explore", path: "/explore"},
  ],
};
