/**
 * Applies the privacy policy (policy.ts) to the rows of a run, in place: every field is written
 * as its rule says. Called once per ingest, after every file is read, so a name met in the last
 * file is masked in the first; and again by the site on the dataset it loads.
 */
import type {Manifest, Reject, SurveyResponse, Ticket} from "../schema/index.ts";
import type {Masker} from "./masker.ts";
import {shippedPath, shippedPathId} from "./paths.ts";
import {
  fieldsWith,
  MANIFEST_FILE_POLICY,
  REJECT_POLICY,
  RESPONSE_POLICY,
  TICKET_POLICY,
  type FieldRule,
} from "./policy.ts";

type Rules<T> = Record<keyof T & string, FieldRule>;

/** A row's text fields under their rules; the other rules (keep, pseudonym) need no work here. */
function rowProtector<T extends object>(policy: Rules<T>) {
  const labels = fieldsWith(policy, "label");
  const verbatims = fieldsWith(policy, "verbatim");
  const paths = fieldsWith(policy, "path");
  const pathIds = fieldsWith(policy, "path id");
  return (row: T, m: Masker, pathCache: Map<string, string>): void => {
    const r = row as Record<string, unknown>;
    for (const k of labels) {
      const v = r[k];
      if (Array.isArray(v)) r[k] = m.tags(v as string[]);
      else if (typeof v === "string") r[k] = m.label(v);
    }
    for (const k of verbatims) if (typeof r[k] === "string") r[k] = m.verbatim(r[k]);
    for (const k of paths) {
      const v = r[k];
      if (typeof v !== "string") continue;
      let p = pathCache.get(v);
      if (p === undefined) pathCache.set(v, (p = shippedPath(v)));
      r[k] = p;
    }
    for (const k of pathIds) if (typeof r[k] === "string") r[k] = shippedPathId(r[k]);
  };
}

export const protectTicket = rowProtector<Ticket>(TICKET_POLICY);
export const protectResponse = rowProtector<SurveyResponse>(RESPONSE_POLICY);
export const protectReject = rowProtector<Reject>(REJECT_POLICY);

/** The manifest's file names and its reasons for leaving rows out. */
export function protectManifest(manifest: Manifest, m: Masker): void {
  for (const f of manifest.files) {
    if (MANIFEST_FILE_POLICY.file.dataset === "path") f.file = shippedPath(f.file);
    const excluded: Record<string, number> = {};
    for (const [reason, n] of Object.entries(f.excluded)) {
      const k = m.label(reason);
      excluded[k] = (excluded[k] ?? 0) + n;
    }
    f.excluded = excluded;
  }
}

export interface Protectable {
  tickets: Ticket[];
  responses: SurveyResponse[];
  rejects: Reject[];
  manifest: Manifest;
}

/** Every row, reject and the manifest of a run under the policy, in place. */
export function protect(run: Protectable, m: Masker): void {
  const paths = new Map<string, string>();
  for (const t of run.tickets) protectTicket(t, m, paths);
  for (const r of run.responses) protectResponse(r, m, paths);
  for (const r of run.rejects) protectReject(r, m, paths);
  protectManifest(run.manifest, m);
}
