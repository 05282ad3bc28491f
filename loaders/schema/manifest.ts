import {z} from "zod";

const n = z.number().int().nonnegative();

/** What happened to every row of one input file. Always: rows_read = accepted + rejected + duplicates. */
export const FileManifest = z
  .object({
    file: z.string(),
    format: z.string(),
    /** What the file holds: tickets, ticket_metrics, satisfaction_ratings, responses, events... */
    content: z.string(),
    rows_read: n,
    accepted: n,
    /** Rows not kept: invalid ones plus the excluded ones below. */
    rejected: n,
    duplicates: n,
    /** Rows left out on purpose (deleted, merged, spam, outbound), a subset of `rejected`. */
    excluded: z.record(z.string(), n),
  })
  .refine((f) => f.rows_read === f.accepted + f.rejected + f.duplicates, {
    message: "rows_read must equal accepted + rejected + duplicates",
  });
export type FileManifest = z.infer<typeof FileManifest>;

export const Manifest = z.object({
  org_id: z.string(),
  generated_at: z.string(),
  servicebench_version: z.string(),
  timezone: z.string(),
  files: z.array(FileManifest),
  totals: z.object({rows_read: n, accepted: n, rejected: n, duplicates: n, tickets: n, responses: n}),
});
export type Manifest = z.infer<typeof Manifest>;
