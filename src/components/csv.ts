import {h} from "./dom.js";

type Row = Record<string, unknown>;

/**
 * A cell that a spreadsheet would read as a formula (=, +, -, @, tab, carriage return first) gets
 * a leading apostrophe, so a ticket subject or survey comment never runs in Excel or Sheets
 * (OWASP "CSV injection"). Numbers are written as numbers: a negative value stays a number.
 */
export function csvCell(value: unknown): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "number") return Number.isFinite(value) ? String(value) : "";
  if (typeof value === "bigint" || typeof value === "boolean") return String(value);
  let text = value instanceof Date ? value.toISOString() : String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** RFC 4180 text: a header line, then one line per row, CRLF line ends; columns default to the first row's keys. */
export function toCsv(rows: Iterable<Row>, columns?: readonly string[]): string {
  const all = Array.from(rows);
  const cols = columns ?? (all.length ? Object.keys(all[0]!) : []);
  const lines = [cols.map(csvCell).join(",")];
  for (const r of all) lines.push(cols.map((c) => csvCell(r[c])).join(","));
  return `${lines.join("\r\n")}\r\n`;
}

/**
 * A link that saves rows as a CSV file, made in the browser when clicked (a Blob URL: nothing is
 * fetched, and it works under the site's Content-Security-Policy). The UTF-8 byte-order mark
 * makes Excel read accents right.
 */
export function csvDownload(
  rows: () => Iterable<Row>,
  {filename, label, columns}: {filename: string; label: string; columns?: readonly string[]},
): HTMLAnchorElement {
  const link = h(
    "a",
    {class: "csv-download", href: "#", download: filename, role: "button"},
    label,
  ) as HTMLAnchorElement;
  link.addEventListener("click", () => {
    const blob = new Blob(["\ufeff", toCsv(rows(), columns)], {type: "text/csv;charset=utf-8"});
    const url = URL.createObjectURL(blob);
    link.href = url;
    // The browser starts the download from this click; the URL is released once it has.
    setTimeout(() => {
      URL.revokeObjectURL(url);
      link.href = "#";
    }, 0);
  });
  return link;
}
