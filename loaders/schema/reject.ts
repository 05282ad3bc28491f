import {z} from "zod";

/** One row that was not kept, with the reason; `excerpt` is short and has PII masked. */
export const Reject = z.object({
  file: z.string(),
  /** 1-based physical line (CSV) or record index (JSON) in the input file. */
  line: z.number().int().nonnegative(),
  field: z.string(),
  reason: z.string(),
  excerpt: z.string(),
  /**
   * "invalid" makes the ingest exit 1; "excluded" rows (deleted, spam...) are expected;
   * "warning" rows were kept (accepted) but their times contradict each other.
   */
  severity: z.enum(["invalid", "excluded", "warning"]),
});
export type Reject = z.infer<typeof Reject>;
