// A folder of synced warehouse tables must go to the core: its tickets need joins across files,
// which the native DuckDB engine (flat ticket CSVs only) cannot do. It declines through its
// existing logic, and the core then writes the dataset.
import {mkdtemp, rm, writeFile} from "node:fs/promises";
import {tmpdir} from "node:os";
import path from "node:path";
import {afterAll, describe, expect, it} from "vitest";
import {defaultProfile} from "../../loaders/node/dataset.ts";
import {ingestToDataset} from "../../loaders/node/ingest-run.ts";
import {fileSource} from "../../loaders/node/sources.ts";
import {BASE} from "../ingest/helpers.ts";

const dirs: string[] = [];
afterAll(async () => {
  for (const d of dirs) await rm(d, {recursive: true, force: true});
});

describe("warehouse folders and the native engine", () => {
  it("the native engine declines a folder of Fivetran tables and the core reads it", async () => {
    const dir = await mkdtemp(path.join(tmpdir(), "servicebench-warehouse-"));
    dirs.push(dir);
    const files = {
      "ticket.csv":
        "id,_fivetran_synced,created_at,updated_at,status,via_channel\n" +
        "1,2024-02-01 00:00:00,2024-01-01 09:00:00,2024-01-01 10:00:00,open,email\n",
      "ticket_comment.csv":
        "id,_fivetran_synced,created,public,ticket_id,user_id\nc1,2024-02-01 00:00:00,2024-01-01 09:00:00,TRUE,1,5\n",
    };
    const sources = [];
    for (const [name, text] of Object.entries(files)) {
      const file = path.join(dir, name);
      await writeFile(file, text);
      sources.push(fileSource(file, text.length));
    }
    const run = await ingestToDataset(sources, {...BASE, engine: "auto"}, path.join(dir, "out"), {
      profile: defaultProfile("acme", "UTC"),
      salt: "s",
    });
    expect(run.engine).toBe("javascript");
    expect(run.declined).toMatch(/ticket\.csv/);
    expect(run.tickets).toBe(1);
    expect(run.manifest.files.map((f) => f.format)).toEqual(["warehouse-zendesk", "warehouse-zendesk"]);
  });
});
