import {z} from "zod";
import {MAX_SCALE, MIN_INSTANT} from "./ranges.ts";
import {Channel} from "./ticket.ts";

export const SURVEY_KINDS = ["csat", "nps", "ces"] as const;
export const SurveyKind = z.enum(SURVEY_KINDS);
export type SurveyKind = z.infer<typeof SurveyKind>;

/**
 * One answered survey response. The score keeps its own scale (`scale_min`..`scale_max`):
 * NPS 0..10, CSAT 1..5 or a binary good/bad as 0..1 (1 = good). Unanswered surveys are not
 * responses; they are counted through `Ticket.satisfaction = "offered"`.
 */
export const SurveyResponse = z
  .object({
    org_id: z.string().min(1),
    response_id: z.string().min(1),
    ticket_id: z.string().nullable(),
    kind: SurveyKind,
    score: z.number(),
    scale_min: z.number().int().min(-MAX_SCALE).max(MAX_SCALE),
    scale_max: z.number().int().min(-MAX_SCALE).max(MAX_SCALE),
    /** Epoch milliseconds UTC, from 1970 (ranges.ts). */
    responded_at: z.number().int().min(MIN_INSTANT),
    /** Verbatim with e-mail addresses and phone numbers masked; null when absent. */
    comment: z.string().nullable(),
    channel: Channel.nullable(),
    segment: z.string().nullable(),
    source_file: z.string(),
    source_line: z.number().int().nonnegative(),
  })
  .refine((r) => r.scale_min < r.scale_max && r.score >= r.scale_min && r.score <= r.scale_max, {
    message: "score outside its scale",
    path: ["score"],
  });
export type SurveyResponse = z.infer<typeof SurveyResponse>;
