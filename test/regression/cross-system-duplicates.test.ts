/**
 * Ids are unique within one source system only. A folder holding a Freshdesk export and a
 * helpdesk's event log once lost case 21 as a "duplicate" of Freshdesk ticket 21; now every row is
 * kept, the two systems' tickets are stored as `system:id`, and files of one account (pages of
 * an incremental export) still de-duplicate.
 */
import {describe, expect, it} from "vitest";
import {run} from "../ingest/helpers.ts";
import {csvText, FRESHDESK_HEADER, zendeskCsv} from "../node/engine-inputs.ts";

const freshdesk = (ids: string[]) =>
  csvText(
    FRESHDESK_HEADER,
    ids.map((id) => [id, "Printer", "Resolved", "Medium", "Email", "", "Ann", "", "2024-05-01 10:00:00", "2024-05-02 10:00:00", "2024-05-01 12:00:00", "", "", "", "", "", "", "", "", "false", "false"]), // prettier-ignore
  );

const EVENTS = [
  "Case,Activity,When,Resource",
  "21,Opened,2024-05-03 09:00:00,",
  "21,Agent reply,2024-05-03 09:30:00,Bob",
  "21,Resolved,2024-05-03 11:00:00,Bob",
].join("\n");

const EVENT_MAPPING = {
  format: "event-log",
  columns: {ticket_id: "Case", activity: "Activity", timestamp: "When", agent: "Resource"},
  activities: {created: ["Opened"], first_reply: ["Agent reply"], solved: ["Resolved"]},
};

const SURVEY = ["Response ID,Score,Comment,Response timestamp,Ticket ID", "r1,9,,2024-05-04 10:00:00,21", "r2,7,,2024-05-04 10:00:00,22"].join("\n"); // prettier-ignore

describe("de-duplication never crosses source systems", () => {
  it("a Freshdesk ticket and an event-log case with the same id are two tickets", async () => {
    // The event-log mapping is given for the whole folder: the Freshdesk file, which it does not
    // fit, is read by detection.
    const r = await run(
      {"freshdesk.csv": freshdesk(["21", "22"]), "events.csv": EVENTS},
      {mapping: EVENT_MAPPING},
    );
    expect(r.problems).toEqual([]);
    expect(r.manifest.files.map((f) => f.format)).toEqual(["freshdesk-csv", "event-log"]);
    expect(r.manifest.totals.duplicates).toBe(0);
    expect(r.tickets.map((t) => t.ticket_id).sort()).toEqual(["events:21", "freshdesk:21", "freshdesk:22"]);
    // The case's own times, not the Freshdesk ticket's: 30 minutes to the first reply.
    expect(r.tickets.find((t) => t.ticket_id === "events:21")!.first_reply_minutes).toBe(30);
  });

  it("a survey links to the one system holding the id, and is left unlinked when two do", async () => {
    const r = await run(
      {"freshdesk.csv": freshdesk(["21", "22"]), "events.csv": EVENTS, "nps.csv": SURVEY},
      {mapping: EVENT_MAPPING},
    );
    const link = (id: string) => r.responses.find((x) => x.response_id === id)!.ticket_id;
    expect(link("r2")).toBe("freshdesk:22");
    expect(link("r1")).toBeNull();
    expect(r.warnings).toContain(
      "nps.csv:0: ticket_id: 1 responses name a ticket id that tickets of several systems hold: left unlinked",
    );
  });

  it("one system keeps its own ids, and two files of one account still de-duplicate", async () => {
    const first = zendeskCsv([{Id: "5", "Updated at": "2024-05-02 10:00:00"}, {Id: "6"}]);
    const later = zendeskCsv([{Id: "5", "Updated at": "2024-05-03 10:00:00", Group: "Tier 2"}]);
    const r = await run({"page-1.csv": first, "page-2.csv": later});
    expect(r.tickets.map((t) => t.ticket_id).sort()).toEqual(["5", "6"]);
    expect(r.tickets.find((t) => t.ticket_id === "5")!.group).toBe("Tier 2");
    expect(r.manifest.files.map((f) => f.duplicates)).toEqual([1, 0]);
  });
});
