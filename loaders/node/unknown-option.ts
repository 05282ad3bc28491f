/**
 * Unknown options are named before anything else is checked. Commander reports a missing
 * required option first, so `ingest x --organisation acme` said only that `--org` was missing;
 * this check runs before the subcommand parses and names the option that was typed.
 */
import type {Command} from "commander";
import {didYouMean} from "../text/nearest.ts";
import {UsageError} from "./errors.ts";

/** Words users type for an option under another name. */
const ALIASES: Record<string, string> = {
  "--timezone": "--tz",
  "--time-zone": "--tz",
  "--output": "--out",
  "--organization": "--org",
  "--organisation": "--org",
};

/** Throws a UsageError naming the first option of `args` that `command` does not know. */
export function rejectUnknownOptions(command: Command, args: readonly string[]): void {
  const known = new Map<string, boolean>();
  for (const o of command.options) {
    // true: the option takes a value, so the next argument is that value, not an option.
    const takesValue = o.required || o.optional;
    if (o.long) known.set(o.long, takesValue);
    if (o.short) known.set(o.short, takesValue);
  }
  known.set("--help", false).set("-h", false);
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === "--") return;
    if (!arg.startsWith("-") || arg === "-") continue;
    const name = arg.startsWith("--") ? arg.split("=")[0]! : arg.slice(0, 2);
    const takesValue = known.get(name);
    if (takesValue === undefined) {
      const longs = command.options.map((o) => o.long).filter((l): l is string => l !== undefined);
      const alias = ALIASES[name];
      const hint = alias && longs.includes(alias) ? ` (did you mean ${alias}?)` : didYouMean(name, longs);
      throw new UsageError(`unknown option '${name}'${hint}`);
    }
    // "--org acme": skip the value; "--org=acme" and "-xvalue" carry it.
    if (takesValue && !arg.includes("=") && !(arg.length > 2 && !arg.startsWith("--"))) i++;
  }
}
