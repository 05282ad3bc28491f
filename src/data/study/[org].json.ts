import {parseArgs} from "node:util";
import {studyOrg} from "../../../loaders/node/site/study.ts";

// One organisation's study (Framework passes the route's --org): its own figures and the panel's
// aggregates, nothing about any other client.
const {values} = parseArgs({options: {org: {type: "string"}}});
process.stdout.write(JSON.stringify(await studyOrg(values.org!)));
