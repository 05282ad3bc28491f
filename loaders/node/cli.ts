import {Command, CommanderError} from "commander";
import {EXIT, InputError, UsageError} from "./errors.ts";
import {registerCommands} from "./commands/index.ts";
import {rejectUnknownOptions} from "./unknown-option.ts";
import {SERVICEBENCH_VERSION} from "../ingest/index.ts";
import {printable} from "../text/terminal.ts";

/** Builds the `servicebench` program; subcommands live one per module in `commands/`. */
export function program(): Command {
  const cli = new Command("servicebench")
    .description(
      "Benchmark a customer-support organisation from its ticket and survey exports:\n" +
        "KPIs, service archetype and peer percentiles.",
    )
    .version(SERVICEBENCH_VERSION)
    .showHelpAfterError()
    .exitOverride();
  registerCommands(cli);
  // The parent's args hold the subcommand's name, then its own arguments as typed.
  cli.hook("preSubcommand", (parent, sub) => rejectUnknownOptions(sub, parent.args.slice(1)));
  return cli;
}

/** Runs the command line and returns the exit code (0 ok, 1 bad input, 2 usage). */
export async function main(argv: string[]): Promise<number> {
  try {
    await program().parseAsync(argv);
    return EXIT.ok;
  } catch (error) {
    if (error instanceof CommanderError) {
      // --help and --version end here with exit code 0.
      return error.exitCode === 0 ? EXIT.ok : EXIT.usage;
    }
    // Messages can quote file names and cells: printable() keeps their control characters inert.
    if (error instanceof UsageError) {
      process.stderr.write(`servicebench: ${printable(error.message)}\n`);
      return EXIT.usage;
    }
    if (error instanceof InputError) {
      for (const line of error.problems) process.stderr.write(`${printable(line)}\n`);
      return EXIT.input;
    }
    // Anything else is our bug, not the user's: say so in one line, keep the stack for DEBUG.
    process.stderr.write(`servicebench: internal error: ${printable((error as Error).message)}\n`);
    if (process.env.DEBUG) process.stderr.write(`${(error as Error).stack}\n`);
    return EXIT.input;
  }
}
