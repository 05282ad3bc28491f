/**
 * Survey comments: which ones a search and a score filter keep. Pure, so it is unit-tested apart
 * from the page; the list itself is drawn by satisfaction-views.ts, always as text.
 */

export interface Comment {
  response_id: string;
  kind: string;
  score: number;
  scale_min: number;
  scale_max: number;
  responded_date: string;
  channel: string | null;
  comment: string;
}

/** What a score says, with the registry's own cut-offs (csat-votes.ts, nps-votes.ts). */
export type Tone = "positive" | "neutral" | "negative";

/**
 * CSAT: top-two box on scales of four points or more, top box on smaller ones, else negative.
 * NPS: rescaled to 0-10, 9-10 promoters (positive), 0-6 detractors (negative), passives between.
 */
export function toneOf(c: Pick<Comment, "kind" | "score" | "scale_min" | "scale_max">): Tone {
  if (c.kind === "nps") {
    const ten = (10 * (c.score - c.scale_min)) / (c.scale_max - c.scale_min);
    return ten >= 9 ? "positive" : ten <= 6 ? "negative" : "neutral";
  }
  const top = c.scale_max - (c.scale_max - c.scale_min >= 3 ? 1 : 0);
  return c.score >= top ? "positive" : "negative";
}

export interface CommentQuery {
  /** Words to find, all of them, in any case and with or without accents. */
  text: string;
  /** "all", or one survey kind (csat, nps, ces). */
  kind: string;
  /** "all", or one tone. */
  tone: "all" | Tone;
}

/** Lower case without accents: "Réparé" finds "repare" and the other way round. */
export function fold(s: string): string {
  return s.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase();
}

/**
 * The comments that hold every word of the search and match the kind and tone, newest first
 * (ties by response id, so the order is stable).
 */
export function filterComments(rows: readonly Comment[], q: CommentQuery): Comment[] {
  const words = fold(q.text).split(/\s+/).filter(Boolean);
  return rows
    .filter(
      (c) =>
        (q.kind === "all" || c.kind === q.kind) &&
        (q.tone === "all" || toneOf(c) === q.tone) &&
        words.every((w) => fold(c.comment).includes(w)),
    )
    .sort(
      (a, b) =>
        b.responded_date.localeCompare(a.responded_date) || a.response_id.localeCompare(b.response_id),
    );
}
