/** The contract between format adapters and the ingest pipeline. */
import type {Satisfaction, SurveyResponse, Ticket} from "../schema/index.ts";
import type {DateReader} from "../text/dates.ts";
import type {TicketCsvPlan} from "./ticket-csv.ts";

/** Ticket fields a ticket_metrics record (or an event log) can set. */
export type MetricsPatch = Partial<
  Pick<
    Ticket,
    | "updated_at"
    | "solved_at"
    | "first_reply_minutes"
    | "first_reply_minutes_business"
    | "first_resolution_minutes"
    | "first_resolution_minutes_business"
    | "full_resolution_minutes"
    | "full_resolution_minutes_business"
    | "requester_wait_minutes"
    | "requester_wait_minutes_business"
    | "agent_wait_minutes"
    | "agent_wait_minutes_business"
    | "replies"
    | "reopens"
  >
>;

/** A survey rating tied to a ticket (Zendesk satisfaction_ratings): sets the ticket's state. */
export interface RatingRow {
  /** De-duplication key: the rating id, else the ticket id. */
  key: string;
  ticketId: string | null;
  /** Ordering of versions: later wins. */
  version: number;
  satisfaction: Satisfaction;
  /** The answered survey, or null for offered / unoffered. */
  response: SurveyResponse | null;
  line: number;
}

/**
 * Where adapters put rows. Every row read must reach exactly one of `ticket`, `metrics`,
 * `rating`, `response`, `reject`, `exclude` or `duplicate`: that keeps the manifest balanced.
 */
export interface Sink {
  /**
   * A ticket row. `version` orders duplicates of one id (updated_at or generated_timestamp,
   * later wins); `excluded` names why it is left out (deleted, merged, spam...), else null.
   * `csat` is an answered survey carried on the ticket row itself.
   */
  ticket(
    t: Ticket,
    version: number,
    excluded: string | null,
    csat: SurveyResponse | null,
    excerpt: string,
    /** Lines of the rows this ticket was built from, when not one row (event logs). */
    lines?: number[],
  ): void;
  metrics(ticketId: string, version: number, patch: MetricsPatch, line: number, excerpt: string): void;
  rating(r: RatingRow, excerpt: string): void;
  /** A survey response from a survey file; de-duplicated by response_id, latest responded_at wins. */
  response(r: SurveyResponse): void;
  /** An invalid row. */
  reject(line: number, field: string, reason: string, excerpt: string): void;
  /** A row left out on purpose (deleted, spam, preview, a stream servicebench does not use). */
  exclude(line: number, reason: string, excerpt: string): void;
  /** Ticket `sourceId` was merged into `targetId`: the source is left out if present. */
  mergedInto(sourceId: string, targetId: string): void;
  /** A row that is an older version of another row (counted as a duplicate). */
  duplicate(line: number): void;
  /** Something the user should know that did not cost a row. */
  warn(line: number, field: string, message: string): void;
  /** A problem with the file as a whole (no row). */
  fileProblem(line: number, field: string, reason: string): void;
}

export interface FileContext {
  file: string;
  orgId: string;
  dates: DateReader;
  /** Injected clock, epoch ms. */
  now: number;
  /** Set for `;`-separated files: "1,234" then means 1.234. */
  decimalComma: boolean;
  mapping: unknown;
  /** Pseudonymous code for an agent name or id. */
  agent(nameOrId: string): string;
  /** A person's name read from the export (requester, agent...), masked wherever it appears in free text. */
  person?(name: string): void;
  /** One shared copy of a repeated short string (group, priority...). */
  intern(s: string): string;
  sink: Sink;
}

export type Content = "tickets" | "responses" | "events" | "mixed";

export interface CsvReader {
  /** Set by readers that are exactly `ticketCsvReader`: lets the native engine read the file. */
  ticketCsv?: TicketCsvPlan;
  /** Column indices holding dates, sampled to infer the day/month order. */
  dateColumns: number[];
  /** Columns the reader uses; other cells may arrive empty. Omit to receive every column. */
  columns?: number[];
  row(fields: string[], line: number): void;
  end?(): void;
}

export interface CsvAdapter {
  kind: "csv";
  id: string;
  content: Content;
  /** How well the first records (header rows) fit this format: 0 = not at all. */
  detect(head: string[][], mapping?: unknown): number;
  /** Header rows before the data (Qualtrics 3, SurveyMonkey 2, most 1). */
  headerRows(head: string[][], mapping?: unknown): number;
  /** A row reader, or the reason the header cannot be read (e.g. a missing column). */
  /**
   * A row reader, or the reason the header cannot be read (e.g. a missing column). `sample`
   * holds the first data rows (not yet read), for layouts whose columns are told by values.
   */
  open(header: string[][], ctx: FileContext, sample: string[][]): CsvReader | {field: string; reason: string};
}

export interface JsonReader {
  /** One top-level member or array element, already parsed. */
  member(key: string | null, value: unknown, line: number, raw: string): void;
  end?(): void;
}

export interface JsonAdapter {
  kind: "json";
  id: string;
  content: Content;
  /** How well the first KB of text fits this format: 0 = not at all. */
  detect(head: string): number;
  /** True when the root object is one record (a single ticket), read whole, not member by member. */
  rootRecord?(head: string): boolean;
  open(ctx: FileContext): JsonReader;
}

export type Adapter = CsvAdapter | JsonAdapter;
