/**
 * Registry of format adapters and content-based detection: JSON keys or CSV header words from
 * the first KB of a file, never its name.
 */
import {parseCsv, sniffDelimiter, type Delimiter} from "../text/csv.ts";
import type {Adapter} from "./types.ts";
import {norm} from "./common.ts";
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
    if (!adapter)
      return {adapter, shape, csv, reason: `unknown format "${forced}" (known: ${FORMAT_IDS.join(", ")})`};
    const misfit = forcedMisfit(adapter, shape, csv, head, mapping);
    return misfit === null ? {adapter, shape, csv, reason: ""} : {adapter: null, shape, csv, reason: misfit};
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

/**
 * What each format's content must show, as its detection looks for it: CSV columns (each entry
 * one column, alternatives in a list) and how many of a further set; JSON keys in words. A forced
 * `--format` the file does not fit would read every row as something else (every record "not
 * used", every answer missing): the file is refused instead, naming what is missing. Ticket CSV
 * readers need their id and creation columns and name them themselves when they are missing.
 */
const SIGNATURES: Record<string, {columns?: string[][]; some?: {n: number; of: string[]}; json?: string}> = {
  "delighted-csv": {
    columns: [["Score"]],
    some: {n: 2, of: ["Response ID", "Response timestamp", "Person ID", "Comment", "Survey type", "Delighted source"]},
  },
  "typeform-csv": {
    columns: [["Submit Date (UTC)"]],
    some: {n: 1, of: ["#", "Start Date (UTC)", "Network ID", "Response Type"]},
  },
  "surveymonkey-csv": {columns: [["Respondent ID"], ["Collector ID"]]},
  "qualtrics-csv": {some: {n: 3, of: ["ResponseId", "RecordedDate", "DistributionChannel", "StartDate", "Finished", "Status"]}},
  "google-forms-csv": {columns: [["Timestamp"]]},
  "zendesk-json": {json: '"tickets", "ticket_metrics" or "satisfaction_ratings" records, or Airbyte "stream" records of those'},
  "freshdesk-json": {json: 'Freshdesk ticket keys ("requester_id" with "stats", "spam" or "responder_id"; v1 "helpdesk_ticket")'},
  "intercom-json": {json: '"type": "conversation" records or a "conversations" list'},
}; // prettier-ignore

/**
 * Why a file does not fit the format `--format` forces, or null when it fits (or when a
 * mapping, or the format's own reader, decides: mapping formats and warehouse tables say what is
 * missing when they open the file).
 */
function forcedMisfit(
  adapter: Adapter,
  shape: Shape,
  csv: CsvHead | null,
  head: string,
  mapping: unknown,
): string | null {
  const wants = SIGNATURES[adapter.id];
  // A mapping names the columns itself; a shape mismatch has its own message.
  if (!wants || mapping !== undefined) return null;
  if (adapter.kind === "csv") {
    if (!csv) return null;
    if (adapter.detect(csv.records, mapping) > 0) return null;
    const header = (csv.records[0] ?? []).map(norm);
    const has = (name: string) => header.includes(norm(name));
    const missing: string[] = [];
    const quoted = (names: string[]) => names.map((n) => `"${n}"`).join(", ");
    for (const names of wants.columns ?? [])
      if (!names.some(has))
        missing.push(`column "${names[0]}"${names.length > 1 ? ` (or ${quoted(names.slice(1))})` : ""}`);
    const some = wants.some;
    if (some) {
      const found = some.of.filter(has).length;
      if (found < some.n) missing.push(`${some.n - found} more of the columns ${quoted(some.of)}`);
    }
    if (adapter.id === "google-forms-csv" && header[0] !== "timestamp")
      missing.splice(0, missing.length, 'column "Timestamp" first');
    const names = csv.records[0] ?? [];
    const shown = `${names.slice(0, 8).join(", ")}${names.length > 8 ? ", …" : ""}`;
    return (
      `the file does not fit --format ${adapter.id}: missing ` +
      `${missing.join("; ") || "the layout's own columns"} (header: "${shown}")`
    );
  }
  if (shape === "csv" || adapter.detect(head) > 0) return null;
  return `the file does not fit --format ${adapter.id}: no ${wants.json} in its first ${HEAD_WORDS}`;
}

const HEAD_WORDS = "16 KB";
