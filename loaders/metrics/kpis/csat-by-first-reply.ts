import {ifEnough, insufficient, memberWhere} from "../sql.ts";
import {MIN_RESPONSES, type KpiDefinition} from "../types.ts";
import {csatVotes, wilson} from "./csat-votes.ts";
import {bucketOrder, bucketSql} from "./reply-buckets.ts";

const w = wilson("sum(v.good)", "count(*)");

export const csatByFirstReply: KpiDefinition = {
  id: "csat_by_first_reply",
  label: {en: "CSAT by first reply time", fr: "CSAT selon le délai de première réponse"},
  unit: "ratio",
  countingUnit: "survey responses linked to a ticket",
  clocks: ["calendar", "business"],
  better: "higher",
  shape: "table",
  minN: MIN_RESPONSES,
  columns: ["bucket", "bucket_order", "n", "value", "ci_low", "ci_high", "insufficient", "reason"],
  definition: {
    en: "CSAT (as defined for the CSAT card) per first-reply-time bucket of the rated ticket: under 1 hour, 1-4 hours, 4-24 hours, 1-3 days, 3 days or more, no reply. Responses not linked to a ticket are left out. When the export has no first reply time at all, the buckets are unknown.",
    fr: "CSAT (défini comme sur la carte CSAT) par tranche de délai de première réponse du ticket évalué : moins d'1 heure, 1-4 heures, 4-24 heures, 1-3 jours, 3 jours ou plus, sans réponse. Les réponses non reliées à un ticket sont exclues. Quand l'export ne contient aucun délai de première réponse, les tranches sont inconnues.",
  },
  sql(o) {
    const b = bucketSql(o);
    const known = (expr: string) => `CASE WHEN NOT ${b.unknown} THEN ${expr} END`;
    // Joining on the ticket keeps only responses linked to a ticket: the bucket needs its reply time.
    return `WITH ${csatVotes(o)}
SELECT v.cut, ${b.bucket} AS bucket, CAST(${b.order} AS INTEGER) AS bucket_order,
  CAST(count(*) AS INTEGER) AS n,
  ${ifEnough(known("CAST(sum(v.good) AS DOUBLE) / count(*)"), "count(*)", MIN_RESPONSES)} AS value,
  ${ifEnough(known(w.low), "count(*)", MIN_RESPONSES)} AS ci_low,
  ${ifEnough(known(w.high), "count(*)", MIN_RESPONSES)} AS ci_high,
  ${insufficient("count(*)", MIN_RESPONSES, b.unknown)},
  ${b.reason}
FROM votes v JOIN tickets k ON k.ticket_id = v.ticket_id
GROUP BY v.cut, ${b.bucket}, ${b.order} ORDER BY v.cut, bucket_order`;
  },
  members(o, row) {
    const b = bucketSql(o);
    return `WITH ${csatVotes(o)} SELECT v.ticket_id, v.score FROM votes v JOIN tickets k ON k.ticket_id = v.ticket_id
WHERE ${memberWhere(row, "v")} AND ${b.order} = ${bucketOrder(row)}`;
  },
};
