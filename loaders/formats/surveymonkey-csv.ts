/**
 * SurveyMonkey "All responses" CSV: two header rows. Row 1 has `Respondent ID`, `Collector ID`,
 * `Start Date`, `End Date`... then the question text (blank over the further columns of one
 * question); row 2 the sub-labels ("Response", "Open-Ended Response", or one choice per column).
 */
import {col, norm} from "./common.ts";
import {
  NPS_QUESTION,
  CSAT_QUESTION,
  SCALES,
  findQuestion,
  mappedColumns,
  surveyReader,
} from "./survey-common.ts";
import type {CsvAdapter} from "./types.ts";

/** Row 1 with the question text carried over the blank cells of multi-column questions. */
function questions(row: string[]): string[] {
  let last = "";
  return row.map((h) => (h.trim() ? (last = h) : last));
}

/** True when the record under the header has a respondent id: an answer, not the sub-labels. */
function secondRowMissing(head: string[][]): boolean {
  const id = col((head[0] ?? []).map(norm), "respondent id");
  return id >= 0 && (head[1]?.[id] ?? "").trim() !== "";
}

export const surveyMonkeyCsv: CsvAdapter = {
  kind: "csv",
  id: "surveymonkey-csv",
  content: "responses",
  detect(head) {
    const h = (head[0] ?? []).map(norm);
    return h.includes("respondent id") && h.includes("collector id") ? 0.9 : 0;
  },
  // Row 2 holds the sub-labels, blank under "Respondent ID"; an id there is an answer, so the
  // export lost its second header row and reading row 2 as labels would drop it.
  headerRows: (head) => (secondRowMissing(head) ? 1 : 2),
  open(header, ctx) {
    const q = questions(header[0]!);
    if (header[1] === undefined)
      return {
        field: "header",
        reason:
          'the second header row is missing (SurveyMonkey writes "Response", "Open-Ended Response"... ' +
          'under the questions, and nothing under "Respondent ID"); row 2 holds answers: export "All responses" with both header rows',
      };
    const sub = header[1];
    const h = header[0]!.map(norm);
    const mapped = mappedColumns(ctx, q);
    if (mapped) return "field" in mapped ? mapped : surveyReader(ctx, q, mapped);
    let kind: "nps" | "csat" = "nps";
    let score = findQuestion(q, NPS_QUESTION, 1);
    if (score < 0 && (score = findQuestion(q, CSAT_QUESTION, 1)) >= 0) kind = "csat";
    if (score < 0)
      return {field: "score", reason: "no 0–10 (NPS) or satisfaction question found; give a survey mapping"};
    // One column per choice: the answer is the label of the ticked column.
    const group: number[] = [];
    for (let i = score; i < q.length && q[i] === q[score]; i++) group.push(i);
    const choices = group.filter((i) => /^\s*\d+\b/.test(sub[i] ?? ""));
    const scoreOf =
      choices.length > 1
        ? (f: string[]) => sub[choices.find((i) => (f[i] ?? "").trim() !== "") ?? -1] ?? ""
        : undefined;
    const after = group[group.length - 1]! + 1;
    const comment =
      /open-ended/i.test(sub[after] ?? "") || /why|comment|reason/i.test(q[after] ?? "") ? after : -1;
    return surveyReader(ctx, q, {
      kind,
      scale: SCALES[kind],
      score,
      scoreOf,
      at: col(h, "end date", "start date"),
      id: col(h, "respondent id"),
      ticket: -1,
      comment,
      segment: -1,
      idPrefix: "surveymonkey-",
    });
  },
};
