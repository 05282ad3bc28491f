import {siteComments} from "../../loaders/node/site/comments.ts";

process.stdout.write(await siteComments());
