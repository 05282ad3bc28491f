import {h} from "./dom.js";
import {csvDownload} from "./csv.js";

export interface SortColumn<T> {
  /** The CSV column name, and the key the table remembers its order by. */
  key: string;
  label: string;
  /** The cell's content: text, or an element. */
  cell: (row: T) => string | Node;
  /** What the column sorts by; text sorts alphabetically, numbers numerically. */
  sort: (row: T) => number | string;
  /** Right-aligned numbers, sorted largest first on the first click. */
  numeric?: boolean;
  /** The value the CSV file holds (a number, not its formatted text); the cell's text by default. */
  csv?: (row: T) => unknown;
}

type Direction = "ascending" | "descending";

/** Rows in a column's order; ties keep their order (Array.prototype.sort is stable). */
export function sortRows<T>(rows: readonly T[], column: SortColumn<T>, direction: Direction): T[] {
  const sign = direction === "ascending" ? 1 : -1;
  return [...rows].sort((a, b) => {
    const x = column.sort(a);
    const y = column.sort(b);
    if (typeof x === "number" && typeof y === "number") {
      // Missing figures (-Infinity) stay last whichever way the column is sorted.
      if (x === y) return 0;
      if (x === Number.NEGATIVE_INFINITY) return 1;
      if (y === Number.NEGATIVE_INFINITY) return -1;
      return sign * (x - y);
    }
    return sign * String(x).localeCompare(String(y));
  });
}

/**
 * A table sorted by clicking a column's heading (a button, so the keyboard sorts too; the
 * heading carries aria-sort), in its own scrolling box, with a CSV download of every row under
 * it. Text is set as text, never parsed as HTML.
 */
export function sortableTable<T>(
  rows: readonly T[],
  columns: readonly SortColumn<T>[],
  {
    id,
    caption,
    filename,
    csvLabel,
    initial,
  }: {
    id?: string;
    caption: string;
    filename: string;
    csvLabel: string;
    initial?: {key: string; direction: Direction};
  },
): HTMLElement {
  let order = initial ?? null;
  const body = h("tbody");
  const heads = columns.map((c) => {
    const button = h("button", {type: "button", class: "sort-button", "data-key": c.key}, c.label);
    const th = h("th", {scope: "col", class: c.numeric ? "num" : undefined}, button);
    button.addEventListener("click", () => {
      const direction: Direction =
        order?.key === c.key
          ? order.direction === "ascending"
            ? "descending"
            : "ascending"
          : c.numeric
            ? "descending"
            : "ascending";
      order = {key: c.key, direction};
      draw();
    });
    return th;
  });
  function draw() {
    const column = columns.find((c) => c.key === order?.key);
    const shown = column && order ? sortRows(rows, column, order.direction) : rows;
    heads.forEach((th, i) =>
      columns[i]!.key === order?.key
        ? th.setAttribute("aria-sort", order.direction)
        : th.removeAttribute("aria-sort"),
    );
    body.replaceChildren(
      ...shown.map((row) =>
        h("tr", {}, ...columns.map((c) => h("td", {class: c.numeric ? "num" : undefined}, c.cell(row)))),
      ),
    );
  }
  draw();
  const csvRows = () =>
    rows.map((row) =>
      Object.fromEntries(
        columns.map((c) => {
          const cell = c.cell(row);
          return [c.key, c.csv ? c.csv(row) : typeof cell === "string" ? cell : (cell.textContent ?? "")];
        }),
      ),
    );
  return h(
    "div",
    {class: "sortable-table", id},
    h(
      "div",
      {class: "table-scroll"},
      h("table", {}, h("caption", {class: "sr-only"}, caption), h("thead", {}, h("tr", {}, ...heads)), body),
    ),
    csvDownload(csvRows, {filename, label: csvLabel, columns: columns.map((c) => c.key)}),
  );
}
