import cliProgress from "cli-progress";

/** What the ingestion core reports while reading: cumulative bytes and rows of one file. */
export interface ProgressEvent {
  file: string;
  bytes: number;
  rows: number;
}

export interface Progress {
  update(event: ProgressEvent): void;
  stop(): void;
}

const silent: Progress = {update() {}, stop() {}};

/**
 * A progress bar on stderr over the total bytes of all inputs: rows read, rows per second and an
 * ETA from the byte rate. Silent when stderr is not a terminal (pipes, CI logs, tests), where
 * redraws would only be noise.
 */
export function createProgress(
  totalBytes: number,
  stream: NodeJS.WriteStream = process.stderr,
  now: () => number = () => performance.now(),
): Progress {
  if (!stream.isTTY || totalBytes <= 0) return silent;
  const bar = new cliProgress.SingleBar(
    {
      stream,
      format: "{bar} {percentage}% | {rows} rows | {rate} rows/s | ETA {eta_formatted} | {file}",
      barsize: 24,
      hideCursor: true,
      clearOnComplete: true,
      etaBuffer: 50,
    },
    cliProgress.Presets.shades_classic,
  );
  const started = now();
  // Per file, the latest cumulative figures; their sums are the totals shown.
  const files = new Map<string, {bytes: number; rows: number}>();
  bar.start(totalBytes, 0, {rows: "0", rate: "0", file: ""});
  return {
    update(event) {
      files.set(event.file, {bytes: event.bytes, rows: event.rows});
      let bytes = 0;
      let rows = 0;
      for (const f of files.values()) {
        bytes += f.bytes;
        rows += f.rows;
      }
      const seconds = Math.max((now() - started) / 1000, 1e-3);
      bar.update(Math.min(bytes, totalBytes), {
        rows: rows.toLocaleString("en-US"),
        rate: Math.round(rows / seconds).toLocaleString("en-US"),
        file: event.file,
      });
    },
    stop() {
      bar.stop();
    },
  };
}
