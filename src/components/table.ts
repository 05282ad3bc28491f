import {h} from "./dom.js";

export interface Column<T> {
  label: string;
  /** The cell's content: text, or an element (a link). */
  value: (row: T) => string | Node;
  /** Right-aligned numbers. */
  numeric?: boolean;
}

/**
 * A plain HTML table in its own scrolling box, so a wide table never widens the page on a phone.
 * Text is always set as text, never parsed as HTML.
 */
export function table<T>(
  rows: readonly T[],
  columns: readonly Column<T>[],
  {id, caption}: {id?: string; caption?: string} = {},
): HTMLElement {
  return h(
    "div",
    {class: "table-scroll", id},
    h(
      "table",
      {},
      caption ? h("caption", {class: "sr-only"}, caption) : null,
      h(
        "thead",
        {},
        h(
          "tr",
          {},
          ...columns.map((c) => h("th", {scope: "col", class: c.numeric ? "num" : undefined}, c.label)),
        ),
      ),
      h(
        "tbody",
        {},
        ...rows.map((row) =>
          h("tr", {}, ...columns.map((c) => h("td", {class: c.numeric ? "num" : undefined}, c.value(row)))),
        ),
      ),
    ),
  );
}

/** A link to a published source that prints its address too (on paper a link is its text). */
export function sourceLink(url: string, text: string): HTMLElement {
  return h("a", {href: url, rel: "noopener", class: "source-link", "data-href": url}, text);
}
