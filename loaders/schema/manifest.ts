import {z} from "zod";

const n = z.number().int().nonnegative();

/** What happened to every row of one input file. Always: rows_read = accepted + rejected + duplicates. */
export const FileManifest = z
  .object({
    file: z.string(),
    format: z.string(),
    /** What the file holds: tickets, ticket_metrics, satisfaction_ratings, responses, events... */
    content: z.string(),
    /**
     * What the file holds, counted apart from the parse, so rows that went missing show: its
     * physical lines (delimited text; a workbook's sheet as written out in CSV) or its records
     * (JSON: elements of its arrays, or 1 for a single record; JSON Lines: non-blank lines).
     * Null when the file was not read through (unreadable, unknown format, a table not used).
     * Absent from manifests written before it existed.
     */
    lines: n.nullable().optional(),
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
  totals: z.object({
    /** Sum of the files' `lines` that are known. */
    lines: n.optional(),
    rows_read: n,
    accepted: n,
    rejected: n,
    duplicates: n,
    tickets: n,
    responses: n,
  }),
});
export type Manifest = z.infer<typeof Manifest>;
