import {describe, expect, it} from "vitest";
import type {IngestOptions} from "../../loaders/ingest/index.ts";
import type {SurveyResponse, Ticket} from "../../loaders/schema/index.ts";
import {channelOf} from "../../loaders/formats/vocab.ts";
import {at, run} from "../ingest/helpers.ts";

interface Row {
  name: string;
  input: Record<string, string>;
  options?: Partial<IngestOptions>;
  format: string;
  expected: Partial<Ticket>[];
  responses?: Partial<SurveyResponse>[];
}

const T = (o: object) => JSON.stringify(o);
const ticket = (id: number, extra: object = {}) => ({
  id,
  created_at: "2024-03-01T10:00:00Z",
  updated_at: "2024-03-02T10:00:00Z",
  status: "solved",
  via: {channel: "email", source: {from: {address: "someone@example.com", name: "Some One"}}},
  assignee_id: 77,
  group_id: 5,
  priority: "normal",
  type: "question",
  tags: ["vip"],
  satisfaction_rating: null,
  ...extra,
});

const ROWS: Row[] = [
  {
    name: "tickets list: every canonical field by hand",
    format: "zendesk-json",
    input: {"tickets.json": T({tickets: [ticket(1)], next_page: null, count: 1})},
    expected: [
      {
        org_id: "acme",
        ticket_id: "1",
        created_at: at("2024-03-01T10:00:00Z"),
        updated_at: at("2024-03-02T10:00:00Z"),
        channel: "email",
        channel_raw: "email",
        status: "solved",
        solved_at: null,
        first_reply_minutes: null,
        replies: null,
        reopens: null,
        group: "5",
        priority: "normal",
        type: "question",
        tags: ["vip"],
        satisfaction: null,
        source_file: "tickets.json",
        source_line: 1,
      },
    ],
  },
  {
    name: "single {ticket} document",
    format: "zendesk-json",
    input: {"ticket.json": T({ticket: ticket(9, {via: {channel: "voice"}})})},
    expected: [{ticket_id: "9", channel: "phone", channel_raw: "voice"}],
  },
  {
    name: "incremental export: latest generated_timestamp wins",
    format: "zendesk-json",
    input: {
      "inc.json": T({
        tickets: [
          ticket(1, {status: "open", generated_timestamp: 1709300000}),
          ticket(1, {status: "solved", generated_timestamp: 1709400000}),
          ticket(2, {status: "pending", generated_timestamp: 1709300000}),
        ],
        end_of_stream: true,
        after_cursor: "x",
      }),
    },
    expected: [
      {ticket_id: "1", status: "solved"},
      {ticket_id: "2", status: "pending"},
    ],
  },
  {
    name: "tickets with side-loaded metric_sets",
    format: "zendesk-json",
    input: {
      "side.json": T({
        tickets: [ticket(3)],
        metric_sets: [
          {
            ticket_id: 3,
            replies: 2,
            reopens: 1,
            solved_at: "2024-03-01T12:00:00Z",
            reply_time_in_minutes: {calendar: 15, business: 10},
            first_resolution_time_in_minutes: {calendar: 60, business: 40},
            full_resolution_time_in_minutes: {calendar: 120, business: 80},
            requester_wait_time_in_minutes: {calendar: 100, business: 70},
            agent_wait_time_in_minutes: {calendar: 20, business: null},
          },
        ],
      }),
    },
    expected: [
      {
        ticket_id: "3",
        replies: 2,
        reopens: 1,
        solved_at: at("2024-03-01T12:00:00Z"),
        first_reply_minutes: 15,
        first_reply_minutes_business: 10,
        first_resolution_minutes: 60,
        full_resolution_minutes: 120,
        full_resolution_minutes_business: 80,
        requester_wait_minutes: 100,
        agent_wait_minutes: 20,
        agent_wait_minutes_business: null,
      },
    ],
  },
  {
    name: "separate ticket_metrics file ({ticket_metric}) and satisfaction_ratings file combine by id",
    format: "zendesk-json",
    input: {
      "tickets.json": T({tickets: [ticket(4, {satisfaction_rating: {score: "offered"}})]}),
      "metric.json": T({
        ticket_metric: {
          ticket_id: 4,
          replies: 1,
          reopens: 0,
          reply_time_in_minutes: {calendar: null, business: null},
        },
      }),
      "ratings.json": T({
        satisfaction_ratings: [
          {
            id: 50,
            ticket_id: 4,
            score: "offered",
            created_at: "2024-03-02T10:00:00Z",
            updated_at: "2024-03-02T10:00:00Z",
          },
          {
            id: 50,
            ticket_id: 4,
            score: "bad",
            comment: "call me on +44 20 7946 0958",
            created_at: "2024-03-02T10:00:00Z",
            updated_at: "2024-03-03T09:00:00Z",
          },
        ],
        meta: {has_more: false},
      }),
    },
    expected: [{ticket_id: "4", replies: 1, reopens: 0, first_reply_minutes: null, satisfaction: "bad"}],
    responses: [
      {
        response_id: "zendesk-rating-50",
        ticket_id: "4",
        kind: "csat",
        score: 0,
        scale_min: 0,
        scale_max: 1,
        responded_at: at("2024-03-03T09:00:00Z"),
        comment: "call me on [phone]",
        channel: "email",
      },
    ],
  },
  {
    name: "Airbyte JSONL records",
    format: "zendesk-json",
    input: {
      "records.jsonl": [
        T({stream: "tickets", data: ticket(6, {via: {channel: "whatsapp"}}), emitted_at: 1}),
        T({
          stream: "ticket_metrics",
          data: {ticket_id: 6, replies: 3, reply_time_in_minutes: {calendar: 5, business: 5}},
        }),
        T({stream: "ticket_comments", data: {id: 1, ticket_id: 6, body: "hi"}}),
      ].join("\n"),
    },
    expected: [
      {ticket_id: "6", channel: "messaging", channel_raw: "whatsapp", replies: 3, first_reply_minutes: 5},
    ],
  },
  {
    name: "ticket satisfaction_rating good becomes a 0..1 response",
    format: "zendesk-json",
    input: {
      "t.json": T({
        tickets: [ticket(7, {satisfaction_rating: {id: 9, score: "good", comment: "mail me at a@b.co"}})],
      }),
    },
    expected: [{ticket_id: "7", satisfaction: "good"}],
    responses: [
      {
        response_id: "zendesk-rating-9",
        ticket_id: "7",
        score: 1,
        scale_max: 1,
        comment: "mail me at [email]",
      },
    ],
  },
  {
    name: "legacy full CSV export: display words, local times in --tz, metric columns",
    format: "zendesk-csv",
    options: {tz: "America/New_York"},
    input: {
      "export.csv":
        "Summation column,Id,Requester,Requester email,Assignee,Group,Subject,Tags,Status,Priority,Via,Ticket type,Created at,Updated at,Solved at,Satisfaction Score,Reopens,Replies,First reply time in minutes,First reply time in minutes within business hours,Full resolution time in minutes,Resolution time\n" +
        '1,101,Jane Roe,jane@example.com,Sam Agent,Support,"Help, please",vip billing,Solved,Normal,Mail,Question,2024-03-10 01:30:00,2024-03-10 05:00:00,2024-03-10 04:00:00,"Good, I\'m satisfied",0,1,30,0,150,2.5\n' +
        "1,102,Bob,bob@example.com,,Support,x,,Open,High,Web form,Incident,2024-03-10 02:30:00,2024-03-10 05:00:00,,Offered,,,,,,\n",
    },
    expected: [
      {
        ticket_id: "101",
        created_at: at("2024-03-10T06:30:00Z"),
        solved_at: at("2024-03-10T08:00:00Z"),
        channel: "email",
        channel_raw: "Mail",
        status: "solved",
        priority: "normal",
        type: "Question",
        group: "Support",
        tags: ["vip", "billing"],
        satisfaction: "good",
        reopens: 0,
        replies: 1,
        first_reply_minutes: 30,
        first_reply_minutes_business: 0,
        full_resolution_minutes: 150,
        source_line: 2,
      },
      // 02:30 does not exist on 10 March in New York: read as 03:30 EDT.
      {
        ticket_id: "102",
        created_at: at("2024-03-10T07:30:00Z"),
        channel: "web",
        satisfaction: "offered",
        replies: null,
      },
    ],
    responses: [{ticket_id: "101", kind: "csat", score: 1, scale_min: 0, scale_max: 1}],
  },
  {
    name: "view export: a subset of columns, US dates, semicolons",
    format: "zendesk-csv",
    input: {
      "view.csv":
        "ID;Subject;Requester;Requested;Updated;Assignee;Group;Status;Priority\n7;Hi;Ann;2/19/20 1:54 PM;2/20/20 9:00 AM;Kim;L1;Pending;Low\n",
    },
    expected: [
      {
        ticket_id: "7",
        created_at: at("2020-02-19T13:54:00Z"),
        status: "pending",
        priority: "low",
        channel: "other",
      },
    ],
  },
  {
    name: "CSV Resolution time in hours fills a missing minutes column",
    format: "zendesk-csv",
    input: {
      "r.csv":
        'Id,Created at,Status,Via,Requester,Resolution time\n1,2024-01-01 10:00:00,Solved,Chat,x,"2,5"\n',
    },
    expected: [{ticket_id: "1", channel: "chat", full_resolution_minutes: 150}],
  },
];

describe("Zendesk adapters", () => {
  for (const row of ROWS) {
    it(row.name, async () => {
      const r = await run(row.input, row.options);
      expect(r.problems).toEqual([]);
      expect(r.manifest.files.every((f) => f.format === row.format)).toBe(true);
      const tickets = [...r.tickets].sort((a, b) => a.ticket_id.localeCompare(b.ticket_id));
      expect(tickets).toMatchObject(row.expected);
      expect(tickets).toHaveLength(row.expected.length);
      if (row.responses) expect(r.responses).toMatchObject(row.responses);
      // Privacy: no requester name or address survives anywhere in the canonical rows.
      const all = JSON.stringify([r.tickets, r.responses, r.rejects]);
      expect(all).not.toMatch(/someone@example|Some One|Jane Roe|jane@|Sam Agent/);
    });
  }

  it("pseudonymises assignees with the salt, stably", async () => {
    const input = {"t.json": T({tickets: [ticket(1), ticket(2, {assignee_id: 78})]})};
    const a = await run(input);
    const b = await run(input);
    const c = await run(input, {salt: "other"});
    expect(a.tickets[0]!.assignee).toMatch(/^agent-[0-9a-f]{8}$/);
    expect(a.tickets[0]!.assignee).toBe(b.tickets[0]!.assignee);
    expect(a.tickets[0]!.assignee).not.toBe(c.tickets[0]!.assignee);
    expect(a.agents).toContainEqual({code: a.tickets[0]!.assignee, name: "77"});
  });
});

describe("channel words", () => {
  it("counts Zendesk follow-up tickets (closed_ticket) as other without a warning", () => {
    expect(channelOf("closed_ticket")).toEqual({channel: "other", known: true});
    expect(channelOf("Closed ticket")).toEqual({channel: "other", known: true});
  });
  it("flags a word it has never seen", () =>
    expect(channelOf("carrier pigeon")).toEqual({channel: "other", known: false}));
});
