import {sitePosition} from "../../loaders/node/site/placement.ts";

// The report `servicebench place --json` prints, with the runner-up's name for the pages.
process.stdout.write(JSON.stringify(await sitePosition()));
