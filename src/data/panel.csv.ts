import {formatPanelCsv} from "../../loaders/benchmark/index.ts";
import {readPanel} from "../../loaders/node/panel-files.ts";

// The peers as per-organisation statistics under codes (SERVICEBENCH_PANEL, else the synthetic
// reference panel): no ticket rows and no names, so it can be shipped to the browser.
process.stdout.write(formatPanelCsv((await readPanel()).rows));
