/**
 * Streaming CSV parser (RFC 4180 plus what spreadsheets write): quoted fields, doubled quotes,
 * newlines inside quotes, CRLF / LF / CR line ends. Text arrives in chunks of any size; each
 * record is reported with the 1-based physical line where it starts.
 *
 * Every character is looked at once: a record that crosses chunks keeps its pieces in arrays,
 * joined once, so time is linear in the record length however the text is cut.
 *
 * Damage. Once the caller gives the header's width, a record whose quoted field runs over a line
 * end and which then does not come out as a row of that width (a stray quote swallowing the
 * lines after it), or which the input ends inside, is not read: its first line is reported as
 * damaged and reading resumes at the next line that parses on its own as a row of the header's
 * width, the lines in between reported as damaged too. A record longer than the limit
 * (MAX_RECORD_CHARS) is reported as damaged, and so are the lines its quotes run over.
 */
import {limitText, MAX_RECORD_CHARS} from "./limits.ts";

export type Delimiter = "," | ";" | "\t";
export const DELIMITERS: readonly Delimiter[] = [",", ";", "\t"];

export type RecordHandler = (fields: string[], line: number) => void;
/** A physical line not read as a record: its number, why, and its text (for an excerpt). */
export type DamageHandler = (line: number, reason: string, text: string) => void;

const QUOTE = 34;
const LF = 10;
const CR = 13;

/** Where the parser is inside a record. */
const FIELD = 0; // at the start of a field
const PLAIN = 1; // in unquoted text, or stray text after a closing quote
const QUOTED = 2; // inside quotes
const QUOTE_SEEN = 3; // after a quote inside quotes: a second one stands for a quote, else it closed

/** What the parser does with the text. */
const READ = 0; // reads records
const SKIP = 1; // drops the rest of a record over the limit
const RECOVER = 2; // reports damaged lines up to one that reads as a row of the header's width

/** "Not found" for cached positions: past any chunk. */
const NONE = Number.MAX_SAFE_INTEGER;
/** Characters of a damaged line kept for its excerpt. */
const EXCERPT_CHARS = 2048;

/** Counts delimiters outside quotes in the first records of `sample`, per candidate. */
export function sniffDelimiter(sample: string, maxRecords = 12): Delimiter {
  let best: Delimiter = ",";
  let bestScore = 0;
  for (const d of DELIMITERS) {
    const code = d.charCodeAt(0);
    const counts: number[] = [];
    let inQuotes = false;
    let count = 0;
    for (let i = 0; i < sample.length && counts.length < maxRecords; i++) {
      const c = sample.charCodeAt(i);
      if (c === QUOTE) inQuotes = !inQuotes;
      else if (!inQuotes && c === code) count++;
      else if (!inQuotes && c === LF) {
        counts.push(count);
        count = 0;
      }
    }
    if (count > 0 || counts.length === 0) counts.push(count);
    const header = counts[0] ?? 0;
    if (header === 0) continue;
    // A real delimiter appears as often on the data lines as on the header line.
    const same = counts.filter((k) => k === header).length / counts.length;
    const score = same * 1000 + header;
    if (score > bestScore) {
      bestScore = score;
      best = d;
    }
  }
  return best;
}

/** True when `fields` is a row of `width` fields (blank cells past it are a trailing delimiter's). */
export function fitsWidth(fields: string[], width: number): boolean {
  if (fields.length < width) return false;
  for (let i = width; i < fields.length; i++) if (fields[i]!.trim() !== "") return false;
  return true;
}

const find = (s: string, ch: string, from: number): number => {
  const i = s.indexOf(ch, from);
  return i < 0 ? NONE : i;
};

export class CsvParser {
  delimiter: Delimiter | null;
  /** Line of the record still open when the input ended inside quotes (no width given), else null. */
  unterminatedQuoteLine: number | null = null;
  /**
   * Columns the caller reads (1 = read). Other cells come back as "" without being copied out
   * of the text, which saves most allocations on wide exports. Null = all columns.
   */
  wanted: Uint8Array | null = null;
  /** Fields of the header row, once the caller knows it: records are checked against it. */
  width: number | null = null;
  /** Where damaged lines go (see above); without a handler they are dropped. */
  onDamage: DamageHandler | null = null;
  /**
   * Physical lines of the whole input, counted apart from the parse: LF, CRLF and CR each end
   * one, and a last line without an end counts. Set by end().
   */
  lines = 0;
  readonly maxRecord: number;

  private readonly onRecord: RecordHandler;
  /** Text held until the delimiter is sniffed. */
  private pending: string[] = [];
  private pendingLines = 0;
  private pendingLength = 0;
  /** A CR ending a chunk waits for the next one: it may be the first half of CRLF. */
  private heldCr = false;
  private ends = 0;
  private tail = false;

  private mode = READ;
  private state = FIELD;
  /** Line of the next character read. */
  private line = 1;
  private fields: string[] = [];
  /** Pieces of the current field from earlier chunks. */
  private parts: string[] = [];
  private recLine = 1;
  /** Characters of the current record in earlier chunks. */
  private recLength = 0;
  /** Empty cells past the header's width, not added yet (see add). */
  private blanks = 0;
  /** Text followed a closing quote in this record. */
  private stray = false;
  private quoteLine = 1;
  /** The record's text after its first line end inside quotes, kept to re-read as lines; null until then. */
  private after: string[] | null = null;
  /** Why the lines being recovered are damaged. */
  private reason = "";
  private lineParts: string[] = [];
  private lineLength = 0;
  private lineHead = "";
  private lineTooLong = false;
  /** Next LF and CR at or after the scan point in the current text (NONE: none, -1: not looked up). */
  private nl = -1;
  private nc = -1;

  constructor(onRecord: RecordHandler, delimiter?: Delimiter, options: {maxRecord?: number} = {}) {
    this.onRecord = onRecord;
    this.delimiter = delimiter ?? null;
    this.maxRecord = options.maxRecord ?? MAX_RECORD_CHARS;
  }

  push(text: string): void {
    if (this.heldCr) {
      text = "\r" + text;
      this.heldCr = false;
    }
    if (text.length > 0 && text.charCodeAt(text.length - 1) === CR) {
      text = text.slice(0, -1);
      this.heldCr = true;
    }
    if (text.length === 0) return;
    this.count(text);
    if (this.delimiter === null) {
      // Sniff once a few lines are in, so the sample covers the header and some data.
      this.pending.push(text);
      this.pendingLength += text.length;
      for (let i = text.indexOf("\n"); i >= 0 && this.pendingLines < 8; i = text.indexOf("\n", i + 1))
        this.pendingLines++;
      if (this.pendingLines < 8 && this.pendingLength < 65536) return;
      text = this.takePending();
    }
    this.run(text, false);
  }

  end(): void {
    let text = this.heldCr ? "\r" : "";
    this.heldCr = false;
    if (text) this.count(text);
    if (this.delimiter === null) text = this.takePending() + text;
    this.run(text, true);
    this.lines = this.ends + (this.tail ? 1 : 0);
  }

  private takePending(): string {
    const all = this.pending.join("");
    this.pending = [];
    this.delimiter = sniffDelimiter(all);
    return all;
  }

  /** Counts line ends of the raw text, whatever the parse makes of them. */
  private count(s: string): void {
    for (let i = s.indexOf("\n"); i >= 0; i = s.indexOf("\n", i + 1)) this.ends++;
    for (let i = s.indexOf("\r"); i >= 0; i = s.indexOf("\r", i + 1))
      if (s.charCodeAt(i + 1) !== LF) this.ends++;
    const last = s.charCodeAt(s.length - 1);
    this.tail = last !== LF && last !== CR;
  }

  /** Line ends in s[a, b). Scan points only grow between resets of the cache. */
  private endsIn(s: string, a: number, b: number): number {
    let k = 0;
    if (this.nl < a) this.nl = find(s, "\n", a);
    while (this.nl < b) {
      k++;
      this.nl = find(s, "\n", this.nl + 1);
    }
    if (this.nc < a) this.nc = find(s, "\r", a);
    while (this.nc < b) {
      if (s.charCodeAt(this.nc + 1) !== LF) k++;
      this.nc = find(s, "\r", this.nc + 1);
    }
    return k;
  }

  /** The first line end at or after `a` in s: its position (NONE if none). */
  private nextEnd(s: string, a: number): number {
    if (this.nl < a) this.nl = find(s, "\n", a);
    if (this.nc < a) this.nc = find(s, "\r", a);
    return Math.min(this.nl, this.nc);
  }

  /** Position just after the line end at `e`. */
  private static past(s: string, e: number): number {
    return e + (s.charCodeAt(e) === CR && s.charCodeAt(e + 1) === LF ? 2 : 1);
  }

  private wants(): boolean {
    const w = this.wanted;
    const c = this.fields.length;
    return w === null || c >= w.length || w[c] === 1;
  }

  private run(input: string, final: boolean): void {
    let s = input;
    let n = s.length;
    let i = 0;
    /** Where the current record's text starts in s. */
    let recStart = 0;
    /** Where the kept text after the record's first quoted line end starts in s (-1: none kept). */
    let afterStart = this.after === null ? -1 : 0;
    this.nl = this.nc = -1;
    const delim = this.delimiter!.charCodeAt(0);
    for (;;) {
      if (this.mode === RECOVER) {
        i = this.recoverLines(s, i, final);
        if (this.mode === RECOVER) return;
        recStart = i;
        afterStart = -1;
        continue;
      }
      if (i >= n) break;
      const state = this.state;
      let k: number;
      let c = 0;
      if (state === FIELD && this.mode === READ && s.charCodeAt(i) === QUOTE) {
        // The common quoted field: closed in this chunk, on its line, before a delimiter or a
        // line end. Read at once; anything else goes the long way below.
        const q = s.indexOf('"', i + 1);
        c = q >= 0 && q + 1 < n ? s.charCodeAt(q + 1) : QUOTE;
        if ((c === delim || c === LF || c === CR) && this.nextEnd(s, i) > q) {
          const w = this.wanted;
          const col = this.fields.length;
          this.add(w === null || col >= w.length || w[col] === 1 ? s.slice(i + 1, q) : "");
          k = q + 1;
        } else k = -1;
      } else k = -1;
      if (k < 0) {
        if (state === QUOTED) {
          const q = s.indexOf('"', i);
          const b = q < 0 ? n : q;
          if (this.after === null) {
            const e = this.nextEnd(s, i);
            if (e < b) {
              if (this.mode === SKIP) {
                // A record already over the limit runs over lines: they are read as lines.
                this.line++;
                this.startRecovery();
                i = CsvParser.past(s, e);
                continue;
              }
              this.after = [];
              afterStart = CsvParser.past(s, e);
            }
          }
          this.line += this.endsIn(s, i, b);
          if (this.mode === READ && this.wants()) this.parts.push(s.slice(i, b));
          if (q < 0) break;
          i = q + 1;
          this.state = QUOTE_SEEN;
          continue;
        }
        if (state === QUOTE_SEEN) {
          if (s.charCodeAt(i) === QUOTE) {
            if (this.mode === READ && this.wants()) this.parts.push('"');
            i++;
            this.state = QUOTED;
            continue;
          }
          // Stray text after the closing quote is kept, as spreadsheets do; in a record that
          // runs over lines it tells a stray quote that swallowed them.
          c = s.charCodeAt(i);
          if (c !== delim && c !== LF && c !== CR) this.stray = true;
          this.state = PLAIN;
        } else if (state === FIELD) {
          if (s.charCodeAt(i) === QUOTE) {
            this.quoteLine = this.line;
            this.state = QUOTED;
            i++;
            continue;
          }
          this.state = PLAIN;
        }
        k = i;
        while (k < n) {
          c = s.charCodeAt(k);
          if (c === delim || c === LF || c === CR) break;
          k++;
        }
        if (k === n) {
          if (this.mode === READ && k > i && this.wants()) this.parts.push(s.slice(i, n));
          break;
        }
        if (this.parts.length === 0 && this.mode === READ) {
          const w = this.wanted;
          const col = this.fields.length;
          this.add(w === null || col >= w.length || w[col] === 1 ? s.slice(i, k) : "");
        } else this.endField(s, i, k);
      }
      if (c === delim) {
        i = k + 1;
        this.state = FIELD;
        continue;
      }
      // Blank lines are not records (told from the text: an unread cell also comes back "").
      const blank = this.recLength === 0 && k === recStart;
      i = CsvParser.past(s, k);
      this.line++;
      if (this.mode === READ && this.after === null && this.recLength + (i - recStart) <= this.maxRecord) {
        // The common record: on one line, within the limit.
        const fields = this.fields;
        this.fields = [];
        this.blanks = 0;
        this.state = FIELD;
        if (!blank) this.onRecord(fields, this.recLine);
        this.stray = false;
        this.recLength = 0;
        this.recLine = this.line;
        recStart = i;
        continue;
      }
      const rest = this.endRecord(s, i, recStart, afterStart, this.line - 1, false, blank);
      if (rest !== null) {
        // Damage: the lines after the record's first one are read again, as lines.
        s = rest;
        n = s.length;
        i = 0;
        this.nl = this.nc = -1;
      }
      recStart = i;
      afterStart = -1;
    }
    // The chunk is read: a record still open goes on in the next chunk, or ends with the input.
    const open = this.mode === SKIP || this.state !== FIELD || this.fields.length > 0;
    if (!final) {
      if (!open) return;
      this.recLength += n - recStart;
      if (this.after !== null && afterStart >= 0) this.after.push(s.slice(afterStart));
      if (this.mode === READ && this.recLength > this.maxRecord) {
        const rest = this.overLimit(null);
        if (rest !== null) this.run(rest, false);
      }
      return;
    }
    if (!open) return;
    const last = this.tail ? this.line : this.line - 1;
    if (this.state === QUOTED) {
      const rest = this.endRecord(s, n, recStart, afterStart, last, true, false);
      if (rest !== null) this.run(rest, true);
      return;
    }
    if (this.mode === READ) this.endField(s, n, n);
    const rest = this.endRecord(s, n, recStart, afterStart, last, false, false);
    if (rest !== null) this.run(rest, true);
  }

  private endField(s: string, from: number, to: number): void {
    if (this.mode !== READ) return;
    if (!this.wants()) {
      this.add("");
      this.parts.length = 0;
    } else if (this.parts.length === 0) this.add(s.slice(from, to));
    else {
      this.parts.push(s.slice(from, to));
      this.add(this.parts.join(""));
      this.parts = [];
    }
  }

  /**
   * Adds a cell to the record. Empty cells past the header's width are only counted until a
   * cell with text follows them: trailing ones are a trailing delimiter's (the caller drops
   * them), and a line of delimiters then costs no array of empty strings.
   */
  private add(value: string): void {
    if (value === "" && this.width !== null && this.fields.length >= this.width) {
      this.blanks++;
      return;
    }
    for (; this.blanks > 0; this.blanks--) this.fields.push("");
    this.fields.push(value);
  }

  /**
   * Ends the record at `end` of s (its last line `last`): hands it over, or reports it damaged.
   * Returns the text to re-read as lines, or null.
   */
  private endRecord(
    s: string,
    end: number,
    recStart: number,
    afterStart: number,
    last: number,
    unclosed: boolean,
    blank: boolean,
  ): string | null {
    if (this.after !== null && afterStart >= 0) this.after.push(s.slice(afterStart));
    const length = this.recLength + (end - recStart);
    let rest: string | null = null;
    if (this.mode === SKIP) this.mode = READ;
    else if (length > this.maxRecord) rest = this.overLimit(true);
    else if (unclosed && this.width === null) {
      // Without a header to check against, keep what there is and say where it started.
      this.fields.push(this.parts.join(""));
      this.unterminatedQuoteLine = this.recLine;
      this.onRecord(this.fields, this.recLine);
    } else if (
      this.width !== null &&
      (unclosed || (this.after !== null && (this.stray || !fitsWidth(this.fields, this.width))))
    ) {
      const n = this.recLine;
      // Worded so no two numbers touch: reasons pass the contact masking, which would read
      // "3..200001 (199999" as a phone number.
      const span = `${last - n + 1} line${last === n ? "" : "s"} (${n} to ${last})`;
      const why = unclosed
        ? `unclosed quote opened on line ${this.quoteLine} swallowed ${span} to the end of the file`
        : this.stray
          ? `quote opened on line ${n} swallowed ${span}, up to a quote followed by text`
          : `quote opened on line ${n} swallowed ${span}, leaving a row of ${this.fields.length} fields where the header has ${this.width}`;
      rest = this.damaged(why);
    } else if (!blank) this.onRecord(this.fields, this.recLine);
    this.resetRecord();
    return rest;
  }

  /**
   * The current record is over the limit: its first line is damaged; the lines its quotes ran
   * over are re-read (returned); with none, the rest of the record is skipped when still open.
   */
  private overLimit(complete: boolean | null): string | null {
    const why = `record opened on line ${this.recLine} is longer than the ${limitText(this.maxRecord)} limit`;
    if (this.after !== null) {
      const rest = this.damaged(why);
      this.resetRecord();
      return rest;
    }
    this.onDamage?.(this.recLine, why, this.recordHead());
    this.reason = why;
    if (!complete) {
      this.mode = SKIP;
      this.fields = [];
      this.blanks = 0;
      this.parts = [];
    }
    return null;
  }

  /** Reports the record's first line as damaged and returns its text after that line, to re-read. */
  private damaged(why: string): string {
    this.onDamage?.(this.recLine, why, this.recordHead());
    const rest = this.after === null ? "" : this.after.join("");
    this.line = this.recLine + 1;
    this.reason = why;
    this.startRecovery();
    return rest;
  }

  private startRecovery(): void {
    this.mode = RECOVER;
    this.resetRecord();
    this.lineParts = [];
    this.lineLength = 0;
    this.lineHead = "";
    this.lineTooLong = false;
  }

  private resetRecord(): void {
    this.fields = [];
    this.blanks = 0;
    if (this.parts.length > 0) this.parts = [];
    this.after = null;
    this.recLength = 0;
    this.stray = false;
    this.state = FIELD;
    this.recLine = this.line;
  }

  /** The start of the current record's text, for an excerpt. */
  private recordHead(): string {
    let out = "";
    for (const f of this.fields) {
      out += (out ? this.delimiter! : "") + f.slice(0, EXCERPT_CHARS);
      if (out.length >= EXCERPT_CHARS) break;
    }
    if (this.mode === READ && (this.state === QUOTED || this.state === QUOTE_SEEN || this.state === PLAIN)) {
      out += this.fields.length > 0 ? this.delimiter! : "";
      for (const p of this.parts) {
        if (out.length >= EXCERPT_CHARS) break;
        out += p.slice(0, EXCERPT_CHARS);
      }
    }
    // Its first line only: the lines after it are reported on their own.
    return out.slice(0, EXCERPT_CHARS).split(/\r\n|\r|\n/, 1)[0]!;
  }

  /**
   * Reads damaged lines from `i` until one parses on its own as a row of the header's width
   * (handed over as a record, reading goes on after it) or the text runs out. Returns where it stopped.
   */
  private recoverLines(s: string, i: number, final: boolean): number {
    const n = s.length;
    for (;;) {
      const e = this.nextEnd(s, i);
      if (e >= n) {
        this.keepLinePiece(s, i, n);
        if (final && (this.lineLength > 0 || this.lineTooLong)) this.judgeLine(this.line);
        return n;
      }
      this.keepLinePiece(s, i, e);
      const line = this.line++;
      i = CsvParser.past(s, e);
      if (this.judgeLine(line)) {
        this.recLine = this.line;
        return i;
      }
    }
  }

  private keepLinePiece(s: string, from: number, to: number): void {
    if (to <= from) return;
    if (this.lineHead.length < EXCERPT_CHARS)
      this.lineHead += s.slice(from, Math.min(to, from + EXCERPT_CHARS - this.lineHead.length));
    this.lineLength += to - from;
    if (this.lineLength > this.maxRecord) {
      this.lineTooLong = true;
      this.lineParts = [];
    } else this.lineParts.push(s.slice(from, to));
  }

  /** True when the line just read ends the recovery. */
  private judgeLine(line: number): boolean {
    const text = this.lineParts.join("");
    const head = this.lineHead;
    const tooLong = this.lineTooLong;
    this.lineParts = [];
    this.lineLength = 0;
    this.lineHead = "";
    this.lineTooLong = false;
    if (!tooLong && text === "") return false;
    if (!tooLong) {
      const fields = splitLine(text, this.delimiter!);
      if (fields !== null && (this.width === null || fitsWidth(fields, this.width))) {
        this.mode = READ;
        this.onRecord(fields, line);
        return true;
      }
    }
    this.onDamage?.(line, this.reason, head);
    return false;
  }
}

/** The fields of one line read on its own, or null when a quote opened in it does not close. */
function splitLine(text: string, delimiter: Delimiter): string[] | null {
  let out: string[] | null = null;
  const p = new CsvParser((f) => (out = f), delimiter);
  p.push(text);
  p.end();
  return p.unterminatedQuoteLine === null ? out : null;
}

/** Parses a whole string (tests, small inputs). */
export function parseCsv(text: string, delimiter?: Delimiter): {records: string[][]; lines: number[]} {
  const records: string[][] = [];
  const lines: number[] = [];
  const p = new CsvParser((f, l) => {
    records.push(f);
    lines.push(l);
  }, delimiter);
  p.push(text);
  p.end();
  return {records, lines};
}
