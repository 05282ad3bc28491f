// The manifest counted rows as parsed, so rows a parse lost left it balanced. It now also counts
// what each file holds, apart from the parse: physical lines of delimited text, records of JSON.
import {mkdtemp, rm, writeFile} from "node:fs/promises";
import {tmpdir} from "node:os";
import path from "node:path";
import {afterAll, describe, expect, it} from "vitest";
import {defaultProfile} from "../../loaders/node/dataset.ts";
import {ingestToDataset} from "../../loaders/node/ingest-run.ts";
import {fileSource} from "../../loaders/node/sources.ts";
import {BASE, run} from "../ingest/helpers.ts";
import {zendeskTicket} from "../ingest/zendesk-records.ts";

/** Lines as an editor shows them: LF, CRLF or CR ends, and a last line without one. */
const editorLines = (text: string) => text.split(/\r\n|\r|\n/).length - (/[\r\n]$/.test(text) ? 1 : 0);

const HEAD = "Id,Created at,Status,Via,Subject";
const row = (id: number, subject = "s") => `${id},2024-03-01T10:00:00Z,Open,Mail,${subject}`;
const zd = (id: number) => zendeskTicket(id);

const dirs: string[] = [];
afterAll(async () => {
  for (const d of dirs) await rm(d, {recursive: true, force: true});
});

describe("manifest lines", () => {
  const CSV: [string, string][] = [
    ["LF, final line end", [HEAD, row(1), row(2), ""].join("\n")],
    ["CRLF, no final line end", [HEAD, row(1), row(2)].join("\r\n")],
    ["lone CR", [HEAD, row(1), row(2), ""].join("\r")],
    ["blank lines", [HEAD, "", row(1), "", "", row(2), ""].join("\n")],
    ["a quoted cell over three lines", [HEAD, row(1, '"one\ntwo\r\nthree"'), row(2), ""].join("\n")],
  ];
  for (const [name, text] of CSV)
    it(`CSV, ${name}: physical lines beside rows`, async () => {
      const r = await run({"t.csv": text});
      expect(r.problems).toEqual([]);
      expect(r.manifest.files[0]).toMatchObject({lines: editorLines(text), rows_read: 2, accepted: 2});
    });

  it("JSON: records, whatever the lines; JSON Lines: non-blank lines; totals add them up", async () => {
    const json = `{\n "tickets": [\n${zd(1)},\n${zd(2)},\n${zd(3)}\n ],\n "next_page": null,\n "count": 3\n}\n`;
    const jsonl = `${zd(4)}\n\n${zd(5)}\n`;
    const csv = [HEAD, row(6), ""].join("\n");
    const r = await run({"t.json": json, "t.jsonl": jsonl, "t.csv": csv});
    expect(r.manifest.files.map((f) => [f.file, f.lines, f.rows_read])).toEqual([
      ["t.json", 3, 3],
      ["t.jsonl", 2, 2],
      ["t.csv", 2, 1],
    ]);
    expect(r.manifest.totals.lines).toBe(7);
  });

  it("a file not read through has no count, not 0", async () => {
    const r = await run({"t.txt": "hello|world\n1|2\n"});
    expect(r.manifest.files[0]!.lines).toBeNull();
    expect(r.manifest.totals.lines).toBe(0);
  });

  it("both engines count the same lines", async () => {
    const dir = await mkdtemp(path.join(tmpdir(), "servicebench-lines-"));
    dirs.push(dir);
    const extras = {profile: defaultProfile("acme", "UTC"), salt: "s"};
    for (const [name, text] of [
      ["lf.csv", [HEAD, row(1), row(2), ""].join("\n")],
      ["crlf.csv", [HEAD, row(1), row(2)].join("\r\n")],
    ] as const) {
      const file = path.join(dir, name);
      await writeFile(file, text);
      const runs = [];
      for (const engine of ["auto", "javascript"] as const)
        runs.push(
          await ingestToDataset(
            [fileSource(file, text.length, name)],
            {...BASE, engine},
            path.join(dir, engine),
            extras,
          ),
        );
      expect(runs[0]!.engine, name).toBe("duckdb");
      expect(runs[0]!.manifest, name).toEqual(runs[1]!.manifest);
      expect(runs[0]!.manifest.files[0]!.lines, name).toBe(editorLines(text));
    }
  });
});
