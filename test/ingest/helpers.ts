import {existsSync, readFileSync} from "node:fs";
import {fileURLToPath} from "node:url";
import {Manifest, SurveyResponse, Ticket} from "../../loaders/schema/index.ts";
import {
  ingest,
  sourceFromBytes,
  sourceFromString,
  type IngestOptions,
  type IngestResult,
} from "../../loaders/ingest/index.ts";

/** Fixed clock for every test: 2025-01-01T00:00:00Z. */
export const NOW = Date.UTC(2025, 0, 1);

export const BASE: IngestOptions = {orgId: "acme", salt: "test-salt", now: NOW};

/** Ingests named texts (or bytes) with the test options, checking the result against the zod schemas. */
export async function run(
  files: Record<string, string | Uint8Array>,
  options: Partial<IngestOptions> = {},
  chunkSize?: number,
): Promise<IngestResult> {
  const sources = Object.entries(files).map(([name, body]) =>
    typeof body === "string"
      ? sourceFromString(name, body, chunkSize)
      : sourceFromBytes(name, body, chunkSize),
  );
  const result = await ingest(sources, {...BASE, ...options});
  Manifest.parse(result.manifest);
  for (const t of result.tickets) Ticket.parse(t);
  for (const r of result.responses) SurveyResponse.parse(r);
  return result;
}

/** Epoch ms of an ISO instant, for hand-written expected rows. */
export const at = (iso: string): number => Date.parse(iso);

/** The shared real-export fixtures, when the folder is there. */
export const FIXTURES = fileURLToPath(new URL("../../../shared/fixtures/", import.meta.url));
export const HAVE_FIXTURES = existsSync(FIXTURES);
if (!HAVE_FIXTURES) console.warn(`shared fixtures not found at ${FIXTURES}: real-export tests skipped`);

export const fixture = (path: string): Uint8Array => new Uint8Array(readFileSync(FIXTURES + path));
