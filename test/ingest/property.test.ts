import fc from "fast-check";
import {describe, expect, it} from "vitest";
import {FORMAT_IDS} from "../../loaders/formats/index.ts";
import {run} from "./helpers.ts";

// One valid sample per adapter; the property mutates them and feeds them to every adapter.
const SAMPLES: Record<string, {text: string; mapping?: unknown}> = {
  "zendesk-json": {
    text: JSON.stringify({
      tickets: [
        {
          id: 1,
          created_at: "2024-03-01T10:00:00Z",
          updated_at: "2024-03-02T10:00:00Z",
          status: "open",
          via: {channel: "web"},
          tags: ["a"],
        },
        {
          id: 1,
          created_at: "2024-03-01T10:00:00Z",
          updated_at: "2024-03-03T10:00:00Z",
          status: "deleted",
          via: {channel: "x"},
        },
      ],
      metric_sets: [{ticket_id: 1, replies: 2, reply_time_in_minutes: {calendar: 5, business: 1}}],
      satisfaction_ratings: [{id: 3, ticket_id: 1, score: "good", updated_at: "2024-03-02T10:00:00Z"}],
    }),
  },
  "zendesk-jsonl": {
    text: '{"stream":"tickets","data":{"id":2,"created_at":"2024-01-01T00:00:00Z","status":"new","via":{"channel":"email"}}}\n{"stream":"ticket_metrics","data":{"ticket_id":2,"replies":0}}\n',
  },
  "zendesk-csv": {
    text: 'Id,Created at,Updated at,Status,Via,Requester,Replies,First reply time in minutes,Satisfaction Score\n1,2024-01-01 10:00:00,2024-01-02 10:00:00,Solved,Mail,"A, B",1,"12,5",Good\n2,01/02/2024 10:00,,Open,Chat,x,,,Offered\n',
  },
  "freshdesk-json": {
    text: JSON.stringify([
      {
        id: 1,
        created_at: "2024-01-01T00:00:00Z",
        status: 4,
        source: 2,
        spam: false,
        responder_id: 5,
        stats: {first_responded_at: "2024-01-01T01:00:00Z", resolved_at: "2024-01-02T00:00:00Z"},
      },
    ]),
  },
  "freshdesk-csv": {
    text: "Ticket ID,Status,Source,Created time,Resolved time,First response time (in hrs),Agent interactions,Survey results\n1,Resolved,Email,2024-01-01 10:00:00,2024-01-01 12:00:00,01:30:00,2,Awesome\n",
  },
  "intercom-json": {
    text: JSON.stringify({
      type: "conversation.list",
      conversations: [
        {
          type: "conversation",
          id: "7",
          created_at: 1714550400,
          state: "closed",
          source: {type: "email"},
          statistics: {time_to_admin_reply: 60},
          conversation_rating: {rating: 5},
        },
      ],
    }),
  },
  "intercom-csv": {
    text: "id,created_at,state,source_type,source_delivered_as,first_contact_reply_created_at,conversation_rating_value\n1,1714550400,closed,email,customer_initiated,1714551000,4\n",
  },
  "generic-csv": {
    text: "Case,Opened,State\nA,2024-01-01,Done\nB,2024-01-02,Open\n",
    mapping: {
      columns: {ticket_id: "Case", created_at: "Opened", status: "State"},
      values: {status: {Done: "solved"}},
    },
  },
  "event-log": {
    text: "Case,Activity,When\n1,Opened,2024-01-01T00:00:00Z\n1,Reply,2024-01-01T00:10:00Z\n1,Solved,2024-01-01T01:00:00Z\n",
    mapping: {
      columns: {ticket_id: "Case", activity: "Activity", timestamp: "When"},
      activities: {created: ["Opened"], first_reply: ["Reply"], solved: ["Solved"]},
    },
  },
  "delighted-csv": {
    text: "Response ID,Score,Comment,Response timestamp\n1,9,yes,2024-01-01 10:00:00\n2,3,no,2024-01-02 10:00:00\n",
  },
  "typeform-csv": {
    text: "#,How likely are you to recommend us?,Submit Date (UTC),Start Date (UTC),Network ID\nt,10,2024-01-01 10:00:00,2024-01-01 09:00:00,n\n",
  },
  "surveymonkey-csv": {
    text: "Respondent ID,Collector ID,Start Date,End Date,How likely is it that you would recommend us?\n,,,,Response\n1,2,01/01/2024 10:00:00 AM,01/01/2024 10:01:00 AM,8\n",
  },
  "qualtrics-csv": {
    text: 'StartDate,EndDate,Status,Finished,RecordedDate,ResponseId,Q1,Q1_NPS_GROUP\nS,E,T,F,R,I,How likely to recommend?,G\n"{""ImportId"":""a""}",x,x,x,x,x,x,x\n2024-01-01 10:00:00,2024-01-01 10:00:00,0,1,2024-01-01 10:00:00,R_1,7,2\n',
  },
  "google-forms-csv": {
    text: 'Timestamp,"On a scale of 0-10, how likely?",Why?\n1/2/2024 10:00:00,9,"good, ""very"""\n',
  },
  "survey-csv": {
    text: "Id,Rating,Date\n1,5,2024-01-01\n",
    mapping: {kind: "csat", columns: {score: "Rating", responded_at: "Date"}},
  },
};

type Mutation =
  | {kind: "truncate"; at: number}
  | {kind: "flip"; at: number; byte: number}
  | {kind: "dropColumn"; col: number}
  | {kind: "shuffle"; seed: number}
  | {kind: "insert"; at: number; text: string};

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({kind: fc.constant("truncate" as const), at: fc.nat()}),
  fc.record({kind: fc.constant("flip" as const), at: fc.nat(), byte: fc.integer({min: 0, max: 255})}),
  fc.record({kind: fc.constant("dropColumn" as const), col: fc.nat({max: 8})}),
  fc.record({kind: fc.constant("shuffle" as const), seed: fc.nat()}),
  fc.record({
    kind: fc.constant("insert" as const),
    at: fc.nat(),
    text: fc.string({
      unit: fc.constantFrom(
        ",",
        ";",
        '"',
        "\n",
        "\r",
        "{",
        "}",
        "[",
        "]",
        ":",
        "-",
        "1",
        "a",
        "\t",
        "é",
        "\u0000",
      ),
    }),
  }),
);

function apply(bytes: Uint8Array, m: Mutation): Uint8Array {
  const n = bytes.length;
  switch (m.kind) {
    case "truncate":
      return bytes.subarray(0, n ? m.at % n : 0);
    case "flip": {
      const out = bytes.slice();
      if (n) out[m.at % n] = m.byte;
      return out;
    }
    case "dropColumn": {
      const text = new TextDecoder().decode(bytes);
      const out = text.split("\n").map((l) =>
        l
          .split(",")
          .filter((_, i) => i !== m.col)
          .join(","),
      );
      return new TextEncoder().encode(out.join("\n"));
    }
    case "shuffle": {
      const lines = new TextDecoder().decode(bytes).split("\n");
      let s = m.seed;
      for (let i = lines.length - 1; i > 0; i--) {
        s = (Math.imul(s, 1103515245) + 12345) >>> 0;
        const j = s % (i + 1);
        [lines[i], lines[j]] = [lines[j]!, lines[i]!];
      }
      return new TextEncoder().encode(lines.join("\n"));
    }
    case "insert": {
      const text = new TextDecoder().decode(bytes);
      const at = text.length ? m.at % text.length : 0;
      return new TextEncoder().encode(text.slice(0, at) + m.text + text.slice(at));
    }
  }
}

const balanced = (files: {rows_read: number; accepted: number; rejected: number; duplicates: number}[]) =>
  files.every((f) => f.rows_read === f.accepted + f.rejected + f.duplicates);

describe("property: no crash, manifest always balances", () => {
  const names = Object.keys(SAMPLES);

  it("mutated samples, detected or forced onto every adapter", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...names),
        fc.array(mutation, {maxLength: 3}),
        fc.option(fc.constantFrom(...FORMAT_IDS), {nil: undefined}),
        fc.integer({min: 1, max: 64}),
        async (name, mutations, format, chunk) => {
          const sample = SAMPLES[name]!;
          let bytes: Uint8Array = new TextEncoder().encode(sample.text);
          for (const m of mutations) bytes = apply(bytes, m);
          const r = await run(
            {[`${name}.in`]: bytes, "other.csv": bytes.subarray(0, 40)},
            {format, mapping: sample.mapping},
            chunk,
          );
          expect(balanced(r.manifest.files)).toBe(true);
          for (const line of r.problems) expect(line).toMatch(/^[^:]+:\d+: [^:]+: .+/);
        },
      ),
      {numRuns: 400, seed: 20250101},
    );
  });

  it("random bytes and random text", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.uint8Array({maxLength: 300}),
          fc.string({maxLength: 300}).map((s) => new TextEncoder().encode(s)),
        ),
        fc.option(fc.constantFrom(...FORMAT_IDS), {nil: undefined}),
        async (bytes, format) => {
          const r = await run({"random.bin": bytes}, {format});
          expect(balanced(r.manifest.files)).toBe(true);
        },
      ),
      {numRuns: 300, seed: 7},
    );
  });
});
