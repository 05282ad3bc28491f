/** First-reply buckets for "does speed move satisfaction?", in display order. */
export const REPLY_BUCKETS = [
  {id: "< 1 h", max: 60},
  {id: "1-4 h", max: 240},
  {id: "4-24 h", max: 1440},
  {id: "1-3 d", max: 4320},
  {id: ">= 3 d", max: Infinity},
] as const;

import {reasonCase} from "../unknown.ts";
import type {KpiOptions, MemberRow} from "../types.ts";

/**
 * `bucket` and `bucket_order` columns from the first-reply column of tickets `k`; no reply yet is
 * its own bucket. When no ticket of the dataset has a first reply (`unknown`), no ticket can be
 * said to have none: every response falls in one "unknown" bucket, and `reason` says why.
 */
export function bucketSql(o: KpiOptions): {bucket: string; order: string; unknown: string; reason: string} {
  const name = o.clock === "business" ? "first_reply_minutes_business" : "first_reply_minutes";
  const column = `k.${name}`;
  const unknown = `NOT EXISTS (SELECT 1 FROM tickets WHERE ${name} IS NOT NULL)`;
  const whens = REPLY_BUCKETS.map((b, i) =>
    Number.isFinite(b.max) ? `WHEN ${column} < ${b.max} THEN ${i}` : `ELSE ${i}`,
  ).join(" ");
  const none = REPLY_BUCKETS.length;
  const order = `(CASE WHEN ${unknown} THEN ${none + 1} WHEN ${column} IS NULL THEN ${none} ${whens} END)`;
  const labels = REPLY_BUCKETS.map((b, i) => `WHEN ${i} THEN '${b.id}'`).join(" ");
  return {
    order,
    bucket: `(CASE ${order} ${labels} WHEN ${none} THEN 'no reply' ELSE 'unknown' END)`,
    unknown,
    reason: `${reasonCase([[unknown, o.clock === "business" ? "first_reply_business" : "first_reply"]])} AS reason`,
  };
}

/** A row's `bucket_order`, checked so it can be inlined in SQL. */
export function bucketOrder(row: MemberRow): number {
  const order = row.bucket_order;
  if (!Number.isInteger(order) || order! < 0 || order! > REPLY_BUCKETS.length + 1)
    throw new RangeError(`not a bucket: ${String(order)}`);
  return order!;
}
