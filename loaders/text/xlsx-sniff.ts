/**
 * Binary files told from their first bytes (and, for ZIP archives, their entry names): an XLSX
 * workbook is read; any other spreadsheet or document gets a message naming what it is and what
 * to do, instead of being parsed as text.
 */
import {zipEntries} from "./xlsx.ts";

export type Binary = {kind: "zip"} | {kind: "unsupported"; message: string} | null;

const starts = (b: Uint8Array, ...bytes: number[]) => bytes.every((x, i) => b[i] === x);

/** What the first bytes say, before the whole file is read. */
export function sniffBinary(first: Uint8Array): Binary {
  if (starts(first, 0x50, 0x4b, 0x03, 0x04) || starts(first, 0x50, 0x4b, 0x05, 0x06)) return {kind: "zip"};
  if (starts(first, 0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1))
    return {kind: "unsupported", message: "XLS (Excel 97-2003 workbook): open it and save as .xlsx or CSV"};
  if (starts(first, 0x25, 0x50, 0x44, 0x46))
    return {
      kind: "unsupported",
      message: "a PDF document: export the data from the helpdesk as CSV or .xlsx",
    };
  if (starts(first, 0x1f, 0x8b))
    return {kind: "unsupported", message: "a gzip-compressed file: decompress it first"};
  if (starts(first, 0x50, 0x41, 0x52, 0x31))
    return {kind: "unsupported", message: "a Parquet file: export the table as CSV"};
  return null;
}

/** Null for an XLSX workbook, else what the archive is and what to do with it. */
export function zipProblem(bytes: Uint8Array): string | null {
  let names: string[];
  try {
    names = zipEntries(bytes);
  } catch (error) {
    return `a ZIP archive that cannot be read (${(error as Error).message})`;
  }
  const has = (re: RegExp) => names.some((n) => re.test(n));
  if (names.includes("xl/workbook.xml")) return null;
  if (names.includes("xl/workbook.bin")) return "XLSB (Excel binary workbook): save as .xlsx or CSV";
  if (has(/^content\.xml$/) && names.includes("mimetype"))
    return "ODS (OpenDocument spreadsheet): save as .xlsx or CSV";
  if (has(/^Index\/.*\.iwa$/) || names.includes("Index.zip"))
    return "an Apple Numbers document: export it as CSV or Excel (.xlsx)";
  if (has(/^word\//)) return "a Word document: export the data as CSV or .xlsx";
  return "a ZIP archive, not a workbook: unzip it and give the files inside";
}
