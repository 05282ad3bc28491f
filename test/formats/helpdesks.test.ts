import {describe, expect, it} from "vitest";
import type {IngestOptions} from "../../loaders/ingest/index.ts";
import type {SurveyResponse, Ticket} from "../../loaders/schema/index.ts";
import {at, run} from "../ingest/helpers.ts";

interface Row {
  name: string;
  input: Record<string, string>;
  options?: Partial<IngestOptions>;
  format: string;
  expected: Partial<Ticket>[];
  responses?: Partial<SurveyResponse>[];
  excluded?: Record<string, number>;
}

const T = (o: object) => JSON.stringify(o);
const fd = (id: number, extra: object = {}) => ({
  id,
  created_at: "2024-05-01T08:00:00Z",
  updated_at: "2024-05-02T08:00:00Z",
  status: 4,
  priority: 2,
  source: 1,
  type: "Question",
  spam: false,
  responder_id: 600,
  group_id: 12,
  tags: ["a"],
  requester: {name: "Dummy", email: "d@example.com"},
  stats: {
    first_responded_at: "2024-05-01T08:30:00Z",
    resolved_at: "2024-05-01T10:00:00Z",
    closed_at: null,
    reopened_at: null,
  },
  ...extra,
});

const EVENT_MAPPING = {
  format: "event-log",
  columns: {
    ticket_id: "Case",
    activity: "Activity",
    timestamp: "When",
    agent: "Resource",
    channel: "Channel",
  },
  activities: {
    created: ["Opened"],
    first_reply: ["Agent reply"],
    solved: ["Resolved"],
    reopened: ["Reopened"],
    closed: ["Closed"],
  },
};

const GENERIC_MAPPING = {
  columns: {
    ticket_id: "Case Number",
    created_at: "Opened",
    solved_at: "Closed",
    first_reply_at: "First Response",
    status: "State",
    channel: "Origin",
    assignee: "Owner",
    full_resolution_minutes_business: "Handle (h)",
    tags: "Labels",
  },
  units: {full_resolution_minutes_business: "hours"},
  values: {status: {Done: "solved", Junk: "excluded"}, channel: {Courriel: "email"}},
  tags_separator: "|",
  tz: "Europe/Paris",
  day_first: true,
};

const ROWS: Row[] = [
  {
    name: "Freshdesk v2 JSON with stats: numeric codes",
    format: "freshdesk-json",
    input: {
      "fd.json": T([
        fd(1),
        fd(2, {
          status: 2,
          source: 7,
          priority: 4,
          stats: {first_responded_at: null, reopened_at: "2024-05-01T09:00:00Z"},
        }),
      ]),
    },
    expected: [
      {
        ticket_id: "1",
        status: "solved",
        channel: "email",
        channel_raw: "email",
        priority: "normal",
        first_reply_minutes: 30,
        solved_at: at("2024-05-01T10:00:00Z"),
        full_resolution_minutes: 120,
        reopens: 0,
        group: "12",
        tags: ["a"],
      },
      {
        ticket_id: "2",
        status: "open",
        channel: "chat",
        priority: "urgent",
        first_reply_minutes: null,
        reopens: 1,
        solved_at: null,
      },
    ],
  },
  {
    name: "Freshdesk JSON: spam, deleted and outbound left out and counted",
    format: "freshdesk-json",
    input: {"fd.json": T([fd(1), fd(2, {spam: true}), fd(3, {deleted: true}), fd(4, {source: 10})])},
    expected: [{ticket_id: "1"}],
    excluded: {spam: 1, "deleted ticket": 1, "outbound (agent-initiated) ticket": 1},
  },
  {
    name: "Freshdesk single ticket document",
    format: "freshdesk-json",
    input: {"one.json": T(fd(8))},
    expected: [{ticket_id: "8", status: "solved"}],
  },
  {
    name: "Freshdesk legacy v1 shape read from display names",
    format: "freshdesk-json",
    input: {
      "v1.json": T([
        {
          id: 5,
          created_at: "2014-12-31T12:27:09+10:00",
          updated_at: "2015-01-01T10:58:39+10:00",
          status: 2,
          status_name: "Open",
          source_name: "Portal",
          priority_name: "Low",
          ticket_type: "Question",
          frDueBy: "2015-01-01T12:27:09+10:00",
          requester_name: "Rachel",
          responder_id: 50,
          deleted: false,
          spam: false,
        },
      ]),
    },
    expected: [
      {
        ticket_id: "5",
        created_at: at("2014-12-31T02:27:09Z"),
        status: "open",
        channel: "web",
        channel_raw: "Portal",
        priority: "low",
        type: "Question",
      },
    ],
  },
  {
    name: "Freshdesk CSV: display strings, business hours as HH:MM:SS and decimals",
    format: "freshdesk-csv",
    input: {
      "fd.csv":
        "Ticket ID,Subject,Status,Priority,Source,Type,Agent,Group,Created time,Resolved time,Closed time,Last update time,Initial response time,First response time (in hrs),Resolution time (in hrs),Agent interactions,Customer interactions,Tags,Survey results,Full name,Email\n" +
        '11,Hi,Resolved,Medium,Email,Question,Ann Agent,L1,2024-04-05 14:03:11,2024-04-05 18:03:11,,2024-04-05 18:03:11,2024-04-05 14:33:11,00:30:00,1.5,2,1,"a, b",Awesome,Joe,joe@x.com\n' +
        "12,Yo,Waiting on Customer,Low,Outbound Email,,,,2024-04-06 10:00:00,,,2024-04-06 10:00:00,,,,0,0,,,Kim,k@x.com\n",
    },
    expected: [
      {
        ticket_id: "11",
        status: "solved",
        priority: "normal",
        channel: "email",
        first_reply_minutes: 30,
        first_reply_minutes_business: 30,
        full_resolution_minutes: 240,
        full_resolution_minutes_business: 90,
        replies: 2,
        tags: ["a", "b"],
        satisfaction: "good",
        group: "L1",
      },
    ],
    excluded: {"outbound (agent-initiated) ticket": 1},
  },
  {
    name: "Intercom conversations JSON with statistics and rating",
    format: "intercom-json",
    input: {
      "conv.json": T({
        type: "conversation.list",
        conversations: [
          {
            type: "conversation",
            id: "c1",
            created_at: 1714550400,
            updated_at: 1714560000,
            state: "closed",
            source: {type: "conversation", delivered_as: "customer_initiated", author: {email: "x@y.z"}},
            admin_assignee_id: 99,
            team_assignee_id: 3,
            tags: {tags: [{name: "billing"}]},
            statistics: {
              time_to_admin_reply: 120,
              first_close_at: 1714554000,
              last_close_at: 1714557600,
              count_reopens: 1,
            },
            conversation_rating: {rating: 4, remark: "ok", created_at: 1714560000},
          },
          {
            type: "conversation",
            id: "c2",
            created_at: 1714550400,
            state: "open",
            source: {type: "email", delivered_as: "admin_initiated"},
          },
        ],
      }),
    },
    expected: [
      {
        ticket_id: "c1",
        created_at: at("2024-05-01T08:00:00Z"),
        status: "solved",
        channel: "chat",
        first_reply_minutes: 2,
        first_resolution_minutes: 60,
        full_resolution_minutes: 120,
        solved_at: at("2024-05-01T10:00:00Z"),
        reopens: 1,
        tags: ["billing"],
        satisfaction: "good",
        group: "3",
      },
    ],
    responses: [
      {response_id: "intercom-c1", kind: "csat", score: 4, scale_min: 1, scale_max: 5, comment: "ok"},
    ],
    excluded: {"outbound (admin-initiated) conversation": 1},
  },
  {
    name: "Intercom CSV (conversation history): inactive versions are duplicates",
    format: "intercom-csv",
    input: {
      "ic.csv":
        "id,created_at,updated_at,state,source_type,source_delivered_as,first_contact_reply_created_at,conversation_rating_value,_fivetran_active\n" +
        "9,1714550400,1714550500,open,email,customer_initiated,,,false\n" +
        "9,1714550400,1714560000,closed,email,customer_initiated,1714551000,5,true\n",
    },
    expected: [
      // first_contact_reply_created_at is the contact's first message, not a reply: unknown.
      {ticket_id: "9", status: "solved", channel: "email", first_reply_minutes: null, satisfaction: "good"},
    ],
  },
  {
    name: "generic CSV with a mapping: units, value words, tz, day-first",
    format: "generic-csv",
    options: {mapping: GENERIC_MAPPING},
    input: {
      "cases.csv":
        "Case Number,Opened,Closed,First Response,State,Origin,Owner,Handle (h),Labels\n" +
        'A-1,03/04/2024 09:00,03/04/2024 11:00,03/04/2024 09:45,Done,Courriel,Ann,"1,5",x|y\n' +
        "A-2,04/04/2024 09:00,,,Junk,Web,,,\n",
    },
    expected: [
      {
        ticket_id: "A-1",
        created_at: at("2024-04-03T07:00:00Z"),
        solved_at: at("2024-04-03T09:00:00Z"),
        status: "solved",
        channel: "email",
        channel_raw: "Courriel",
        first_reply_minutes: 45,
        full_resolution_minutes: 120,
        full_resolution_minutes_business: 90,
        tags: ["x", "y"],
      },
    ],
    excluded: {'status "Junk" excluded by the mapping': 1},
  },
  {
    name: "event log: durations computed from the events",
    format: "event-log",
    options: {mapping: EVENT_MAPPING},
    input: {
      "events.csv":
        "Case,Activity,When,Resource,Channel\n" +
        "7,Opened,2024-06-01T08:00:00Z,,chat\n" +
        "7,Agent reply,2024-06-01T08:05:00Z,Ann,\n" +
        "7,Resolved,2024-06-01T09:00:00Z,Ann,\n" +
        "7,Reopened,2024-06-02T08:00:00Z,,\n" +
        "7,Agent reply,2024-06-02T08:10:00Z,Bob,\n" +
        "7,Resolved,2024-06-02T10:00:00Z,Bob,\n" +
        "8,Opened,2024-06-01T08:00:00Z,,email\n" +
        "8,Note,2024-06-01T08:01:00Z,Ann,\n",
    },
    expected: [
      {
        ticket_id: "7",
        created_at: at("2024-06-01T08:00:00Z"),
        status: "solved",
        channel: "chat",
        first_reply_minutes: 5,
        replies: 2,
        reopens: 1,
        first_resolution_minutes: 60,
        full_resolution_minutes: 1560,
        solved_at: at("2024-06-02T10:00:00Z"),
      },
      {
        ticket_id: "8",
        status: "new",
        channel: "email",
        first_reply_minutes: null,
        replies: 0,
        reopens: 0,
        solved_at: null,
      },
    ],
  },
];

describe("helpdesk adapters", () => {
  for (const row of ROWS) {
    it(row.name, async () => {
      const r = await run(row.input, row.options);
      expect(r.problems).toEqual([]);
      expect(r.manifest.files.map((f) => f.format)).toEqual(Object.keys(row.input).map(() => row.format));
      const tickets = [...r.tickets].sort((a, b) => a.ticket_id.localeCompare(b.ticket_id));
      expect(tickets).toMatchObject(row.expected);
      expect(tickets).toHaveLength(row.expected.length);
      if (row.responses) expect(r.responses).toMatchObject(row.responses);
      if (row.excluded) expect(r.manifest.files[0]!.excluded).toEqual(row.excluded);
      expect(JSON.stringify([r.tickets, r.responses, r.rejects])).not.toMatch(
        /@example|@x\.com|Dummy|Rachel|"Ann"|Joe/,
      );
    });
  }

  it("event-log manifest counts event rows", async () => {
    const r = await run(
      {
        "events.csv":
          "Case,Activity,When,Resource,Channel\n1,Opened,2024-06-01T08:00:00Z,,\n1,Agent reply,2024-06-01T08:05:00Z,A,\n2,Opened,not a date,,\n",
      },
      {mapping: EVENT_MAPPING},
    );
    expect(r.manifest.files[0]).toMatchObject({rows_read: 3, accepted: 2, rejected: 1, duplicates: 0});
    expect(r.problems).toEqual(['events.csv:4: timestamp: unreadable date "not a date"']);
  });
});
