import {mkdtemp, readFile, rm} from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import {unzipSync} from "fflate";
import {afterAll, beforeAll, describe, expect, it} from "vitest";
import {createAssessHandler, MAX_REJECTS_SENT, type AssessReply} from "../../loaders/assess/worker.ts";
import {writeDemo} from "../../loaders/node/commands/demo.ts";
import {listFiles} from "./helpers.ts";

const ORG = "demo-outdoor-gear";

let tmp: string;
let files: File[];
let paths: string[];

beforeAll(async () => {
  tmp = await mkdtemp(path.join(os.tmpdir(), "servicebench-worker-"));
  await writeDemo(tmp);
  const names = await listFiles(tmp);
  paths = names.map((n) => `demo/${n}`);
  files = await Promise.all(
    names.map(async (n) => new File([await readFile(path.join(tmp, n))], path.basename(n))),
  );
});
afterAll(() => rm(tmp, {recursive: true, force: true}));

/** The handler with its replies and transfer lists recorded, as a worker would post them. */
function harness() {
  const replies: AssessReply[] = [];
  const transfers: Transferable[][] = [];
  const handle = createAssessHandler((reply, transfer) => {
    replies.push(reply);
    transfers.push(transfer);
  });
  return {replies, transfers, handle};
}

describe("the assessment worker's messages", () => {
  it("start: progress, then done with the tables' buffers transferred; download: the dataset zip", async () => {
    const {replies, transfers, handle} = harness();
    await handle({type: "start", files, paths, orgId: ORG, tz: "", now: Date.parse("2025-01-01T00:00:00Z")});
    const done = replies.at(-1)!;
    expect(replies.slice(0, -1).every((r) => r.type === "progress")).toBe(true);
    expect(replies.length).toBeGreaterThan(1);
    if (done.type !== "done") throw new Error(`expected done, got ${JSON.stringify(done)}`);
    expect(done.manifest.generated_at).toBe("2025-01-01T00:00:00.000Z");
    expect(done.manifest.files.map((f) => f.file)).toContain("zendesk/ticket_metrics.json");
    expect(done.profile.org_id).toBe(ORG);
    expect(done.profile.timezone).toBe("Europe/Paris");
    expect(done.rejects.length).toBe(Math.min(done.rejectCount, MAX_REJECTS_SENT));
    expect(done.tables.map((t) => t.name)).toEqual([
      "tickets",
      "ticket_tags",
      "responses",
      "activity",
      "days",
      "meta",
    ]);
    expect(transfers.at(-1)).toEqual(done.tables.map((t) => t.ipc.buffer));
    for (const t of done.tables) expect(t.ipc.byteLength).toBe(t.ipc.buffer.byteLength);

    await handle({type: "download"});
    const dataset = replies.at(-1)!;
    if (dataset.type !== "dataset") throw new Error(`expected dataset, got ${JSON.stringify(dataset)}`);
    expect(dataset.name).toBe(`${ORG}-dataset.zip`);
    expect(transfers.at(-1)).toEqual([dataset.zip.buffer]);
    expect(Object.keys(unzipSync(dataset.zip)).sort()).toEqual(
      [
        ".gitignore",
        "agents.private.csv",
        "manifest.json",
        "profile.json",
        "rejects.csv",
        "responses.parquet",
        "salt.private",
        "tickets.parquet",
      ].map((f) => `${ORG}-dataset/${f}`),
    );
  });

  it("cancel: the run stops and says cancelled", async () => {
    const {replies, handle} = harness();
    const run = handle({type: "start", files, paths, orgId: ORG, now: Date.now()});
    await handle({type: "cancel"});
    await run;
    expect(replies.at(-1)).toEqual({type: "cancelled"});
    expect(replies.some((r) => r.type === "done")).toBe(false);
  });

  it("errors come in both languages; nothing to download before a run", async () => {
    const {replies, handle} = harness();
    await handle({type: "download"});
    await handle({type: "start", files, paths, orgId: "not an id", now: Date.now()});
    await handle({type: "start", files, paths, orgId: ORG, tz: "Mars/Olympus", now: Date.now()});
    await handle({type: "start", files: [], paths: [], orgId: ORG, now: Date.now()});
    expect(replies.map((r) => r.type)).toEqual(["error", "error", "error", "error"]);
    for (const r of replies) {
      if (r.type !== "error") continue;
      expect(r.message.en).not.toBe("");
      expect(r.message.fr).not.toBe(r.message.en);
    }
    expect(replies[2]).toMatchObject({type: "error", message: {en: expect.stringMatching(/Mars\/Olympus/)}});
  });
});
