import type {AssessProgress} from "../../loaders/assess/assess.ts";

/** What the self-assessment worker reports while it reads. */
export type Progress = AssessProgress;

export interface ProgressFigures {
  /** Share of all the dropped bytes read, 0..1. */
  fraction: number;
  /** Rows a second over the run so far; null before anything was timed. */
  rowsPerSecond: number | null;
  /** Seconds left at the run's byte rate so far; null until it can be estimated. */
  secondsLeft: number | null;
}

/**
 * Progress over the whole drop, not the current file (the worker counts bytes over every file),
 * so the estimate does not jump back at each new file. Bytes, not rows, drive the estimate: the
 * row count of a file is unknown until it is read.
 */
export function progressFigures(p: Progress): ProgressFigures {
  const fraction = p.size > 0 ? Math.min(1, p.bytes / p.size) : 1;
  const seconds = p.elapsedMs / 1000;
  const rowsPerSecond = seconds > 0 ? p.rows / seconds : null;
  // Under a quarter of a second or 1 % read, a rate says nothing yet.
  const secondsLeft = seconds >= 0.25 && fraction >= 0.01 ? (seconds * (1 - fraction)) / fraction : null;
  return {fraction, rowsPerSecond, secondsLeft};
}

/** File sizes in the page's language: "740 KB", "12.4 MB" (decimal units, as file managers show). */
export function formatBytes(bytes: number, lang: "en" | "fr"): string {
  const units = lang === "fr" ? ["o", "ko", "Mo", "Go"] : ["B", "KB", "MB", "GB"];
  let i = 0;
  let x = bytes;
  while (x >= 1000 && i < units.length - 1) {
    x /= 1000;
    i++;
  }
  const digits = i === 0 || x >= 100 ? 0 : 1;
  return `${new Intl.NumberFormat(lang, {maximumFractionDigits: digits}).format(x)} ${units[i]}`;
}
