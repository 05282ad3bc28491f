/** In-memory input sources, for tests and the browser (Node file sources live in loaders/node). */

export interface InputSource {
  name: string;
  size?: number;
  stream(): AsyncIterable<Uint8Array>;
}

const CHUNK = 65536;

/**
 * Files of a folder that are never exports: documentation, licences, images, PDFs and mapping
 * files (`mapping.json`, `acme-mapping.json`); on the command line the `--mapping` file itself is
 * also skipped, in the browser a mapping file among the dropped ones is the run's mapping.
 */
export const NOT_EXPORT =
  /\.(md|pdf|png|jpe?g|gif|svg|docx?)$|^(readme|license|licence|changelog)(\.[a-z0-9]+)?$|mapping[^/]*\.json$/i;

/** A mapping file's name, among the files `NOT_EXPORT` sets aside. */
export const MAPPING_FILE = /mapping[^/]*\.json$/i;

/** A source over bytes, handed out in 64 KiB chunks like a file stream. */
export function sourceFromBytes(name: string, bytes: Uint8Array, chunkSize = CHUNK): InputSource {
  return {
    name,
    size: bytes.length,
    async *stream() {
      for (let i = 0; i < bytes.length; i += chunkSize) yield bytes.subarray(i, i + chunkSize);
    },
  };
}

/** A source over text, encoded as UTF-8. */
export function sourceFromString(name: string, text: string, chunkSize = CHUNK): InputSource {
  return sourceFromBytes(name, new TextEncoder().encode(text), chunkSize);
}
