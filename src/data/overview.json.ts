import {siteOverview} from "../../loaders/node/site/overview.ts";

// The Overview's first screen, computed at build time: no card waits for DuckDB-WASM.
process.stdout.write(JSON.stringify(await siteOverview()));
