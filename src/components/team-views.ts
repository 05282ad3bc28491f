import {figure, sortKey} from "./figure.js";
import {formatMinutes, formatNumber, formatPercent, type Lang} from "./format.js";
import {sortableTable, type SortColumn} from "./team-table.js";
import {countButton, type MemberPick} from "./members-drill.js";
import {messages} from "../i18n/messages.js";

type Row = Record<string, unknown>;

/** The KPIs of a team row, in column order. */
export const TEAM_KPIS = [
  "tickets",
  "first_reply",
  "full_resolution",
  "one_touch",
  "csat",
  "csat_response_rate",
] as const;
export type TeamKpi = (typeof TEAM_KPIS)[number];

export interface TeamRow {
  cut: string;
  name: string;
  kpis: Partial<Record<TeamKpi, Row>>;
}

const num = (x: unknown): number | null => (typeof x === "number" && Number.isFinite(x) ? x : null);

/** One row per group or agent from the KPIs' rows cut the same way; `name` turns a cut into what the page shows. */
export function teamRows(results: Record<TeamKpi, readonly Row[]>, name: (cut: string) => string): TeamRow[] {
  const rows = new Map<string, TeamRow>();
  for (const id of TEAM_KPIS)
    for (const r of results[id]) {
      const cut = String(r.cut);
      if (!rows.has(cut)) rows.set(cut, {cut, name: name(cut), kpis: {}});
      rows.get(cut)!.kpis[id] = r;
    }
  return [...rows.values()];
}

/**
 * Groups or pseudonymised agents with their volume, first reply and resolution medians, one-touch
 * rate, and CSAT beside its response rate, each under its KPI's minimum n (`minN`, from the
 * registry): a figure under it says "too few" and gives n. Sortable by any column; CSV download.
 */
export function teamTable(
  rows: readonly TeamRow[],
  {
    lang,
    kind,
    minN,
    id,
    onPick,
  }: {
    lang: Lang;
    kind: "group" | "agent";
    minN: Record<TeamKpi, number>;
    id: string;
    /** Makes the ticket and response counts buttons that list what they count. */
    onPick?: (pick: MemberPick, from: HTMLElement) => void;
  },
): HTMLElement {
  const m = messages(lang);
  const t = m.team;
  const pct = (x: number) => formatPercent(x, lang);
  const mins = (x: number) => formatMinutes(x, lang);
  const f = (r: TeamRow, k: TeamKpi, value: (x: Row) => number | null, format: (x: number) => string) =>
    figure(r.kpis[k], {value, format, minN: minN[k], lang});
  const p50 = (x: Row) => num(x.p50);
  const value = (x: Row) => num(x.value);
  const n = (r: TeamRow, k: TeamKpi) => num(r.kpis[k]?.n) ?? 0;
  const fig = {
    first_reply: (r: TeamRow) => f(r, "first_reply", p50, mins),
    full_resolution: (r: TeamRow) => f(r, "full_resolution", p50, mins),
    one_touch: (r: TeamRow) => f(r, "one_touch", value, pct),
    csat: (r: TeamRow) => f(r, "csat", value, pct),
    csat_response_rate: (r: TeamRow) => f(r, "csat_response_rate", value, pct),
  };
  const column = (key: keyof typeof fig, label: string): SortColumn<TeamRow> => ({
    key,
    label,
    numeric: true,
    cell: (r) => fig[key](r).text,
    sort: (r) => sortKey(fig[key](r)),
    csv: (r) => fig[key](r).value,
  });
  // Ticket and CSAT counts open their tickets and responses; one-touch counts stay text.
  const opens = (r: TeamRow, k: TeamKpi) =>
    k === "tickets" || k === "csat"
      ? countButton(
          n(r, k),
          lang,
          {
            kpi: k,
            by: kind,
            row: {cut: r.cut},
            what: `${r.name} · ${k === "csat" ? "CSAT" : t.tickets}`,
            votes: k === "csat",
          },
          onPick,
        )
      : formatNumber(n(r, k), lang);
  const count = (key: string, k: TeamKpi, label: string): SortColumn<TeamRow> => ({
    key,
    label,
    numeric: true,
    cell: (r) => opens(r, k),
    sort: (r) => n(r, k),
    csv: (r) => n(r, k),
  });
  const columns: SortColumn<TeamRow>[] = [
    {
      key: kind,
      label: kind === "group" ? t.group : t.agent,
      cell: (r) => r.name,
      sort: (r) => r.name,
      csv: (r) => r.name,
    },
    count("tickets", "tickets", t.tickets),
    column("first_reply", t.firstReply),
    column("full_resolution", t.resolution),
    column("one_touch", t.oneTouch),
    count("one_touch_n", "one_touch", t.oneTouchN),
    column("csat", "CSAT"),
    count("csat_n", "csat", t.csatN),
    column("csat_response_rate", t.responseRate),
  ];
  return sortableTable(rows, columns, {
    id,
    caption: kind === "group" ? t.groupsTitle : t.agentsTitle,
    filename: kind === "group" ? "team-groups.csv" : "team-agents.csv",
    csvLabel: m.analysis.csv,
    initial: {key: "tickets", direction: "descending"},
  });
}
