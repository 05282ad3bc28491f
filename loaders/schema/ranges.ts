/**
 * The range of every numeric field of the canonical tables (docs/dataset.md, "Ranges"). A value
 * outside is rejected at ingest with its file, line, field and reason, so whatever a dataset
 * holds, every later step (KPIs, placement, panel, the site) can read: a duration of 2e11
 * minutes once reached the Parquet files and broke every command after the ingest.
 */

/** Longest duration kept: 10 years of minutes (365.25 days a year). */
export const MAX_DURATION_MINUTES = 10 * 365.25 * 1440;

/** Largest count kept (replies, reopens): what the tables' INTEGER column holds, 2^31 - 1. */
export const MAX_COUNT = 2 ** 31 - 1;

/** Earliest instant kept, 1970-01-01T00:00:00Z: no helpdesk or survey tool predates it. */
export const MIN_INSTANT = 0;

/** Largest survey score scale bound, either sign: the responses' scale columns are INTEGER. */
export const MAX_SCALE = MAX_COUNT;
