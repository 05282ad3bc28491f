import {Command, CommanderError} from "commander";
import {InputError, UsageError} from "../../loaders/node/errors.ts";
import {register as registerDemo} from "../../loaders/node/commands/demo.ts";
import {register as registerIngest} from "../../loaders/node/commands/ingest.ts";
import {rejectUnknownOptions} from "../../loaders/node/unknown-option.ts";

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/**
 * Runs `servicebench <argv>` in process with only the ingest and demo commands, mapping errors
 * to exit codes the way `loaders/node/cli.ts` does, and capturing what is printed.
 */
export async function runCli(argv: string[]): Promise<CliRun> {
  let stdout = "";
  let stderr = "";
  const out = process.stdout.write.bind(process.stdout);
  const err = process.stderr.write.bind(process.stderr);
  process.stdout.write = ((chunk: string | Uint8Array) => (
    (stdout += String(chunk)),
    true
  )) as typeof process.stdout.write;
  process.stderr.write = ((chunk: string | Uint8Array) => (
    (stderr += String(chunk)),
    true
  )) as typeof process.stderr.write;
  const program = new Command("servicebench").exitOverride();
  program.configureOutput({writeOut: (s) => (stdout += s), writeErr: (s) => (stderr += s)});
  registerIngest(program);
  registerDemo(program);
  // As loaders/node/cli.ts does: unknown options are named before anything else is checked.
  program.hook("preSubcommand", (parent, sub) => rejectUnknownOptions(sub, parent.args.slice(1)));
  let code = 0;
  try {
    await program.parseAsync(argv, {from: "user"});
  } catch (error) {
    if (error instanceof CommanderError) code = error.exitCode === 0 ? 0 : 2;
    else if (error instanceof UsageError) {
      stderr += `servicebench: ${error.message}\n`;
      code = 2;
    } else if (error instanceof InputError) {
      stderr += error.problems.map((p) => `${p}\n`).join("");
      code = 1;
    } else throw error;
  } finally {
    process.stdout.write = out;
    process.stderr.write = err;
  }
  return {code, stdout, stderr};
}
