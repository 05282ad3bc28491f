import {formatMinutes, formatNumber, formatPercent, type Lang} from "./format.js";
import {table} from "./table.js";
import {messages} from "../i18n/messages.js";

type Row = Record<string, unknown>;
type Cut = Record<string, Row[] | undefined>;

const num = (x: unknown): number | null => (typeof x === "number" && Number.isFinite(x) ? x : null);

/** The row of one KPI for one cut value. */
const at = (cut: Cut, id: string, value: string) => cut[id]?.find((r) => r.cut === value);

/** A figure, or "too few" when the row is under the KPI's minimum n, or a dash when unknown. */
function figure(
  row: Row | undefined,
  column: string,
  format: (x: number | null) => string,
  lang: Lang,
): string {
  if (!row) return "–";
  if (row.insufficient === true) return messages(lang).study.tooFew;
  return format(num(row[column]));
}

/**
 * Tickets, share, first reply p50, share within target and CSAT, one row per channel: volumes from
 * the whole organisation's channel mix, the rest from the KPIs cut by channel.
 */
export function channelTable(
  mix: readonly Row[],
  channels: Cut,
  {lang = "en"}: {lang?: Lang} = {},
): HTMLElement {
  const c = messages(lang).study.cols;
  const volume = [...mix].sort((a, b) => Number(b.tickets) - Number(a.tickets));
  return table(
    volume,
    [
      {label: c.channel, value: (r) => String(r.channel)},
      {label: c.tickets, value: (r) => formatNumber(num(r.tickets), lang), numeric: true},
      {label: c.share, value: (r) => formatPercent(num(r.share), lang), numeric: true},
      {
        label: c.firstReply,
        value: (r) =>
          figure(at(channels, "first_reply", String(r.channel)), "p50", (x) => formatMinutes(x, lang), lang),
        numeric: true,
      },
      {
        label: c.withinTarget,
        value: (r) =>
          figure(
            at(channels, "target_attainment", String(r.channel)),
            "value",
            (x) => formatPercent(x, lang),
            lang,
          ),
        numeric: true,
      },
      {
        label: c.csat,
        value: (r) =>
          figure(at(channels, "csat", String(r.channel)), "value", (x) => formatPercent(x, lang), lang),
        numeric: true,
      },
    ],
    {id: "study-channels", caption: messages(lang).study.channels},
  );
}

/** The team view by group: volume, speed, one-touch and CSAT beside its response rate. Never by agent. */
export function groupTable(
  groups: Cut,
  {lang = "en", names = {}}: {lang?: Lang; names?: Record<string, string>} = {},
): HTMLElement {
  const c = messages(lang).study.cols;
  const rows = [...(groups.tickets ?? [])].sort((a, b) => Number(b.n) - Number(a.n));
  const pct = (x: number | null) => formatPercent(x, lang);
  const min = (x: number | null) => formatMinutes(x, lang);
  return table(
    rows,
    [
      // Named where the exports name the group, else its id as the tickets hold it.
      {label: c.group, value: (r) => names[String(r.cut)] ?? String(r.cut)},
      {label: c.tickets, value: (r) => formatNumber(num(r.n), lang), numeric: true},
      {
        label: c.firstReply,
        value: (r) => figure(at(groups, "first_reply", String(r.cut)), "p50", min, lang),
        numeric: true,
      },
      {
        label: c.resolution,
        value: (r) => figure(at(groups, "full_resolution", String(r.cut)), "p50", min, lang),
        numeric: true,
      },
      {
        label: c.oneTouch,
        value: (r) => figure(at(groups, "one_touch", String(r.cut)), "value", pct, lang),
        numeric: true,
      },
      {
        label: c.csat,
        value: (r) => figure(at(groups, "csat", String(r.cut)), "value", pct, lang),
        numeric: true,
      },
      {
        label: c.responseRate,
        value: (r) => figure(at(groups, "csat_response_rate", String(r.cut)), "value", pct, lang),
        numeric: true,
      },
    ],
    {id: "study-groups", caption: messages(lang).study.team},
  );
}

/** CSAT per first-reply bucket with its interval and n, as a table (the chart's text twin). */
export function replyBucketTable(rows: readonly Row[], {lang = "en"}: {lang?: Lang} = {}): HTMLElement {
  const s = messages(lang).study;
  const pct = (x: number | null) => formatPercent(x, lang);
  return table(
    [...rows].sort((a, b) => Number(a.bucket_order) - Number(b.bucket_order)),
    [
      {label: s.cols.bucket, value: (r) => s.buckets[String(r.bucket)] ?? String(r.bucket)},
      {label: s.cols.responses, value: (r) => formatNumber(num(r.n), lang), numeric: true},
      {label: s.cols.csat, value: (r) => figure(r, "value", pct, lang), numeric: true},
      {
        label: s.cols.interval,
        value: (r) => (r.insufficient === true ? "–" : `${pct(num(r.ci_low))}–${pct(num(r.ci_high))}`),
        numeric: true,
      },
    ],
    {id: "study-csat-by-reply", caption: s.byReply},
  );
}

/** Cost per contact by channel, from the monthly costs given for the study. */
export function costTable(
  rows: readonly Row[],
  currency: string,
  {lang = "en"}: {lang?: Lang} = {},
): HTMLElement {
  const s = messages(lang).study;
  const money = (x: number | null) =>
    x === null ? messages(lang).common.unknown : `${formatNumber(x, lang, 2)} ${currency}`;
  return table(
    [...rows].sort((a, b) => Number(b.tickets) - Number(a.tickets)),
    [
      {label: s.cols.channel, value: (r) => String(r.channel)},
      {label: s.cols.tickets, value: (r) => formatNumber(num(r.tickets), lang), numeric: true},
      {label: s.costCols.monthly, value: (r) => money(num(r.monthly_cost)), numeric: true},
      {label: s.costCols.perContact, value: (r) => money(num(r.value)), numeric: true},
    ],
    {id: "study-costs", caption: s.costs},
  );
}
