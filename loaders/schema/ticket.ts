import {z} from "zod";
import {MAX_COUNT, MAX_DURATION_MINUTES, MIN_INSTANT} from "./ranges.ts";

/** Channels every source is mapped onto; the raw value is kept in `channel_raw`. */
export const CHANNELS = ["email", "web", "chat", "messaging", "phone", "social", "api", "other"] as const;
export const Channel = z.enum(CHANNELS);
export type Channel = z.infer<typeof Channel>;

/** Lifecycle status, Zendesk's vocabulary (Freshdesk "resolved" maps to solved). */
export const STATUSES = ["new", "open", "pending", "hold", "solved", "closed"] as const;
export const Status = z.enum(STATUSES);
export type Status = z.infer<typeof Status>;

/** Survey state recorded on the ticket itself: was a CSAT survey sent, and how was it answered. */
export const SATISFACTIONS = ["unoffered", "offered", "good", "bad"] as const;
export const Satisfaction = z.enum(SATISFACTIONS);
export type Satisfaction = z.infer<typeof Satisfaction>;

/**
 * Instants are epoch milliseconds UTC; a null instant or duration means "has not happened".
 * Ranges (ranges.ts): instants from 1970, durations up to 10 years, counts up to 2^31 - 1.
 */
const instant = z.number().int().min(MIN_INSTANT);
const minutes = z.number().nonnegative().max(MAX_DURATION_MINUTES).nullable();
const count = z.number().int().nonnegative().max(MAX_COUNT).nullable();

/**
 * One support ticket after ingestion. Durations are minutes; the plain field is the calendar
 * clock, the `_business` twin the business-hours clock when the source provides it (else null).
 */
export const Ticket = z.object({
  org_id: z.string().min(1),
  ticket_id: z.string().min(1),
  created_at: instant,
  updated_at: instant.nullable(),
  channel: Channel,
  channel_raw: z.string().nullable(),
  status: Status,
  solved_at: instant.nullable(),
  first_reply_minutes: minutes,
  first_reply_minutes_business: minutes,
  first_resolution_minutes: minutes,
  first_resolution_minutes_business: minutes,
  full_resolution_minutes: minutes,
  full_resolution_minutes_business: minutes,
  requester_wait_minutes: minutes,
  requester_wait_minutes_business: minutes,
  agent_wait_minutes: minutes,
  agent_wait_minutes_business: minutes,
  /** Public agent replies. */
  replies: count,
  /** Solved -> open transitions. */
  reopens: count,
  group: z.string().nullable(),
  /** Pseudonymised agent code (e.g. "agent-7f3a"), never a name. */
  assignee: z.string().nullable(),
  priority: z.string().nullable(),
  type: z.string().nullable(),
  tags: z.array(z.string()),
  satisfaction: Satisfaction.nullable(),
  source_file: z.string(),
  source_line: z.number().int().nonnegative(),
});
export type Ticket = z.infer<typeof Ticket>;

/** Column order used when a dataset is written as a table. */
export const TICKET_COLUMNS = Object.keys(Ticket.shape) as (keyof Ticket)[];
