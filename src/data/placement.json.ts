import {sitePlacement} from "../../loaders/node/site/placement.ts";

process.stdout.write(JSON.stringify(await sitePlacement()));
