/** First-reply buckets for "does speed move satisfaction?", in display order. */
export const REPLY_BUCKETS = [
  {id: "< 1 h", max: 60},
  {id: "1-4 h", max: 240},
  {id: "4-24 h", max: 1440},
  {id: "1-3 d", max: 4320},
  {id: ">= 3 d", max: Infinity},
] as const;

/** `bucket` and `bucket_order` columns from a first-reply column; no reply yet is its own bucket. */
export function bucketSql(column: string): {bucket: string; order: string} {
  const whens = REPLY_BUCKETS.map((b, i) =>
    Number.isFinite(b.max) ? `WHEN ${column} < ${b.max} THEN ${i}` : `ELSE ${i}`,
  ).join(" ");
  const order = `(CASE WHEN ${column} IS NULL THEN ${REPLY_BUCKETS.length} ${whens} END)`;
  const labels = REPLY_BUCKETS.map((b, i) => `WHEN ${i} THEN '${b.id}'`).join(" ");
  return {order, bucket: `(CASE ${order} ${labels} ELSE 'no reply' END)`};
}
