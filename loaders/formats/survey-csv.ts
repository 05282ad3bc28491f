/** Any CSAT / NPS / CES CSV, read through a survey mapping (`kind`, `columns.score`, ...). */
import {locate, mappingKind, SurveyMapping} from "./mapping.ts";
import {mappedColumns, surveyReader} from "./survey-common.ts";
import type {CsvAdapter} from "./types.ts";

export const surveyCsv: CsvAdapter = {
  kind: "csv",
  id: "survey-csv",
  content: "responses",
  detect(head, mapping) {
    if (mappingKind(mapping) !== "survey-csv") return 0;
    const parsed = SurveyMapping.safeParse(mapping);
    if (!parsed.success) return 0.1;
    const rows = parsed.data.header_rows ?? 1;
    // The mapped names may sit on any header row (e.g. Qualtrics short names on row 1).
    const fits = head.slice(0, rows).some((r) => locate(r, parsed.data.columns).missing.length === 0);
    // Below the known layouts, which also honour a survey mapping and know their header rows. A
    // file sharing none of the mapped columns is another export: detection reads it.
    const shares = head
      .slice(0, rows)
      .some((r) => locate(r, parsed.data.columns).missing.length < Object.keys(parsed.data.columns).length);
    return fits ? 0.5 : shares ? 0.1 : 0;
  },
  headerRows: (_head, mapping) => {
    const parsed = SurveyMapping.safeParse(mapping);
    return parsed.success ? (parsed.data.header_rows ?? 1) : 1;
  },
  open(header, ctx) {
    // Use the header row that holds the mapped names.
    const parsed = SurveyMapping.safeParse(ctx.mapping);
    const names =
      (parsed.success && header.find((r) => locate(r, parsed.data.columns).missing.length === 0)) ||
      header[0]!;
    const mapped = mappedColumns(ctx, names);
    if (!mapped) return {field: "mapping", reason: "survey-csv needs a survey mapping"};
    return "field" in mapped ? mapped : surveyReader(ctx, names, mapped);
  },
};
