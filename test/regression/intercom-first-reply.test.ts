// Intercom's `first_contact_reply_created_at` (Fivetran) and `statistics.first_contact_reply_at`
// (API) are the time of the contact's first message, not a teammate's reply. Read as a first
// reply they gave 0-minute first replies. The teammate's first reply is `first_admin_reply_at` /
// `time_to_admin_reply`, or the first admin comment part; without one it is unknown (null).
import {describe, expect, it} from "vitest";
import {run} from "../ingest/helpers.ts";

const CREATED = 1714550400; // 2024-05-01T08:00:00Z, Unix seconds

describe("Intercom first reply is a teammate's reply, never the contact's first message", () => {
  it("API JSON: first_contact_reply_at alone leaves the first reply unknown", async () => {
    const conversation = (statistics: object) => ({
      type: "conversation",
      id: "1",
      created_at: CREATED,
      state: "open",
      source: {type: "conversation", delivered_as: "customer_initiated"},
      statistics,
    });
    const contactOnly = await run({
      "c.json": JSON.stringify(conversation({first_contact_reply_at: CREATED + 30})),
    });
    expect(contactOnly.tickets[0]!.first_reply_minutes).toBeNull();
    const admin = await run({
      "c.json": JSON.stringify(
        conversation({first_contact_reply_at: CREATED, first_admin_reply_at: CREATED + 15 * 60}),
      ),
    });
    expect(admin.tickets[0]!.first_reply_minutes).toBe(15);
  });

  it("flat CSV: first_contact_reply_created_at is not read; statistics_time_to_admin_reply (seconds) is", async () => {
    const header =
      "id,created_at,state,source_type,source_delivered_as,first_contact_reply_created_at,conversation_rating_value";
    const contactOnly = await run({
      "c.csv": `${header}\n1,${CREATED},open,email,customer_initiated,${CREATED + 600},\n`,
    });
    expect(contactOnly.manifest.files[0]!.format).toBe("intercom-csv");
    expect(contactOnly.tickets[0]!.first_reply_minutes).toBeNull();
    const admin = await run({
      "c.csv": `${header},statistics_time_to_admin_reply\n1,${CREATED},open,email,customer_initiated,${CREATED},,1200\n`,
    });
    expect(admin.tickets[0]!.first_reply_minutes).toBe(20); // 1200 s
  });

  it("Fivetran tables: only an admin comment part is a reply; without one the first reply is null", async () => {
    const history =
      "id,updated_at,_fivetran_synced,created_at,state,source_type,source_delivered_as,first_contact_reply_created_at,_fivetran_active\n" +
      "1,2024-05-01 09:00:00,s,2024-05-01 08:00:00,open,conversation,customer_initiated,2024-05-01 08:00:00,true\n";
    const parts =
      "id,updated_at,_fivetran_synced,author_type,conversation_id,created_at,part_type,_fivetran_active\n" +
      "p1,2024-05-01 08:05:00,s,user,1,2024-05-01 08:05:00,comment,true\n" +
      "p2,2024-05-01 08:07:00,s,admin,1,2024-05-01 08:07:00,note,true\n";
    const none = await run({"conversation_history.csv": history, "conversation_part_history.csv": parts});
    expect(none.tickets[0]!.first_reply_minutes).toBeNull();
    const reply = await run({
      "conversation_history.csv": history,
      "conversation_part_history.csv":
        parts + "p3,2024-05-01 08:45:00,s,admin,1,2024-05-01 08:45:00,comment,true\n",
    });
    expect(reply.tickets[0]!.first_reply_minutes).toBe(45);
  });
});
