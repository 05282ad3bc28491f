/**
 * Qualtrics CSV export: three header rows (short names, question text in the survey's
 * language, `{"ImportId": ...}` JSON that may carry the time zone). Spam (Status 8) and survey
 * previews (Status 1) are left out. An NPS question has a `Qn_NPS_GROUP` twin.
 */
import {col, norm} from "./common.ts";
import {
  CSAT_QUESTION,
  NPS_QUESTION,
  SCALES,
  commentAfter,
  findQuestion,
  mappedColumns,
  surveyReader,
} from "./survey-common.ts";
import type {CsvAdapter} from "./types.ts";

const isImportRow = (row: string[] | undefined) => (row ?? []).some((c) => c.includes('"ImportId"'));

const STATUS_EXCLUDED: Record<string, string> = {
  "1": "survey preview", "survey preview": "survey preview", "8": "spam", spam: "spam",
}; // prettier-ignore

export const qualtricsCsv: CsvAdapter = {
  kind: "csv",
  id: "qualtrics-csv",
  content: "responses",
  detect(head) {
    const h = (head[0] ?? []).map(norm);
    const hits = ["responseid", "recordeddate", "distributionchannel", "startdate", "finished", "status"];
    const n = hits.filter((x) => h.includes(x)).length;
    return n >= 3 ? 0.8 + n / 50 : 0;
  },
  headerRows: (head) => (isImportRow(head[2]) ? 3 : 2),
  open(header, ctx) {
    const short = header[0]!;
    const text = header[1] ?? [];
    const h = short.map(norm);
    const at = col(h, "recordeddate", "enddate");
    // The ImportId row can give the zone of the time columns.
    const zone = header[2]?.[at]?.match(/"timeZone"\s*:\s*"([^"]+)"/)?.[1];
    if (zone) ctx.dates.tz = zone;
    const mapped = mappedColumns(ctx, short);
    const status = col(h, "status");
    const channel = col(h, "distributionchannel");
    const exclude = (f: string[]): string | null => {
      const s = STATUS_EXCLUDED[(f[status] ?? "").trim().toLowerCase()];
      if (status >= 0 && s) return s;
      return channel >= 0 && (f[channel] ?? "").trim().toLowerCase() === "preview" ? "survey preview" : null;
    };
    if (mapped) return "field" in mapped ? mapped : surveyReader(ctx, short, {...mapped, exclude});
    let kind: "nps" | "csat" = "nps";
    const group = h.findIndex((x) => x.endsWith("_nps_group"));
    let score = group >= 0 ? col(h, h[group]!.replace(/_nps_group$/, "")) : -1;
    if (score < 0) score = findQuestion(text, NPS_QUESTION);
    if (score < 0 && (score = findQuestion(text, CSAT_QUESTION)) >= 0) kind = "csat";
    if (score < 0)
      return {field: "score", reason: "no 0–10 (NPS) or satisfaction question found; give a survey mapping"};
    return surveyReader(ctx, text, {
      kind,
      scale: SCALES[kind],
      score,
      at,
      id: col(h, "responseid"),
      ticket: col(h, "ticket_id", "ticketid", "externalreference"),
      // The NPS group twin sits between the score and the follow-up question.
      comment: commentAfter(text, group === score + 1 ? score + 1 : score),
      segment: -1,
      idPrefix: "qualtrics-",
      exclude,
    });
  },
};
