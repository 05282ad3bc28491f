import {z} from "zod";
import {SizeBand} from "./profile.ts";

const rate = z.number().min(0).max(1).nullable();
const nonneg = z.number().nonnegative().nullable();

/**
 * One organisation reduced to per-organisation statistics: a row of a benchmark panel and the
 * input of the archetype model. Holds no ticket rows and no names (`org_code` is a code).
 * Durations are calendar minutes; rates are fractions 0..1.
 */
export const OrgSummary = z.object({
  org_code: z.string().min(1),
  industry: z.string().nullable(),
  country: z.string().nullable(),
  size_band: SizeBand.nullable(),
  agents: z.number().int().positive().nullable(),
  /** Months covered by the tickets (fractional, >= 1/30). */
  months: z.number().positive(),
  tickets: z.number().int().nonnegative(),
  tickets_per_month: z.number().nonnegative(),
  tickets_per_agent_month: nonneg,
  replies_per_ticket: nonneg,
  first_reply_p50_minutes: nonneg,
  first_reply_p90_minutes: nonneg,
  full_resolution_p50_minutes: nonneg,
  requester_wait_p50_minutes: nonneg,
  one_touch_rate: rate,
  reopen_rate: rate,
  csat: rate,
  csat_responses: z.number().int().nonnegative(),
  csat_response_rate: rate,
  nps: z.number().min(-100).max(100).nullable(),
  nps_responses: z.number().int().nonnegative(),
  /** Hour-of-week slots with agent activity, Monday-Friday and Saturday-Sunday, per week. */
  coverage_hours_weekday: z.number().min(0).max(120).nullable(),
  coverage_hours_weekend: z.number().min(0).max(48).nullable(),
  /** Help-centre views per ticket, when known. */
  self_service_ratio: nonneg,
  automation_rules: z.number().int().nonnegative().nullable(),
});
export type OrgSummary = z.infer<typeof OrgSummary>;
