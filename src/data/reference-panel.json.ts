import {readFile} from "node:fs/promises";
import {join} from "node:path";
import {parsePanelCsv} from "../../loaders/benchmark/panel-format.ts";
import {REFERENCE_PANEL_DIR} from "../../loaders/node/panel-files.ts";

// The synthetic reference panel, as the self-assessment page places dropped exports against it,
// with its industries and countries for the page's choices. Always the synthetic panel, never
// SERVICEBENCH_PANEL: a consultant's panel of real clients reaches the site only as bins of at
// least 5 organisations (peers.json), never row by row.
const read = (name: string) => readFile(join(REFERENCE_PANEL_DIR, name), "utf8");
const csv = await read("panel.csv");
const rows = parsePanelCsv(csv);
const distinct = (values: (string | null)[]) =>
  [...new Set(values.filter((v): v is string => v !== null && v !== ""))].sort();
process.stdout.write(
  JSON.stringify({
    csv,
    json: await read("panel.json"),
    industries: distinct(rows.map((r) => r.industry)),
    countries: distinct(rows.map((r) => r.country)),
  }),
);
