/**
 * Streaming CSV parser (RFC 4180 plus what spreadsheets write): quoted fields, doubled quotes,
 * newlines inside quotes, CRLF / LF / CR line ends. Text arrives in chunks of any size; each
 * record is reported with the 1-based physical line where it starts.
 */

export type Delimiter = "," | ";" | "\t";
export const DELIMITERS: readonly Delimiter[] = [",", ";", "\t"];

export type RecordHandler = (fields: string[], line: number) => void;

const QUOTE = 34;
const LF = 10;
const CR = 13;

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

export class CsvParser {
  delimiter: Delimiter | null;
  /** Line of the record still open when the input ended inside quotes, else null. */
  unterminatedQuoteLine: number | null = null;
  /**
   * Columns the caller reads (1 = read). Other cells come back as "" without being copied out
   * of the text, which saves most allocations on wide exports. Null = all columns.
   */
  wanted: Uint8Array | null = null;
  private buf = "";
  private line = 1;
  private readonly onRecord: RecordHandler;

  constructor(onRecord: RecordHandler, delimiter?: Delimiter) {
    this.onRecord = onRecord;
    this.delimiter = delimiter ?? null;
  }

  push(text: string): void {
    this.buf = this.buf.length ? this.buf + text : text;
    if (this.delimiter === null) {
      // Sniff once a few lines are in, so the sample covers the header and some data.
      let lines = 0;
      for (let i = this.buf.indexOf("\n"); i >= 0 && lines < 8; i = this.buf.indexOf("\n", i + 1)) lines++;
      if (lines < 8 && this.buf.length < 65536) return;
      this.delimiter = sniffDelimiter(this.buf);
    }
    this.parse(false);
  }

  end(): void {
    if (this.delimiter === null) this.delimiter = sniffDelimiter(this.buf);
    this.parse(true);
    this.buf = "";
  }

  private parse(final: boolean): void {
    const buf = this.buf;
    const n = buf.length;
    const delim = this.delimiter!.charCodeAt(0);
    let i = 0;
    while (i < n) {
      const recordStart = i;
      const startLine = this.line;
      let lines = 0;
      const fields: string[] = [];
      let complete = false;
      for (;;) {
        if (i < n && buf.charCodeAt(i) === QUOTE) {
          // Quoted field: runs to a quote not followed by another quote.
          let j = i + 1;
          let value = "";
          let closed = false;
          for (;;) {
            const q = buf.indexOf('"', j);
            if (q < 0 || (q === n - 1 && !final)) break;
            lines += countLf(buf, j, q);
            if (buf.charCodeAt(q + 1) === QUOTE) {
              value += buf.slice(j, q + 1);
              j = q + 2;
              continue;
            }
            value += buf.slice(j, q);
            i = q + 1;
            closed = true;
            break;
          }
          if (!closed) {
            if (!final) break;
            // Input ended inside quotes: keep what there is and say where it started.
            lines += countLf(buf, j, n);
            value += buf.slice(j);
            this.unterminatedQuoteLine = startLine;
            fields.push(value);
            i = n;
            complete = true;
            break;
          }
          // Stray text after the closing quote is kept, as spreadsheets do.
          let k = i;
          while (k < n) {
            const c = buf.charCodeAt(k);
            if (c === delim || c === LF || c === CR) break;
            k++;
          }
          if (k > i) value += buf.slice(i, k);
          i = k;
          fields.push(value);
        } else {
          let k = i;
          while (k < n) {
            const c = buf.charCodeAt(k);
            if (c === delim || c === LF || c === CR) break;
            k++;
          }
          // Read for every cell: the caller sets it from inside a record handler of this call.
          const wanted = this.wanted;
          const c = fields.length;
          fields.push(wanted === null || c >= wanted.length || wanted[c] === 1 ? buf.slice(i, k) : "");
          i = k;
        }
        if (i >= n) {
          if (final) complete = true;
          break;
        }
        const c = buf.charCodeAt(i);
        if (c === delim) {
          i++;
          continue;
        }
        if (c === CR) {
          // A CR at the end of a chunk may be the first half of CRLF.
          if (i + 1 >= n && !final) break;
          i += buf.charCodeAt(i + 1) === LF ? 2 : 1;
        } else i++;
        lines++;
        complete = true;
        break;
      }
      if (!complete) {
        this.buf = buf.slice(recordStart);
        return;
      }
      this.line = startLine + lines;
      // Blank lines are not records.
      if (fields.length === 1 && fields[0] === "" && buf.charCodeAt(recordStart) !== QUOTE) continue;
      this.onRecord(fields, startLine);
    }
    this.buf = "";
  }
}

function countLf(s: string, from: number, to: number): number {
  let k = 0;
  for (let i = s.indexOf("\n", from); i >= 0 && i < to; i = s.indexOf("\n", i + 1)) k++;
  return k;
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
