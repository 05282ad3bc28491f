/** CSV as the dataset writes it (rejects.csv, agents.private.csv), isomorphic: the browser writes it too. */

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

/** A cell as `csvCell` wrote it, read back: the quote that guarded a formula-like text removed. */
export function csvCellText(cell: string): string {
  return /^'[=+\-@\t\r]/.test(cell) ? cell.slice(1) : cell;
}
