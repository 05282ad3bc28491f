/**
 * Typeform responses CSV: `#` (response token), one column per question titled with the
 * question, then `Start Date (UTC)`, `Submit Date (UTC)`, `Network ID`. Times are UTC. The NPS
 * (opinion scale 0–10) question is found by its wording, else by its values.
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

export const typeformCsv: CsvAdapter = {
  kind: "csv",
  id: "typeform-csv",
  content: "responses",
  detect(head) {
    const h = (head[0] ?? []).map(norm);
    const hits = ["#", "submit date (utc)", "start date (utc)", "network id", "response type"];
    const n = hits.filter((x) => h.includes(x)).length;
    return n >= 2 && h.includes("submit date (utc)") ? 0.8 + n / 50 : 0;
  },
  headerRows: () => 1,
  open(header, ctx, sample) {
    const names = header[0]!;
    const h = names.map(norm);
    ctx.dates.tz = "UTC"; // Typeform writes UTC and says so in the header
    const mapped = mappedColumns(ctx, names);
    if (mapped) return "field" in mapped ? mapped : surveyReader(ctx, names, mapped);
    const meta = col(h, "start date (utc)");
    let score = findQuestion(names, NPS_QUESTION, 1);
    let kind: "nps" | "csat" = "nps";
    if (score < 0) score = npsByValues(sample, 1, meta < 0 ? names.length : meta);
    if (score < 0 && (score = findQuestion(names, CSAT_QUESTION, 1)) >= 0) kind = "csat";
    if (score < 0)
      return {field: "score", reason: "no 0–10 (NPS) or satisfaction question found; give a survey mapping"};
    return surveyReader(ctx, names, {
      kind,
      scale: SCALES[kind],
      score,
      at: col(h, "submit date (utc)"),
      id: col(h, "#"),
      ticket: col(h, "ticket_id", "ticket id"),
      comment: commentAfter(names, score),
      segment: -1,
      idPrefix: "typeform-",
    });
  },
};
