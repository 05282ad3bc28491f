import {siteCubeTable} from "../../loaders/node/site/tables.ts";

process.stdout.write(await siteCubeTable("slowest_first_replies"));
