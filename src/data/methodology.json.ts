import {siteMethodology} from "../../loaders/node/site/methodology.ts";

// The Methodology page's content, generated from the KPI registry and the panel.
process.stdout.write(JSON.stringify(await siteMethodology()));
