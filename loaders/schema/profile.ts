import {z} from "zod";

export const SIZE_BANDS = ["1-9", "10-49", "50-249", "250+"] as const;
export const SizeBand = z.enum(SIZE_BANDS);
export type SizeBand = z.infer<typeof SizeBand>;

/** Size band from the number of agents, the grouping used for peer percentiles. */
export function sizeBand(agents: number): SizeBand {
  if (agents < 10) return "1-9";
  if (agents < 50) return "10-49";
  if (agents < 250) return "50-249";
  return "250+";
}

const hhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, "expected HH:MM");

/** Organisation profile, `profile.json` in a dataset. Optional inputs are null when unknown. */
export const Profile = z.object({
  org_id: z.string().min(1),
  display_name: z.string(),
  industry: z.string().nullable(),
  /** ISO 3166-1 alpha-2. */
  country: z.string().length(2).nullable(),
  /** Agents on the team; when null, active agents seen in the tickets are used. */
  agents: z.number().int().positive().nullable(),
  /** IANA zone used for hour-of-day and weekday cuts and for timestamps without an offset. */
  timezone: z.string().default("UTC"),
  business_hours: z
    .object({
      /** ISO weekdays, 1 = Monday .. 7 = Sunday. */
      days: z.array(z.number().int().min(1).max(7)),
      start: hhmm,
      end: hhmm,
    })
    .nullable()
    .default(null),
  /** Help-centre article views per month (self-service), when known. */
  help_center_views_per_month: z.number().nonnegative().nullable().default(null),
  /** Active automation rules (triggers, automations, macros), when known. */
  automation_rules: z.number().int().nonnegative().nullable().default(null),
});
export type Profile = z.infer<typeof Profile>;
