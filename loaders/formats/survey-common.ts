/** Shared by the survey CSV layouts: finding the score question, reading scores, building rows. */
import type {SurveyKind} from "../schema/index.ts";
import {maskContacts} from "../text/mask.ts";
import {peopleColumns, rowPeople} from "../privacy/people-columns.ts";
import {Cells, checkResponse, newResponse, norm, rowExcerpt} from "./common.ts";
import {SurveyMapping, mappingErrors, mappingKind} from "./mapping.ts";
import type {CsvReader, FileContext} from "./types.ts";

export const NPS_QUESTION =
  /\b0\s*(-|–|to)\s*10\b|likely.{0,40}recommend|recommend.{0,40}(friend|colleague)|net promoter|\bnps\b/i;
export const CSAT_QUESTION = /satisf|\bcsat\b|how did we do|rate (our|the) (support|service)/i;
export const CES_QUESTION = /\beffort\b|\bces\b|easy .{0,30}(to|was it)/i;
const COMMENT_QUESTION =
  /why|comment|reason|feedback|explain|tell us|anything else|remark|warum|kommentar|pourquoi|commentaire|por qu|motivo/i;

export const SCALES: Record<SurveyKind, [number, number]> = {nps: [0, 10], csat: [1, 5], ces: [1, 7]};

/** Score of a cell: "9", "10 - Extremely likely", "4 (Satisfied)"; NaN with a reason otherwise. */
export function parseScore(raw: string): {score: number | null; reason: string} {
  const s = raw.trim();
  if (s === "") return {score: null, reason: ""};
  const m = /^(-?\d+(?:[.,]\d+)?)\s*(?:[-–:=]\s*\D.*|\(.*\)|\D*)$/.exec(s);
  if (m) return {score: Number(m[1]!.replace(",", ".")), reason: ""};
  if (/^[0-9a-f]{16,}$/i.test(s) || /^[A-Za-z0-9+/]{20,}={0,2}$/.test(s))
    return {score: NaN, reason: `hashed score token "${s.slice(0, 16)}…" cannot be read`};
  return {score: NaN, reason: `unknown score token "${s.slice(0, 30)}"`};
}

/** Index of the first header matching `re`, or -1. */
export function findQuestion(headers: string[], re: RegExp, from = 0): number {
  for (let i = from; i < headers.length; i++) if (re.test(headers[i] ?? "")) return i;
  return -1;
}

/** The free-text column right after the score question, when its header reads like one. */
export function commentAfter(headers: string[], score: number): number {
  const next = headers[score + 1];
  return next !== undefined && COMMENT_QUESTION.test(next) && !NPS_QUESTION.test(next) ? score + 1 : -1;
}

/** A column whose sample values are all whole numbers 0..10 with some above 5: an NPS question. */
export function npsByValues(sample: string[][], from: number, width: number): number {
  for (let c = from; c < width; c++) {
    let seen = 0;
    let high = false;
    let ok = true;
    for (const row of sample) {
      const v = (row[c] ?? "").trim();
      if (v === "") continue;
      const p = parseScore(v).score;
      if (p === null || !Number.isInteger(p) || p < 0 || p > 10) {
        ok = false;
        break;
      }
      seen++;
      if (p > 5) high = true;
    }
    if (ok && seen > 0 && high) return c;
  }
  return -1;
}

export interface SurveyColumns {
  kind: SurveyKind;
  scale: [number, number];
  score: number;
  at: number;
  id: number;
  ticket: number;
  comment: number;
  segment: number;
  /** Prefix of synthesised response ids (layouts without an id column). */
  idPrefix: string;
  /** Reason to leave a row out (spam, preview...), or null. */
  exclude?: (f: string[]) => string | null;
  /** Score from the row when it is not one cell (SurveyMonkey one-column-per-choice). */
  scoreOf?: (f: string[]) => string;
}

/** Survey mapping of the ingest options, if any, applied to a header; errors as text. */
export function mappedColumns(
  ctx: FileContext,
  names: string[],
): SurveyColumns | {field: string; reason: string} | null {
  if (mappingKind(ctx.mapping) !== "survey-csv") return null;
  const parsed = SurveyMapping.safeParse(ctx.mapping);
  if (!parsed.success) return {field: "mapping", reason: `invalid mapping: ${mappingErrors(parsed.error)}`};
  const m = parsed.data;
  const h = names.map((n) => n.trim().toLowerCase());
  const find = (n: string | undefined) => (n === undefined ? -1 : h.indexOf(n.trim().toLowerCase()));
  const missing = Object.entries(m.columns).filter(([, n]) => n !== undefined && find(n) < 0);
  // A file sharing none of the mapped columns is another export of the folder: its own layout reads it.
  if (missing.length === Object.values(m.columns).filter((n) => n !== undefined).length) return null;
  if (missing.length)
    return {
      field: "mapping",
      reason: `columns not in the header: ${missing.map(([k, n]) => `${k} ("${n}")`).join(", ")}`,
    };
  // The mapping's tz is the run's zone unless --tz overrides it (ingest/zone.ts), not the file's.
  if (m.day_first !== undefined) ctx.dates.dayFirst = m.day_first;
  return {
    kind: m.kind,
    scale: m.scale ?? SCALES[m.kind],
    score: find(m.columns.score),
    at: find(m.columns.responded_at),
    id: find(m.columns.response_id),
    ticket: find(m.columns.ticket_id),
    comment: find(m.columns.comment),
    segment: find(m.columns.segment),
    idPrefix: `${ctx.file}#`,
  };
}

export function surveyReader(ctx: FileContext, header: string[], c: SurveyColumns): CsvReader {
  const cells = new Cells(ctx);
  const sink = ctx.sink;
  // Respondents' names, masked wherever they appear in free text (comments, segments).
  const people = peopleColumns(header.map(norm));
  return {
    dateColumns: c.at >= 0 ? [c.at] : [],
    row(f, line) {
      cells.reset();
      if (ctx.person) for (const name of rowPeople(people, f)) ctx.person(name);
      const excluded = c.exclude?.(f) ?? null;
      if (excluded) return sink.exclude(line, excluded, rowExcerpt(header, f));
      const raw = c.scoreOf ? c.scoreOf(f) : (f[c.score] ?? "");
      const {score, reason} = parseScore(raw);
      if (score === null) return sink.exclude(line, "score question not answered", rowExcerpt(header, f));
      if (Number.isNaN(score)) return sink.reject(line, "score", reason, rowExcerpt(header, f));
      const at = cells.date(f[c.at] ?? "", "responded_at");
      if (cells.failed())
        return sink.reject(line, cells.failed()!.field, cells.failed()!.reason, rowExcerpt(header, f));
      if (at === null) return sink.reject(line, "responded_at", "missing", rowExcerpt(header, f));
      const id = c.id >= 0 && (f[c.id] ?? "").trim() ? f[c.id]!.trim() : `${c.idPrefix}${line}`;
      const r = newResponse(ctx, id, c.kind, score, c.scale, at, line);
      if (c.ticket >= 0) r.ticket_id = (f[c.ticket] ?? "").trim() || null;
      if (c.comment >= 0) {
        const text = (f[c.comment] ?? "").trim();
        r.comment = text ? maskContacts(text) : null;
      }
      if (c.segment >= 0) r.segment = (f[c.segment] ?? "").trim() || null;
      const problem = checkResponse(r, ctx.now);
      if (problem) return sink.reject(line, problem.field, problem.reason, rowExcerpt(header, f));
      sink.response(r);
    },
  };
}
