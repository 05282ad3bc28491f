/**
 * An unknown option is named, with the nearest known one, before commander checks required
 * options: `--organisation` once reported only that `--org` was missing.
 */
import {describe, expect, it} from "vitest";
import {main} from "../../loaders/node/cli.ts";

/** Runs the real command line in process, capturing stderr. */
async function cli(...argv: string[]): Promise<{code: number; stderr: string}> {
  let stderr = "";
  const write = process.stderr.write.bind(process.stderr);
  process.stderr.write = ((chunk: string | Uint8Array) => ((stderr += String(chunk)), true)) as typeof write;
  try {
    return {code: await main(["node", "servicebench", ...argv]), stderr};
  } finally {
    process.stderr.write = write;
  }
}

describe("unknown options", () => {
  it.each([
    [
      ["ingest", "x", "--organisation", "acme", "--out", "d"],
      "unknown option '--organisation' (did you mean --org?)",
    ],
    [
      ["ingest", "--org", "acme", "x", "--timezone", "UTC"],
      "unknown option '--timezone' (did you mean --tz?)",
    ],
    [["ingest", "x", "--org=acme", "--ouput", "d"], "unknown option '--ouput' (did you mean --out?)"],
    [["kpis", "d", "--jsn"], "unknown option '--jsn' (did you mean --json?)"],
    [["ingest", "x", "--frobnicate"], "unknown option '--frobnicate'"],
  ])("%j", async (argv, message) => {
    const r = await cli(...argv);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`servicebench: ${message}\n`);
  });

  it("an option's value that starts like an option is not taken for one", async () => {
    // --tz takes a value: "-05:00"-like values are left to --tz's own check.
    const r = await cli("ingest", "x", "--org", "acme", "--out", "d", "--tz", "-0500");
    expect(r.stderr).not.toContain("unknown option");
  });
});
