import {formatNumber, type Lang} from "./format.js";
import {messages} from "../i18n/messages.js";

type Row = Record<string, unknown>;

export type FigureState = "value" | "insufficient" | "unknown" | "none";

const num = (x: unknown): number | null =>
  typeof x === "number" && Number.isFinite(x) ? x : typeof x === "bigint" ? Number(x) : null;

/** Why a KPI row is unknown, in the page's language, when the row says so. */
export function reasonText(row: Row | undefined, lang: Lang): string | null {
  const r = row?.reason;
  if (typeof r === "string") return r;
  if (r && typeof r === "object" && lang in r) return String((r as Record<string, unknown>)[lang]);
  return null;
}

/**
 * A registry row's figure as a table cell shows it, with the minimum-n rule: under the KPI's
 * minimum n the cell says so and gives n, never a number; an unknown KPI says why; a cut with
 * nothing to count says so. Never a 0 in place of a missing figure.
 */
export function figure(
  row: Row | undefined,
  {
    value,
    format,
    minN,
    lang,
  }: {value: (row: Row) => number | null; format: (x: number) => string; minN: number; lang: Lang},
): {state: FigureState; text: string; value: number | null; n: number | null} {
  const t = messages(lang).analysis;
  const n = num(row?.n);
  const reason = reasonText(row, lang);
  const v = row ? value(row) : null;
  if (row && row.insufficient !== true && v !== null) return {state: "value", text: format(v), value: v, n};
  if (reason) return {state: "unknown", text: `${t.unknown} (${reason})`, value: null, n};
  if (n)
    return {
      state: "insufficient",
      text: t.tooFew(formatNumber(n, lang), formatNumber(minN, lang)),
      value: null,
      n,
    };
  return {state: "none", text: t.none, value: null, n};
}

/** The number a figure sorts by: a value, else below every value (too few and unknown last). */
export function sortKey(f: {value: number | null}): number {
  return f.value ?? Number.NEGATIVE_INFINITY;
}
