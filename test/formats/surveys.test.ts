import {describe, expect, it} from "vitest";
import type {IngestOptions} from "../../loaders/ingest/index.ts";
import type {SurveyResponse} from "../../loaders/schema/index.ts";
import {at, run} from "../ingest/helpers.ts";

interface Row {
  name: string;
  input: string;
  options?: Partial<IngestOptions>;
  format: string;
  expected: Partial<SurveyResponse>[];
  problems?: string[];
  excluded?: Record<string, number>;
}

const ROWS: Row[] = [
  {
    name: "Delighted CSV: NPS, label suffix stripped, e-mail in comment masked",
    format: "delighted-csv",
    input:
      "Response ID,Score,Comment,Response timestamp,Person ID,Email,Name\n" +
      "r1,10 - Extremely likely,Great! write to me@corp.com,2024-02-01 10:00:00,p1,me@corp.com,Me\n" +
      "r2,6,,2024-02-02 10:00:00,p2,you@corp.com,You\n",
    expected: [
      {
        response_id: "r1",
        kind: "nps",
        score: 10,
        scale_min: 0,
        scale_max: 10,
        responded_at: at("2024-02-01T10:00:00Z"),
        comment: "Great! write to [email]",
      },
      {response_id: "r2", score: 6, comment: null},
    ],
  },
  {
    name: "Delighted CSV with a survey type column: CSAT 1..5",
    format: "delighted-csv",
    input: "Response ID,Score,Comment,Response timestamp,Survey type\nc1,4,ok,2024-02-01 10:00:00,csat\n",
    expected: [{response_id: "c1", kind: "csat", score: 4, scale_min: 1, scale_max: 5}],
  },
  {
    name: "Typeform CSV: question found by wording, UTC times",
    format: "typeform-csv",
    options: {tz: "Europe/Paris"},
    input:
      "#,How likely are you to recommend us to a friend?,What is the main reason for your score?,Start Date (UTC),Submit Date (UTC),Network ID\n" +
      "tok1,9,Fast answers,2024-03-01 10:00:00,2024-03-01 10:01:00,n1\n",
    expected: [
      {
        response_id: "tok1",
        kind: "nps",
        score: 9,
        responded_at: at("2024-03-01T10:01:00Z"),
        comment: "Fast answers",
      },
    ],
  },
  {
    name: "SurveyMonkey CSV: two header rows, US dates with AM/PM",
    format: "surveymonkey-csv",
    input:
      "Respondent ID,Collector ID,Start Date,End Date,IP Address,Email Address,First Name,Last Name,Custom Data 1,How likely is it that you would recommend our support to a friend or colleague?,Why?\n" +
      ",,,,,,,,,Response,Open-Ended Response\n" +
      "111,9,03/05/2024 10:00:00 AM,03/05/2024 10:02:00 PM,1.2.3.4,a@b.com,A,B,,8,call 06 12 34 56 78\n",
    expected: [
      {
        response_id: "111",
        kind: "nps",
        score: 8,
        responded_at: at("2024-03-05T22:02:00Z"),
        comment: "call [phone]",
      },
    ],
  },
  {
    name: "SurveyMonkey CSV: one column per choice",
    format: "surveymonkey-csv",
    input:
      "Respondent ID,Collector ID,Start Date,End Date,Would you recommend us? (0 to 10),,,\n" +
      ",,,,0,5,10,\n" +
      "7,1,01/02/2024 10:00:00 AM,01/02/2024 10:05:00 AM,,5,,\n",
    expected: [{response_id: "7", score: 5}],
  },
  {
    name: "Qualtrics CSV: three header rows, NPS_GROUP twin, spam and preview left out, zone from ImportId",
    format: "qualtrics-csv",
    input:
      "StartDate,EndDate,Status,Progress,Finished,RecordedDate,ResponseId,DistributionChannel,Q1,Q1_NPS_GROUP,Q2\n" +
      "Start,End,Type,Progress,Finished,Recorded,Response ID,Channel,Wie wahrscheinlich...,Q1 - Group,Warum?\n" +
      '{"ImportId":"startDate"},{"ImportId":"endDate"},{"ImportId":"status"},{"ImportId":"progress"},{"ImportId":"finished"},"{""ImportId"":""recordedDate"",""timeZone"":""Europe/Berlin""}",{"ImportId":"_recordId"},{"ImportId":"distributionChannel"},{"ImportId":"QID1"},{"ImportId":"QID1_NPS_GROUP"},{"ImportId":"QID2_TEXT"}\n' +
      "2024-01-10 10:00:00,2024-01-10 10:01:00,0,100,1,2024-01-10 10:01:00,R_1,anonymous,9,3,Super\n" +
      "2024-01-10 10:00:00,2024-01-10 10:01:00,8,100,1,2024-01-10 10:01:00,R_2,anonymous,0,1,\n" +
      "2024-01-10 10:00:00,2024-01-10 10:01:00,1,100,1,2024-01-10 10:01:00,R_3,preview,10,3,\n",
    expected: [
      {response_id: "R_1", kind: "nps", score: 9, responded_at: at("2024-01-10T09:01:00Z"), comment: "Super"},
    ],
    excluded: {spam: 1, "survey preview": 1},
  },
  {
    name: "Google Forms CSV: question text as header, finds the 0-10 question",
    format: "google-forms-csv",
    input:
      'Timestamp,"On a scale of 0-10, how likely are you to recommend us?",...why?,Any other comment?\n' +
      "13/11/2019 8:51:12,7,ok,\n",
    expected: [
      {
        response_id: "tickets#2".replace("tickets", "survey.csv"),
        score: 7,
        responded_at: at("2019-11-13T08:51:12Z"),
        comment: "ok",
      },
    ],
  },
  {
    name: "generic survey CSV through a mapping",
    format: "survey-csv",
    options: {
      mapping: {
        kind: "csat",
        columns: {score: "Rating", responded_at: "Date", ticket_id: "Ticket", response_id: "Id"},
      },
    },
    input: "Id;Ticket;Rating;Date\nx1;T-9;5;01/02/2024\n",
    expected: [
      {
        response_id: "x1",
        ticket_id: "T-9",
        kind: "csat",
        score: 5,
        scale_min: 1,
        scale_max: 5,
        responded_at: at("2024-01-02T00:00:00Z"),
      },
    ],
  },
  {
    name: "scores out of range, fractional NPS, hashed and unknown tokens are rejected, not guessed",
    format: "delighted-csv",
    input:
      "Response ID,Score,Comment,Response timestamp\n" +
      "a,11,,2024-02-01 10:00:00\n" +
      "b,7.5,,2024-02-01 10:00:00\n" +
      "c,5f4dcc3b5aa765d61d8327deb882cf99,,2024-02-01 10:00:00\n" +
      "d,Extremely likely,,2024-02-01 10:00:00\n" +
      "e,,,2024-02-01 10:00:00\n" +
      "f,3,,2031-02-01 10:00:00\n",
    expected: [],
    problems: [
      "survey.csv:2: score: score out of range 0..10 (11)",
      "survey.csv:3: score: NPS score not a whole number (7.5)",
      'survey.csv:4: score: hashed score token "5f4dcc3b5aa765d6…" cannot be read',
      'survey.csv:5: score: unknown score token "Extremely likely"',
      "survey.csv:7: responded_at: date in the future (2031-02-01)",
    ],
    excluded: {"score question not answered": 1},
  },
];

describe("survey adapters", () => {
  for (const row of ROWS) {
    it(row.name, async () => {
      const r = await run({"survey.csv": row.input}, row.options);
      expect(r.problems).toEqual(row.problems ?? []);
      expect(r.manifest.files[0]!.format).toBe(row.format);
      expect(r.responses).toMatchObject(row.expected);
      expect(r.responses).toHaveLength(row.expected.length);
      if (row.excluded) expect(r.manifest.files[0]!.excluded).toEqual(row.excluded);
      expect(JSON.stringify([r.responses, r.rejects])).not.toMatch(/@corp|a@b\.com|06 12 34/);
    });
  }
});
