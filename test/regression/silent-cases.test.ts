/**
 * Silent cases made loud (issue 15): a symlinked export in a folder, a SurveyMonkey file without
 * its second header row, a forced --format the file does not fit, and --out naming a file.
 */
import {mkdir, mkdtemp, rm, symlink, writeFile} from "node:fs/promises";
import {tmpdir} from "node:os";
import path from "node:path";
import {afterAll, describe, expect, it} from "vitest";
import {collectInputs} from "../../loaders/node/sources.ts";
import {run} from "../ingest/helpers.ts";
import {runCli} from "../node/run-cli.ts";

const dir = await mkdtemp(path.join(tmpdir(), "servicebench-silent-"));
afterAll(() => rm(dir, {recursive: true, force: true}));
const ZENDESK = "Id,Subject,Status,Via,Created at\n1,x,Open,Mail,2024-03-01 10:00:00\n";

describe("silent cases", () => {
  it("follows a symbolic link in a folder to its file, says so, and reads a loop or a second path once", async () => {
    const folder = path.join(dir, "links");
    await mkdir(path.join(folder, "sub"), {recursive: true});
    await writeFile(path.join(dir, "elsewhere.csv"), ZENDESK.replace("\n1,", "\n2,"));
    await writeFile(path.join(folder, "own.csv"), ZENDESK);
    await symlink("../elsewhere.csv", path.join(folder, "link.csv"));
    await symlink("own.csv", path.join(folder, "same.csv"));
    await symlink("..", path.join(folder, "sub", "loop"));
    await symlink("nowhere.csv", path.join(folder, "broken.csv"));
    const inputs = await collectInputs([folder]);
    expect(inputs.sources.map((s) => path.relative(folder, s.name))).toEqual(["link.csv", "own.csv"]);
    expect(inputs.followed.map((f) => path.relative(folder, f.split(" -> ")[0]!))).toEqual([
      "link.csv",
      "same.csv",
      "sub/loop",
    ]);
    expect(inputs.refused.map((f) => path.relative(folder, f.split(" (")[0]!))).toEqual([
      "broken.csv",
      "same.csv",
      "sub/loop",
    ]);
    const cli = await runCli(["ingest", folder, "--org", "o", "--out", path.join(dir, "links-out")]);
    expect(cli.stdout).toContain("followed symbolic links:");
    expect(cli.stdout).toContain("(directory already read: a symbolic link loop or a second path to it)");
    expect(cli.stdout).toMatch(/link\.csv +zendesk-csv +1 +1/);
  });

  it("a SurveyMonkey export without its second header row is an error, every row counted", async () => {
    const text =
      "Respondent ID,Collector ID,Start Date,End Date,How likely are you to recommend us to a friend?\n" +
      "11,2,03/01/2024 10:00,03/01/2024 10:05,9\n12,2,03/01/2024 10:00,03/01/2024 10:05,3\n";
    const r = await run({"sm.csv": text});
    expect(r.problems[0]).toMatch(/^sm\.csv:1: header: the second header row is missing/);
    expect(r.manifest.files[0]).toMatchObject({rows_read: 2, accepted: 0, rejected: 2});
  });

  it("a forced --format the file does not fit is refused, naming what is missing", async () => {
    const csv = await run({"z.csv": ZENDESK}, {format: "surveymonkey-csv"});
    expect(csv.problems).toEqual([
      'z.csv:1: format: the file does not fit --format surveymonkey-csv: missing column "Respondent ID"; column "Collector ID" (header: "Id, Subject, Status, Via, Created at")',
    ]);
    const json = await run(
      {
        "z.json": JSON.stringify({
          tickets: [{id: 1, created_at: "2024-03-01T10:00:00Z", status: "open", via: {channel: "web"}}],
        }),
      },
      {format: "intercom-json"},
    );
    expect(json.problems[0]).toMatch(
      /^z\.json:1: format: the file does not fit --format intercom-json: no "type": "conversation"/,
    );
    expect(json.manifest.totals).toMatchObject({rows_read: 0, accepted: 0});
  });

  it("--out naming a file, or a path through one, is a usage error before anything is read", async () => {
    const file = path.join(dir, "taken.txt");
    await writeFile(file, "x");
    await writeFile(path.join(dir, "z.csv"), ZENDESK);
    const a = await runCli(["ingest", path.join(dir, "z.csv"), "--org", "o", "--out", file]);
    expect(a).toMatchObject({
      code: 2,
      stderr: `servicebench: --out ${file}: is a file, not a directory: name the dataset directory to write\n`,
    });
    const b = await runCli(["ingest", path.join(dir, "z.csv"), "--org", "o", "--out", path.join(file, "ds")]);
    expect(b).toMatchObject({
      code: 2,
      stderr: `servicebench: --out ${path.join(file, "ds")}: ${file} is a file, not a directory\n`,
    });
  });
});
