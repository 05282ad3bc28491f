import {CHANNELS} from "../../loaders/schema/ticket.ts";

process.stdout.write(["channel", ...CHANNELS].join("\n") + "\n");
