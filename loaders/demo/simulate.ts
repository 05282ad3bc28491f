import {EXPORTED_AT, daysOfYear, instantOn} from "./calendar.ts";
import {CHANNELS, type ChannelSpec} from "./channels.ts";
import {DAY, MINUTE, addBusinessMinutes} from "./clock.ts";
import {AGENTS, type Agent} from "./organisation.ts";
import type {Random} from "./random.ts";
import {BAD_COMMENTS, BAD_REASONS, GOOD_COMMENTS, TOPICS, type Topic} from "./topics.ts";

export type ZendeskStatus = "new" | "open" | "pending" | "hold" | "solved" | "closed" | "deleted";

export interface StatusChange {
  at: number;
  status: ZendeskStatus;
}

export interface Survey {
  id: number;
  offeredAt: number;
  answeredAt: number | null;
  score: "good" | "bad" | null;
  comment: string | null;
  reason: [number, string] | null;
}

/** One simulated ticket with its whole history; exports are snapshots of it at some instant. */
export interface SimTicket {
  id: number;
  createdAt: number;
  spec: ChannelSpec;
  /** Index into REQUESTERS-like pool; names and addresses derive from it. */
  requester: number;
  topic: Topic;
  fate: "normal" | "merged" | "deleted";
  spam: boolean;
  /** For follow-ups: the closed ticket they continue. */
  followUpOf: SimTicket | null;
  agent: Agent | null;
  assignedAt: number | null;
  priority: string | null;
  type: string | null;
  extraTags: string[];
  category: string | null;
  changes: StatusChange[];
  replies: number[];
  customerMessages: number[];
  survey: Survey | null;
  /** Instants at which an earlier version of the ticket was exported too (incremental duplicates). */
  earlierVersions: number[];
  /** Per-ticket jitter between `updated_at` and the export's `generated_timestamp`, seconds. */
  jitter: number;
  /** Fixed per ticket, so every exported version shows the same sub-channel (WhatsApp, voicemail...). */
  variant: number;
}

const TICKETS_PER_YEAR = 3800;
const CUSTOMERS = 3400;
const REGULARS = 300;

/** Simulates the demo year: creation times by channel and day, then each ticket's life. */
export function simulateTickets(random: Random): SimTicket[] {
  const days = daysOfYear();
  const expected = CHANNELS.map((spec) =>
    days.reduce((sum, d) => sum + (spec.weekend || (d.weekday !== 0 && d.weekday !== 6) ? d.factor : 0), 0),
  );
  const created: {at: number; spec: ChannelSpec}[] = [];
  for (const day of days) {
    CHANNELS.forEach((spec, c) => {
      const weekend = day.weekday === 0 || day.weekday === 6;
      if (weekend && !spec.weekend) return;
      const lambda = (TICKETS_PER_YEAR * spec.share * day.factor) / (expected[c] as number);
      const count = random.poisson(lambda);
      for (let i = 0; i < count; i++) created.push({at: instantOn(day, spec.rhythm, random), spec});
    });
  }
  created.sort((a, b) => a.at - b.at);
  const tickets: SimTicket[] = [];
  for (const [index, {at, spec}] of created.entries()) {
    tickets.push(lifeOf(18_201 + index, at, spec, tickets, random));
  }
  return tickets;
}

function lifeOf(
  id: number,
  createdAt: number,
  spec: ChannelSpec,
  earlier: SimTicket[],
  random: Random,
): SimTicket {
  const ticket: SimTicket = {
    id,
    createdAt,
    spec,
    requester: random.chance(0.3) ? random.int(0, REGULARS - 1) : random.int(0, CUSTOMERS - 1),
    topic: TOPICS[random.weighted(TOPICS.map((t) => t.weight))] as Topic,
    fate: "normal",
    spam: false,
    followUpOf: null,
    agent: null,
    assignedAt: null,
    priority: [null, "low", "normal", "high", "urgent"][random.weighted([45, 10, 35, 8, 2])] ?? null,
    type: [null, "question", "incident", "problem", "task"][random.weighted([8, 55, 30, 3, 4])] ?? null,
    extraTags: [],
    category: null,
    changes: [{at: createdAt, status: "new"}],
    replies: [],
    customerMessages: [],
    survey: null,
    earlierVersions: [],
    jitter: random.int(0, 40),
    variant: random.uniform(),
  };
  ticket.category =
    ticket.topic.tags.find((t) => PRODUCT_TAGS.has(t)) ??
    (random.chance(0.5) ? random.pick([...PRODUCT_TAGS]) : null);
  if (random.chance(0.04)) ticket.extraTags.push("vip");
  ticket.extraTags.push(random.pick(["lang_fr", "lang_fr", "lang_fr", "lang_en", "lang_de"]));

  const asyncChannel = !spec.live && spec.channel !== "api";
  if (spec.channel === "followup") {
    const source = earlier
      .slice(-400)
      .find((t) => closedAt(t) !== null && (closedAt(t) as number) < createdAt);
    if (source) {
      ticket.followUpOf = source;
      ticket.requester = source.requester;
      ticket.topic = source.topic;
    }
  }
  if (asyncChannel && spec.channel !== "followup" && random.chance(0.008)) return deleted(ticket, random);
  if (asyncChannel && spec.channel !== "followup" && earlier.length > 30 && random.chance(0.015)) {
    return merged(ticket, earlier[earlier.length - random.int(1, 30)] as SimTicket, random);
  }
  live(ticket, random);
  ticket.survey = surveyOf(ticket, random);
  const visible = ticket.changes.filter((c) => c.at <= EXPORTED_AT);
  if (visible.length >= 3 && random.chance(0.05)) {
    ticket.earlierVersions.push((visible[random.int(1, visible.length - 2)] as StatusChange).at);
  }
  return ticket;
}

const PRODUCT_TAGS = new Set(["tents", "sleeping_bags", "footwear", "apparel", "backpacks", "bikes"]);

/** Spam that slipped past the filter; an agent deletes it. */
function deleted(ticket: SimTicket, random: Random): SimTicket {
  ticket.fate = "deleted";
  ticket.spam = true;
  ticket.priority = null;
  ticket.type = null;
  ticket.changes.push({
    at: seconds(addBusinessMinutes(ticket.createdAt, random.lognormal(20, 0.8))),
    status: "deleted",
  });
  return ticket;
}

/** The same customer wrote twice; the newer ticket is merged into the older one. */
function merged(ticket: SimTicket, into: SimTicket, random: Random): SimTicket {
  ticket.fate = "merged";
  ticket.requester = into.requester;
  ticket.topic = into.topic;
  ticket.extraTags.push("closed_by_merge");
  const at = seconds(addBusinessMinutes(ticket.createdAt, random.lognormal(30, 1)));
  ticket.agent = into.agent ?? pickAgent(ticket, at, random);
  ticket.assignedAt = at;
  ticket.changes.push({at, status: "closed"});
  return ticket;
}

/** Replies, waits, holds, solves and reopens of an ordinary ticket. */
function live(ticket: SimTicket, random: Random): void {
  const {spec} = ticket;
  const status = (at: number, s: ZendeskStatus) => ticket.changes.push({at: seconds(at), status: s});
  const agentAfter = (from: number, delay: {median: number; sigma: number}) => {
    const minutes = random.lognormal(delay.median, delay.sigma);
    return seconds(spec.live ? from + minutes * MINUTE : addBusinessMinutes(from, minutes));
  };
  const customerAfter = (from: number) =>
    seconds(from + random.lognormal(spec.customer.median, spec.customer.sigma) * MINUTE);

  // A few customers solve it themselves before anyone answers.
  if (!spec.live && random.chance(0.025)) {
    const back = customerAfter(ticket.createdAt);
    ticket.customerMessages.push(back);
    const solvedAt = agentAfter(back, {median: 20, sigma: 1});
    ticket.agent = pickAgent(ticket, solvedAt, random);
    ticket.assignedAt = solvedAt;
    status(solvedAt, "solved");
    status(solvedAt + 4 * DAY, "closed");
    return;
  }

  let now = agentAfter(ticket.createdAt, spec.firstReply);
  ticket.agent = pickAgent(ticket, now, random);
  ticket.assignedAt = Math.max(ticket.createdAt, now - random.int(0, 300) * 1000);
  ticket.replies.push(now);
  let left = random.weighted(spec.replies);
  let held = false;
  for (;;) {
    if (!held && random.chance(spec.hold)) {
      held = true;
      status(now, "hold");
      if (random.chance(0.2)) return; // still waiting for the supplier when the export ran
      const end = now + random.lognormal(2880, 0.7) * MINUTE;
      status(end, "open");
      now = agentAfter(end, spec.nextReply);
      ticket.replies.push(now);
      continue;
    }
    if (left <= 0) break;
    status(now, "pending");
    const back = customerAfter(now);
    ticket.customerMessages.push(back);
    status(back, "open");
    now = agentAfter(back, spec.nextReply);
    ticket.replies.push(now);
    left--;
  }
  let solvedAt = now;
  const ending = random.weighted([0.6, 0.25, 0.15]);
  if (ending === 1) {
    // The customer confirms, then the agent solves without another public reply.
    status(now, "pending");
    const back = customerAfter(now);
    ticket.customerMessages.push(back);
    status(back, "open");
    solvedAt = agentAfter(back, {median: 30, sigma: 1});
  } else if (ending === 2) {
    // No answer from the customer: an automation solves pending tickets after four days.
    status(now, "pending");
    solvedAt = now + 4 * DAY;
  }
  status(solvedAt, "solved");
  if (random.chance(spec.reopen)) {
    const back = seconds(solvedAt + random.uniform() * 3.3 * DAY + 0.2 * DAY);
    ticket.customerMessages.push(back);
    status(back, "open");
    solvedAt = agentAfter(back, spec.nextReply);
    ticket.replies.push(solvedAt);
    status(solvedAt, "solved");
  }
  status(solvedAt + 4 * DAY, "closed");
}

/** A CSAT survey goes out a day after the final solve; about a quarter of customers answer. */
function surveyOf(ticket: SimTicket, random: Random): Survey | null {
  const solve = lastSolve(ticket);
  if (solve === null || ticket.spec.channel === "api" || !random.chance(0.9)) return null;
  const offeredAt = solve + DAY;
  if (offeredAt > EXPORTED_AT) return null;
  const id = 7_700_000_000 + ticket.id * 7;
  const answeredAt = seconds(offeredAt + random.lognormal(300, 1.2) * MINUTE);
  if (!random.chance(0.24) || answeredAt > EXPORTED_AT) {
    return {id, offeredAt, answeredAt: null, score: null, comment: null, reason: null};
  }
  const reopened = ticket.changes.filter((c) => c.status === "solved").length > 1;
  const firstReplyHours = ticket.replies.length
    ? ((ticket.replies[0] as number) - ticket.createdAt) / 3_600_000
    : 99;
  let good =
    0.92 - (reopened ? 0.3 : 0) - (firstReplyHours > 24 ? 0.15 : 0) - (ticket.replies.length >= 4 ? 0.08 : 0);
  // The June carrier outage left a mark on satisfaction.
  if (new Date(ticket.createdAt).toISOString().startsWith("2024-06")) good -= 0.06;
  const score = random.chance(good) ? "good" : "bad";
  const withComment = random.chance(score === "good" ? 0.4 : 0.7);
  const comment = withComment
    ? fillContact(random.pick(score === "good" ? GOOD_COMMENTS : BAD_COMMENTS), random)
    : null;
  const reason = score === "bad" && random.chance(0.8) ? random.pick(BAD_REASONS) : null;
  return {id, offeredAt, answeredAt, score, comment, reason};
}

/** Replaces `{contact}` with an obviously fake e-mail address or a 555 phone number. */
export function fillContact(text: string, random: Random): string {
  const contact = random.chance(0.5)
    ? `customer${random.int(100, 999)}@example.com`
    : `+33 1 55 55 0${random.int(100, 199)}`;
  return text.replace("{contact}", contact);
}

function pickAgent(ticket: SimTicket, at: number, random: Random): Agent {
  const month = new Date(at).getUTCFullYear() > 2024 ? 11 : new Date(at).getUTCMonth();
  const active = AGENTS.filter((a) => month >= a.months[0] && month <= a.months[1]);
  const pool = ticket.spec.live
    ? active.filter((a) => a.live)
    : active.filter((a) => a.group === ticket.topic.group);
  const from = pool.length ? pool : active;
  return from[random.weighted(from.map((a) => a.load))] as Agent;
}

export function lastSolve(ticket: SimTicket, until = EXPORTED_AT): number | null {
  let solve: number | null = null;
  for (const change of ticket.changes)
    if (change.at <= until && change.status === "solved") solve = change.at;
  return solve;
}

function closedAt(ticket: SimTicket): number | null {
  return ticket.changes.find((c) => c.status === "closed")?.at ?? null;
}

function seconds(ms: number): number {
  return Math.round(ms / 1000) * 1000;
}
