/** In-memory input sources, for tests and the browser (Node file sources live in loaders/node). */

export interface InputSource {
  name: string;
  size?: number;
  stream(): AsyncIterable<Uint8Array>;
}

const CHUNK = 65536;

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
