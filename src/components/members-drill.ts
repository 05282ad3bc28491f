/**
 * Counts that open what they count: a table's n becomes a button, and the button lists the
 * tickets or survey responses behind it (the KPI's registry `members`), so the list's length is
 * the number clicked.
 */
import type {AnalysisDb, MemberRow, QueryOptions} from "./analysis-db.js";
import {h} from "./dom.js";
import {DRILL_LIMIT, drillDown} from "./drill-down.js";
import {formatNumber, type Lang} from "./format.js";
import {messages} from "../i18n/messages.js";

/** One count of a table: the KPI and row it comes from, and what the list is called. */
export interface MemberPick {
  kpi: string;
  /** The KPI's cut (`by`) the row comes from; none for the whole selection. */
  by?: QueryOptions["by"];
  row: MemberRow;
  what: string;
  /** Survey votes (one row per response) rather than tickets. */
  votes: boolean;
}

/** A count as a button that opens its members; zero stays plain text (nothing to list). */
export function countButton(
  n: number,
  lang: Lang,
  pick: MemberPick,
  onPick: ((p: MemberPick, from: HTMLElement) => void) | undefined,
): Node | string {
  const text = formatNumber(n, lang);
  if (!onPick || n <= 0) return text;
  const t = messages(lang).drill;
  const button = h(
    "button",
    {
      type: "button",
      class: "count-button",
      "aria-label": (pick.votes ? t.openResponses : t.openTickets)(text, pick.what),
      "data-kpi": pick.kpi,
      "data-cut": pick.row.cut,
      "data-bucket": pick.row.bucket_order === undefined ? undefined : String(pick.row.bucket_order),
    },
    text,
  );
  button.addEventListener("click", () => onPick(pick, button));
  return button;
}

/**
 * Lists a pick's members in `host`: "loading", then the drill-down (first DRILL_LIMIT, newest
 * first, "first N of M" beyond). Back or Escape removes it and gives the focus back to `from`.
 */
export async function openMembers(
  db: AnalysisDb | Promise<AnalysisDb>,
  host: HTMLElement,
  options: QueryOptions,
  pick: MemberPick,
  {lang, from, groupNames}: {lang: Lang; from?: HTMLElement; groupNames?: Record<string, string>},
): Promise<HTMLElement> {
  const t = messages(lang).drill;
  host.replaceChildren(h("p", {class: "muted"}, t.loading));
  const {total, rows} = await (await db).members(pick.kpi, {...options, by: pick.by}, pick.row, DRILL_LIMIT);
  const element = drillDown(rows, {
    total,
    lang,
    groupNames,
    what: pick.what,
    unit: pick.votes ? "responses" : "tickets",
    filename: pick.votes ? "responses.csv" : "tickets.csv",
    onBack: () => from?.focus(),
  });
  host.replaceChildren(element);
  return element;
}

/** A place under a table for the lists its counts open (`host`), and the handler the table calls. */
export function memberList(
  db: AnalysisDb | Promise<AnalysisDb>,
  options: QueryOptions,
  lang: Lang,
  id: string,
  groupNames: Record<string, string> = {},
): {host: HTMLElement; pick: (p: MemberPick, from: HTMLElement) => void} {
  const host = h("div", {id, class: "members-drill", "aria-live": "polite"});
  return {host, pick: (p, from) => void openMembers(db, host, options, p, {lang, from, groupNames})};
}
