/**
 * A minimal XLSX reader: one worksheet's cells as rows of text, so a workbook goes through the
 * same CSV adapters as an exported CSV. Reads `xl/workbook.xml` (sheet names and order), its
 * relationships, `xl/sharedStrings.xml`, `xl/styles.xml` (which number formats are dates) and
 * the sheet. Isomorphic: fflate unzips, the XML is read with a few patterns (the parts are
 * machine-written). Dates (serial numbers with a date format) become ISO text without a zone,
 * i.e. the sheet's local wall time, read in the run's zone like any CSV time.
 */
import {unzipSync} from "fflate";

/** Most bytes unzipped from one workbook: beyond, a zip bomb or a sheet too big for memory. */
export const MAX_XLSX_BYTES = 256 * 1024 * 1024;

export class XlsxError extends Error {}

export interface Sheet {
  /** The sheet read. */
  name: string;
  /** Every sheet of the workbook, in order. */
  sheets: string[];
  /** Rows by sheet row number (index 0 = row 1); a row with no cell is []. */
  rows: string[][];
}

const decoder = new TextDecoder("utf-8");

/** Names of a zip's entries (its central directory only, nothing inflated). */
export function zipEntries(bytes: Uint8Array): string[] {
  const names: string[] = [];
  unzipSync(bytes, {
    filter: (f) => {
      names.push(f.name);
      return false;
    },
  });
  return names;
}

/** Inflates the named entries, refusing more than `max` bytes in all (as declared). */
function unzip(bytes: Uint8Array, wanted: Set<string>, max: number): Record<string, string> {
  let total = 0;
  const files = unzipSync(bytes, {
    filter: (f) => {
      if (!wanted.has(f.name)) return false;
      total += f.originalSize;
      if (total > max)
        throw new XlsxError(
          `unzips to more than ${Math.round(max / 1048576)} MB (a zip bomb, or a sheet too big): export the sheet as CSV`,
        );
      return true;
    },
  });
  const out: Record<string, string> = {};
  for (const [name, data] of Object.entries(files)) out[name] = decoder.decode(data);
  return out;
}

const ENTITY: Record<string, string> = {lt: "<", gt: ">", amp: "&", quot: '"', apos: "'"};

/** XML text with its entities and OOXML `_xHHHH_` escapes decoded. */
export function xmlText(s: string): string {
  return s
    .replace(/&(#x[0-9a-fA-F]+|#\d+|lt|gt|amp|quot|apos);/g, (_, e: string) =>
      e[0] === "#"
        ? String.fromCodePoint(e[1] === "x" ? parseInt(e.slice(2), 16) : Number(e.slice(1)))
        : ENTITY[e]!,
    )
    .replace(/_x([0-9A-Fa-f]{4})_/g, (_, h: string) => String.fromCharCode(parseInt(h, 16)));
}

function attrs(s: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const m of s.matchAll(/([\w:]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g))
    out[m[1]!.replace(/^\w+:/, "")] = xmlText(m[2] ?? m[3] ?? "");
  return out;
}

/** Text of an `<si>` or `<is>` element: its `<t>` runs, without phonetic (`<rPh>`) runs. */
function runText(xml: string): string {
  const plain = xml.replace(/<(\w+:)?rPh\b[\s\S]*?<\/(\w+:)?rPh>/g, "");
  let out = "";
  for (const m of plain.matchAll(/<(?:\w+:)?t(?:\s[^>]*)?>([\s\S]*?)<\/(?:\w+:)?t>/g)) out += m[1];
  return xmlText(out);
}

function sharedStrings(xml: string | undefined): string[] {
  if (!xml) return [];
  return [...xml.matchAll(/<(?:\w+:)?si\b[^>]*>([\s\S]*?)<\/(?:\w+:)?si>|<(?:\w+:)?si\s*\/>/g)].map((m) =>
    runText(m[1] ?? ""),
  );
}

type Kind = "date" | "datetime" | "time" | "elapsed" | null;

/** Built-in number formats that show dates or times (ECMA-376 18.8.30). */
const BUILTIN: Record<number, Kind> = {
  14: "date", 15: "date", 16: "date", 17: "date", 18: "time", 19: "time", 20: "time", 21: "time",
  22: "datetime", 45: "time", 46: "elapsed", 47: "time",
}; // prettier-ignore

/** What a custom format code shows: a date, a time, both, an elapsed duration, or a number. */
export function formatKind(code: string): Kind {
  if (/\[(h+|m+|s+)\]/i.test(code)) return "elapsed";
  const bare = code
    .split(";")[0]!
    .replace(/"[^"]*"/g, "")
    .replace(/\\./g, "")
    .replace(/\[[^\]]*\]/g, "");
  const date = /[dy]/i.test(bare) || (/m/i.test(bare) && !/[hs]/i.test(bare) && !/0|#/.test(bare));
  const time = /[hs]/i.test(bare);
  return date && time ? "datetime" : date ? "date" : time ? "time" : null;
}

/** Date kind of each cell style index. */
function styleKinds(xml: string | undefined): Kind[] {
  if (!xml) return [];
  const custom = new Map<number, Kind>();
  for (const m of xml.matchAll(/<(?:\w+:)?numFmt\b([^>]*)\/?>/g)) {
    const a = attrs(m[1]!);
    custom.set(Number(a.numFmtId), formatKind(a.formatCode ?? ""));
  }
  const xfs = /<(?:\w+:)?cellXfs\b[^>]*>([\s\S]*?)<\/(?:\w+:)?cellXfs>/.exec(xml)?.[1] ?? "";
  return [...xfs.matchAll(/<(?:\w+:)?xf\b([^>]*?)\/?>/g)].map((m) => {
    const id = Number(attrs(m[1]!).numFmtId ?? 0);
    return custom.has(id)
      ? custom.get(id)!
      : (BUILTIN[id] ?? (id >= 27 && id <= 36 ? "date" : id >= 50 && id <= 58 ? "date" : null));
  });
}

const pad = (n: number, w = 2) => String(n).padStart(w, "0");

/** A serial day number as wall-clock text in the form the kind shows. */
export function serialText(serial: number, kind: Exclude<Kind, null>, date1904 = false): string {
  const seconds = Math.round(serial * 86400);
  if (kind === "elapsed") {
    const s = Math.abs(seconds);
    return `${seconds < 0 ? "-" : ""}${Math.floor(s / 3600)}:${pad(Math.floor(s / 60) % 60)}:${pad(s % 60)}`;
  }
  const epoch = date1904 ? Date.UTC(1904, 0, 1) : Date.UTC(1899, 11, 30);
  const d = new Date(epoch + seconds * 1000);
  const day = `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
  const clock = `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
  return kind === "date" ? day : kind === "time" ? clock : `${day} ${clock}`;
}

/** 0-based column of a cell reference such as "AB12". */
function columnOf(ref: string): number {
  let c = 0;
  for (let i = 0; i < ref.length; i++) {
    const k = ref.charCodeAt(i);
    if (k < 65 || k > 90) break;
    c = c * 26 + (k - 64);
  }
  return c - 1;
}

/** Reads one sheet (by name, else the first) of an XLSX workbook. */
export function readXlsx(bytes: Uint8Array, options: {sheet?: string; maxBytes?: number} = {}): Sheet {
  const max = options.maxBytes ?? MAX_XLSX_BYTES;
  let entries: string[];
  try {
    entries = zipEntries(bytes);
  } catch (error) {
    throw new XlsxError(`not a readable ZIP archive (${(error as Error).message})`);
  }
  const meta = unzip(bytes, new Set(["xl/workbook.xml", "xl/_rels/workbook.xml.rels"]), max);
  const workbook = meta["xl/workbook.xml"];
  if (!workbook) throw new XlsxError("no xl/workbook.xml: not an Excel workbook");
  const targets = new Map<string, string>();
  for (const m of (meta["xl/_rels/workbook.xml.rels"] ?? "").matchAll(
    /<(?:\w+:)?Relationship\b([^>]*)\/?>/g,
  )) {
    const a = attrs(m[1]!);
    const t = a.Target ?? "";
    targets.set(a.Id ?? "", t.startsWith("/") ? t.slice(1) : `xl/${t}`);
  }
  const sheets = [...workbook.matchAll(/<(?:\w+:)?sheet\b([^>]*)\/?>/g)].map((m) => {
    const a = attrs(m[1]!);
    return {name: a.name ?? "", path: targets.get(a.id ?? "") ?? ""};
  });
  if (sheets.length === 0) throw new XlsxError("the workbook has no sheet");
  const names = sheets.map((s) => s.name);
  const chosen = options.sheet === undefined ? sheets[0]! : sheets.find((s) => s.name === options.sheet);
  if (!chosen)
    throw new XlsxError(`no sheet "${options.sheet}" in the workbook (sheets: ${names.join(", ")})`);
  if (!entries.includes(chosen.path))
    throw new XlsxError(
      `sheet "${chosen.name}" is not a worksheet (a chart sheet?): choose another with --sheet`,
    );
  const date1904 = /<(?:\w+:)?workbookPr\b[^>]*date1904\s*=\s*"(1|true)"/.test(workbook);
  const parts = unzip(bytes, new Set([chosen.path, "xl/sharedStrings.xml", "xl/styles.xml"]), max);
  const strings = sharedStrings(parts["xl/sharedStrings.xml"]);
  const kinds = styleKinds(parts["xl/styles.xml"]);
  return {
    name: chosen.name,
    sheets: names,
    rows: sheetRows(parts[chosen.path] ?? "", strings, kinds, date1904),
  };
}

function sheetRows(xml: string, strings: string[], kinds: Kind[], date1904: boolean): string[][] {
  const rows: string[][] = [];
  const data = /<(?:\w+:)?sheetData\b[^>]*>([\s\S]*)<\/(?:\w+:)?sheetData>/.exec(xml)?.[1] ?? "";
  for (const rm of data.matchAll(/<(?:\w+:)?row\b([^>]*?)(?:\/>|>([\s\S]*?)<\/(?:\w+:)?row>)/g)) {
    const r = Number(attrs(rm[1]!).r ?? rows.length + 1);
    while (rows.length < r - 1) rows.push([]);
    const row: string[] = [];
    for (const cm of (rm[2] ?? "").matchAll(/<(?:\w+:)?c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/(?:\w+:)?c>)/g)) {
      const a = attrs(cm[1]!);
      const col = a.r ? columnOf(a.r) : row.length;
      const body = cm[2] ?? "";
      const v = /<(?:\w+:)?v(?:\s[^>]*)?>([\s\S]*?)<\/(?:\w+:)?v>/.exec(body)?.[1];
      let text: string;
      if (a.t === "inlineStr")
        text = runText(/<(?:\w+:)?is\b[^>]*>([\s\S]*?)<\/(?:\w+:)?is>/.exec(body)?.[1] ?? "");
      else if (v === undefined) text = "";
      else if (a.t === "s") text = strings[Number(v)] ?? "";
      else if (a.t === "b") text = v === "1" ? "TRUE" : "FALSE";
      else if (a.t === "str" || a.t === "e" || a.t === "d") text = xmlText(v);
      else {
        const kind = kinds[Number(a.s ?? 0)] ?? null;
        const n = Number(v);
        text = kind && Number.isFinite(n) ? serialText(n, kind, date1904) : v.trim();
      }
      while (row.length < col) row.push("");
      row[col] = text;
    }
    rows.push(row);
  }
  // Trailing blank rows (formatted but empty) are not records.
  while (rows.length > 0 && rows.at(-1)!.every((c) => c === "")) rows.pop();
  return rows;
}

/** Rows as CSV text, one line per sheet row (an empty row stays a blank line). */
export function rowsToCsv(rows: string[][]): string {
  const field = (s: string) => (/[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
  return rows.map((r) => r.map(field).join(",")).join("\n") + "\n";
}
