/**
 * Google Forms responses CSV: `Timestamp` (the form owner's locale and zone, e.g. M/D/YYYY
 * H:MM:SS), then one column per question titled with the full question text. The first 0–10
 * question is the score; a "why" question right after it is the verbatim.
 */
import {col, norm} from "./common.ts";
import {
  CSAT_QUESTION,
  NPS_QUESTION,
  SCALES,
  commentAfter,
  findQuestion,
  mappedColumns,
  npsByValues,
  surveyReader,
} from "./survey-common.ts";
import type {CsvAdapter} from "./types.ts";

export const googleFormsCsv: CsvAdapter = {
  kind: "csv",
  id: "google-forms-csv",
  content: "responses",
  detect(head) {
    const names = head[0] ?? [];
    if (norm(names[0] ?? "") !== "timestamp" || names.length < 2) return 0;
    return findQuestion(names, NPS_QUESTION, 1) >= 0 || findQuestion(names, CSAT_QUESTION, 1) >= 0
      ? 0.75
      : 0.4;
  },
  headerRows: () => 1,
  open(header, ctx, sample) {
    const names = header[0]!;
    const mapped = mappedColumns(ctx, names);
    if (mapped) return "field" in mapped ? mapped : surveyReader(ctx, names, mapped);
    let kind: "nps" | "csat" = "nps";
    let score = findQuestion(names, NPS_QUESTION, 1);
    if (score < 0) score = npsByValues(sample, 1, names.length);
    if (score < 0 && (score = findQuestion(names, CSAT_QUESTION, 1)) >= 0) kind = "csat";
    if (score < 0)
      return {field: "score", reason: "no 0–10 (NPS) or satisfaction question found; give a survey mapping"};
    return surveyReader(ctx, names, {
      kind,
      scale: SCALES[kind],
      score,
      at: col(names.map(norm), "timestamp"),
      id: -1,
      ticket: -1,
      comment: commentAfter(names, score),
      segment: -1,
      idPrefix: `${ctx.file}#`,
    });
  },
};
