import type {SurveyResponse} from "../../loaders/schema/response.ts";
import type {Ticket} from "../../loaders/schema/ticket.ts";
import {loadPrepared, prepare, type DatasetInput} from "../../loaders/metrics/prepare.ts";
import {kpi} from "../../loaders/metrics/registry.ts";
import {runKpi} from "../../loaders/metrics/run.ts";
import type {KpiOptions, Row, SqlRunner} from "../../loaders/metrics/types.ts";
import {NativeRunner} from "../../loaders/node/duckdb-native.ts";

export const MIN = 60_000;
export const HOUR = 60 * MIN;
export const DAY = 24 * HOUR;
/** Monday 2024-01-01 00:00 UTC. */
export const T0 = Date.UTC(2024, 0, 1);

let seq = 0;

/** A solved e-mail ticket with one reply, solved an hour after creation; override what the test is about. */
export function ticket(over: Partial<Ticket> = {}): Ticket {
  seq += 1;
  const created = over.created_at ?? T0;
  return {
    org_id: "org",
    ticket_id: `t${seq}`,
    created_at: created,
    updated_at: null,
    channel: "email",
    channel_raw: null,
    status: "solved",
    solved_at: created + HOUR,
    first_reply_minutes: 10,
    first_reply_minutes_business: null,
    first_resolution_minutes: 60,
    first_resolution_minutes_business: null,
    full_resolution_minutes: 60,
    full_resolution_minutes_business: null,
    requester_wait_minutes: 30,
    requester_wait_minutes_business: null,
    agent_wait_minutes: null,
    agent_wait_minutes_business: null,
    replies: 1,
    reopens: 0,
    group: null,
    assignee: "agent-1",
    priority: null,
    type: null,
    tags: [],
    satisfaction: null,
    source_file: "test",
    source_line: seq,
    ...over,
  };
}

export function response(over: Partial<SurveyResponse> = {}): SurveyResponse {
  seq += 1;
  return {
    org_id: "org",
    response_id: `r${seq}`,
    ticket_id: null,
    kind: "csat",
    score: 5,
    scale_min: 1,
    scale_max: 5,
    responded_at: T0,
    comment: null,
    channel: null,
    segment: null,
    source_file: "test",
    source_line: seq,
    ...over,
  };
}

/** n copies of a ticket built by `f(i)`. */
export function many(n: number, f: (i: number) => Partial<Ticket>): Ticket[] {
  return Array.from({length: n}, (_, i) => ticket(f(i)));
}

let shared: NativeRunner | undefined;

/** One native in-memory database per test file; each call reloads every table. */
export async function load(
  input: Partial<DatasetInput> & {tickets: DatasetInput["tickets"]},
  runner?: SqlRunner,
): Promise<SqlRunner> {
  const r = runner ?? (shared ??= await NativeRunner.create());
  await loadPrepared(r, prepare({responses: [], profile: {timezone: "UTC", agents: null}, ...input}));
  return r;
}

/** Rows of one KPI over the given data. */
export async function rows(
  id: string,
  input: Partial<DatasetInput> & {tickets: DatasetInput["tickets"]},
  options: KpiOptions = {},
): Promise<Row[]> {
  const r = await load(input);
  return (await runKpi(r, kpi(id), options)).rows;
}

/** The single overall row of a KPI. */
export async function one(
  id: string,
  input: Partial<DatasetInput> & {tickets: DatasetInput["tickets"]},
  options: KpiOptions = {},
): Promise<Row> {
  const out = await rows(id, input, options);
  if (out.length !== 1) throw new Error(`expected one row, got ${out.length}`);
  return out[0]!;
}

/** Deterministic pseudo-random numbers in [0, 1) (mulberry32). */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
