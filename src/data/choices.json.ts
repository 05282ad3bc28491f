import {siteChoices} from "../../loaders/node/site/choices.ts";

// The filter bar's values (channels, groups, priorities, types, tags, the period), built once.
process.stdout.write(JSON.stringify(await siteChoices()));
