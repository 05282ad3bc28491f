/**
 * Dropped files as ingestion sources. A `File` is read in slices, so a large export never becomes
 * one string or one buffer in the tab; it is named by its path inside the dropped folder
 * (`webkitRelativePath`), or its own name for a file dropped alone.
 */
import type {InputSource} from "../ingest/sources.ts";

/** Bytes per slice: the size the Node file streams use, so both engines see the same chunks. */
export const SLICE_BYTES = 1 << 16;

/** An input source over a `Blob` or `File`, with its first bytes readable apart (format sniffing). */
export interface BlobSource extends InputSource {
  size: number;
  /** The first `n` bytes, without reading the rest. */
  head(n: number): Promise<Uint8Array>;
  /** The whole content, for the formats read at once (a zip, a Parquet file). */
  bytes(): Promise<Uint8Array>;
}

/** The path a dropped file is known by: its place in the dropped folder, else its name. */
export function droppedPath(file: Blob & {name?: string; webkitRelativePath?: string}): string {
  return file.webkitRelativePath || file.name || "file";
}

export function blobSource(blob: Blob, name: string, sliceBytes = SLICE_BYTES): BlobSource {
  return {
    name,
    size: blob.size,
    async *stream() {
      for (let at = 0; at < blob.size; at += sliceBytes) {
        yield new Uint8Array(await blob.slice(at, at + sliceBytes).arrayBuffer());
      }
    },
    head: async (n) => new Uint8Array(await blob.slice(0, n).arrayBuffer()),
    bytes: async () => new Uint8Array(await blob.arrayBuffer()),
  };
}

/** A source over bytes already in memory (an entry of a dropped zip), with the same interface. */
export function memorySource(name: string, data: Uint8Array, sliceBytes = SLICE_BYTES): BlobSource {
  return {
    name,
    size: data.length,
    async *stream() {
      for (let at = 0; at < data.length; at += sliceBytes) yield data.subarray(at, at + sliceBytes);
    },
    head: async (n) => data.subarray(0, n),
    bytes: async () => data,
  };
}
