/**
 * Generic event-log CSV: one row per ticket event (case id, activity, timestamp, agent). A
 * mapping says which activities mean created, first reply (every such activity is a public
 * agent reply), solved, reopened and closed; the ticket's times and counts come from the events.
 */
import type {Channel} from "../schema/index.ts";
import {Cells, checkTicket, newTicket, rowExcerpt} from "./common.ts";
import {EventLogMapping, mappingFit, openMapping} from "./mapping.ts";
import type {CsvAdapter, FileContext} from "./types.ts";
import {channelOf} from "./vocab.ts";

const enum Kind {
  Other,
  Created,
  Reply,
  Solved,
  Reopened,
  Closed,
}

interface Event {
  at: number;
  kind: Kind;
  line: number;
  agent: string | null;
}

interface Case {
  events: Event[];
  channel: string | null;
  group: string | null;
  priority: string | null;
  type: string | null;
}

function build(ctx: FileContext, id: string, c: Case, m: EventLogMapping, hasReopened: boolean): void {
  const events = c.events.sort((a, b) => a.at - b.at || a.line - b.line);
  const lines = events.map((e) => e.line);
  const created = events.find((e) => e.kind === Kind.Created)?.at ?? events[0]!.at;
  const t = newTicket(ctx, id, created, events[0]!.line);
  const replies = events.filter((e) => e.kind === Kind.Reply && e.at >= created);
  const solves = events.filter((e) => e.kind === Kind.Solved || e.kind === Kind.Closed);
  const lifecycle = events.filter((e) => e.kind !== Kind.Other && e.kind !== Kind.Reply);
  const last = lifecycle[lifecycle.length - 1];
  t.status =
    last?.kind === Kind.Closed
      ? "closed"
      : last?.kind === Kind.Solved
        ? "solved"
        : replies.length
          ? "open"
          : "new";
  t.updated_at = events[events.length - 1]!.at;
  t.replies = replies.length;
  t.first_reply_minutes = replies.length ? (replies[0]!.at - created) / 60_000 : null;
  t.reopens = hasReopened
    ? events.filter((e) => e.kind === Kind.Reopened).length
    : Math.max(0, events.filter((e) => e.kind === Kind.Solved).length - 1);
  if (solves.length) t.first_resolution_minutes = (solves[0]!.at - created) / 60_000;
  if (t.status === "solved" || t.status === "closed") {
    const lastSolve = [...solves].reverse().find((e) => e.kind === Kind.Solved) ?? solves[solves.length - 1]!;
    t.solved_at = lastSolve.at;
    t.full_resolution_minutes = (lastSolve.at - created) / 60_000;
  }
  const agent = [...replies].reverse().find((e) => e.agent)?.agent ?? null;
  t.assignee = agent === null ? null : ctx.agent(agent);
  if (c.channel !== null) {
    const own = m.values?.channel?.[c.channel];
    t.channel = (own ?? channelOf(c.channel).channel) as Channel;
    t.channel_raw = c.channel;
  }
  t.group = c.group;
  t.priority = c.priority;
  t.type = c.type;
  const problem = checkTicket(t, ctx.now);
  if (problem) {
    for (const line of lines)
      ctx.sink.reject(line, problem.field, `ticket ${id}: ${problem.reason}`, `case ${id}`);
    return;
  }
  ctx.sink.ticket(t, t.updated_at, null, null, `case ${id}`, lines);
}

export const eventLog: CsvAdapter = {
  kind: "csv",
  id: "event-log",
  content: "events",
  detect(head, mapping) {
    return mappingFit("event-log", EventLogMapping, head, mapping);
  },
  headerRows: () => 1,
  open(header, ctx) {
    const opened = openMapping(EventLogMapping, header[0]!, ctx.mapping, ctx.dates);
    if ("reason" in opened) return opened;
    const {m, at} = opened;
    const kinds = new Map<string, Kind>();
    const add = (names: string[], k: Kind) => names.forEach((n) => kinds.set(n.trim().toLowerCase(), k));
    add(m.activities.created, Kind.Created);
    add(m.activities.first_reply, Kind.Reply);
    add(m.activities.solved, Kind.Solved);
    add(m.activities.reopened, Kind.Reopened);
    add(m.activities.closed, Kind.Closed);
    const cases = new Map<string, Case>();
    const cells = new Cells(ctx);
    const col = (k: string) => at[k] ?? -1;
    const text = (f: string[], k: string): string | null => {
      const v = col(k) < 0 ? "" : (f[col(k)] ?? "").trim();
      return v ? ctx.intern(v) : null;
    };
    return {
      dateColumns: [col("timestamp")],
      row(f, line) {
        cells.reset();
        const id = (f[col("ticket_id")] ?? "").trim();
        if (!id) return ctx.sink.reject(line, "ticket_id", "missing case id", rowExcerpt(header[0]!, f));
        const when = cells.date(f[col("timestamp")] ?? "", "timestamp");
        if (cells.failed())
          return ctx.sink.reject(
            line,
            cells.failed()!.field,
            cells.failed()!.reason,
            rowExcerpt(header[0]!, f),
          );
        if (when === null) return ctx.sink.reject(line, "timestamp", "missing", rowExcerpt(header[0]!, f));
        const kind = kinds.get((f[col("activity")] ?? "").trim().toLowerCase()) ?? Kind.Other;
        let c = cases.get(id);
        if (!c) cases.set(id, (c = {events: [], channel: null, group: null, priority: null, type: null}));
        c.events.push({at: when, kind, line, agent: text(f, "agent")});
        c.channel ??= text(f, "channel");
        c.group = text(f, "group") ?? c.group;
        c.priority = text(f, "priority") ?? c.priority;
        c.type = text(f, "type") ?? c.type;
      },
      end() {
        const hasReopened = m.activities.reopened.length > 0;
        for (const [id, c] of cases) build(ctx, id, c, m, hasReopened);
        cases.clear();
      },
    };
  },
};
