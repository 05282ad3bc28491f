import {siteParquet} from "../../loaders/node/site/ticket-parquet.ts";

process.stdout.write(await siteParquet("ticket_tags"));
