import {createWriteStream} from "node:fs";
import {once} from "node:events";

/**
 * One CSV cell (RFC 4180 quoting). Text starting with = + - @, a tab or a carriage return gets a
 * leading single quote, so a spreadsheet opening the file shows it as text and never runs it as a
 * formula (CSV injection). Numbers are written as they are.
 */
export function csvCell(value: unknown): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "number") return String(value);
  let text = String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) || text !== text.trim() ? `"${text.replaceAll('"', '""')}"` : text;
}

export function csvLine(cells: readonly unknown[]): string {
  return `${cells.map(csvCell).join(",")}\n`;
}

/** Streams a CSV file (header, then one line per record) so large reject lists never build one string. */
export async function writeCsv<K extends string>(
  file: string,
  header: readonly K[],
  rows: Iterable<Record<K, unknown>>,
): Promise<void> {
  const out = createWriteStream(file);
  const closed = once(out, "close");
  out.write(csvLine(header));
  for (const row of rows) {
    if (!out.write(csvLine(header.map((key) => row[key])))) await once(out, "drain");
  }
  out.end();
  await closed;
}
