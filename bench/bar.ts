/** The ingest performance bar of DESIGN.md, checked on one run's measurements. */

/** Full ingest at most this many times the DuckDB CSV -> Parquet time. */
export const MAX_RATIO_TO_DUCKDB = 2;
/** Peak resident memory of the full ingest, MiB. */
export const MAX_PEAK_RSS_MIB = 1024;

export interface BarCheck {
  ratio_to_duckdb: number;
  peak_rss_mib: number;
  time_ok: boolean;
  memory_ok: boolean;
  pass: boolean;
}

export function checkBar(ingestSeconds: number, duckdbSeconds: number, peakRssMib: number): BarCheck {
  const ratio = ingestSeconds / duckdbSeconds;
  const time_ok = ratio <= MAX_RATIO_TO_DUCKDB;
  const memory_ok = peakRssMib < MAX_PEAK_RSS_MIB;
  return {ratio_to_duckdb: ratio, peak_rss_mib: peakRssMib, time_ok, memory_ok, pass: time_ok && memory_ok};
}

/** "pass", or "FAIL" with what missed. */
export function verdict(c: BarCheck): string {
  if (c.pass) return "pass";
  const missed = [
    c.time_ok ? "" : `time ${c.ratio_to_duckdb.toFixed(2)}x > ${MAX_RATIO_TO_DUCKDB}x`,
    c.memory_ok ? "" : `memory ${c.peak_rss_mib} MiB >= ${MAX_PEAK_RSS_MIB} MiB`,
  ];
  return `FAIL (${missed.filter(Boolean).join(", ")})`;
}
