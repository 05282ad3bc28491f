// Ticket ids above 2^53 written without quotes were read as JavaScript numbers: 9007199254740993
// became 9007199254740992 and two tickets merged into one "duplicate". Ids are now read as
// their exact digits, in every JSON adapter (they all read through the one JSON parse).
import {describe, expect, it} from "vitest";
import {parseJsonExactIds, quoteLongIds} from "../../loaders/text/json-ids.ts";
import {run} from "../ingest/helpers.ts";

const A = "9007199254740993"; // 2^53 + 1: rounds to 2^53 as a number
const B = "9007199254740992"; // 2^53

/** JSON text with `"@x@"` placeholders replaced by bare digits. */
const bare = (o: unknown) => JSON.stringify(o).replace(/"@(\d+)@"/g, "$1");

const zd = (id: string, extra: object = {}) => ({
  id: `@${id}@`,
  created_at: "2024-03-01T10:00:00Z",
  updated_at: "2024-03-02T10:00:00Z",
  status: "open",
  via: {channel: "web"},
  ...extra,
});

describe("JSON ids past 2^53", () => {
  it("Zendesk tickets keep their exact ids and do not merge", async () => {
    const r = await run({"t.json": bare({tickets: [zd(A), zd(B)]})});
    expect(r.tickets.map((t) => t.ticket_id)).toEqual([A, B]);
    expect(r.manifest.files[0]).toMatchObject({rows_read: 2, accepted: 2, duplicates: 0});
  });

  it("Zendesk merged_ticket_ids and ticket_metrics name the exact ticket", async () => {
    const r = await run({
      "t.json": bare({tickets: [zd(A), zd(B, {merged_ticket_ids: [`@${A}@`]})]}),
    });
    expect(r.tickets.map((t) => t.ticket_id)).toEqual([B]);
    expect(r.manifest.files[0]!.excluded).toEqual({"merged ticket": 1});
    const m = await run({
      "t.json": bare({tickets: [zd(A), zd(B)]}),
      "m.json": bare({
        ticket_metrics: [
          {
            id: 1,
            ticket_id: `@${A}@`,
            reply_time_in_minutes: {calendar: 7},
            updated_at: "2024-03-02T10:00:00Z",
          },
        ],
      }),
    });
    expect(m.tickets.find((t) => t.ticket_id === A)?.first_reply_minutes).toBe(7);
    expect(m.tickets.find((t) => t.ticket_id === B)?.first_reply_minutes).toBeNull();
  });

  it("Freshdesk tickets keep their exact ids", async () => {
    const fd = (id: string) => ({
      id: `@${id}@`,
      created_at: "2024-05-01T08:00:00Z",
      updated_at: "2024-05-02T08:00:00Z",
      status: 2,
      priority: 2,
      source: 1,
      spam: false,
      stats: {first_responded_at: null, resolved_at: null, closed_at: null, reopened_at: null},
    });
    const r = await run({"fd.json": bare([fd(A), fd(B)])});
    expect(r.problems).toEqual([]);
    expect(r.tickets.map((t) => t.ticket_id)).toEqual([A, B]);
  });

  it("Intercom conversations keep their exact ids", async () => {
    const conv = (id: string) => ({
      type: "conversation",
      id: `@${id}@`,
      created_at: 1714550400,
      updated_at: 1714560000,
      state: "open",
      source: {type: "conversation", delivered_as: "customer_initiated"},
    });
    const r = await run({"c.json": bare({type: "conversation.list", conversations: [conv(A), conv(B)]})});
    expect(r.problems).toEqual([]);
    expect(r.tickets.map((t) => t.ticket_id)).toEqual([A, B]);
  });
});

describe("quoteLongIds", () => {
  it("quotes unsafe integers under id keys only", () => {
    expect(
      quoteLongIds(`{"id":${A},"count":${A},"user_id":-${A},"ids":[${A},1],"x":{"group_id":${B}}}`),
    ).toBe(`{"id":"${A}","count":${A},"user_id":"-${A}","ids":["${A}",1],"x":{"group_id":"${B}"}}`);
  });

  it("leaves safe integers, decimals and strings alone", () => {
    const text = `{"id":9007199254740991,"ticket_id":1.5e20,"subject":"id: ${A}","via_id":"${A}"}`;
    expect(quoteLongIds(text)).toBe(text);
    expect(parseJsonExactIds(text)).toEqual({
      id: 9007199254740991,
      ticket_id: 1.5e20,
      subject: `id: ${A}`,
      via_id: A,
    });
  });
});
