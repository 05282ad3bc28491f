import type {Command} from "commander";

/**
 * Every subcommand module exports `register(program)`. Listed here in the order `--help` shows
 * them: ingest, kpis, place, panel, demo.
 */
export function registerCommands(_program: Command): void {}
