import {PUBLISHED} from "../../loaders/benchmark/published.ts";

// Verified published figures only, each with its source and year (data/benchmarks/published.csv).
process.stdout.write(JSON.stringify(PUBLISHED));
