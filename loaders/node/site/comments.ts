import {tableToIPC} from "apache-arrow";
import {LocalClock} from "../../metrics/local-time.ts";
import {RESPONSES} from "../../metrics/prepare.ts";
import {toArrow} from "../../metrics/runner-wasm.ts";
import type {TableSpec} from "../../metrics/types.ts";
import type {SurveyResponse} from "../../schema/response.ts";
import {cached} from "./dataset-cache.ts";
import {siteDataset, siteDatasetKey} from "./dataset.ts";

/**
 * The newest comments shipped: a survey of 400,000 responses would otherwise outweigh the
 * whole site, and a manager reads the latest ones first. The page says when there are more.
 */
export const COMMENTS_CAP = 2_000;

/** The responses' columns a comment keeps (its instant and month are not read by the page). */
const FROM_RESPONSES = new Set([
  "response_id",
  "ticket_id",
  "kind",
  "score",
  "scale_min",
  "scale_max",
  "responded_date",
  "channel",
]);

/**
 * Survey comments as the Satisfaction page reads them, beside the KPI tables in DuckDB-WASM: the
 * responses table's own columns (same names and types), the comment, and `total`, the comments in
 * the whole dataset on every row (how many the cap left out).
 */
export const COMMENTS: TableSpec = {
  name: "comments",
  columns: [
    ...RESPONSES.columns.filter((c) => FROM_RESPONSES.has(c.name)),
    {name: "comment", type: "VARCHAR"},
    {name: "total", type: "INTEGER"},
  ],
};

/**
 * The rows of the comments table: responses with a comment, newest first, at most `cap`. The
 * comments are the dataset's, masked at ingest (e-mail addresses, phone numbers, known names:
 * loaders/privacy/policy.ts, "verbatim") and masked again when the site loads a dataset
 * directory; the local date is in the organisation's zone, as in the responses table.
 */
export function commentRows(
  responses: readonly SurveyResponse[],
  timezone: string,
  cap = COMMENTS_CAP,
): Record<string, string | number | null>[] {
  const clock = new LocalClock(timezone || "UTC");
  const withText = responses.filter((r) => r.comment !== null && r.comment.trim() !== "");
  const newest = [...withText]
    .sort((a, b) => b.responded_at - a.responded_at || a.response_id.localeCompare(b.response_id))
    .slice(0, cap);
  return newest.map((r) => ({
    response_id: r.response_id,
    ticket_id: r.ticket_id,
    kind: r.kind,
    score: r.score,
    scale_min: r.scale_min,
    scale_max: r.scale_max,
    responded_date: clock.parts(r.responded_at).date,
    channel: r.channel,
    comment: r.comment,
    total: withText.length,
  }));
}

/** The comments table as Arrow IPC stream bytes, for `comments.arrow`. */
export async function siteComments(): Promise<Uint8Array> {
  return cached("comments", await siteDatasetKey(), async () => {
    const dataset = await siteDataset();
    return tableToIPC(toArrow(COMMENTS, commentRows(dataset.responses, dataset.profile.timezone)), "stream");
  });
}
