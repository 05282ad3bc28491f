import {describe, expect, it} from "vitest";
import {formatBytes, progressFigures} from "../../src/components/assess-progress.ts";

const at = (bytes: number, size: number, rows: number, elapsedMs: number) => ({
  file: "f",
  fileIndex: 0,
  files: 2,
  bytes,
  size,
  rows,
  elapsedMs,
});

describe("self-assessment progress", () => {
  it("estimates the time left over the whole drop", () => {
    // 300 of 400 bytes done after 3 s: 100 bytes left at 100 bytes a second.
    const f = progressFigures(at(300, 400, 600, 3000));
    expect(f.fraction).toBe(0.75);
    expect(f.rowsPerSecond).toBe(200);
    expect(f.secondsLeft).toBe(1);
  });
  it("gives no estimate before there is anything to estimate from", () => {
    expect(progressFigures(at(0, 100, 0, 0)).secondsLeft).toBeNull();
    expect(progressFigures(at(0, 100, 0, 0)).rowsPerSecond).toBeNull();
    expect(progressFigures(at(50, 100, 10, 100)).secondsLeft).toBeNull();
  });
  it("writes sizes in each language's units", () => {
    expect(formatBytes(740_000, "en")).toBe("740 KB");
    expect(formatBytes(12_400_000, "en")).toBe("12.4 MB");
    expect(formatBytes(12_400_000, "fr")).toBe("12,4 Mo");
    expect(formatBytes(999, "fr")).toBe("999 o");
  });
});
