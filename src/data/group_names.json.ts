import {siteGroupNames} from "../../loaders/node/site/group-names.ts";

process.stdout.write(JSON.stringify(await siteGroupNames()));
