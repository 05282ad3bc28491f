#!/usr/bin/env node
// The command line is TypeScript; tsx compiles it on the fly so there is no build step to forget.
import {register} from "tsx/esm/api";

register();
const {main} = await import("../loaders/node/cli.ts");
process.exitCode = await main(process.argv);
