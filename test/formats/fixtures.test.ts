import {describe, expect, it} from "vitest";
import {at, fixture, HAVE_FIXTURES, run} from "../ingest/helpers.ts";

// Real third-party export samples from ../shared/fixtures (never copied into the project).
describe.skipIf(!HAVE_FIXTURES)("real export fixtures", () => {
  it("Zendesk GET /tickets.json (go-zendesk): two tickets, UTF-8 text, no requester data kept", async () => {
    const r = await run({"tickets.json": fixture("zendesk-go-zendesk/tickets.json")});
    expect(r.problems).toEqual([]);
    expect(r.tickets).toMatchObject([
      {
        ticket_id: "2",
        created_at: at("2019-06-03T02:23:47Z"),
        channel: "email",
        status: "solved",
        group: "360004077472",
      },
      {ticket_id: "3", created_at: at("2019-06-03T02:34:52Z"), channel: "web", status: "solved"},
    ]);
    expect(JSON.stringify(r)).not.toMatch(/nukosuke@|Yosuke/);
  });

  it("Zendesk single ticket.json", async () => {
    const r = await run({"ticket.json": fixture("zendesk-go-zendesk/ticket.json")});
    expect(r.tickets).toMatchObject([{ticket_id: "2", updated_at: at("2019-06-05T01:13:24Z")}]);
  });

  it("Airbyte incremental cursor export + satisfaction_ratings + ticket_metrics combine by id", async () => {
    const r = await run({
      "tickets.json": fixture("zendesk-airbyte-fixtures/tickets.json"),
      "satisfaction_ratings.json": fixture("zendesk-airbyte-fixtures/satisfaction_ratings.json"),
      "ticket_metrics.json": fixture("zendesk-airbyte-fixtures/ticket_metrics.json"),
    });
    expect(r.problems).toEqual([]);
    expect(r.tickets).toMatchObject([
      {
        ticket_id: "35436",
        status: "open",
        priority: "high",
        type: "incident",
        channel: "web",
        tags: ["enterprise", "other_tag"],
        satisfaction: "good",
      },
    ]);
    expect(r.responses).toMatchObject([
      {
        response_id: "zendesk-rating-35436",
        ticket_id: "35436",
        score: 1,
        scale_max: 1,
        comment: "Great support!",
      },
    ]);
    // ticket 145's metrics have no ticket here: left out and counted, not an error.
    expect(r.manifest.files[2]).toMatchObject({
      rows_read: 1,
      accepted: 0,
      rejected: 1,
      excluded: {"ticket_metric for a ticket not in the input": 1},
    });
  });

  it("Airbyte expected_records.jsonl: streams dispatched, unused streams counted", async () => {
    const r = await run({
      "expected_records.jsonl": fixture("zendesk-airbyte-fixtures/expected_records.jsonl"),
    });
    expect(r.problems).toEqual([]);
    const ids = r.tickets.map((t) => t.ticket_id).sort();
    // Ticket 1 is the sample ticket Zendesk opens every account with: left out and counted.
    expect(ids).toEqual(["145", "146"]);
    const t145 = r.tickets.find((t) => t.ticket_id === "145")!;
    expect(t145).toMatchObject({
      channel: "phone",
      channel_raw: "voice",
      status: "new",
      satisfaction: "offered",
    });
    expect(r.manifest.files[0]).toMatchObject({
      rows_read: 14,
      duplicates: 0,
      excluded: expect.objectContaining({"sample ticket (made by the helpdesk, not a customer)": 1}),
    });
    expect(r.warnings.some((w) => w.includes('"sample_ticket"'))).toBe(false);
  });

  it("Airbyte ticket 160 metrics: reopened, first resolution set, full resolution null", async () => {
    const lines = new TextDecoder()
      .decode(fixture("zendesk-airbyte-fixtures/expected_records.jsonl"))
      .split("\n");
    const metric = lines.find((l) => l.includes('"ticket_id":160'))!;
    const ticket = JSON.stringify({
      stream: "tickets",
      data: {id: 160, created_at: "2024-04-12T13:39:06Z", status: "open", via: {channel: "web"}},
    });
    const r = await run({"r.jsonl": `${ticket}\n${metric}\n`});
    expect(r.tickets).toMatchObject([
      {
        ticket_id: "160",
        reopens: 1,
        replies: 2,
        first_reply_minutes: 97667,
        first_reply_minutes_business: 23040,
        first_resolution_minutes: 7292,
        full_resolution_minutes: null,
        requester_wait_minutes: 185916,
      },
    ]);
  });

  it("Freshdesk v2 ticket_1.json with stats", async () => {
    const r = await run({"ticket_1.json": fixture("freshdesk-python-freshdesk/ticket_1.json")});
    expect(r.problems).toEqual([]);
    expect(r.tickets).toMatchObject([
      {
        ticket_id: "1",
        status: "open",
        channel: "web",
        channel_raw: "portal",
        priority: "low",
        type: "Question",
        tags: ["foo", "bar"],
        reopens: 0,
      },
    ]);
    expect(JSON.stringify(r)).not.toMatch(/dummyname|Dummyname/);
  });

  it("Freshdesk legacy v1 all_tickets.json is detected and read", async () => {
    const r = await run({"all_tickets.json": fixture("freshdesk-python-freshdesk/all_tickets.json")});
    expect(r.manifest.files[0]!.format).toBe("freshdesk-json");
    expect(r.tickets).toMatchObject([
      {ticket_id: "1", created_at: at("2014-12-31T02:27:09Z"), status: "open", channel_raw: "Portal"},
    ]);
    expect(JSON.stringify(r)).not.toMatch(/Rachel|Sam Kingston/);
  });

  it("Freshdesk search envelope: same id twice is one ticket plus a duplicate", async () => {
    const r = await run({"search.json": fixture("freshdesk-python-freshdesk/search_tickets.json")});
    expect(r.tickets).toHaveLength(1);
    expect(r.manifest.files[0]).toMatchObject({rows_read: 2, accepted: 1, duplicates: 1});
  });

  it("Google Forms NPS (Sudzilla): 39 responses, US dates, quotes and newlines", async () => {
    const r = await run({"input_01.csv": fixture("nps-google-forms-sudzilla/input_01.csv")});
    expect(r.problems).toEqual([]);
    expect(r.responses).toHaveLength(39);
    expect(r.responses[0]).toMatchObject({
      kind: "nps",
      score: 0,
      responded_at: at("2019-11-01T08:51:12Z"),
      comment: "Bad service",
    });
    expect(r.manifest.files[0]).toMatchObject({format: "google-forms-csv", rows_read: 39, accepted: 39});
  });

  it("Qualtrics sample.csv: layout recognised; no score question is one clear problem", async () => {
    const r = await run({"sample.csv": fixture("qualtrics-qualtRics/sample.csv")});
    expect(r.manifest.files[0]).toMatchObject({format: "qualtrics-csv", rows_read: 1, rejected: 1});
    expect(r.problems).toEqual([
      "sample.csv:1: score: no 0–10 (NPS) or satisfaction question found; give a survey mapping",
    ]);
    const mapped = await run(
      {"sample.csv": fixture("qualtrics-qualtRics/sample.csv")},
      {
        mapping: {
          kind: "csat",
          columns: {score: "Q1", responded_at: "RecordedDate", response_id: "ResponseId"},
        },
      },
    );
    expect(mapped.problems).toEqual([]);
    expect(mapped.responses).toMatchObject([
      {response_id: "R_2YPOQ602ER1jkf1", score: 2, responded_at: at("2017-07-18T08:28:48Z")},
    ]);
  });

  it("unused Zendesk and Freshdesk streams are recognised and counted, not errors", async () => {
    const r = await run({
      "ticket_audits.json": fixture("zendesk-go-zendesk/ticket_audits.json"),
      "ticket_comments.json": fixture("zendesk-go-zendesk/ticket_comments.json"),
      "conversations.json": fixture("freshdesk-python-freshdesk/conversations.json"),
      "ticket_metric_events.json": fixture("zendesk-airbyte-fixtures/ticket_metric_events.json"),
    });
    expect(r.problems).toEqual([]);
    for (const f of r.manifest.files) expect(f.accepted).toBe(0);
  });
});
