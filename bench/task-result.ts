/**
 * What a benchmark task measured, printed by the task (run in its own process) as the last line
 * of its standard output, so the harness can read it and every peak RSS belongs to one task.
 */
export interface TaskResult {
  seconds: number;
  rows: number;
  peak_rss_mib: number;
  /** Named sub-steps, e.g. {ingest: 5.1, write: 3.2}. */
  steps?: Record<string, number>;
}

/** Seconds since `t0` (a `performance.now()` reading). */
export function since(t0: number): number {
  return (performance.now() - t0) / 1000;
}

/** Prints the result line. `maxRSS` is the kernel's high-water mark of this process (KiB on Linux). */
export function report(result: Omit<TaskResult, "peak_rss_mib">): void {
  const peak = Math.round(process.resourceUsage().maxRSS / 1024);
  process.stdout.write(`${JSON.stringify({...result, peak_rss_mib: peak})}\n`);
}
