/**
 * Ranges checked at the door (issue 15): every numeric field has a documented range
 * (loaders/schema/ranges.ts), and a value outside is rejected with file, line, field and reason
 * by both engines, never written for a later command to choke on.
 */
import {describe, expect, it} from "vitest";
import {checkTicket, newTicket} from "../../loaders/formats/common.ts";
import {MAX_COUNT, MAX_DURATION_MINUTES} from "../../loaders/schema/ranges.ts";
import {Ticket} from "../../loaders/schema/index.ts";
import {run, NOW} from "../ingest/helpers.ts";

const ctx = {file: "t.csv", orgId: "o"} as Parameters<typeof newTicket>[0];
const ticket = (patch: Partial<Ticket>) => ({...newTicket(ctx, "1", Date.UTC(2024, 0, 1), 2), ...patch});

describe("ranges", () => {
  it("are 10 years of minutes, 2^31 - 1 replies, and 1970 on", () => {
    expect(MAX_DURATION_MINUTES).toBe(5_259_600);
    expect(MAX_COUNT).toBe(2_147_483_647);
  });

  it("checkTicket keeps the edges and rejects one step past them", () => {
    expect(
      checkTicket(ticket({first_reply_minutes: 5_259_600, replies: 2_147_483_647, created_at: 0}), NOW),
    ).toBeNull();
    expect(checkTicket(ticket({agent_wait_minutes_business: 5_259_600.5}), NOW)).toEqual({
      field: "agent_wait_minutes_business",
      reason: "duration out of range (5259600.5 minutes): at most 5259600 (10 years); check the unit",
    });
    expect(checkTicket(ticket({reopens: 2_147_483_648}), NOW)).toEqual({
      field: "reopens",
      reason: "count out of range (2147483648): at most 2147483647",
    });
    expect(checkTicket(ticket({created_at: -1}), NOW)?.reason).toBe(
      "date before 1970 (1969-12-31): out of range",
    );
    expect(checkTicket(ticket({updated_at: -86_400_000}), NOW)?.field).toBe("updated_at");
  });

  it("the schemas hold the same ranges", () => {
    expect(Ticket.safeParse(ticket({first_reply_minutes: 2e11})).success).toBe(false);
    expect(Ticket.safeParse(ticket({replies: 2 ** 31})).success).toBe(false);
    expect(Ticket.safeParse(ticket({created_at: -1})).success).toBe(false);
    expect(Ticket.safeParse(ticket({first_reply_minutes: 5_259_600, replies: 2 ** 31 - 1})).success).toBe(
      true,
    );
  });

  it("a JSON metric of 1e308 minutes or 2^32 replies is rejected with its line, not written", async () => {
    const r = await run({
      "z.json": JSON.stringify({
        tickets: [
          {id: 1, created_at: "2024-03-01T10:00:00Z", status: "open"},
          {id: 2, created_at: "2024-03-01T10:00:00Z", status: "open"},
        ],
        metric_sets: [
          {ticket_id: 1, reply_time_in_minutes: {calendar: 1e308}},
          {ticket_id: 2, replies: 4294967296},
        ],
      }),
    });
    expect(r.problems).toEqual([
      "z.json:1: first_reply_minutes: duration out of range (1e+308 minutes): at most 5259600 (10 years); check the unit",
      "z.json:1: replies: count out of range (4294967296): at most 2147483647",
    ]);
    expect(r.tickets.map((t) => [t.first_reply_minutes, t.replies])).toEqual([
      [null, null],
      [null, null],
    ]);
  });

  it("survey responses from 1970 on, on a scale whose minimum is below its maximum", async () => {
    const mapping = {
      format: "survey-csv",
      kind: "csat",
      scale: [1, 1],
      columns: {score: "Q1", responded_at: "At", response_id: "Id"},
    };
    const r = await run({"s.csv": "Q1,At,Id\n1,2024-03-01 10:00:00,a\n"}, {mapping});
    expect(r.problems).toEqual(["s.csv:2: score: empty scale 1..1: its minimum must be below its maximum"]);
    const old = await run({
      "d.csv": "Response ID,Score,Response timestamp,Person ID\n1,9,1960-01-01 10:00:00,p\n",
    });
    expect(old.problems).toEqual(["d.csv:2: responded_at: date before 1970 (1960-01-01): out of range"]);
  });
});
