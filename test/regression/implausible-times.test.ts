/**
 * Rows whose times contradict each other are kept but never silent: each is in rejects.csv with
 * severity "warning" and its reason, counted per file in the summary, and a file where more than
 * PLAUSIBLE_FILE_SHARE of the kept tickets contradict themselves gets a warning line.
 */
import {describe, expect, it} from "vitest";
import {PLAUSIBLE_FILE_SHARE} from "../../loaders/formats/common.ts";
import {formatSummary} from "../../loaders/node/ingest-summary.ts";
import {run} from "../ingest/helpers.ts";
import {zendeskCsv, type ZendeskRow} from "../node/engine-inputs.ts";

/** `n` plain solved tickets (15 min to reply, 120 to resolve), then the odd ones. */
function tickets(n: number, odd: ZendeskRow[]): string {
  const plain = Array.from({length: n}, (_, i): ZendeskRow => ({Id: String(i + 1)}));
  return zendeskCsv([...plain, ...odd.map((o, i) => ({Id: String(n + i + 1), ...o}))]);
}

const REPLY_AFTER_RESOLUTION: ZendeskRow = {"First reply time in minutes": "500"};
const SIX_YEARS: ZendeskRow = {"Requester wait time in minutes": String(6 * 365 * 1440)};
const SOLVED_SIX_YEARS_LATER: ZendeskRow = {
  "Solved at": "2030-05-01 12:00:00",
  "Updated at": "2030-05-01 12:00:00",
};

describe("times that contradict each other", () => {
  it("are kept, in rejects with severity warning and a reason, and counted in the summary", async () => {
    const r = await run(
      {"t.csv": tickets(2, [REPLY_AFTER_RESOLUTION, SIX_YEARS, SOLVED_SIX_YEARS_LATER])},
      {now: Date.UTC(2031, 0, 1)},
    );
    expect(r.tickets).toHaveLength(5);
    expect(r.manifest.files[0]).toMatchObject({rows_read: 5, accepted: 5, rejected: 0});
    const warned = r.rejects.filter((x) => x.severity === "warning");
    expect(warned.map((w) => [w.line, w.field])).toEqual([
      [4, "first_reply_minutes"],
      [5, "requester_wait_minutes"],
      [6, "solved_at"],
    ]);
    expect(warned[0]!.reason).toBe(
      "first reply (500 min) after the resolution (120 min): kept, times contradict each other",
    );
    // 6 x 365 days in 365.25-day years.
    expect(warned[1]!.reason).toBe(
      `duration over 5 years (${Math.round(60 * (365 / 365.25)) / 10} years): kept, check the unit`,
    );
    expect(warned[0]!.excerpt).toMatch(/^,3,/);
    const table = formatSummary(r.manifest, r.rejects).split("\n");
    expect(table[0]).toMatch(/excluded\s+warnings\s+lines$/);
    // A header and 5 rows: 6 physical lines, counted apart from the parse.
    expect(table[1]).toMatch(/^t\.csv\s+zendesk-csv\s+5\s+5\s+0\s+0\s+0\s+3\s+6$/);
  });

  it(`a file above ${PLAUSIBLE_FILE_SHARE * 100} % of contradicting tickets gets a warning line, one below does not`, async () => {
    // 1 of 100 is under the share, 3 of 100 above it.
    const few = await run({"few.csv": tickets(99, [REPLY_AFTER_RESOLUTION])});
    expect(few.rejects.filter((x) => x.severity === "warning")).toHaveLength(1);
    expect(few.warnings.filter((w) => w.includes("contradict"))).toEqual([]);
    const many = await run({
      "many.csv": tickets(97, [REPLY_AFTER_RESOLUTION, REPLY_AFTER_RESOLUTION, SIX_YEARS]),
    });
    expect(many.warnings.filter((w) => w.includes("contradict"))).toEqual([
      "many.csv:0: rows: 3 of 100 kept tickets (3 %) have times that contradict each other, above 2 %: " +
        "check the columns, units and time zone (rows in rejects.csv, severity warning)",
    ]);
  });

  it("a first reply at the resolution, or a minute after it (rounding), is not a contradiction", async () => {
    const r = await run({
      "t.csv": tickets(0, [{"First reply time in minutes": "120"}, {"First reply time in minutes": "121"}]),
    });
    expect(r.rejects).toEqual([]);
  });
});
