/** Byte decoding for exports: UTF-8 (BOM or not), UTF-16 LE/BE, and Windows-1252 as the fallback. */

export type Encoding = "utf-8" | "utf-16le" | "utf-16be" | "windows-1252";

/** Code points of Windows-1252 bytes 0x80..0x9F; the rest of the table equals Latin-1. */
const CP1252_HIGH = [
  0x20ac, 0x81, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021, 0x02c6, 0x2030, 0x0160, 0x2039, 0x0152, 0x8d,
  0x017d, 0x8f, 0x90, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x02dc, 0x2122, 0x0161, 0x203a,
  0x0153, 0x9d, 0x017e, 0x0178,
];

/**
 * Windows-1252 by hand: some runtimes (Node's small-ICU path) decode "windows-1252" as Latin-1,
 * which turns curly quotes and the euro sign into control characters.
 */
export function decodeWindows1252(bytes: Uint8Array): string {
  let out = "";
  const step = 8192;
  for (let start = 0; start < bytes.length; start += step) {
    const end = Math.min(bytes.length, start + step);
    const codes = new Array<number>(end - start);
    for (let i = start; i < end; i++) {
      const b = bytes[i]!;
      codes[i - start] = b >= 0x80 && b < 0xa0 ? CP1252_HIGH[b - 0x80]! : b;
    }
    out += String.fromCharCode(...codes);
  }
  return out;
}

/** Guesses the encoding from the first bytes: a BOM, else the NUL pattern of UTF-16 text. */
export function sniffEncoding(head: Uint8Array): {encoding: Encoding; bomLength: number} {
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) return {encoding: "utf-8", bomLength: 3};
  if (head[0] === 0xff && head[1] === 0xfe) return {encoding: "utf-16le", bomLength: 2};
  if (head[0] === 0xfe && head[1] === 0xff) return {encoding: "utf-16be", bomLength: 2};
  // ASCII text in UTF-16 without a BOM has a NUL in every other byte.
  const n = Math.min(head.length - (head.length % 2), 256);
  if (n >= 4) {
    let evenNul = 0;
    let oddNul = 0;
    for (let i = 0; i < n; i += 2) {
      if (head[i] === 0) evenNul++;
      if (head[i + 1] === 0) oddNul++;
    }
    const pairs = n / 2;
    if (oddNul > pairs * 0.6 && evenNul === 0) return {encoding: "utf-16le", bomLength: 0};
    if (evenNul > pairs * 0.6 && oddNul === 0) return {encoding: "utf-16be", bomLength: 0};
  }
  return {encoding: "utf-8", bomLength: 0};
}

/** Length of the prefix of `bytes` that ends on a UTF-8 character boundary. */
function utf8Boundary(bytes: Uint8Array): number {
  const n = bytes.length;
  for (let back = 1; back <= Math.min(3, n); back++) {
    const b = bytes[n - back]!;
    if ((b & 0xc0) === 0x80) continue; // continuation byte: keep looking for the lead
    const need = b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : b >= 0xc0 ? 2 : 1;
    return need > back ? n - back : n;
  }
  return n;
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  if (a.length === 0) return b;
  const out = new Uint8Array(a.length + b.length);
  out.set(a, 0);
  out.set(b, a.length);
  return out;
}

/**
 * Streaming decoder. UTF-8 is decoded strictly; at the first invalid sequence the rest of the
 * file is read as Windows-1252 (bytes already decoded were valid UTF-8, so nothing is lost).
 */
export class ByteDecoder {
  encoding: Encoding | null = null;
  /** Set when UTF-8 turned out invalid and the decoder switched to Windows-1252. */
  fellBack = false;
  private carry: Uint8Array = new Uint8Array(0);
  private strict = new TextDecoder("utf-8", {fatal: true});
  private utf16: TextDecoder | null = null;
  private odd: number | null = null;

  constructor(private readonly forced?: Encoding) {}

  decode(chunk: Uint8Array): string {
    if (this.encoding !== null) return this.body(chunk);
    const bytes = concat(this.carry, chunk);
    this.carry = new Uint8Array(0);
    // Wait for a few bytes: the BOM and NUL pattern need them.
    if (bytes.length < 4) {
      this.carry = bytes;
      return "";
    }
    return this.body(this.start(bytes));
  }

  end(): string {
    let out = "";
    if (this.encoding === null) {
      const bytes = this.carry;
      this.carry = new Uint8Array(0);
      out = this.body(this.start(bytes));
    }
    if (this.utf16) return out + this.utf16.decode();
    if (this.carry.length === 0) return out;
    const rest = this.carry;
    this.carry = new Uint8Array(0);
    try {
      return out + this.strict.decode(rest);
    } catch {
      this.fellBack = true;
      return out + decodeWindows1252(rest);
    }
  }

  /** Decides the encoding from the first bytes and returns them without the BOM. */
  private start(bytes: Uint8Array): Uint8Array {
    const sniffed = sniffEncoding(bytes);
    this.encoding = this.forced ?? sniffed.encoding;
    // Runtimes differ on UTF-16BE support: swap byte pairs and decode as LE everywhere.
    if (this.encoding === "utf-16le" || this.encoding === "utf-16be")
      this.utf16 = new TextDecoder("utf-16le");
    return this.encoding === sniffed.encoding ? bytes.subarray(sniffed.bomLength) : bytes;
  }

  private body(bytes: Uint8Array): string {
    if (this.utf16) {
      const le = this.encoding === "utf-16be" ? this.swapPairs(bytes) : bytes;
      return this.utf16.decode(le, {stream: true});
    }
    if (this.encoding === "windows-1252") return decodeWindows1252(bytes);
    const all = concat(this.carry, bytes);
    const cut = utf8Boundary(all);
    this.carry = all.slice(cut);
    const whole = all.subarray(0, cut);
    try {
      return this.strict.decode(whole);
    } catch {
      this.encoding = "windows-1252";
      this.fellBack = true;
      const rest = this.carry;
      this.carry = new Uint8Array(0);
      return decodeWindows1252(whole) + decodeWindows1252(rest);
    }
  }

  /** Swaps byte pairs of UTF-16BE, carrying an odd trailing byte to the next chunk. */
  private swapPairs(bytes: Uint8Array): Uint8Array {
    const src = this.odd === null ? bytes : concat(Uint8Array.of(this.odd), bytes);
    const even = src.length - (src.length % 2);
    this.odd = src.length % 2 ? src[src.length - 1]! : null;
    const out = new Uint8Array(even);
    for (let i = 0; i < even; i += 2) {
      out[i] = src[i + 1]!;
      out[i + 1] = src[i]!;
    }
    return out;
  }
}

/** Decodes a whole byte array (tests and small inputs). */
export function decodeBytes(bytes: Uint8Array, encoding?: Encoding): {text: string; encoding: Encoding} {
  const d = new ByteDecoder(encoding);
  const text = d.decode(bytes) + d.end();
  return {text, encoding: d.encoding ?? "utf-8"};
}
