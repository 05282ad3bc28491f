import {readdirSync} from "node:fs";
import {describe, expect, it} from "vitest";
import {statusTimeline} from "../../loaders/formats/warehouse/timeline.ts";
import {at, fixture, FIXTURES, HAVE_FIXTURES, run} from "../ingest/helpers.ts";

const min = (from: string, to: string) => (at(to) - at(from)) / 60_000;

// Small consistent Zendesk tables in Fivetran's layout (times in UTC, no zone marker).
const TABLES = {
  "ticket.csv":
    "id,_fivetran_synced,created_at,updated_at,status,via_channel,priority,type,group_id,assignee_id,requester_id,submitter_id,merged_ticket_ids\n" +
    "1,2024-02-01 00:00:00,2024-01-01 09:00:00,2024-01-03 12:00:00,closed,email,normal,question,10,100,200,200,[]\n" +
    "2,2024-02-01 00:00:00,2024-01-02 10:00:00,2024-01-02 12:00:00,open,web,,,,,201,100,[]\n" +
    "3,2024-02-01 00:00:00,2024-01-02 11:00:00,2024-01-02 11:30:00,deleted,email,,,,,200,200,[]\n",
  "user.csv":
    "id,_fivetran_synced,role,name,ticket_restriction,updated_at\n" +
    "100,2024-02-01 00:00:00,agent,Ann Agent,,2023-01-01 00:00:00\n" +
    "101,2024-02-01 00:00:00,admin,Al Admin,,2023-01-01 00:00:00\n" +
    "200,2024-02-01 00:00:00,end-user,Eve,requested,2023-01-01 00:00:00\n" +
    "201,2024-02-01 00:00:00,end-user,Ed,requested,2023-01-01 00:00:00\n",
  "ticket_comment.csv":
    "id,_fivetran_synced,body,created,public,ticket_id,user_id\n" +
    "c1,2024-02-01 00:00:00,help,2024-01-01 09:00:00,TRUE,1,200\n" + // the request itself
    "c2,2024-02-01 00:00:00,note,2024-01-01 09:30:00,FALSE,1,100\n" + // private note: not a reply
    "c3,2024-02-01 00:00:00,hi,2024-01-01 09:45:00,TRUE,1,101\n" + // admin: first reply
    "c4,2024-02-01 00:00:00,thanks,2024-01-01 10:00:00,TRUE,1,200\n" +
    "c5,2024-02-01 00:00:00,done,2024-01-01 11:00:00,TRUE,1,100\n" +
    "c6,2024-02-01 00:00:00,opened for Ed,2024-01-02 10:00:00,TRUE,2,100\n" + // agent typed the request
    "c7,2024-02-01 00:00:00,more,2024-01-02 10:20:00,TRUE,2,201\n" +
    "c8,2024-02-01 00:00:00,answer,2024-01-02 12:00:00,TRUE,2,100\n" +
    "c9,2024-02-01 00:00:00,gone,2024-01-02 11:00:00,TRUE,3,200\n" +
    "c10,2024-02-01 00:00:00,other,2024-01-02 11:00:00,TRUE,99,200\n",
  "ticket_field_history.csv":
    "field_name,ticket_id,updated,_fivetran_synced,user_id,value\n" +
    "status,1,2024-01-01 09:00:00,2024-02-01 00:00:00,,new\n" +
    "status,1,2024-01-01 09:45:00,2024-02-01 00:00:00,,open\n" +
    "priority,1,2024-01-01 09:45:00,2024-02-01 00:00:00,,normal\n" +
    "status,1,2024-01-01 11:00:00,2024-02-01 00:00:00,,pending\n" +
    "status,1,2024-01-01 13:00:00,2024-02-01 00:00:00,,solved\n" +
    "status,1,2024-01-02 9:00:00,2024-02-01 00:00:00,,open\n" + // one-digit hour, as Fivetran writes
    "status,1,2024-01-02 10:00:00,2024-02-01 00:00:00,,on-hold\n" +
    "status,1,2024-01-02 12:00:00,2024-02-01 00:00:00,,solved\n" +
    "status,1,2024-01-03 12:00:00,2024-02-01 00:00:00,,closed\n" +
    "status,2,2024-01-02 10:00:00,2024-02-01 00:00:00,,new\n" +
    "status,2,2024-01-02 10:20:00,2024-02-01 00:00:00,,open\n" +
    "status,3,2024-01-02 11:30:00,2024-02-01 00:00:00,,deleted\n",
  "satisfaction_rating.csv":
    "id,_fivetran_synced,assignee_id,comment,created_at,group_id,reason,requester_id,score,ticket_id,updated_at,url\n" +
    "r1,2024-02-01 00:00:00,100,,2024-01-02 12:00:00,10,,200,offered,1,2024-01-02 12:00:00,u\n" +
    "r1,2024-02-01 00:00:00,100,great,2024-01-02 12:00:00,10,,200,good,1,2024-01-03 08:00:00,u\n" +
    "r2,2024-02-01 00:00:00,100,slow,2024-01-02 13:00:00,10,,201,bad,2,2024-01-02 13:00:00,u\n" +
    "r3,2024-02-01 00:00:00,100,x,2024-01-02 13:00:00,10,,201,bae60998ffe4923b131e3d6e4c19993e,2,2024-01-02 13:00:00,u\n",
  "schedule.csv":
    "end_time,id,start_time,_fivetran_deleted,_fivetran_synced,end_time_utc,name,start_time_utc,time_zone,created_at\n" +
    "8400,1,7680,FALSE,2024-02-01 00:00:00,8820,S,8100,UTC,2019-11-18 20:23:34\n",
};

describe("warehouse tables (Fivetran Zendesk layout)", () => {
  it("derives first reply, resolution, reopens, waits and CSAT computed by hand", async () => {
    const r = await run(TABLES);
    const byId = new Map(r.tickets.map((t) => [t.ticket_id, t]));
    expect([...byId.keys()].sort()).toEqual(["1", "2"]);
    const t1 = byId.get("1")!;
    // First public comment by an agent or admin after the request: c3 at 09:45.
    expect(t1.first_reply_minutes).toBe(min("2024-01-01T09:00:00Z", "2024-01-01T09:45:00Z"));
    expect(t1.replies).toBe(2); // c3 and c5; c2 is private, c1 and c4 are the requester's
    // Solved at 13:00, reopened the next day at 09:00, solved again at 12:00.
    expect(t1.reopens).toBe(1);
    expect(t1.first_resolution_minutes).toBe(min("2024-01-01T09:00:00Z", "2024-01-01T13:00:00Z"));
    expect(t1.solved_at).toBe(at("2024-01-02T12:00:00Z"));
    expect(t1.full_resolution_minutes).toBe(min("2024-01-01T09:00:00Z", "2024-01-02T12:00:00Z"));
    // new 09:00-09:45, open 09:45-11:00, then open 09:00-10:00 and hold 10:00-12:00 on day 2.
    expect(t1.requester_wait_minutes).toBe(45 + 75 + 60 + 120);
    expect(t1.agent_wait_minutes).toBe(120); // pending 11:00-13:00
    expect(t1).toMatchObject({
      status: "closed",
      channel: "email",
      priority: "normal",
      type: "question",
      group: "10",
    });
    expect(t1.satisfaction).toBe("good");

    const t2 = byId.get("2")!;
    // The agent typed the request (c6, at creation): the reply is c8, two hours later.
    expect(t2.first_reply_minutes).toBe(120);
    expect(t2.replies).toBe(1);
    expect(t2).toMatchObject({status: "open", solved_at: null, full_resolution_minutes: null, reopens: 0});
    // Still open: its waits are still counting, so unknown.
    expect(t2.requester_wait_minutes).toBeNull();
    expect(t2.satisfaction).toBe("bad");

    // CSAT: good / (good + bad) = 1 / 2.
    const csat = r.responses.filter((x) => x.kind === "csat");
    expect(csat.map((x) => x.score).sort()).toEqual([0, 1]);
    expect(csat.reduce((a, x) => a + x.score, 0) / csat.length).toBe(0.5);
  });

  it("accounts for every row: used, duplicate, excluded or rejected with a reason", async () => {
    const r = await run(TABLES);
    const file = (name: string) => r.manifest.files.find((f) => f.file === name)!;
    expect(file("ticket.csv")).toMatchObject({
      rows_read: 3,
      accepted: 2,
      rejected: 1,
      excluded: {"deleted ticket": 1},
    });
    expect(file("ticket_comment.csv")).toMatchObject({
      rows_read: 10,
      accepted: 8,
      excluded: {
        "comment of a ticket not in the input": 1,
        "comment of a left-out ticket (deleted ticket)": 1,
      },
    });
    expect(file("ticket_field_history.csv")).toMatchObject({rows_read: 12, accepted: 10, rejected: 2});
    expect(file("user.csv")).toMatchObject({rows_read: 4, accepted: 4});
    expect(file("satisfaction_rating.csv")).toMatchObject({
      rows_read: 4,
      accepted: 2,
      rejected: 1,
      duplicates: 1,
    });
    expect(file("schedule.csv")).toMatchObject({rows_read: 0, content: expect.stringMatching(/^not used/)});
    expect(r.problems).toEqual([
      expect.stringMatching(/satisfaction_rating\.csv:5: score: unknown or hashed score/),
    ]);
    expect(r.manifest.files.every((f) => f.format === "warehouse-zendesk")).toBe(true);
  });

  it("without a user table, replies stay unknown rather than 0", async () => {
    const {"user.csv": _users, ...rest} = TABLES;
    const r = await run(rest);
    expect(r.tickets.every((t) => t.first_reply_minutes === null && t.replies === null)).toBe(true);
    expect(r.warnings.join("\n")).toMatch(/no user table/);
  });

  it("without comments or history, the figures they give stay unknown", async () => {
    const r = await run({"ticket.csv": TABLES["ticket.csv"]});
    for (const t of r.tickets)
      expect(t).toMatchObject({first_reply_minutes: null, replies: null, reopens: null, solved_at: null});
  });

  it("status timeline: a ticket solved at once has no wait in new past its solve", () => {
    const created = at("2024-01-01T00:00:00Z");
    const tl = statusTimeline(created, [{at: created + 600_000, status: "solved"}]);
    expect(tl).toMatchObject({firstSolvedAt: created + 600_000, solvedAt: created + 600_000, reopens: 0});
    expect(tl.requesterWait).toBe(10);
  });
});

describe.skipIf(!HAVE_FIXTURES)("Fivetran dbt_zendesk seeds (real layout)", () => {
  it("the folder ingests as one export: 8 tickets after the 2 deleted, hashed ratings rejected", async () => {
    const dir = "zendesk-dbt-fivetran/";
    const files = Object.fromEntries(readdirSync(FIXTURES + dir).map((f) => [dir + f, fixture(dir + f)]));
    const r = await run(files);
    expect(r.tickets).toHaveLength(8);
    expect(r.manifest.files.find((f) => f.file.endsWith("ticket_data.csv"))).toMatchObject({
      accepted: 8,
      excluded: {"deleted ticket": 2},
    });
    expect(r.manifest.files.find((f) => f.file.endsWith("schedule_data.csv"))?.content).toMatch(/^not used/);
    // The seed's comments belong to other tickets: no reply can be told, so none is invented.
    expect(r.tickets.every((t) => t.replies === null && t.first_reply_minutes === null)).toBe(true);
    // Ticket 11071 has a status history: solved 2020-11-14 11:01:27.
    expect(r.tickets.find((t) => t.ticket_id === "11071")?.solved_at).toBe(at("2020-11-14T11:01:27Z"));
    expect(r.responses).toEqual([]);
    expect(
      r.problems.every((p) => /satisfaction_rating_data\.csv:\d+: score: unknown or hashed/.test(p)),
    ).toBe(true);
  });
});
