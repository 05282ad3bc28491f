import {siteAnalysis} from "../../loaders/node/site/analysis.ts";

// The Satisfaction, Volume and Team pages' unfiltered figures, computed at build time: their
// first screen waits for no DuckDB-WASM (null in cube mode, where they read the cubes).
process.stdout.write(JSON.stringify(await siteAnalysis()));
