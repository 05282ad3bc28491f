import {readdirSync} from "node:fs";
import {describe, expect, it} from "vitest";
import {at, fixture, FIXTURES, HAVE_FIXTURES, run} from "../ingest/helpers.ts";

const min = (from: string, to: string) => (at(to) - at(from)) / 60_000;

// Small consistent Intercom tables in Fivetran's layout: one row per version.
const H =
  "id,updated_at,_fivetran_synced,created_at,state,source_type,source_delivered_as,priority,assignee_id,assignee_type," +
  "conversation_rating_value,conversation_rating_remark,conversation_rating_created_at,first_contact_reply_created_at,_fivetran_active\n";
const TABLES = {
  "conversation_history.csv":
    H +
    "c1,2024-03-01 10:05:00,s,2024-03-01 10:00:00,open,conversation,customer_initiated,not_priority,7,admin,,,,2024-03-01 10:00:00,false\n" +
    "c1,2024-03-01 12:00:00,s,2024-03-01 10:00:00,closed,conversation,customer_initiated,not_priority,7,admin,,,,2024-03-01 10:00:00,false\n" +
    "c1,2024-03-02 09:00:00,s,2024-03-01 10:00:00,open,conversation,customer_initiated,not_priority,7,admin,,,,2024-03-01 10:00:00,false\n" +
    "c1,2024-03-02 10:00:00,s,2024-03-01 10:00:00,closed,conversation,customer_initiated,priority,7,admin,5,thanks,2024-03-02 11:00:00,2024-03-01 10:00:00,true\n" +
    "c2,2024-03-03 08:00:00,s,2024-03-03 08:00:00,open,email,customer_initiated,,,,,,,2024-03-03 08:00:00,true\n" +
    "c3,2024-03-03 09:00:00,s,2024-03-03 09:00:00,open,email,admin_initiated,,,,,,,,true\n",
  "conversation_part_history.csv":
    "id,updated_at,_fivetran_synced,author_id,author_type,conversation_id,created_at,part_type,body,_fivetran_active\n" +
    "p1,2024-03-01 10:01:00,s,u1,user,c1,2024-03-01 10:01:00,comment,b,true\n" +
    "p2,2024-03-01 10:10:00,s,7,admin,c1,2024-03-01 10:10:00,note,b,true\n" + // private note
    "p3,2024-03-01 10:12:00,s,b1,bot,c1,2024-03-01 10:12:00,comment,b,true\n" + // a bot, not a teammate
    "p4,2024-03-01 10:30:00,s,7,admin,c1,2024-03-01 10:30:00,comment,b,false\n" + // older version of p4
    "p4,2024-03-01 10:31:00,s,7,admin,c1,2024-03-01 10:30:00,comment,b,true\n" +
    "p5,2024-03-01 12:00:00,s,7,admin,c1,2024-03-01 12:00:00,close,,true\n" +
    "p6,2024-03-02 09:30:00,s,7,admin,c1,2024-03-02 09:30:00,comment,b,true\n" +
    "p7,2024-03-03 09:00:00,s,7,admin,c3,2024-03-03 09:00:00,comment,b,true\n" +
    "p8,2024-03-03 09:00:00,s,7,admin,c99,2024-03-03 09:00:00,comment,b,true\n",
};

describe("warehouse tables (Fivetran Intercom layout)", () => {
  it("reads the latest version, a teammate's first reply, closes and reopens, computed by hand", async () => {
    const r = await run(TABLES);
    const byId = new Map(r.tickets.map((t) => [t.ticket_id, t]));
    expect([...byId.keys()].sort()).toEqual(["c1", "c2"]);
    const c1 = byId.get("c1")!;
    // p4 (admin comment, 10:30) is the first teammate reply; p6 the second.
    expect(c1.first_reply_minutes).toBe(30);
    expect(c1.replies).toBe(2);
    // Closed 12:00 on day 1, reopened 09:00 on day 2, closed again at 10:00.
    expect(c1.reopens).toBe(1);
    expect(c1.first_resolution_minutes).toBe(min("2024-03-01T10:00:00Z", "2024-03-01T12:00:00Z"));
    expect(c1.solved_at).toBe(at("2024-03-02T10:00:00Z"));
    expect(c1.full_resolution_minutes).toBe(min("2024-03-01T10:00:00Z", "2024-03-02T10:00:00Z"));
    expect(c1).toMatchObject({status: "solved", channel: "chat", priority: "high", satisfaction: "good"});
    // No wait times in these tables: unknown, not 0.
    expect(c1.requester_wait_minutes).toBeNull();
    // c2 has no part in the parts table: its first reply and replies are unknown.
    expect(byId.get("c2")).toMatchObject({first_reply_minutes: null, replies: null, channel: "email"});
    expect(r.responses).toMatchObject([
      {response_id: "intercom-c1", score: 5, scale_max: 5, comment: "thanks"},
    ]);
  });

  it("counts older versions as duplicates and leaves out outbound conversations and their parts", async () => {
    const r = await run(TABLES);
    const [history, parts] = r.manifest.files;
    expect(history).toMatchObject({rows_read: 6, accepted: 2, duplicates: 3, rejected: 1});
    expect(history!.excluded).toEqual({"outbound (admin-initiated) conversation": 1});
    expect(parts).toMatchObject({rows_read: 9, accepted: 6, duplicates: 1, rejected: 2});
    expect(parts!.excluded).toEqual({
      "part of a left-out conversation (outbound (admin-initiated) conversation)": 1,
      "part of a conversation not in the input": 1,
    });
    expect(r.problems).toEqual([]);
  });
});

describe.skipIf(!HAVE_FIXTURES)("Fivetran dbt_intercom seeds (real layout)", () => {
  it("the folder ingests as one export: 2 conversations, latest versions, first reply unknown", async () => {
    const dir = "intercom-dbt-fivetran/";
    const files = Object.fromEntries(readdirSync(FIXTURES + dir).map((f) => [dir + f, fixture(dir + f)]));
    const r = await run(files);
    expect(r.problems).toEqual([]);
    expect(r.tickets.map((t) => t.ticket_id).sort()).toEqual(["156643300001311", "156643300001372"]);
    // Latest versions: both closed (the `_fivetran_active` rows).
    expect(r.tickets.every((t) => t.status === "solved")).toBe(true);
    // No teammate comment exists: the contact's first message is never taken for a reply.
    expect(r.tickets.every((t) => t.first_reply_minutes === null)).toBe(true);
    expect(r.manifest.files[0]).toMatchObject({rows_read: 9, accepted: 2, duplicates: 7});
  });
});
