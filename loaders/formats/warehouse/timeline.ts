/**
 * Resolution, reopens and waits from a ticket's status history (Zendesk's definitions, from its
 * CSV column glossary): first resolution = creation to the first change to solved, full
 * resolution = creation to the latest change to solved, a reopen = solved to an unsolved
 * status, requester wait = time in new, open and hold, agent wait = time in pending.
 */
import type {Status} from "../../schema/index.ts";

export interface StatusChange {
  at: number;
  status: Status;
}

export interface Timeline {
  firstSolvedAt: number | null;
  /** The latest change to solved, when the ticket ends solved or closed; else null. */
  solvedAt: number | null;
  reopens: number;
  /** Minutes in new, open and hold; null unless the ticket ends solved (it is still counting). */
  requesterWait: number | null;
  /** Minutes in pending; null unless the ticket ends solved. */
  agentWait: number | null;
  final: Status;
}

const DONE = new Set<Status>(["solved", "closed"]);
const REQUESTER = new Set<Status>(["new", "open", "hold"]);

/**
 * A ticket is "new" from its creation until its first change. Changes dated before the creation
 * (clocks of two systems) count from the creation.
 */
export function statusTimeline(created: number, changes: StatusChange[], initial: Status = "new"): Timeline {
  const sorted = changes.map((c, i) => ({...c, i})).sort((a, b) => a.at - b.at || a.i - b.i);
  let prev = initial;
  let prevAt = created;
  let firstSolvedAt: number | null = null;
  let lastSolvedAt: number | null = null;
  let reopens = 0;
  let requester = 0;
  let agent = 0;
  for (const c of sorted) {
    if (c.status === prev) continue;
    const at = Math.max(c.at, created);
    const spent = (at - prevAt) / 60_000;
    if (REQUESTER.has(prev)) requester += spent;
    else if (prev === "pending") agent += spent;
    if (DONE.has(c.status) && !DONE.has(prev)) {
      firstSolvedAt ??= at;
      lastSolvedAt = at;
    } else if (DONE.has(prev) && !DONE.has(c.status)) reopens++;
    prev = c.status;
    prevAt = at;
  }
  const done = DONE.has(prev);
  return {
    firstSolvedAt,
    solvedAt: done ? lastSolvedAt : null,
    reopens,
    requesterWait: done ? requester : null,
    agentWait: done ? agent : null,
    final: prev,
  };
}
