/**
 * Registry of format adapters and content-based detection: JSON keys or CSV header words from
 * the first KB of a file, never its name.
 */
import {parseCsv, sniffDelimiter, type Delimiter} from "../text/csv.ts";
import type {Adapter} from "./types.ts";
import {delightedCsv} from "./delighted-csv.ts";
import {eventLog} from "./event-log.ts";
import {freshdeskCsv} from "./freshdesk-csv.ts";
import {freshdeskJson} from "./freshdesk-json.ts";
import {genericCsv} from "./generic-csv.ts";
import {googleFormsCsv} from "./google-forms-csv.ts";
import {intercomCsv} from "./intercom-csv.ts";
import {intercomJson} from "./intercom-json.ts";
import {qualtricsCsv} from "./qualtrics-csv.ts";
import {surveyCsv} from "./survey-csv.ts";
import {surveyMonkeyCsv} from "./surveymonkey-csv.ts";
import {typeformCsv} from "./typeform-csv.ts";
import {warehouseIntercom, warehouseZendesk} from "./warehouse/index.ts";
import {zendeskCsv} from "./zendesk-csv.ts";
import {zendeskJson} from "./zendesk-json.ts";

export type {Adapter, CsvAdapter, JsonAdapter} from "./types.ts";

export const ADAPTERS: Adapter[] = [
  warehouseZendesk,
  warehouseIntercom,
  zendeskJson,
  freshdeskJson,
  intercomJson,
  zendeskCsv,
  freshdeskCsv,
  intercomCsv,
  genericCsv,
  eventLog,
  delightedCsv,
  typeformCsv,
  surveyMonkeyCsv,
  qualtricsCsv,
  googleFormsCsv,
  surveyCsv,
];

/** Other names accepted by `--format`. */
const ALIASES: Record<string, string> = {
  zendesk: "zendesk-json",
  "zendesk-api": "zendesk-json",
  "airbyte-jsonl": "zendesk-json",
  "zendesk-satisfaction": "zendesk-json",
  "freshdesk-v1-json": "freshdesk-json",
  freshdesk: "freshdesk-json",
  intercom: "intercom-json",
  generic: "generic-csv",
  events: "event-log",
  delighted: "delighted-csv",
  typeform: "typeform-csv",
  surveymonkey: "surveymonkey-csv",
  qualtrics: "qualtrics-csv",
  "google-forms": "google-forms-csv",
  survey: "survey-csv",
};

export function adapterById(id: string): Adapter | undefined {
  const key = ALIASES[id] ?? id;
  return ADAPTERS.find((a) => a.id === key);
}

export const FORMAT_IDS = ADAPTERS.map((a) => a.id);

export type Shape = "json" | "jsonl" | "csv";

/** JSON document, JSON Lines, or delimited text, from the first characters. */
export function shapeOf(head: string): Shape {
  const t = head.trimStart();
  if (t[0] !== "{" && t[0] !== "[") return "csv";
  const nl = t.indexOf("\n");
  // JSON Lines needs a second record: a one-line document ended by a newline is plain JSON.
  if (t[0] === "{" && nl > 0 && t.slice(nl + 1).trim() !== "") {
    const first = t.slice(0, nl).trim();
    try {
      JSON.parse(first);
      return "jsonl"; // a whole object on the first line, more after it
    } catch {
      return "json";
    }
  }
  return "json";
}

export interface CsvHead {
  delimiter: Delimiter;
  records: string[][];
}

/** The delimiter and first records of a delimited file. */
export function csvHead(head: string): CsvHead {
  const delimiter = sniffDelimiter(head);
  // Leave out the last, possibly cut, record of the sample.
  const cut = head.lastIndexOf("\n");
  const {records} = parseCsv(cut > 0 ? head.slice(0, cut) : head, delimiter);
  return {delimiter, records: records.slice(0, 8)};
}

export interface Detection {
  adapter: Adapter | null;
  shape: Shape;
  csv: CsvHead | null;
  /** Why nothing fits, when adapter is null. */
  reason: string;
}

export function detect(head: string, mapping?: unknown, forced?: string): Detection {
  const shape = shapeOf(head);
  const csv = shape === "csv" ? csvHead(head) : null;
  if (forced) {
    const adapter = adapterById(forced) ?? null;
    return {
      adapter,
      shape,
      csv,
      reason: adapter ? "" : `unknown format "${forced}" (known: ${FORMAT_IDS.join(", ")})`,
    };
  }
  let best: Adapter | null = null;
  let bestScore = 0;
  for (const a of ADAPTERS) {
    let score = 0;
    if (a.kind === "json" && shape !== "csv") score = a.detect(head);
    if (a.kind === "csv" && csv) score = a.detect(csv.records, mapping);
    if (score > bestScore) {
      bestScore = score;
      best = a;
    }
  }
  if (best) return {adapter: best, shape, csv, reason: ""};
  let reason = "format not recognised from its content";
  if (csv && (csv.records[0]?.length ?? 0) <= 1) {
    reason = /[|^~]/.test(head.split("\n")[0] ?? "")
      ? "header has one column: the delimiter is not comma, semicolon or tab"
      : "header has one column: not a recognised CSV export";
  } else if (csv)
    reason = `no known export has the header "${(csv.records[0] ?? []).slice(0, 6).join(", ")}…"; give a mapping file`;
  return {adapter: null, shape, csv, reason};
}
