import {describe, expect, it} from "vitest";
import {digitalShift} from "../../loaders/metrics/digital-shift.ts";

const channels = [
  {channel: "phone", contacts_per_month: 1000, cost_per_contact: 6, first_reply_p50: 1},
  {channel: "chat", contacts_per_month: 500, cost_per_contact: 3, first_reply_p50: 2},
  {channel: "email", contacts_per_month: 500, cost_per_contact: 4, first_reply_p50: 600},
];

describe("the digital-shift scenario", () => {
  it("moves a share of one channel to another and to self-service, at each channel's cost per contact", () => {
    const r = digitalShift(channels, {from: "phone", to: "chat", share: 0.2, self_service: 0.5});
    // Before: 1000*6 + 500*3 + 500*4 = 9,500. 200 phone contacts move: 100 to chat, 100 answered by
    // self-service. After: 800*6 + 600*3 + 500*4 = 8,600.
    expect(r.moved_per_month).toBe(200);
    expect(r.cost_before).toBe(9500);
    expect(r.cost_after).toBe(8600);
    // First reply, contact-weighted: before (1000*1 + 500*2 + 500*600) / 2000 = 151;
    // after (800*1 + 600*2 + 500*600) / 1900 = 302000 / 1900.
    expect(r.first_reply_before).toBe(151);
    expect(r.first_reply_after).toBeCloseTo(302000 / 1900, 12);
    expect(r.missing).toEqual([]);
  });

  it("gives no cost when a channel's cost is unknown, and says why", () => {
    const r = digitalShift([
      ...channels,
      {channel: "web", contacts_per_month: 10, cost_per_contact: null, first_reply_p50: 5},
    ]);
    expect(r.cost_before).toBeNull();
    expect(r.cost_after).toBeNull();
    expect(r.missing).toContain("a channel's cost was not entered");
  });

  it("moves nothing when the organisation has no contacts on the channel to move from", () => {
    const r = digitalShift(channels.filter((c) => c.channel !== "phone"));
    expect(r.moved_per_month).toBe(0);
    expect(r.cost_after).toBeNull();
    expect(r.missing).toContain("no phone contacts");
  });
});
