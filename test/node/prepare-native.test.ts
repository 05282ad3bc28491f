import {mkdtemp, rm} from "node:fs/promises";
import {tmpdir} from "node:os";
import path from "node:path";
import {afterAll, beforeAll, describe, expect, it} from "vitest";
import {TABLES, loadPrepared, prepare} from "../../loaders/metrics/prepare.ts";
import {
  defaultProfile,
  readDatasetFiles,
  readRows,
  writeDataset,
  type DatasetFiles,
} from "../../loaders/node/dataset.ts";
import {NativeRunner} from "../../loaders/node/duckdb-native.ts";
import {openDatasetDir} from "../../loaders/node/summary.ts";
import type {SurveyResponse, Ticket} from "../../loaders/schema/index.ts";
import {seededDataset, writeTestDataset} from "../metrics/dataset.ts";
import {DAY, HOUR, MIN, response, ticket} from "../metrics/helpers.ts";

/** Tickets and responses on the edges the local-time columns and the SQL must agree on. */
function awkward(): {tickets: Ticket[]; responses: SurveyResponse[]} {
  const parisSpring = Date.UTC(2024, 2, 31, 1); // 02:00 -> 03:00 in Paris
  const parisAutumn = Date.UTC(2024, 9, 27, 1); // 03:00 -> 02:00 in Paris
  const kathmandu = Date.UTC(1985, 11, 31, 18, 30); // +05:30 -> +05:45 at local midnight
  const lordHowe = Date.UTC(2024, 3, 6, 15); // +11:00 -> +10:30
  const nulls: Partial<Ticket> = {
    status: "new",
    solved_at: null,
    first_reply_minutes: null,
    full_resolution_minutes: null,
    requester_wait_minutes: null,
    replies: null,
    reopens: null,
    assignee: null,
  };
  const tickets = [
    ticket({...nulls, ticket_id: "nulls", created_at: parisSpring - 1}),
    ticket({ticket_id: "spring", created_at: parisSpring, solved_at: parisSpring + 15 * MIN}),
    ticket({ticket_id: "autumn-a", created_at: parisAutumn - 30 * MIN, solved_at: parisAutumn + 30 * MIN}),
    ticket({ticket_id: "autumn-b", created_at: parisAutumn + 59 * MIN + 59_999, status: "closed"}),
    // Solved across local midnight, its reply on the next day too.
    ticket({
      ticket_id: "midnight",
      created_at: Date.UTC(2024, 4, 10, 21, 50),
      solved_at: Date.UTC(2024, 4, 10, 22, 10),
      first_reply_minutes: 12.25,
    }),
    // Replies that round to the millisecond, halves included (Math.round sends them up).
    ticket({ticket_id: "half", first_reply_minutes: 0.5 / 60_000, created_at: kathmandu - 15 * MIN}),
    ticket({ticket_id: "neg-half", first_reply_minutes: -2.5 / 60_000, created_at: kathmandu + 14 * MIN}),
    ticket({ticket_id: "third", first_reply_minutes: 1 / 3, created_at: kathmandu + 15 * MIN}),
    ticket({ticket_id: "lord-howe", created_at: lordHowe - 1, solved_at: lordHowe + 29 * MIN}),
    // Before 1970: negative instants floor towards the past.
    ticket({
      ticket_id: "old",
      created_at: Date.UTC(1969, 11, 31, 23, 30),
      solved_at: Date.UTC(1970, 0, 1, 0, 45),
    }),
    // Solved status without a solve instant, and a solve instant on a reopened ticket.
    ticket({ticket_id: "solved-no-at", status: "solved", solved_at: null}),
    ticket({ticket_id: "reopened", status: "open", solved_at: Date.UTC(2024, 0, 2, 3), reopens: 1}),
    ticket({ticket_id: "tags", tags: ["b", "a", "b", "", "a", "c", ""]}),
    ticket({ticket_id: "unicode", group: "équipe ☎", tags: ["été", "ete"], priority: "urgent"}),
  ];
  const responses = [
    response({response_id: "orphan", ticket_id: null, responded_at: parisSpring + 30 * MIN}),
    response({response_id: "unknown-ticket", ticket_id: "nope", responded_at: kathmandu + 20 * MIN}),
    response({
      response_id: "nps",
      kind: "nps",
      score: 7,
      scale_min: 0,
      scale_max: 10,
      responded_at: lordHowe,
    }),
    response({response_id: "half-score", score: 2.5, responded_at: parisAutumn + HOUR, channel: "chat"}),
  ];
  return {tickets, responses};
}

const ZONES = [
  "Europe/Paris",
  "Asia/Kolkata",
  "Asia/Kathmandu",
  "Australia/Lord_Howe",
  "America/St_Johns",
  "UTC",
  "",
];

let dir: string;
let files: DatasetFiles;

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "servicebench-native-"));
  const seeded = seededDataset(7);
  const extra = awkward();
  const tickets = [...seeded.tickets, ...extra.tickets];
  const responses = [...seeded.responses, ...extra.responses];
  await writeTestDataset(dir, tickets, responses);
  files = await readDatasetFiles(dir);
});
afterAll(() => rm(dir, {recursive: true, force: true}));

/** Every table of a runner, in its stored order. */
async function tables(runner: NativeRunner): Promise<Record<string, Record<string, unknown>[]>> {
  const out: Record<string, Record<string, unknown>[]> = {};
  for (const spec of TABLES) out[spec.name] = await runner.rows(`SELECT * FROM "${spec.name}"`);
  return out;
}

/** The same rows sorted by their JSON text: equality as sets of rows, whatever the order. */
const sorted = (rows: Record<string, unknown>[]) => rows.map((r) => JSON.stringify(r)).sort();

async function both(input: DatasetFiles) {
  const slow = await NativeRunner.create();
  await loadPrepared(slow, prepare(await readRows(input)));
  const fast = await openDatasetDir(input);
  try {
    return {slow: await tables(slow), fast: await tables(fast)};
  } finally {
    slow.close();
    fast.close();
  }
}

describe("openDatasetDir (native fast path)", () => {
  it.each(ZONES)("loads the tables prepare() gives, row for row, in %s", async (timezone) => {
    const {slow, fast} = await both({...files, profile: {...files.profile, timezone, agents: 3}});
    expect(slow.tickets!.length).toBe(614);
    expect(slow.activity!.length).toBeGreaterThan(600);
    for (const spec of TABLES) {
      expect(sorted(fast[spec.name]!), spec.name).toEqual(sorted(slow[spec.name]!));
      expect(fast[spec.name], spec.name).toEqual(slow[spec.name]);
    }
  });

  it("keeps each ticket's distinct tags in first-seen order", async () => {
    const {fast} = await both(files);
    expect(fast.ticket_tags!.filter((r) => r.ticket_id === "tags").map((r) => r.tag)).toEqual([
      "b",
      "a",
      "",
      "c",
    ]);
  });

  it("falls back to prepare() for instants beyond the safe range, with the same tables", async () => {
    const far = await mkdtemp(path.join(tmpdir(), "servicebench-native-far-"));
    try {
      // A response, not a ticket: a far ticket would make prepare() list every day up to it.
      await writeDataset(far, {
        tickets: [ticket({created_at: Date.UTC(2024, 0, 1) + 3 * DAY})],
        responses: [response({response_id: "far", responded_at: Date.UTC(6000, 0, 1)})],
        manifest: files.manifest,
        rejects: [],
        agents: [],
        profile: defaultProfile("org", "Asia/Kathmandu"),
        salt: "test",
      });
      const {slow, fast} = await both(await readDatasetFiles(far));
      expect(fast).toEqual(slow);
      expect(fast.responses!.map((r) => r.responded_date)).toEqual(["6000-01-01"]);
    } finally {
      await rm(far, {recursive: true, force: true});
    }
  });
});
