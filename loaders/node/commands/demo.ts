import {mkdir, writeFile} from "node:fs/promises";
import path from "node:path";
import type {Command} from "commander";
import {DEMO_SEED, generateDemo} from "../../demo/index.ts";

export function register(program: Command): void {
  program
    .command("demo")
    .summary("write the demo organisation's raw exports")
    .description(
      "Write the raw exports of a fictional organisation, Demo Outdoor Gear: Zendesk incremental " +
        "ticket pages, ticket metrics and satisfaction ratings, a Delighted NPS CSV, and its " +
        "profile.json. Generated from a seed: the same seed always gives the same bytes. " +
        "Ingest them with: servicebench ingest <dir> --org demo-outdoor-gear --out <dataset>",
    )
    .requiredOption("--out <dir>", "directory to write the exports to")
    .option("--seed <text>", "random seed", DEMO_SEED)
    .action(async (options: {out: string; seed: string}) => {
      const files = await writeDemo(options.out, options.seed);
      const bytes = files.reduce((sum, f) => sum + f.bytes, 0);
      process.stdout.write(
        `Wrote ${files.length} demo files (${(bytes / 1e6).toFixed(1)} MB) to ${options.out}\n` +
          files.map((f) => `  ${f.path}\n`).join(""),
      );
    });
}

/** Writes the demo exports under `dir`; returns each file's relative path and size. */
export async function writeDemo(dir: string, seed = DEMO_SEED): Promise<{path: string; bytes: number}[]> {
  const written = [];
  for (const file of generateDemo(seed)) {
    const target = path.join(dir, file.path);
    await mkdir(path.dirname(target), {recursive: true});
    const bytes = new TextEncoder().encode(file.text);
    await writeFile(target, bytes);
    written.push({path: file.path, bytes: bytes.length});
  }
  return written;
}
