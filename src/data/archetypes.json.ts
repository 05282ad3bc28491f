import {siteArchetypes} from "../../loaders/node/site/archetypes.ts";

// The panel map and the archetype profiles; a client panel only as cells of 5 or more.
process.stdout.write(JSON.stringify(await siteArchetypes()));
