import type {Command} from "commander";
import {register as registerDemo} from "./demo.ts";
import {register as registerIngest} from "./ingest.ts";
import {register as registerKpis} from "./kpis.ts";
import {register as registerPanel} from "./panel.ts";
import {register as registerPlace} from "./place.ts";

/** Every subcommand module exports `register(program)`; this is the order `--help` lists them. */
export function registerCommands(program: Command): void {
  for (const register of [registerIngest, registerKpis, registerPlace, registerPanel, registerDemo]) {
    register(program);
  }
}
