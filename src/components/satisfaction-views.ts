import {h} from "./dom.js";
import {csvDownload} from "./csv.js";
import {figure, sortKey} from "./figure.js";
import {formatDate, formatNumber, formatPercent, type Lang} from "./format.js";
import {sortableTable, type SortColumn} from "./team-table.js";
import {toneOf, type Comment} from "./satisfaction-comments.js";
import {countButton, type MemberPick} from "./members-drill.js";
import {messages} from "../i18n/messages.js";

type Row = Record<string, unknown>;

const num = (x: unknown): number | null => (typeof x === "number" && Number.isFinite(x) ? x : null);
const byCut = (rows: readonly Row[]) => new Map(rows.map((r) => [String(r.cut), r]));

export interface CutRow {
  cut: string;
  name: string;
  csat: Row | undefined;
  rate: Row | undefined;
  nps: Row | undefined;
}

/** CSAT, response rate and NPS rows of one cut side by side, every cut any of them has. */
export function joinCuts(
  csat: readonly Row[],
  rate: readonly Row[],
  nps: readonly Row[],
  name: (cut: string) => string = (c) => c,
): CutRow[] {
  const [c, r, n] = [byCut(csat), byCut(rate), byCut(nps)];
  const cuts = [...new Set([...c.keys(), ...r.keys(), ...n.keys()])];
  return cuts.map((cut) => ({cut, name: name(cut), csat: c.get(cut), rate: r.get(cut), nps: n.get(cut)}));
}

/** The CSAT or NPS responses of one cut (`by` month, channel, group or agent), named `name`. */
export function votesPick(kpi: "csat" | "nps", by: string, cut: string, name: string): MemberPick {
  return {kpi, by: by as MemberPick["by"], row: {cut}, what: `${name} · ${kpi.toUpperCase()}`, votes: true};
}

/** The CSAT or NPS responses of one first-reply bucket (a row of `*_by_first_reply`). */
export function bucketPick(row: Row, kind: "csat" | "nps", lang: Lang): MemberPick {
  const t = messages(lang).satisfaction;
  const bucket = String(row.bucket);
  return {
    kpi: `${kind}_by_first_reply`,
    row: {cut: String(row.cut ?? "all"), bucket_order: Number(row.bucket_order)},
    what: `${t.firstReplyBucket} ${t.buckets[bucket] ?? bucket} · ${kind.toUpperCase()}`,
    votes: true,
  };
}

/**
 * CSAT beside its Wilson interval and response rate, and NPS beside its margin of error, per cut
 * (channel, group or agent), each under the minimum-n rule; sortable, with a CSV download.
 */
export function satisfactionCutTable(
  rows: readonly CutRow[],
  {
    lang,
    dimension,
    minN,
    id,
    onPick,
  }: {
    lang: Lang;
    dimension: string;
    minN: {csat: number; rate: number; nps: number};
    id: string;
    /** Makes the response counts buttons that list the responses they count. */
    onPick?: (pick: MemberPick, from: HTMLElement) => void;
  },
): HTMLElement {
  const m = messages(lang);
  const t = m.satisfaction;
  const pct = (x: number) => formatPercent(x, lang);
  const csat = (r: CutRow) =>
    figure(r.csat, {value: (x) => num(x.value), format: pct, minN: minN.csat, lang});
  const rate = (r: CutRow) =>
    figure(r.rate, {value: (x) => num(x.value), format: pct, minN: minN.rate, lang});
  const nps = (r: CutRow) =>
    figure(r.nps, {value: (x) => num(x.value), format: (x) => formatNumber(x, lang), minN: minN.nps, lang});
  const interval = (r: CutRow) =>
    csat(r).state === "value" ? `${pct(Number(r.csat!.ci_low))}–${pct(Number(r.csat!.ci_high))}` : "–";
  const moe = (r: CutRow) =>
    nps(r).state === "value" ? `± ${formatNumber(Number(r.nps!.moe), lang, 1)}` : "–";
  const count = (row: Row | undefined) => num(row?.n) ?? 0;
  const votes = (r: CutRow, kpi: "csat" | "nps") =>
    countButton(count(r[kpi]), lang, votesPick(kpi, dimension, r.cut, r.name), onPick);
  const columns: SortColumn<CutRow>[] = [
    {
      key: dimension,
      label: t.dimensions[dimension as keyof typeof t.dimensions] ?? dimension,
      cell: (r) => r.name,
      sort: (r) => r.name,
      csv: (r) => r.name,
    },
    {
      key: "csat",
      label: "CSAT",
      numeric: true,
      cell: (r) => csat(r).text,
      sort: (r) => sortKey(csat(r)),
      csv: (r) => csat(r).value,
    },
    {
      key: "csat_interval",
      label: m.card.ci,
      numeric: true,
      cell: interval,
      sort: (r) => num(r.csat?.ci_low) ?? -Infinity,
      csv: interval,
    },
    {
      key: "csat_n",
      label: t.responses,
      numeric: true,
      cell: (r) => votes(r, "csat"),
      sort: (r) => count(r.csat),
      csv: (r) => count(r.csat),
    },
    {
      key: "response_rate",
      label: t.responseRate,
      numeric: true,
      cell: (r) => rate(r).text,
      sort: (r) => sortKey(rate(r)),
      csv: (r) => rate(r).value,
    },
    {
      key: "surveys_offered",
      label: t.offered,
      numeric: true,
      cell: (r) => formatNumber(count(r.rate), lang),
      sort: (r) => count(r.rate),
      csv: (r) => count(r.rate),
    },
    {
      key: "nps",
      label: "NPS",
      numeric: true,
      cell: (r) => nps(r).text,
      sort: (r) => sortKey(nps(r)),
      csv: (r) => nps(r).value,
    },
    {
      key: "nps_moe",
      label: t.moe,
      numeric: true,
      cell: moe,
      sort: (r) => num(r.nps?.moe) ?? -Infinity,
      csv: (r) => num(r.nps?.moe),
    },
    {
      key: "nps_n",
      label: t.npsResponses,
      numeric: true,
      cell: (r) => votes(r, "nps"),
      sort: (r) => count(r.nps),
      csv: (r) => count(r.nps),
    },
  ];
  return sortableTable(rows, columns, {
    id,
    caption: t.byCut(t.dimensions[dimension as keyof typeof t.dimensions] ?? dimension),
    filename: `satisfaction-by-${dimension}.csv`,
    csvLabel: m.analysis.csv,
    initial: {key: "csat_n", direction: "descending"},
  });
}

/** CSAT and NPS per first-reply bucket, side by side, in the registry's bucket order. */
export function bucketTable(
  csat: readonly Row[],
  nps: readonly Row[],
  {
    lang,
    minN,
    id,
    onPick,
  }: {lang: Lang; minN: number; id: string; onPick?: (pick: MemberPick, from: HTMLElement) => void},
): HTMLElement {
  const m = messages(lang);
  const t = m.satisfaction;
  const npsBy = new Map(nps.map((r) => [String(r.bucket), r]));
  const buckets = [
    ...new Map([...csat, ...nps].map((r) => [String(r.bucket), Number(r.bucket_order)])).entries(),
  ]
    .sort((a, b) => a[1] - b[1])
    .map(([b]) => b);
  const csatBy = new Map(csat.map((r) => [String(r.bucket), r]));
  type B = {bucket: string; csat: Row | undefined; nps: Row | undefined};
  const rows: B[] = buckets.map((bucket) => ({bucket, csat: csatBy.get(bucket), nps: npsBy.get(bucket)}));
  const pct = (x: number) => formatPercent(x, lang);
  const c = (r: B) => figure(r.csat, {value: (x) => num(x.value), format: pct, minN, lang});
  const n = (r: B) =>
    figure(r.nps, {value: (x) => num(x.value), format: (x) => formatNumber(x, lang), minN, lang});
  const order = (r: B) => buckets.indexOf(r.bucket);
  const votes = (r: B, kpi: "csat" | "nps") =>
    countButton(num(r[kpi]?.n) ?? 0, lang, bucketPick(r[kpi] ?? {bucket: r.bucket}, kpi, lang), onPick);
  const columns: SortColumn<B>[] = [
    {
      key: "first_reply",
      label: t.firstReplyBucket,
      cell: (r) => t.buckets[r.bucket] ?? r.bucket,
      sort: order,
      csv: (r) => r.bucket,
    },
    {
      key: "csat",
      label: "CSAT",
      numeric: true,
      cell: (r) => c(r).text,
      sort: (r) => sortKey(c(r)),
      csv: (r) => c(r).value,
    },
    {
      key: "csat_interval",
      label: m.card.ci,
      numeric: true,
      cell: (r) =>
        c(r).state === "value" ? `${pct(Number(r.csat!.ci_low))}–${pct(Number(r.csat!.ci_high))}` : "–",
      sort: (r) => num(r.csat?.ci_low) ?? -Infinity,
      csv: (r) => (c(r).state === "value" ? `${Number(r.csat!.ci_low)}-${Number(r.csat!.ci_high)}` : ""),
    },
    {
      key: "csat_n",
      label: t.responses,
      numeric: true,
      cell: (r) => votes(r, "csat"),
      sort: (r) => num(r.csat?.n) ?? 0,
      csv: (r) => num(r.csat?.n) ?? 0,
    },
    {
      key: "nps",
      label: "NPS",
      numeric: true,
      cell: (r) => n(r).text,
      sort: (r) => sortKey(n(r)),
      csv: (r) => n(r).value,
    },
    {
      key: "nps_moe",
      label: t.moe,
      numeric: true,
      cell: (r) => (n(r).state === "value" ? `± ${formatNumber(Number(r.nps!.moe), lang, 1)}` : "–"),
      sort: (r) => num(r.nps?.moe) ?? -Infinity,
      csv: (r) => num(r.nps?.moe),
    },
    {
      key: "nps_n",
      label: t.npsResponses,
      numeric: true,
      cell: (r) => votes(r, "nps"),
      sort: (r) => num(r.nps?.n) ?? 0,
      csv: (r) => num(r.nps?.n) ?? 0,
    },
  ];
  return sortableTable(rows, columns, {
    id,
    caption: t.byBucket,
    filename: "satisfaction-by-first-reply.csv",
    csvLabel: m.analysis.csv,
    initial: {key: "first_reply", direction: "ascending"},
  });
}

/**
 * The survey comments a search kept: the first `limit`, each with its date, score, kind and
 * channel, the comment itself as text (never HTML: a comment holding markup shows the markup).
 * Says how many there are and how many the site holds; a CSV download has every kept one.
 */
export function commentList(
  kept: readonly Comment[],
  {lang, limit = 50, total, shipped}: {lang: Lang; limit?: number; total: number; shipped: number},
): HTMLElement {
  const m = messages(lang);
  const t = m.satisfaction;
  const shownRows = kept.slice(0, limit);
  return h(
    "div",
    {class: "comment-list", "data-count": String(kept.length)},
    h(
      "p",
      {class: "muted", id: "comment-count"},
      t.commentsFound(formatNumber(kept.length, lang), formatNumber(shownRows.length, lang)),
      total > shipped ? ` ${t.commentsCapped(formatNumber(shipped, lang), formatNumber(total, lang))}` : "",
    ),
    h(
      "ul",
      {class: "comments"},
      ...shownRows.map((c) =>
        h(
          "li",
          {class: `comment tone-${toneOf(c)}`},
          h(
            "p",
            {class: "comment-meta muted"},
            `${formatDate(c.responded_date, lang)} · ${c.kind.toUpperCase()} ${formatNumber(c.score, lang, 1)}/${formatNumber(c.scale_max, lang)} · ${t.tones[toneOf(c)]}${c.channel ? ` · ${c.channel}` : ""}`,
          ),
          h("blockquote", {}, c.comment),
        ),
      ),
    ),
    csvDownload(() => kept as unknown as Record<string, unknown>[], {
      filename: "survey-comments.csv",
      label: m.analysis.csv,
      columns: [
        "response_id",
        "responded_date",
        "kind",
        "score",
        "scale_min",
        "scale_max",
        "channel",
        "comment",
      ],
    }),
  );
}
