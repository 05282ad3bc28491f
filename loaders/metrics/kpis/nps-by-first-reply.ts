import {memberWhere} from "../sql.ts";
import {MIN_RESPONSES, type KpiDefinition} from "../types.ts";
import {npsColumns, npsVotes} from "./nps-votes.ts";
import {bucketOrder, bucketSql} from "./reply-buckets.ts";

export const npsByFirstReply: KpiDefinition = {
  id: "nps_by_first_reply",
  label: {en: "NPS by first reply time", fr: "NPS selon le délai de première réponse"},
  unit: "NPS points (-100..100)",
  countingUnit: "survey responses linked to a ticket",
  clocks: ["calendar", "business"],
  better: "higher",
  shape: "table",
  minN: MIN_RESPONSES,
  columns: [
    "bucket",
    "bucket_order",
    "n",
    "promoters",
    "passives",
    "detractors",
    "value",
    "moe",
    "insufficient",
    "reason",
  ],
  definition: {
    en: "NPS (as defined for the NPS card) per first-reply-time bucket of the ticket the response is about: under 1 hour, 1-4 hours, 4-24 hours, 1-3 days, 3 days or more, no reply. Responses not linked to a ticket are left out. When the export has no first reply time at all, the buckets are unknown.",
    fr: "NPS (défini comme sur la carte NPS) par tranche de délai de première réponse du ticket concerné : moins d'1 heure, 1-4 heures, 4-24 heures, 1-3 jours, 3 jours ou plus, sans réponse. Les réponses non reliées à un ticket sont exclues. Quand l'export ne contient aucun délai de première réponse, les tranches sont inconnues.",
  },
  sql(o) {
    const b = bucketSql(o);
    // Joining on the ticket keeps only responses linked to a ticket: the bucket needs its reply time.
    return `WITH ${npsVotes(o)}
SELECT v.cut, ${b.bucket} AS bucket, CAST(${b.order} AS INTEGER) AS bucket_order, ${npsColumns(undefined, undefined, undefined, b.unknown)},
  ${b.reason}
FROM votes v JOIN tickets k ON k.ticket_id = v.ticket_id
GROUP BY v.cut, ${b.bucket}, ${b.order} ORDER BY v.cut, bucket_order`;
  },
  members(o, row) {
    const b = bucketSql(o);
    return `WITH ${npsVotes(o)} SELECT v.ticket_id, v.score FROM votes v JOIN tickets k ON k.ticket_id = v.ticket_id
WHERE ${memberWhere(row, "v")} AND ${b.order} = ${bucketOrder(row)}`;
  },
};
