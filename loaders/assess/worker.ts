// The self-assessment's Web Worker: reads dropped files off the page's thread, so the page stays
// responsive. It fetches nothing and imports nothing at run time (bundled whole, see
// scripts/bundle-assess-worker.ts): every byte it reads comes from the files it is given.
// First, before any schema is built: zod without `new Function` (see the module).
import "../schema/jitless.ts";

import type {Manifest, Profile, Reject} from "../schema/index.ts";
import {assessFiles, type AssessProgress, type AssessResult} from "./assess.ts";
import {datasetFiles, zipDataset} from "./dataset-files.ts";
import {blobSource, droppedPath} from "./file-source.ts";
import {AssessCancelled, AssessError, isOutOfMemory, say, type Said} from "./messages.ts";

/** Rejects sent to the page with `done`; the rest stay in the dataset download's rejects.csv. */
export const MAX_REJECTS_SENT = 1000;

export type AssessRequest =
  | {
      type: "start";
      files: File[];
      /** Each file's path in the drop (`webkitRelativePath`, else its name), same order as `files`. */
      paths: string[];
      orgId: string;
      tz?: string;
      industry?: string;
      country?: string;
      /** Epoch ms: the page's now, for "date in the future" and the manifest's `generated_at`. */
      now: number;
    }
  | {type: "cancel"}
  | {type: "download"};

export type AssessReply =
  | ({type: "progress"} & AssessProgress)
  | {
      type: "done";
      profile: Profile;
      manifest: Manifest;
      rejects: Reject[];
      rejectCount: number;
      problems: string[];
      warnings: string[];
      agentsCount: number;
      tables: {name: string; ipc: Uint8Array}[];
    }
  | {type: "dataset"; name: string; zip: Uint8Array}
  | {type: "cancelled"}
  | {type: "error"; message: Said};

export type Post = (reply: AssessReply, transfer: Transferable[]) => void;

/**
 * The worker's message handler, apart from the worker so tests can drive it: one run at a time (a
 * new start cancels the one going on), its result kept for the dataset download.
 */
export function createAssessHandler(post: Post): (request: AssessRequest) => Promise<void> {
  let running: AbortController | null = null;
  let kept: AssessResult | null = null;
  return async (request) => {
    if (request.type === "cancel") {
      running?.abort();
      return;
    }
    if (request.type === "download") {
      if (!kept) return post({type: "error", message: say.noResult()}, []);
      try {
        const org = kept.profile.org_id;
        const zip = zipDataset(datasetFiles(kept), `${org}-dataset`);
        post({type: "dataset", name: `${org}-dataset.zip`, zip}, [zip.buffer]);
      } catch (error) {
        post({type: "error", message: failure(error, null)}, []);
      }
      return;
    }
    running?.abort();
    kept = null;
    const controller = new AbortController();
    running = controller;
    try {
      const sources = request.files.map((file, k) => blobSource(file, request.paths[k] ?? droppedPath(file)));
      const result = await assessFiles(
        sources,
        {
          orgId: request.orgId,
          tz: request.tz || undefined,
          industry: request.industry || undefined,
          country: request.country || undefined,
          now: request.now,
        },
        {signal: controller.signal, onProgress: (p) => post({type: "progress", ...p}, [])},
      );
      if (controller.signal.aborted) throw new AssessCancelled();
      kept = result;
      const tables = result.tables.map((t) => ({name: t.name, ipc: own(t.ipc)}));
      post(
        {
          type: "done",
          profile: result.profile,
          manifest: result.manifest,
          rejects: result.rejects.slice(0, MAX_REJECTS_SENT),
          rejectCount: result.rejects.length,
          problems: result.problems,
          warnings: result.warnings,
          agentsCount: result.agentsCount,
          tables,
        },
        tables.map((t) => t.ipc.buffer),
      );
      // Sent, and moved to the page: the rows stay for the download, the Arrow copies go.
      result.tables = [];
    } catch (error) {
      // A run a newer start replaced says nothing: the page waits for the newer one.
      if (running !== controller) return;
      if (error instanceof AssessCancelled || controller.signal.aborted) post({type: "cancelled"}, []);
      else post({type: "error", message: failure(error, null)}, []);
    } finally {
      if (running === controller) running = null;
    }
  };
}

/** A buffer of its own, so transferring it moves exactly these bytes. */
function own(bytes: Uint8Array): Uint8Array {
  return bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength ? bytes : bytes.slice();
}

function failure(error: unknown, file: string | null): Said {
  if (error instanceof AssessError) return error.said;
  if (isOutOfMemory(error)) return say.outOfMemory(file, (error as Error).message);
  return say.failed(error instanceof Error ? error.message : String(error));
}

interface WorkerScope {
  onmessage: ((event: MessageEvent<AssessRequest>) => void) | null;
  postMessage(message: unknown, transfer: Transferable[]): void;
}

// Inside a worker only: imported elsewhere (tests), the module just exports the handler.
if (typeof (globalThis as {WorkerGlobalScope?: unknown}).WorkerGlobalScope !== "undefined") {
  const scope = globalThis as unknown as WorkerScope;
  const handle = createAssessHandler((reply, transfer) => scope.postMessage(reply, transfer));
  scope.onmessage = (event) => void handle(event.data);
}
