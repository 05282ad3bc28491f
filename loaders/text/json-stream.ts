/**
 * Streaming splitter for API exports: a top-level object whose members are arrays of records
 * (`{"tickets": [...], "next_page": null}`) or a top-level array. Each array element, and each
 * non-array member, is handed over as its own JSON text, so a large export never becomes one
 * string. Truncated input is reported with the line where it stopped.
 */

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
}

type Phase = "start" | "key" | "colon" | "value" | "element" | "done";

const WS = (c: number) => c === 32 || c === 10 || c === 13 || c === 9;

export class JsonMemberScanner {
  private buf = "";
  private i = 0;
  private line = 1;
  private phase: Phase = "start";
  private rootArray = false;
  /** True while inside a member's array (or the root array). */
  private inArray = false;
  private key: string | null = null;
  private index = 0;
  private capStart = -1;
  private capLine = 0;
  private capIsKey = false;
  private depth = 0;
  private inString = false;
  private escape = false;
  private scalar = false;
  private error: string | null = null;
  private seen = false;

  constructor(private readonly onMember: (m: JsonMember) => void) {}

  push(text: string): void {
    this.buf = this.capStart >= 0 ? this.buf + text : this.buf.slice(this.i) + text;
    if (this.capStart < 0) this.i = 0;
    this.scan(false);
    if (this.capStart >= 0) {
      this.buf = this.buf.slice(this.capStart);
      this.i -= this.capStart;
      this.capStart = 0;
    } else {
      this.buf = "";
      this.i = 0;
    }
  }

  end(): JsonEnd {
    this.scan(true);
    if (!this.seen) return {error: "empty file", line: this.line, empty: true};
    if (this.error === null && this.phase !== "done") {
      const what = this.capStart >= 0 ? `a value that starts on line ${this.capLine}` : "the document";
      this.error = `truncated JSON: input ends inside ${what}`;
    }
    return {error: this.error, line: this.line, empty: false};
  }

  private fail(message: string): void {
    if (this.error === null) this.error = message;
    this.phase = "done";
    this.capStart = -1;
  }

  private startCapture(at: number, isKey: boolean, c: number): void {
    this.capStart = at;
    this.capLine = this.line;
    this.capIsKey = isKey;
    this.depth = c === 123 || c === 91 ? 1 : 0;
    this.inString = c === 34;
    this.escape = false;
    this.scalar = c !== 123 && c !== 91 && c !== 34;
  }

  private finish(end: number): void {
    const text = this.buf.slice(this.capStart, end);
    this.capStart = -1;
    if (this.capIsKey) {
      this.key = JSON.parse(text) as string;
      this.phase = "colon";
      return;
    }
    this.onMember({key: this.key, text, line: this.capLine, index: this.inArray ? this.index++ : -1});
    this.phase = this.inArray ? "element" : "key";
  }

  private scan(final: boolean): void {
    const buf = this.buf;
    const n = buf.length;
    let i = this.i;
    for (; i < n && this.phase !== "done"; i++) {
      const c = buf.charCodeAt(i);
      if (this.capStart >= 0) {
        if (this.inString) {
          if (c === 10) this.line++;
          if (this.escape) this.escape = false;
          else if (c === 92) this.escape = true;
          else if (c === 34) {
            this.inString = false;
            if (this.depth === 0) this.finish(i + 1);
          }
          continue;
        }
        if (this.scalar) {
          if (c === 44 || c === 125 || c === 93 || WS(c)) {
            this.finish(i);
            i--; // the terminator belongs to the container
          }
          continue;
        }
        if (c === 10) this.line++;
        if (c === 34) this.inString = true;
        else if (c === 123 || c === 91) this.depth++;
        else if (c === 125 || c === 93) {
          if (--this.depth === 0) this.finish(i + 1);
        }
        continue;
      }
      if (c === 10) this.line++;
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
          else if (c === 34) this.startCapture(i, true, c);
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
          } else this.startCapture(i, false, c);
          break;
        case "element":
          if (c === 44) break;
          if (c === 93) {
            this.inArray = false;
            this.phase = this.rootArray ? "done" : "key";
          } else this.startCapture(i, false, c);
          break;
      }
    }
    if (final && this.capStart >= 0 && this.scalar) {
      this.finish(n); // a bare scalar at the very end, e.g. a truncated `"count": 2`
      this.phase = "key";
    }
    this.i = i;
  }
}

/** Splits JSON Lines text into one member per non-blank line. */
export class JsonLinesScanner {
  private carry = "";
  private line = 1;
  constructor(private readonly onMember: (m: JsonMember) => void) {}

  push(text: string): void {
    const all = this.carry + text;
    let start = 0;
    for (let nl = all.indexOf("\n"); nl >= 0; nl = all.indexOf("\n", start)) {
      this.emit(all.slice(start, nl));
      start = nl + 1;
    }
    this.carry = all.slice(start);
  }

  end(): JsonEnd {
    if (this.carry.trim()) this.emit(this.carry);
    this.carry = "";
    return {error: null, line: this.line, empty: this.line === 1};
  }

  private emit(raw: string): void {
    const text = raw.trim();
    if (text) this.onMember({key: null, text, line: this.line, index: -1});
    this.line++;
  }
}
