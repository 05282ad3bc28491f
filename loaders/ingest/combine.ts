/**
 * Combines the rows of every input file into one dataset: de-duplicates versions, merges
 * ticket_metrics and satisfaction ratings into tickets by id, leaves out deleted / merged / spam
 * tickets, and keeps the per-file counts that make the manifest balance. Ids are unique within
 * one source system only, so every key is (system, id): files of two systems never de-duplicate
 * each other (see source-system.ts), and their tickets are then stored as `system:id`.
 */
import type {FileManifest, Reject, SurveyResponse, Ticket} from "../schema/index.ts";
import {checkTicket, implausible, IMPLAUSIBLE, PLAUSIBLE_FILE_SHARE} from "../formats/common.ts";
import type {MetricsPatch, RatingRow, Sink} from "../formats/types.ts";
import {IdIndex} from "./id-index.ts";
import {datasetTicketId, sourceSystem} from "./source-system.ts";

/** Why a ticket is left out, and the excerpt of its row for rejects.csv. */
interface LeftOut {
  x: string;
  e: string;
}

/**
 * The tickets read, in first-read order of their id; a later version replaces its slot in place.
 * Columns rather than an entry object per ticket: a million entries of seven fields cost ~90 MB
 * at the ingest's peak, where these arrays cost 8 bytes a ticket each (versions unboxed, files
 * small integers) and the rare fields live in maps.
 */
class TicketSlots {
  readonly t: Ticket[] = [];
  /** Version (updated_at or generated_timestamp) of each slot. */
  readonly v: number[] = [];
  /** File index of each slot. */
  readonly f: number[] = [];
  /** Survey answer carried on the ticket row, or null. */
  readonly c: (SurveyResponse | null)[] = [];
  /** Left-out slots only. */
  readonly left = new Map<number, LeftOut>();
  /** Lines of the rows behind a ticket built from several rows (event logs); absent = one row. */
  readonly lines = new Map<number, number[]>();
  /** Excerpts of the slots whose times contradict each other (implausible), for their warning. */
  readonly odd = new Map<number, string>();

  /** Rows behind slot `i`, as counted in the manifest. */
  rows(i: number): number {
    return this.lines.get(i)?.length ?? 1;
  }

  put(
    i: number,
    t: Ticket,
    v: number,
    x: string | null,
    c: SurveyResponse | null,
    f: number,
    e: string,
    ls: number[] | null,
  ): void {
    this.t[i] = t;
    this.v[i] = v;
    this.f[i] = f;
    this.c[i] = c;
    if (x === null) this.left.delete(i);
    else this.left.set(i, {x, e});
    if (ls === null) this.lines.delete(i);
    else this.lines.set(i, ls);
    if (x === null && implausible(t)) this.odd.set(i, e);
    else this.odd.delete(i);
  }
}

interface MetricsEntry {
  id: string;
  patch: MetricsPatch;
  v: number;
  f: number;
  line: number;
  e: string;
}

interface RatingEntry {
  r: RatingRow;
  f: number;
  e: string;
}

export interface FileStats {
  file: string;
  format: string;
  content: string;
  /** Physical lines or records of the file, counted apart from the parse; null until read through. */
  lines: number | null;
  read: number;
  accepted: number;
  rejected: number;
  duplicates: number;
  excluded: Record<string, number>;
  /** Row problems already explained by one file-level problem line. */
  quiet: boolean;
  /** What the rows turned out to be (tickets, ticket_metrics...), for the manifest. */
  kinds: Set<string>;
}

/** Most problem lines listed per file; the rest are summarised in one line. */
export const MAX_PROBLEMS_PER_FILE = 1000;
/** Most warning lines listed per file; the rest are counted in one line. */
export const MAX_WARNINGS_PER_FILE = 100;

/** One problem or warning line of the command's output: where, which field, why. */
export const lineOf = (file: string, line: number, field: string, text: string) =>
  `${file}:${line}: ${field}: ${text}`;
/** The line counting a file's invalid rows past MAX_PROBLEMS_PER_FILE. */
export const moreInvalid = (file: string, n: number) =>
  lineOf(file, 0, "rows", `${n} more invalid rows (see rejects)`);
/** The line counting a file's warnings past MAX_WARNINGS_PER_FILE. */
export const moreWarnings = (file: string, n: number) => lineOf(file, 0, "rows", `${n} more warnings`);
/** The line of a file whose share of tickets with contradicting times is above the threshold. */
export const implausibleShare = (file: string, n: number, total: number) =>
  lineOf(file, 0, "rows", IMPLAUSIBLE.fileShare(n, total));
/** True when `n` implausible tickets of `total` kept ones deserve the file's warning line. */
export const implausibleFile = (n: number, total: number) => n > 0 && n > PLAUSIBLE_FILE_SHARE * total;

/** The line of a survey file whose responses name an id that tickets of several systems hold. */
export const unlinkedLine = (file: string, n: number) =>
  lineOf(
    file,
    0,
    "ticket_id",
    `${n} responses name a ticket id that tickets of several systems hold: left unlinked`,
  );

/** Key of an id within its source system, for the maps (ids with a NUL never come from exports). */
const key = (system: string, id: string) => `${system}\u0000${id}`;

export class Combiner {
  readonly files: FileStats[] = [];
  readonly rejects: Reject[] = [];
  readonly problems: string[] = [];
  readonly warnings: string[] = [];
  private tickets = new TicketSlots();
  /** Ticket id -> slot, one index per source system. */
  private ticketIds = new Map<string, IdIndex>();
  /** Source system of each file. */
  private systems: string[] = [];
  private metrics = new Map<string, MetricsEntry>();
  private ratings = new Map<string, RatingEntry>();
  private responses = new Map<string, {r: SurveyResponse; f: number}>();
  private merged = new Map<string, string>();
  private problemCount: number[] = [];
  private warnCount: number[] = [];

  addFile(file: string, format: string, content: string): number {
    this.files.push({
      file,
      format,
      content,
      lines: null,
      read: 0,
      accepted: 0,
      rejected: 0,
      duplicates: 0,
      excluded: {},
      quiet: false,
      kinds: new Set(),
    });
    this.problemCount.push(0);
    this.warnCount.push(0);
    this.systems.push(sourceSystem(format));
    return this.files.length - 1;
  }

  /** A Sink whose rows are counted against file `f`. */
  sink(f: number): Sink {
    const stats = this.files[f]!;
    const system = this.systems[f]!;
    return {
      ticket: (t, v, x, c, e, lines) => {
        stats.read += lines ? lines.length : 1;
        stats.kinds.add(lines ? "events" : "tickets");
        this.addTicket(t, v, x, c, f, e, lines ?? null);
      },
      metrics: (id, v, patch, line, e) => {
        stats.read++;
        stats.kinds.add("ticket_metrics");
        const k = key(system, id);
        const old = this.metrics.get(k);
        if (old && old.v > v) return void this.files[f]!.duplicates++;
        if (old) this.files[old.f]!.duplicates++;
        this.metrics.set(k, {id, patch, v, f, line, e});
      },
      rating: (r, e) => {
        stats.read++;
        stats.kinds.add("satisfaction_ratings");
        const k = key(system, r.key);
        const old = this.ratings.get(k);
        if (old && old.r.version > r.version) return void this.files[f]!.duplicates++;
        if (old) this.files[old.f]!.duplicates++;
        this.ratings.set(k, {r, f, e});
      },
      response: (r) => {
        stats.read++;
        stats.kinds.add("responses");
        const k = key(system, r.response_id);
        const old = this.responses.get(k);
        if (old && old.r.responded_at > r.responded_at) return void this.files[f]!.duplicates++;
        if (old) this.files[old.f]!.duplicates++;
        this.responses.set(k, {r, f});
      },
      reject: (line, field, reason, excerpt) => {
        stats.read++;
        this.addReject(f, line, field, reason, excerpt, "invalid");
      },
      exclude: (line, reason, excerpt) => {
        stats.read++;
        this.addReject(f, line, "row", reason, excerpt, "excluded");
      },
      duplicate: () => {
        stats.read++;
        stats.duplicates++;
      },
      mergedInto: (source, target) => {
        if (source !== target) this.merged.set(key(system, source), target);
      },
      warn: (line, field, message) => this.warn(f, line, field, message),
      fileProblem: (line, field, reason) => this.problems.push(lineOf(stats.file, line, field, reason)),
    };
  }

  warn(f: number, line: number, field: string, message: string): void {
    const n = ++this.warnCount[f]!;
    if (n <= MAX_WARNINGS_PER_FILE) this.warnings.push(lineOf(this.files[f]!.file, line, field, message));
  }

  private addTicket(
    t: Ticket,
    v: number,
    x: string | null,
    c: SurveyResponse | null,
    f: number,
    e: string,
    ls: number[] | null,
  ): void {
    const slots = this.tickets;
    const system = this.systems[f]!;
    let ids = this.ticketIds.get(system);
    if (!ids) this.ticketIds.set(system, (ids = new IdIndex()));
    const at = ids.get(t.ticket_id);
    if (at < 0) {
      const i = slots.t.length;
      ids.set(t.ticket_id, i);
      slots.put(i, t, v, x, c, f, e, ls);
      return;
    }
    // Latest version wins; on a tie the row read last.
    if (slots.v[at]! > v) {
      this.files[f]!.duplicates += ls ? ls.length : 1;
      return;
    }
    this.files[slots.f[at]!]!.duplicates += slots.rows(at);
    slots.put(at, t, v, x, c, f, e, ls);
  }

  /** Slot of ticket `id` of a source system, or -1. */
  private slot(system: string, id: string): number {
    return this.ticketIds.get(system)?.get(id) ?? -1;
  }

  private addReject(
    f: number,
    line: number,
    field: string,
    reason: string,
    excerpt: string,
    severity: Reject["severity"],
  ): void {
    const stats = this.files[f]!;
    stats.rejected++;
    if (severity === "excluded") stats.excluded[reason] = (stats.excluded[reason] ?? 0) + 1;
    this.rejects.push({file: stats.file, line, field, reason, excerpt, severity});
    if (severity !== "invalid" || stats.quiet) return;
    const n = ++this.problemCount[f]!;
    if (n <= MAX_PROBLEMS_PER_FILE) this.problems.push(lineOf(stats.file, line, field, reason));
  }

  /**
   * A kept row whose times contradict each other: in rejects.csv with severity "warning", not
   * counted as rejected (the row is accepted), counted per file.
   */
  private addWarning(
    f: number,
    line: number,
    odd: {field: string; reason: string},
    e: string,
    count: number[],
  ): void {
    count[f]!++;
    this.rejects.push({
      file: this.files[f]!.file,
      line,
      field: odd.field,
      reason: odd.reason,
      excerpt: e,
      severity: "warning",
    });
  }

  /**
   * The responses, with ticket ids as the dataset stores them. When the kept tickets come from
   * more than one source system, every ticket id becomes `system:id` (rewritten in place), a
   * rating or an answer on a ticket row links to its own system's ticket, and a survey file's
   * response (no system of its own) links to the one system holding that id; an id held by
   * several systems cannot be told apart, so the response is left unlinked, with a warning.
   */
  private qualify(
    tickets: Ticket[],
    systems: string[],
    linked: {r: SurveyResponse; system: string}[],
  ): SurveyResponse[] {
    const out: SurveyResponse[] = [];
    const multi = new Set(systems).size > 1;
    const owner = new Map<string, string | null>();
    if (multi)
      for (let i = 0; i < tickets.length; i++) {
        const t = tickets[i]!;
        const o = owner.get(t.ticket_id);
        owner.set(t.ticket_id, o === undefined || o === systems[i] ? systems[i]! : null);
        t.ticket_id = datasetTicketId(systems[i]!, t.ticket_id, true);
      }
    for (const {r, system} of linked) {
      if (multi && r.ticket_id !== null) r.ticket_id = datasetTicketId(system, r.ticket_id, true);
      out.push(r);
    }
    const ambiguous = this.files.map(() => 0);
    for (const {r, f} of this.responses.values()) {
      if (multi && r.ticket_id !== null) {
        const o = owner.get(r.ticket_id);
        if (o === null) {
          ambiguous[f]!++;
          r.ticket_id = null;
        } else if (o !== undefined) r.ticket_id = datasetTicketId(o, r.ticket_id, true);
      }
      out.push(r);
      this.files[f]!.accepted++;
    }
    // Outside the per-file cap of row warnings: one line per file, like the file-level ones.
    for (let f = 0; f < this.files.length; f++)
      if (ambiguous[f]! > 0) this.warnings.push(unlinkedLine(this.files[f]!.file, ambiguous[f]!));
    return out;
  }

  /** Resolves merges, metrics and ratings; returns the final rows. Call once, at the end. */
  finish(now: number): {tickets: Ticket[]; responses: SurveyResponse[]} {
    const slots = this.tickets;
    // Per file: tickets (or metrics rows) kept, and those whose times contradict each other.
    const kept = this.files.map(() => 0);
    const oddCount = this.files.map(() => 0);
    for (const [k, target] of this.merged) {
      const [system, source] = k.split("\u0000") as [string, string];
      const i = this.slot(system, source);
      if (i >= 0 && !slots.left.has(i))
        slots.left.set(i, {x: "merged ticket", e: `ticket ${source} merged into ${target}`});
    }
    for (const m of this.metrics.values()) {
      const i = this.slot(this.systems[m.f]!, m.id);
      const left = i < 0 ? undefined : slots.left.get(i);
      if (i < 0)
        this.addReject(
          m.f,
          m.line,
          "ticket_id",
          "ticket_metric for a ticket not in the input",
          m.e,
          "excluded",
        );
      else if (left)
        this.addReject(
          m.f,
          m.line,
          "ticket_id",
          `ticket_metric of a left-out ticket (${left.x})`,
          m.e,
          "excluded",
        );
      else {
        const t = slots.t[i]!;
        const merged = {...t};
        for (const [k, v] of Object.entries(m.patch))
          if (v !== undefined) (merged as Record<string, unknown>)[k] = v;
        const problem = checkTicket(merged, now);
        if (problem) this.addReject(m.f, m.line, problem.field, problem.reason, m.e, "invalid");
        else {
          Object.assign(t, m.patch);
          this.files[m.f]!.accepted++;
          kept[m.f]!++;
          // The metrics row brought the durations: a contradiction is its row's, not the ticket's.
          slots.odd.delete(i);
          const odd = implausible(t);
          if (odd) this.addWarning(m.f, m.line, odd, m.e, oddCount);
        }
      }
    }
    const csatByTicket = new Map<string, SurveyResponse>();
    // Responses whose ticket_id is their own system's id (ratings, answers on ticket rows).
    const linked: {r: SurveyResponse; system: string}[] = [];
    for (const {r, f, e} of this.ratings.values()) {
      const i = r.ticketId === null ? -1 : this.slot(this.systems[f]!, r.ticketId);
      const left = i < 0 ? undefined : slots.left.get(i);
      if (left) {
        this.addReject(f, r.line, "ticket_id", `rating of a left-out ticket (${left.x})`, e, "excluded");
        continue;
      }
      if (i >= 0) {
        const t = slots.t[i]!;
        t.satisfaction = r.satisfaction;
        if (r.response && r.response.channel === null) r.response.channel = t.channel;
      } else if (!r.response) {
        this.addReject(
          f,
          r.line,
          "ticket_id",
          `${r.satisfaction} rating for a ticket not in the input`,
          e,
          "excluded",
        );
        continue;
      }
      if (r.response) {
        if (r.ticketId !== null) csatByTicket.set(key(this.systems[f]!, r.ticketId), r.response);
        linked.push({r: r.response, system: this.systems[f]!});
      }
      this.files[f]!.accepted++;
    }
    const tickets: Ticket[] = [];
    const ticketSystems: string[] = [];
    // The id indexes are only needed to find slots: released before the output array grows.
    this.ticketIds = new Map();
    for (let i = 0; i < slots.t.length; i++) {
      const t = slots.t[i]!;
      const f = slots.f[i]!;
      const left = slots.left.get(i);
      if (left) {
        for (const line of slots.lines.get(i) ?? [t.source_line])
          this.addReject(f, line, "row", left.x, left.e, "excluded");
        continue;
      }
      tickets.push(t);
      ticketSystems.push(this.systems[f]!);
      this.files[f]!.accepted += slots.rows(i);
      kept[f]!++;
      const e = slots.odd.get(i);
      if (e !== undefined) this.addWarning(f, t.source_line, implausible(t)!, e, oddCount);
      // A survey answer carried on the ticket, unless a ratings file gave it already.
      const c = slots.c[i];
      if (c && !csatByTicket.has(key(this.systems[f]!, t.ticket_id)))
        linked.push({r: c, system: this.systems[f]!});
    }
    const out = this.qualify(tickets, ticketSystems, linked);
    for (let f = 0; f < this.files.length; f++) {
      const extra = this.problemCount[f]! - MAX_PROBLEMS_PER_FILE;
      if (extra > 0) this.problems.push(moreInvalid(this.files[f]!.file, extra));
      const w = this.warnCount[f]! - MAX_WARNINGS_PER_FILE;
      if (w > 0) this.warnings.push(moreWarnings(this.files[f]!.file, w));
      if (implausibleFile(oddCount[f]!, kept[f]!))
        this.warnings.push(implausibleShare(this.files[f]!.file, oddCount[f]!, kept[f]!));
    }
    this.tickets = new TicketSlots();
    this.metrics.clear();
    this.ratings.clear();
    this.responses.clear();
    this.merged.clear();
    return {tickets, responses: out};
  }

  manifestFiles(): FileManifest[] {
    return this.files.map((s) => ({
      file: s.file,
      format: s.format,
      content: s.kinds.size ? [...s.kinds].join("+") : s.content,
      lines: s.lines,
      rows_read: s.read,
      accepted: s.accepted,
      rejected: s.rejected,
      duplicates: s.duplicates,
      excluded: s.excluded,
    }));
  }
}
