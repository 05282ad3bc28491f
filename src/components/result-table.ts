import {h} from "./dom.js";
import {formatNumber, type Lang} from "./format.js";

type Row = Record<string, unknown>;

/** A cell as text: numbers grouped per locale, nulls as a dash, everything else as text. */
function cellText(v: unknown, lang: Lang, format?: (x: unknown) => string): string {
  if (format) return format(v);
  if (v === null || v === undefined) return "–";
  if (typeof v === "bigint") return formatNumber(Number(v), lang);
  if (typeof v === "number") return formatNumber(v, lang, Number.isInteger(v) ? 0 : 3);
  if (v instanceof Date) return v.toISOString();
  return String(v);
}

/**
 * A query result as a plain table: one column per field, the first `limit` rows, and how many
 * more there are. Built from DOM nodes with text only (no HTML parsing, no inline handlers), so it
 * works under the site's Content-Security-Policy and never runs markup found in the data.
 */
export function resultTable(
  rows: Iterable<Row>,
  {
    lang = "en",
    limit = 100,
    format = {},
    more = (n: string) => (lang === "fr" ? `… et ${n} lignes de plus` : `… and ${n} more rows`),
  }: {
    lang?: Lang;
    limit?: number;
    format?: Record<string, (x: unknown) => string>;
    more?: (n: string) => string;
  } = {},
): HTMLElement {
  const all = Array.from(rows, (r) => ({...r}));
  const columns = all.length ? Object.keys(all[0]!) : [];
  const shown = all.slice(0, limit);
  return h(
    "div",
    {class: "table-scroll result-table"},
    h(
      "table",
      {},
      h("thead", {}, h("tr", {}, ...columns.map((c) => h("th", {scope: "col"}, c)))),
      h(
        "tbody",
        {},
        ...shown.map((r) =>
          h(
            "tr",
            {},
            ...columns.map((c) =>
              h("td", {class: typeof r[c] === "number" ? "num" : undefined}, cellText(r[c], lang, format[c])),
            ),
          ),
        ),
      ),
    ),
    all.length > limit ? h("p", {class: "muted"}, more(formatNumber(all.length - limit, lang))) : null,
  );
}
