import {siteTable} from "../../loaders/node/site/tables.ts";

process.stdout.write(await siteTable("tickets"));
