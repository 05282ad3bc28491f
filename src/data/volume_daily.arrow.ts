import {siteCubeTable} from "../../loaders/node/site/tables.ts";

process.stdout.write(await siteCubeTable("volume_daily"));
