// One stray `"` at the start of a Subject cell in row 2 of a 200,000-row Zendesk CSV gave "rows
// read 2, accepted 2", exit 0 and a warning: the quote swallowed every line after it while the
// manifest balanced. Now its line is rejected with where the quote opened and what it swallowed,
// the file is an error (a problem line: exit 1), the other 199,999 tickets are read, and the
// manifest counts the file's physical lines beside its rows.
import {mkdtemp, rm, writeFile} from "node:fs/promises";
import {tmpdir} from "node:os";
import path from "node:path";
import {afterAll, describe, expect, it} from "vitest";
import {defaultProfile} from "../../loaders/node/dataset.ts";
import {ingestToDataset} from "../../loaders/node/ingest-run.ts";
import {fileSource} from "../../loaders/node/sources.ts";
import {BASE, run} from "../ingest/helpers.ts";

const HEADER = "Id,Subject,Created at,Updated at,Status,Via\n";

/** A Zendesk view export of `rows` tickets, no quotes anywhere; `edit` may change a row's subject. */
function zendeskCsv(rows: number, edit: (id: number, subject: string) => string = (_, s) => s): string {
  const out = [HEADER];
  for (let id = 1; id <= rows; id++)
    out.push(`${id},${edit(id, `Order ${id} late`)},2024-03-01 10:00:00,2024-03-02 10:00:00,Open,Mail\n`);
  return out.join("");
}

const dirs: string[] = [];
afterAll(async () => {
  for (const d of dirs) await rm(d, {recursive: true, force: true});
});

describe("a stray quote in a Zendesk CSV", () => {
  it("costs its own row only, of 200,000, and is an error naming where it opened and what it swallowed", async () => {
    const rows = 200_000;
    const text = zendeskCsv(rows, (id, s) => (id === 2 ? `"${s}` : s));
    const r = await run({"tickets.csv": text});
    // Row 2 is on line 3; the quote would run to the last line, 200,001.
    const reason =
      "unclosed quote opened on line 3 swallowed 199999 lines (3 to 200001) to the end of the file";
    expect(r.problems).toEqual([`tickets.csv:3: row: ${reason}`]);
    expect(r.tickets).toHaveLength(rows - 1);
    expect(r.tickets.some((t) => t.ticket_id === "2")).toBe(false);
    expect(r.rejects.map((x) => [x.line, x.field, x.reason])).toEqual([[3, "row", reason]]);
    expect(r.manifest.files[0]).toMatchObject({
      lines: rows + 1,
      rows_read: rows,
      accepted: rows - 1,
      rejected: 1,
      duplicates: 0,
    });
    expect(r.manifest.totals).toMatchObject({lines: rows + 1, rows_read: rows, accepted: rows - 1});
  });

  it("closed by a later quoted subject: the rows in between are read too", async () => {
    const text = zendeskCsv(12, (id, s) => (id === 2 ? `"${s}` : id === 9 ? `"${s}, again"` : s));
    const r = await run({"t.csv": text});
    expect(r.problems).toEqual([
      "t.csv:3: row: quote opened on line 3 swallowed 8 lines (3 to 10), up to a quote followed by text",
    ]);
    expect(r.tickets.map((t) => t.ticket_id)).toEqual([
      "1",
      "3",
      "4",
      "5",
      "6",
      "7",
      "8",
      "9",
      "10",
      "11",
      "12",
    ]);
    expect(r.manifest.files[0]).toMatchObject({lines: 13, rows_read: 12, accepted: 11, rejected: 1});
  });

  it("gives the same outcome whatever the read chunks", async () => {
    const text = zendeskCsv(40, (id, s) => (id === 7 ? `"${s}` : id === 30 ? `"${s}, again"` : s));
    const whole = await run({"t.csv": text});
    for (const chunk of [7, 100, 4096]) {
      const cut = await run({"t.csv": text}, {}, chunk);
      expect(cut.problems, `chunks of ${chunk}`).toEqual(whole.problems);
      expect(cut.manifest, `chunks of ${chunk}`).toEqual(whole.manifest);
      expect(cut.tickets.map((t) => t.ticket_id)).toEqual(whole.tickets.map((t) => t.ticket_id));
    }
    expect(whole.tickets).toHaveLength(39);
  });

  it("both engines agree: the native engine declines the file and the core reads it", async () => {
    const dir = await mkdtemp(path.join(tmpdir(), "servicebench-quote-"));
    dirs.push(dir);
    const text = zendeskCsv(50, (id, s) => (id === 2 ? `"${s}` : s));
    const file = path.join(dir, "tickets.csv");
    await writeFile(file, text);
    const extras = {profile: defaultProfile("acme", "UTC"), salt: "s"};
    const auto = await ingestToDataset(
      [fileSource(file, text.length, "tickets.csv")],
      {...BASE, engine: "auto"},
      path.join(dir, "auto"),
      extras,
    );
    const core = await ingestToDataset(
      [fileSource(file, text.length, "tickets.csv")],
      {...BASE, engine: "javascript"},
      path.join(dir, "core"),
      extras,
    );
    expect(auto.engine).toBe("javascript");
    expect(auto.manifest).toEqual(core.manifest);
    expect(auto.problems).toEqual(core.problems);
    expect(core.tickets).toBe(49);
    expect(core.manifest.files[0]).toMatchObject({lines: 51, rows_read: 50, rejected: 1});
  });
});
