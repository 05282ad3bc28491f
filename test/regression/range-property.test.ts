/**
 * Ranges checked at the door (issue 15): whatever `servicebench ingest` accepts, every later step
 * reads. Random rows mixing values in and out of range (and on the edges) are ingested with either
 * engine; the accepted rows must be exactly those an independent reading of the ranges keeps, and
 * `kpis`, `place` and the site's build-time loaders must read the dataset without an error, a NaN
 * or an infinity.
 */
import {mkdtemp, rm, writeFile} from "node:fs/promises";
import {tmpdir} from "node:os";
import path from "node:path";
import fc from "fast-check";
import {afterAll, describe, expect, it} from "vitest";
import {readDataset} from "../../loaders/node/dataset.ts";
import {formatReport} from "../../loaders/node/commands/kpis.ts";
import {placeDataset} from "../../loaders/node/commands/place.ts";
import {siteKpis} from "../../loaders/node/site/kpis.ts";
import {sitePlacement} from "../../loaders/node/site/placement.ts";
import {computeKpis} from "../../loaders/node/summary.ts";
import {Ticket} from "../../loaders/schema/index.ts";
import {runCli} from "../node/run-cli.ts";

const root = await mkdtemp(path.join(tmpdir(), "servicebench-ranges-"));
afterAll(() => rm(root, {recursive: true, force: true}));

/** Date cells with their instant, written by hand; null = outside 1970..now or unreadable. */
const DATES: [string, number | null][] = [
  ["2024-03-01T10:00:00Z", Date.UTC(2024, 2, 1, 10)],
  ["2024-03-04T10:00:00+14:00", Date.UTC(2024, 2, 3, 20)],
  ["2024-03-04T10:00:00-05:30", Date.UTC(2024, 2, 4, 15, 30)],
  ["1970-01-01T00:00:00Z", 0],
  ["1969-12-31T23:59:59Z", null],
  ["0050-06-01T10:00:00Z", null],
  ["2024-03-01T10:00:00+24:00", null],
  ["2024-03-01T10:00:00+99:99", null],
  ["2099-01-01T00:00:00Z", null],
];
/** Duration cells (minutes) with their value; null value = empty cell; NaN = out of range. */
const MINUTES: [string, number | null][] = [
  ["", null],
  ["0", 0],
  ["7", 7],
  ["2.5", 2.5],
  ["5259600", 5_259_600],
  ["5259601", NaN],
  ["200000000000", NaN],
  ["-3", NaN],
];
const COUNTS: [string, number | null][] = [
  ["", null],
  ["0", 0],
  ["3", 3],
  ["2147483647", 2_147_483_647],
  ["2147483648", NaN],
  ["99999999999", NaN],
];
const MAX_MINUTES = 10 * 365.25 * 1440;

/** Mostly values in range (edges included), one in five outside: most rows then break one rule. */
const pick = <T extends [string, number | null]>(all: T[]) => {
  const inside = all.filter(([, v]) => v === null || !Number.isNaN(v));
  const outside = all.filter(([, v]) => v !== null && Number.isNaN(v));
  return fc.oneof(
    {weight: 5, arbitrary: fc.constantFrom(...inside)},
    {weight: 1, arbitrary: fc.constantFrom(...outside)},
  );
};
const dates = (all: [string, number | null][]) =>
  fc.oneof(
    {weight: 5, arbitrary: fc.constantFrom(...all.filter(([, v]) => v !== null))},
    {weight: 1, arbitrary: fc.constantFrom(...all.filter(([, v]) => v === null))},
  );
const row = fc.record({
  created: dates(DATES),
  solved: fc.oneof(fc.constant<[string, number | null]>(["", null]), dates(DATES)),
  reply: pick(MINUTES),
  resolution: pick(MINUTES),
  replies: pick(COUNTS),
  reopens: pick(COUNTS),
});
type Row = typeof row extends fc.Arbitrary<infer T> ? T : never;

/** The ranges read independently of the ingest: would the row be kept? */
function kept(r: Row, now: number): boolean {
  const created = r.created[1];
  if (created === null || created > now) return false;
  const solvedText = r.solved[0];
  const solved = r.solved[1];
  if (solvedText !== "" && (solved === null || solved > now || solved < created - 60_000)) return false;
  const derived = solvedText !== "" && r.resolution[0] === "" ? (solved! - created) / 60_000 : null;
  for (const v of [r.reply[1], r.resolution[1], derived])
    if (v !== null && (Number.isNaN(v) || v < 0 || v > MAX_MINUTES)) return false;
  for (const v of [r.replies[1], r.reopens[1]]) if (v !== null && Number.isNaN(v)) return false;
  return true;
}

const HEADER =
  "Id,Status,Via,Group,Created at,Solved at,First reply time in minutes,Full resolution time in minutes,Replies,Reopens";
const VALID: Row = {
  created: DATES[0]!,
  solved: DATES[1]!,
  reply: MINUTES[2]!,
  resolution: ["", null],
  replies: COUNTS[2]!,
  reopens: COUNTS[1]!,
};

function csv(rows: Row[]): string {
  const line = (r: Row, k: number) =>
    [
      k + 1,
      "Solved",
      "Mail",
      "Tier 1",
      r.created[0],
      r.solved[0],
      r.reply[0],
      r.resolution[0],
      r.replies[0],
      r.reopens[0],
    ].join(",");
  return `${HEADER}\n${rows.map(line).join("\n")}\n`;
}

/** Every number of a value, nested: a NaN or an infinity anywhere is a broken later step. */
function numbers(value: unknown, out: number[] = []): number[] {
  if (typeof value === "number") out.push(value);
  else if (Array.isArray(value)) for (const v of value) numbers(v, out);
  else if (value && typeof value === "object") for (const v of Object.values(value)) numbers(v, out);
  return out;
}

let run = 0;
describe("ranges at the door", () => {
  it("keeps exactly the rows inside the documented ranges, and every later step reads what it kept", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(row, {minLength: 1, maxLength: 10}), async (rows) => {
        // The engines take turns, so each reads every kind of row.
        const native = run % 2 === 0;
        const dir = path.join(root, `case-${run++}`);
        const file = `${dir}.csv`;
        const all = [VALID, ...rows];
        await writeFile(file, csv(all));
        const now = Date.now();
        const ingest = await runCli([
          "ingest",
          file,
          "--org",
          "ranges",
          "--out",
          dir,
          "--engine",
          native ? "auto" : "javascript",
        ]);
        expect(ingest.stderr).not.toContain("internal error");
        const expected = all.filter((r) => kept(r, now)).length;
        expect(ingest.code).toBe(expected === all.length ? 0 : 1);
        const dataset = await readDataset(dir);
        expect(dataset.tickets.length).toBe(expected);
        for (const t of dataset.tickets) Ticket.parse(t);

        for (const clock of ["calendar", "business"] as const) {
          const report = await computeKpis(dir, {clock, by: clock === "business" ? "channel" : undefined});
          expect(numbers(report).filter((n) => !Number.isFinite(n))).toEqual([]);
          expect(formatReport(report)).not.toMatch(/NaN|Infinity/);
        }
        const placed = await placeDataset(dir);
        expect(numbers(placed).filter((n) => !Number.isFinite(n))).toEqual([]);
        const env = {SERVICEBENCH_DATA: dir};
        const site = await siteKpis(env);
        expect(numbers(site).filter((n) => !Number.isFinite(n))).toEqual([]);
        expect((await sitePlacement(env)).archetype).toBeTruthy();
      }),
      {numRuns: 8, seed: 15},
    );
  });
});
