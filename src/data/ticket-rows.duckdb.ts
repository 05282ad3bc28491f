import {siteTicketRows} from "../../loaders/node/site/ticket-rows.ts";

process.stdout.write(await siteTicketRows());
