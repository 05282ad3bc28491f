import {csvDownload} from "./csv.js";
import {h} from "./dom.js";
import {formatDate, formatMinutes, formatNumber, type Lang} from "./format.js";
import {messages} from "../i18n/messages.js";

type Row = Record<string, unknown>;

export interface DrillColumn {
  key: string;
  label: string;
  numeric?: boolean;
  /** The cell as text; the CSV keeps the raw value. */
  format?: (value: unknown) => string;
}

/** How many ticket rows a drill-down lists at most; it says "first N of M" beyond. */
export const DRILL_LIMIT = 500;

/**
 * The ticket columns every page's drill-down shows (no personal data), labelled and formatted;
 * groups by the name the exports give them (`groupNames`, group_names.json), else their id.
 */
export function ticketColumns(lang: Lang, groupNames: Record<string, string> = {}): DrillColumn[] {
  const t = messages(lang);
  const c = t.drill.columns;
  const minutes = (v: unknown) => formatMinutes(typeof v === "number" ? v : null, lang);
  return [
    {key: "ticket_id", label: c.ticket_id!},
    {key: "channel", label: c.channel!, format: (v) => t.filters.channels[String(v)] ?? String(v ?? "–")},
    {
      key: "group_name",
      label: c.group_name!,
      format: (v) => (v == null ? t.filters.noneValue : (groupNames[String(v)] ?? String(v))),
    },
    {key: "created_date", label: c.created_date!, format: (v) => formatDate(v as string | null, lang)},
    {key: "first_reply_minutes", label: c.first_reply_minutes!, numeric: true, format: minutes},
    {key: "full_resolution_minutes", label: c.full_resolution_minutes!, numeric: true, format: minutes},
    {key: "status", label: c.status!},
    {
      key: "score",
      label: c.score!,
      format: (v) => (v == null ? "–" : (t.drill.ratings[String(v)] ?? String(v))),
    },
  ];
}

/** Sort order of two cells: numbers as numbers, missing values last whatever the direction. */
export function compareCells(a: unknown, b: unknown, direction: 1 | -1): number {
  const missing = (v: unknown) => v === null || v === undefined || v === "";
  if (missing(a) || missing(b)) return missing(a) === missing(b) ? 0 : missing(a) ? 1 : -1;
  if (typeof a === "number" && typeof b === "number") return (a - b) * direction;
  return String(a).localeCompare(String(b), undefined, {numeric: true}) * direction;
}

/**
 * The tickets behind a bar, cell or point: a heading saying what they are and how many ("first
 * 500 of 1,234" when bounded), a table sortable by any column (header buttons, aria-sort), a CSV
 * download of the rows listed, and a way back (the button, or Escape). Text only, no HTML parsing.
 */
export function drillDown(
  rows: readonly Row[],
  {
    total,
    lang,
    what,
    groupNames = {},
    columns = ticketColumns(lang, groupNames),
    filename = "tickets.csv",
    onBack,
    unit = "tickets",
  }: {
    total: number;
    lang: Lang;
    what: string;
    /** Group id -> name, for the group column (the CSV keeps the id). */
    groupNames?: Record<string, string>;
    columns?: DrillColumn[];
    filename?: string;
    onBack?: () => void;
    /** What a row is: a ticket, or a survey response (one per vote, with the vote's score). */
    unit?: "tickets" | "responses";
  },
): HTMLElement {
  const d = messages(lang).drill;
  const t =
    unit === "responses"
      ? {...d, title: d.responsesTitle, count: d.responsesCount, firstOf: d.responsesFirstOf}
      : d;
  let sorted = [...rows];
  let sortKey: string | null = null;
  let direction: 1 | -1 = 1;
  const count =
    rows.length < total
      ? t.firstOf(formatNumber(rows.length, lang), formatNumber(total, lang))
      : t.count(formatNumber(total, lang));
  const heading = h("h3", {tabindex: "-1", class: "drill-title"}, t.title(what));
  const body = h("tbody");
  const headers = columns.map((c) => {
    const button = h("button", {type: "button", "aria-label": t.sort(c.label)}, c.label);
    const th = h("th", {scope: "col", class: c.numeric ? "num" : undefined, "data-key": c.key}, button);
    button.addEventListener("click", () => {
      direction = sortKey === c.key ? (-direction as 1 | -1) : 1;
      sortKey = c.key;
      sorted = [...rows].sort((a, b) => compareCells(a[c.key], b[c.key], direction));
      for (const other of headers) other.removeAttribute("aria-sort");
      th.setAttribute("aria-sort", direction === 1 ? "ascending" : "descending");
      fill();
    });
    return th;
  });
  const fill = () =>
    body.replaceChildren(
      ...sorted.map((r) =>
        h(
          "tr",
          {},
          ...columns.map((c) =>
            h(
              "td",
              {class: c.numeric ? "num" : undefined},
              c.format ? c.format(r[c.key]) : r[c.key] == null ? "–" : String(r[c.key]),
            ),
          ),
        ),
      ),
    );
  fill();
  const back = h("button", {type: "button", class: "drill-back"}, `← ${t.back}`);
  const element = h(
    "section",
    {
      class: "drill-down card",
      "data-total": String(total),
      "data-rows": String(rows.length),
      "aria-label": t.title(what),
    },
    heading,
    h(
      "div",
      {class: "drill-actions"},
      back,
      h("span", {class: "drill-count"}, count),
      rows.length
        ? csvDownload(() => sorted, {filename, label: t.download, columns: columns.map((c) => c.key)})
        : null,
    ),
    rows.length
      ? h("div", {class: "table-scroll"}, h("table", {}, h("thead", {}, h("tr", {}, ...headers)), body))
      : h("p", {class: "muted"}, t.empty),
  );
  const leave = () => {
    element.remove();
    onBack?.();
  };
  back.addEventListener("click", leave);
  element.addEventListener("keydown", (e) => {
    if (e.key === "Escape") leave();
  });
  // Focus moves to the list once it is on screen, so keyboard and screen-reader users land on it.
  requestAnimationFrame(() => heading.focus());
  return element;
}
