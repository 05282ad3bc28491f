import {mkdtemp, readFile, rm, writeFile, mkdir} from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import {unzipSync} from "fflate";
import {afterAll, beforeAll, describe, expect, it} from "vitest";
import {
  assessFiles,
  type AssessProgress,
  type AssessResult,
  type AssessTable,
} from "../../loaders/assess/assess.ts";
import {datasetFiles, zipDataset} from "../../loaders/assess/dataset-files.ts";
import {memorySource, type BlobSource} from "../../loaders/assess/file-source.ts";
import {AssessCancelled, AssessError, MAX_ASSESS_BYTES} from "../../loaders/assess/messages.ts";
import {writeDemo} from "../../loaders/node/commands/demo.ts";
import {DATASET_FILES} from "../../loaders/node/dataset.ts";
import {computeKpis} from "../../loaders/node/summary.ts";
import {cliIngest, dropFolder, expectSameReport, kpisFromIpc, timeless} from "./helpers.ts";

const ORG = "demo-outdoor-gear";
const SALT = "0123456789abcdef0123456789abcdef";

let tmp: string;
let raw: string;
let viaJs: string;
let viaAuto: string;
let cliProblems: string[];
let result: AssessResult;
const progress: AssessProgress[] = [];

beforeAll(async () => {
  tmp = await mkdtemp(path.join(os.tmpdir(), "servicebench-assess-"));
  raw = path.join(tmp, "demo-raw");
  await writeDemo(raw);
  viaJs = path.join(tmp, "cli-javascript");
  viaAuto = path.join(tmp, "cli-auto");
  const js = await cliIngest(raw, ORG, viaJs, SALT, "javascript");
  expect(js.code).toBe(0);
  cliProblems = js.problems;
  expect((await cliIngest(raw, ORG, viaAuto, SALT, "auto")).code).toBe(0);
  result = await assessFiles(
    await dropFolder(raw),
    {orgId: ORG, salt: SALT},
    {onProgress: (p) => progress.push(p)},
  );
});
afterAll(() => rm(tmp, {recursive: true, force: true}));

describe("the self-assessment reads the demo exports as servicebench ingest does", () => {
  it("writes the same manifest, profile, rejects and agents as either engine", async () => {
    for (const dir of [viaJs, viaAuto]) {
      const manifest = JSON.parse(await readFile(path.join(dir, DATASET_FILES.manifest), "utf8"));
      expect(timeless(result.manifest)).toEqual(timeless(manifest));
      const profile = JSON.parse(await readFile(path.join(dir, DATASET_FILES.profile), "utf8"));
      expect(result.profile).toEqual(profile);
    }
    expect(result.problems).toEqual(cliProblems);
    expect(result.problems).toEqual([]);
    expect(result.agentsCount).toBe(
      (await readFile(path.join(viaJs, DATASET_FILES.agents), "utf8")).trim().split("\n").length - 1,
    );
    expect(result.rejects.length).toBe(
      result.manifest.files.reduce((sum, f) => sum + f.rejected, 0) +
        result.rejects.filter((r) => r.severity === "warning").length,
    );
  });

  it("gives Arrow tables from which DuckDB-WASM computes the KPIs computeKpis gives on the CLI's datasets", async () => {
    expect(result.tables.map((t) => t.name)).toEqual([
      "tickets",
      "ticket_tags",
      "responses",
      "activity",
      "days",
      "meta",
    ]);
    for (const options of [{}, {by: "agent" as const}]) {
      const ours = await kpisFromIpc(result.tables, result.profile, options);
      expectSameReport(ours, await computeKpis(viaJs, options));
      if (options.by === undefined) expectSameReport(ours, await computeKpis(viaAuto, options));
    }
  });

  it("reports progress: file, bytes of the total, rows, ending at every byte", () => {
    expect(progress.length).toBeGreaterThan(0);
    const last = progress.at(-1)!;
    expect(last.bytes).toBe(last.size);
    expect(last.files).toBe(7);
    expect(last.fileIndex).toBe(6);
    // The core counts records as it parses them: every row read, and no more than the files' records.
    expect(last.rows).toBeGreaterThanOrEqual(result.manifest.totals.rows_read);
    expect(last.rows).toBeLessThanOrEqual(result.manifest.totals.lines ?? 0);
    for (let i = 1; i < progress.length; i++)
      expect(progress[i]!.bytes).toBeGreaterThanOrEqual(progress[i - 1]!.bytes);
  });
});

describe("the dataset download", () => {
  let unzipped: string;
  let zip: Uint8Array;
  beforeAll(async () => {
    zip = zipDataset(datasetFiles(result), `${ORG}-dataset`);
    unzipped = path.join(tmp, "unzipped");
    for (const [name, data] of Object.entries(unzipSync(zip))) {
      await mkdir(path.dirname(path.join(unzipped, name)), {recursive: true});
      await writeFile(path.join(unzipped, name), data);
    }
  });

  it("unzips to a dataset directory servicebench kpis reads with the same values", async () => {
    const dir = path.join(unzipped, `${ORG}-dataset`);
    expectSameReport(await computeKpis(dir), await computeKpis(viaJs));
    // The sidecars are the command line's own bytes (the manifest but its run time).
    for (const file of [
      DATASET_FILES.profile,
      DATASET_FILES.rejects,
      DATASET_FILES.agents,
      DATASET_FILES.salt,
    ])
      expect(await readFile(path.join(dir, file), "utf8"), file).toBe(
        await readFile(path.join(viaJs, file), "utf8"),
      );
  });

  it("dropped back, as the zip or as its files, gives the same tables, profile, manifest and rejects", async () => {
    const asZip = await assessFiles([memorySource(`${ORG}-dataset.zip`, zip)], {orgId: "ignored"});
    const asFolder = await assessFiles(await dropFolder(path.join(unzipped, `${ORG}-dataset`)), {
      orgId: "ignored",
    });
    for (const again of [asZip, asFolder]) {
      expectSameTables(again.tables, result.tables);
      expect(again.profile).toEqual(result.profile);
      expect(again.manifest).toEqual(result.manifest);
      expect(again.rejects).toEqual(result.rejects);
      expect(again.agentsCount).toBe(result.agentsCount);
      expect(again.salt).toBe(SALT);
    }
  });

  it("reads the command line's own dataset folder too (ZSTD Parquet) into the same tables", async () => {
    const cli = await assessFiles(await dropFolder(viaJs), {orgId: "ignored"});
    expectSameTables(cli.tables, result.tables);
  });
});

describe("problems, limits and cancellation", () => {
  it("a broken file among valid ones: the CLI's problem lines, and tables from the valid files", async () => {
    const dir = path.join(tmp, "broken");
    await writeDemo(dir);
    await writeFile(
      path.join(dir, "zendesk", "tickets-cut.json"),
      '{"tickets": [{"id": 1, "created_at": "2024-01-0',
    );
    await writeFile(path.join(dir, "notes.csv"), "colour,shape\nred,round\n");
    const cli = await cliIngest(dir, ORG, path.join(tmp, "cli-broken"), SALT, "javascript");
    expect(cli.code).toBe(1);
    const ours = await assessFiles(await dropFolder(dir), {orgId: ORG, salt: SALT});
    expect(ours.problems.length).toBeGreaterThan(0);
    expect(ours.problems).toEqual(cli.problems);
    expectSameReport(
      await kpisFromIpc(ours.tables, ours.profile),
      await computeKpis(path.join(tmp, "cli-broken")),
    );
  });

  it("a survey file alone: empty ticket tables load into DuckDB-WASM and the KPIs match", async () => {
    const dir = path.join(tmp, "survey-only");
    await mkdir(dir, {recursive: true});
    await writeFile(
      path.join(dir, "nps.csv"),
      await readFile(path.join(raw, "delighted", "nps-responses.csv")),
    );
    const cli = await cliIngest(dir, ORG, path.join(tmp, "cli-survey"), SALT, "javascript");
    const ours = await assessFiles(await dropFolder(dir), {orgId: ORG, salt: SALT});
    expect(ours.problems).toEqual(cli.problems);
    expectSameReport(
      await kpisFromIpc(ours.tables, ours.profile),
      await computeKpis(path.join(tmp, "cli-survey")),
    );
  });

  it("refuses files beyond the tab's limit, naming the file and the limit in both languages", async () => {
    const big: BlobSource = {
      ...memorySource("exports/huge.csv", new TextEncoder().encode("a,b\n")),
      size: MAX_ASSESS_BYTES + 1,
    };
    const error = await assessFiles([big], {orgId: ORG}).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AssessError);
    const said = (error as AssessError).said;
    expect(said.en).toMatch(/exports\/huge\.csv: .* more than the 256 MB/);
    expect(said.fr).toMatch(/exports\/huge\.csv : .* plus que les 256 Mo/);
  });

  it("refuses a zip whose entries unzip beyond the limit before inflating them", async () => {
    // A small entry whose declared size is past the limit: sizes are read from the zip's directory.
    const bomb = declaring(
      zipDataset([{name: "tickets.csv", data: new Uint8Array(1024)}]),
      MAX_ASSESS_BYTES + 1,
    );
    const error = await assessFiles([memorySource("bomb.zip", bomb)], {orgId: ORG}).catch((e: unknown) => e);
    expect((error as AssessError).said.en).toMatch(/^bomb\.zip\/tickets\.csv: /);
  });

  it("stops when cancelled, between chunks", async () => {
    const controller = new AbortController();
    const sources = await dropFolder(raw);
    let reports = 0;
    const run = assessFiles(
      // Small slices, so the run is still reading when the first report cancels it.
      sources.map((s) => ({...s, ...slices(s)})),
      {orgId: ORG, salt: SALT},
      {
        signal: controller.signal,
        progressEveryMs: 0,
        onProgress: () => {
          reports++;
          controller.abort();
        },
      },
    );
    await expect(run).rejects.toBeInstanceOf(AssessCancelled);
    expect(reports).toBeLessThan(5);
  });
});

/** The zip with every entry's uncompressed size set to `size`, in its local and central headers. */
function declaring(zip: Uint8Array, size: number): Uint8Array {
  const out = zip.slice();
  const view = new DataView(out.buffer);
  for (let at = 0; at + 4 <= out.length; at++) {
    const signature = view.getUint32(at, true);
    if (signature === 0x04034b50) view.setUint32(at + 22, size, true);
    if (signature === 0x02014b50) view.setUint32(at + 24, size, true);
  }
  return out;
}

/** Tables equal byte for byte (compared as buffers: element-wise equality is slow on megabytes). */
function expectSameTables(a: AssessTable[], b: AssessTable[]): void {
  expect(a.map((t) => t.name)).toEqual(b.map((t) => t.name));
  a.forEach((t, i) => expect(Buffer.from(t.ipc).equals(Buffer.from(b[i]!.ipc)), t.name).toBe(true));
}

/** The same bytes in 4 kB slices. */
function slices(source: BlobSource): Pick<BlobSource, "stream"> {
  return {
    async *stream() {
      const bytes = await source.bytes();
      for (let at = 0; at < bytes.length; at += 4096) yield bytes.subarray(at, at + 4096);
    },
  };
}
