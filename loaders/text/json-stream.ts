/**
 * Streaming splitter for API exports: a top-level object whose members are arrays of records
 * (`{"tickets": [...], "next_page": null}`) or a top-level array. Each array element, and each
 * non-array member, is handed over as its own JSON text, so a large export never becomes one
 * string. Truncated input is reported with the line where it stopped, and so is anything but
 * white space after the document.
 *
 * Every character is looked at once: a value that crosses chunks keeps its pieces in an array,
 * joined once, so time is linear in the record length. A value longer than the limit
 * (MAX_RECORD_CHARS) is not kept: it is reported with its line and reading goes on after it.
 */
import {MAX_RECORD_CHARS} from "./limits.ts";

export interface JsonMember {
  /** Top-level key, or null for elements of a top-level array. */
  key: string | null;
  /** JSON text of the value (one array element, or the whole member value). */
  text: string;
  /** 1-based line where the value starts. */
  line: number;
  /** Position in its array (0-based), or -1 for a member that is not an array. */
  index: number;
}

export interface JsonEnd {
  /** Why the document is not complete JSON, or null. */
  error: string | null;
  line: number;
  /** True when nothing but whitespace was read. */
  empty: boolean;
  /**
   * Records the document holds: elements of its arrays and object members outside arrays
   * (JSON Lines: non-blank lines), over-long ones included.
   */
  records: number;
}

export interface ScannerOptions {
  /** Longest value kept, in characters. Default MAX_RECORD_CHARS. */
  maxRecord?: number;
  /** A value longer than the limit, skipped: where it starts. */
  onTooLong?: (m: Omit<JsonMember, "text">) => void;
}

type Phase = "start" | "key" | "colon" | "value" | "element" | "done";

const WS = (c: number) => c === 32 || c === 10 || c === 13 || c === 9;

export class JsonMemberScanner {
  private phase: Phase = "start";
  private rootArray = false;
  /** True while inside a member's array (or the root array). */
  private inArray = false;
  private key: string | null = null;
  private index = 0;
  private line = 1;
  /** Characters before the current chunk, and where the current line starts (for columns). */
  private offset = 0;
  private lineStart = 0;
  /** A value is being captured: its pieces from earlier chunks, its length so far. */
  private capturing = false;
  private pieces: string[] = [];
  private capLength = 0;
  private capLine = 0;
  private capIsKey = false;
  private capObject = false;
  /** The value passed the limit: its text is dropped, its end still looked for. */
  private dropped = false;
  private depth = 0;
  private inString = false;
  private escape = false;
  private scalar = false;
  private error: string | null = null;
  private seen = false;
  private records = 0;
  private readonly maxRecord: number;

  constructor(
    private readonly onMember: (m: JsonMember) => void,
    private readonly options: ScannerOptions = {},
  ) {
    this.maxRecord = options.maxRecord ?? MAX_RECORD_CHARS;
  }

  push(text: string): void {
    this.scan(text, false);
    this.offset += text.length;
  }

  end(): JsonEnd {
    this.scan("", true);
    const base = {line: this.line, records: this.records};
    if (!this.seen) return {error: "empty file", empty: true, ...base};
    if (this.error === null && this.phase !== "done") {
      const what = this.capturing ? `a value that starts on line ${this.capLine}` : "the document";
      this.error = `truncated JSON: input ends inside ${what}`;
    }
    return {error: this.error, empty: false, ...base};
  }

  private fail(message: string): void {
    if (this.error === null) this.error = message;
    this.phase = "done";
    this.capturing = false;
    this.pieces = [];
  }

  private startCapture(s: string, at: number, isKey: boolean, c: number): number {
    this.capturing = true;
    this.pieces = [];
    this.capLength = 0;
    this.capLine = this.line;
    this.capIsKey = isKey;
    this.capObject = c === 123;
    this.dropped = false;
    this.depth = c === 123 || c === 91 ? 1 : 0;
    this.inString = c === 34;
    this.escape = false;
    this.scalar = c !== 123 && c !== 91 && c !== 34;
    return at;
  }

  private finish(s: string, from: number, end: number): void {
    this.capturing = false;
    // A value held in one chunk is measured here, so the limit does not depend on the chunks.
    if (this.capLength + (end - from) > this.maxRecord) this.dropped = true;
    const index = this.capIsKey ? -1 : this.inArray ? this.index++ : -1;
    if (!this.capIsKey && (index >= 0 || this.capObject)) this.records++;
    if (this.dropped) {
      this.pieces = [];
      if (this.capIsKey) {
        this.key = "";
        this.phase = "colon";
      } else {
        this.options.onTooLong?.({key: this.key, line: this.capLine, index});
        this.phase = this.inArray ? "element" : "key";
      }
      return;
    }
    this.pieces.push(s.slice(from, end));
    const text = this.pieces.length === 1 ? this.pieces[0]! : this.pieces.join("");
    this.pieces = [];
    if (this.capIsKey) {
      this.key = JSON.parse(text) as string;
      this.phase = "colon";
      return;
    }
    this.onMember({key: this.key, text, line: this.capLine, index});
    this.phase = this.inArray ? "element" : "key";
  }

  private scan(s: string, final: boolean): void {
    const n = s.length;
    let from = 0;
    let i = 0;
    for (; i < n; i++) {
      const c = s.charCodeAt(i);
      if (this.capturing) {
        if (this.inString) {
          if (c === 10) {
            this.line++;
            this.lineStart = this.offset + i + 1;
          }
          if (this.escape) this.escape = false;
          else if (c === 92) this.escape = true;
          else if (c === 34) {
            this.inString = false;
            if (this.depth === 0) this.finish(s, from, i + 1);
          }
          continue;
        }
        if (this.scalar) {
          if (c === 44 || c === 125 || c === 93 || WS(c)) {
            this.finish(s, from, i);
            i--; // the terminator belongs to the container
          }
          continue;
        }
        if (c === 10) {
          this.line++;
          this.lineStart = this.offset + i + 1;
        }
        if (c === 34) this.inString = true;
        else if (c === 123 || c === 91) this.depth++;
        else if (c === 125 || c === 93) {
          if (--this.depth === 0) this.finish(s, from, i + 1);
        }
        continue;
      }
      if (c === 10) {
        this.line++;
        this.lineStart = this.offset + i + 1;
      }
      if (WS(c)) continue;
      this.seen = true;
      switch (this.phase) {
        case "start":
          if (c === 123) this.phase = "key";
          else if (c === 91) {
            this.rootArray = this.inArray = true;
            this.phase = "element";
          } else this.fail(`not JSON: starts with "${String.fromCharCode(c)}"`);
          break;
        case "key":
          if (c === 44) break;
          if (c === 125) this.phase = "done";
          else if (c === 34) from = this.startCapture(s, i, true, c);
          else this.fail(`malformed JSON on line ${this.line}: expected a key`);
          break;
        case "colon":
          if (c === 58) this.phase = "value";
          else this.fail(`malformed JSON on line ${this.line}: expected ":"`);
          break;
        case "value":
          if (c === 91) {
            this.inArray = true;
            this.index = 0;
            this.phase = "element";
          } else from = this.startCapture(s, i, false, c);
          break;
        case "element":
          if (c === 44) break;
          if (c === 93) {
            this.inArray = false;
            this.phase = this.rootArray ? "done" : "key";
          } else from = this.startCapture(s, i, false, c);
          break;
        case "done":
          if (this.error !== null) return;
          // Whatever follows the document would be read by nothing: say so, never drop it.
          this.fail(
            `text after the end of the JSON document on line ${this.line}, column ` +
              `${this.offset + i - this.lineStart + 1}`,
          );
          return;
      }
    }
    if (!this.capturing) return;
    if (final) {
      if (this.scalar) {
        this.finish(s, from, n); // a bare scalar at the very end, e.g. a truncated `"count": 2`
        this.phase = "key";
      }
      return;
    }
    // The value goes on in the next chunk: keep this chunk's piece, unless it is over the limit.
    this.capLength += n - from;
    if (this.dropped) return;
    if (this.capLength > this.maxRecord) {
      this.dropped = true;
      this.pieces = [];
    } else this.pieces.push(s.slice(from));
  }
}

/** Splits JSON Lines text into one member per non-blank line. */
export class JsonLinesScanner {
  private pieces: string[] = [];
  private length = 0;
  private tooLong = false;
  private line = 1;
  private records = 0;
  private readonly maxRecord: number;

  constructor(
    private readonly onMember: (m: JsonMember) => void,
    private readonly options: ScannerOptions = {},
  ) {
    this.maxRecord = options.maxRecord ?? MAX_RECORD_CHARS;
  }

  push(text: string): void {
    let start = 0;
    for (let nl = text.indexOf("\n"); nl >= 0; nl = text.indexOf("\n", start)) {
      this.keep(text, start, nl);
      this.emit();
      start = nl + 1;
    }
    this.keep(text, start, text.length);
  }

  end(): JsonEnd {
    if (this.length > 0) this.emit();
    return {
      error: null,
      line: this.line,
      empty: this.records === 0 && this.line === 1,
      records: this.records,
    };
  }

  private keep(text: string, from: number, to: number): void {
    if (to <= from) return;
    this.length += to - from;
    if (this.tooLong) return;
    if (this.length > this.maxRecord) {
      this.tooLong = true;
      this.pieces = [];
    } else this.pieces.push(text.slice(from, to));
  }

  private emit(): void {
    const tooLong = this.tooLong;
    const text = tooLong ? "" : this.pieces.join("").trim();
    this.pieces = [];
    this.length = 0;
    this.tooLong = false;
    if (tooLong) {
      this.records++;
      this.options.onTooLong?.({key: null, line: this.line, index: -1});
    } else if (text) {
      this.records++;
      this.onMember({key: null, text, line: this.line, index: -1});
    }
    this.line++;
  }
}
