/**
 * Delighted response CSV: `Response ID`, `Score`, `Comment`, `Response timestamp`, person
 * columns, properties. The survey type comes from a `Survey type` column when there is one,
 * else the ingest mapping's `kind`, else NPS (Delighted's default survey).
 */
import type {SurveyKind} from "../schema/index.ts";
import {col, norm} from "./common.ts";
import {SCALES, mappedColumns, surveyReader, type SurveyColumns} from "./survey-common.ts";
import type {CsvAdapter} from "./types.ts";

export const delightedCsv: CsvAdapter = {
  kind: "csv",
  id: "delighted-csv",
  content: "responses",
  detect(head) {
    const h = (head[0] ?? []).map(norm);
    if (col(h, "score") < 0) return 0;
    const hits = [
      "response id",
      "response timestamp",
      "person id",
      "comment",
      "survey type",
      "delighted source",
    ];
    const n = hits.filter((x) => h.includes(x)).length;
    return n >= 2 ? 0.7 + n / 30 : 0;
  },
  headerRows: () => 1,
  open(header, ctx) {
    const mapped = mappedColumns(ctx, header[0]!);
    if (mapped) return "field" in mapped ? mapped : surveyReader(ctx, header[0]!, mapped);
    const h = header[0]!.map(norm);
    const typeCol = col(h, "survey type");
    const cols: SurveyColumns = {
      kind: "nps",
      scale: SCALES.nps,
      score: col(h, "score"),
      at: col(h, "response timestamp", "created at", "date"),
      id: col(h, "response id", "id"),
      ticket: col(h, "ticket id", "ticket_id"),
      comment: col(h, "comment"),
      segment: col(h, "segment"),
      idPrefix: "delighted-",
    };
    if (cols.at < 0) return {field: "responded_at", reason: 'missing required column "Response timestamp"'};
    const reader = surveyReader(ctx, header[0]!, cols);
    if (typeCol < 0) return reader;
    // Mixed survey types in one file: each row on its own scale.
    return {
      dateColumns: reader.dateColumns,
      row(f, line) {
        const t = (f[typeCol] ?? "").trim().toLowerCase() as SurveyKind;
        if (!(t in SCALES))
          return ctx.sink.reject(line, "survey type", `unsupported survey type "${t.slice(0, 20)}"`, "");
        cols.kind = t;
        cols.scale = SCALES[t];
        reader.row(f, line);
      },
    };
  },
};
