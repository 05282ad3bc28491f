import {EXPORTED_AT} from "./calendar.ts";
import {businessMinutes} from "./clock.ts";
import {ACCOUNT_URL, AGENTS, GROUPS, SUPPORT_ADDRESS} from "./organisation.ts";
import {agentEmail, customer} from "./people.ts";
import type {Random} from "./random.ts";
import {lastSolve, type SimTicket, type ZendeskStatus} from "./simulate.ts";
import {SPAM_SUBJECTS} from "./topics.ts";

/** Tickets per page of the incremental cursor export (Zendesk's default and maximum). */
const PAGE_SIZE = 1000;
const FIELD_ORDER_NUMBER = 360011112221;
const FIELD_CATEGORY = 360011112222;

const iso = (ms: number) => new Date(ms).toISOString().replace(".000Z", "Z");
const isoOrNull = (ms: number | null | undefined) => (ms === null || ms === undefined ? null : iso(ms));

function statusAt(ticket: SimTicket, at: number): ZendeskStatus {
  let status: ZendeskStatus = "new";
  for (const change of ticket.changes) if (change.at <= at) status = change.status;
  return status;
}

function lastBefore(times: number[], at: number): number | null {
  let last: number | null = null;
  for (const t of times) if (t <= at && (last === null || t > last)) last = t;
  return last;
}

function updatedAt(ticket: SimTicket, at: number): number {
  const times = [
    ...ticket.changes.map((c) => c.at),
    ...ticket.replies,
    ...ticket.customerMessages,
    ...(ticket.survey ? [ticket.survey.offeredAt, ticket.survey.answeredAt ?? Infinity] : []),
  ];
  return lastBefore(times, at) ?? ticket.createdAt;
}

function via(ticket: SimTicket): object {
  const person = customer(ticket.requester);
  const to = {name: "Demo Outdoor Gear", address: SUPPORT_ADDRESS};
  switch (ticket.spec.channel) {
    case "email":
      return {channel: "email", source: {from: {address: person.email, name: person.name}, to, rel: null}};
    case "web":
      return {channel: "web", source: {from: {}, to: {}, rel: null}};
    case "chat":
      return {channel: "chat", source: {from: {}, to: {}, rel: "chat"}};
    case "messaging":
      return ticket.variant < 0.6
        ? {channel: "native_messaging", source: {from: {}, to: {}, rel: "messaging"}}
        : {channel: "whatsapp", source: {from: {}, to: {}, rel: "whatsapp"}};
    case "phone":
      return {
        channel: "voice",
        source: {
          from: {formatted_phone: person.phone, phone: person.phone, name: person.name},
          to: {formatted_phone: "+33 1 55 55 00 00", phone: "+33155550000", name: "Demo Outdoor Gear"},
          rel: ticket.variant < 0.1 ? "voicemail" : "inbound",
        },
      };
    case "social": {
      const channel = ticket.variant < 0.4 ? "facebook" : ticket.variant < 0.8 ? "instagram_dm" : "twitter";
      return {channel, source: {from: {}, to: {}, rel: channel === "twitter" ? "direct_message" : "message"}};
    }
    case "api":
      return {channel: "api", source: {from: {}, to: {}, rel: null}};
    case "followup":
      return {
        channel: "closed_ticket",
        source: {
          from: {ticket_id: ticket.followUpOf?.id ?? null, subject: ticket.topic.subject},
          to: {},
          rel: "follow_up",
        },
      };
  }
}

/** A ticket as the incremental export shows it at instant `at`. */
function ticketJson(ticket: SimTicket, at: number): object {
  const status = statusAt(ticket, at);
  const updated = updatedAt(ticket, at);
  const assigned = ticket.assignedAt !== null && ticket.assignedAt <= at && ticket.agent;
  const subject = ticket.spam
    ? (SPAM_SUBJECTS[ticket.id % SPAM_SUBJECTS.length] as string)
    : ticket.topic.subject;
  const tags = [
    ...ticket.topic.tags,
    ...ticket.extraTags.filter((t) => t !== "closed_by_merge" || status === "closed"),
  ];
  if (ticket.spam) tags.length = 0;
  const survey = ticket.survey;
  let satisfaction: object = {score: "unoffered"};
  if (survey && survey.offeredAt <= at) {
    const answered = survey.answeredAt !== null && survey.answeredAt <= at;
    satisfaction = {
      score: answered ? survey.score : "offered",
      id: survey.id,
      comment: answered ? survey.comment : null,
    };
  }
  const requester = customer(ticket.requester);
  return {
    url: `${ACCOUNT_URL}/api/v2/tickets/${ticket.id}.json`,
    id: ticket.id,
    via: via(ticket),
    created_at: iso(ticket.createdAt),
    updated_at: iso(updated),
    generated_timestamp: Math.floor(updated / 1000) + ticket.jitter,
    type: ticket.type,
    subject,
    description: ticket.spam ? "Click here to claim your prize." : ticket.topic.description,
    priority: ticket.priority,
    status,
    recipient: ticket.spec.channel === "email" ? SUPPORT_ADDRESS : null,
    requester_id: requester.id,
    submitter_id: requester.id,
    assignee_id: assigned ? ticket.agent?.id : null,
    group_id: ticket.spam ? null : (GROUPS[ticket.topic.group]?.id ?? null),
    tags,
    custom_fields: [
      {
        id: FIELD_ORDER_NUMBER,
        value: ticket.topic.order && !ticket.spam ? `DOG-${100_000 + ((ticket.id * 7919) % 900_000)}` : null,
      },
      {id: FIELD_CATEGORY, value: ticket.category},
    ],
    satisfaction_rating: satisfaction,
    brand_id: 360000800001,
    from_messaging_channel: ticket.spec.channel === "messaging",
  };
}

/**
 * The incremental cursor export (`/api/v2/incremental/tickets/cursor.json?include=users,groups`)
 * as a user saves it: one JSON file per page, versions ordered by `generated_timestamp`. A ticket
 * updated after an earlier page was generated appears again in a later page; deleted tickets
 * appear with status "deleted".
 */
export function incrementalPages(tickets: SimTicket[], random: Random): string[] {
  const versions: {ticket: SimTicket; at: number}[] = [];
  for (const ticket of tickets) {
    for (const at of ticket.earlierVersions) versions.push({ticket, at});
    versions.push({ticket, at: EXPORTED_AT});
  }
  const records = versions.map(
    ({ticket, at}) => ticketJson(ticket, at) as {generated_timestamp: number; id: number},
  );
  records.sort((a, b) => a.generated_timestamp - b.generated_timestamp || a.id - b.id);
  const users = AGENTS.map((a) => ({
    id: a.id,
    url: `${ACCOUNT_URL}/api/v2/users/${a.id}.json`,
    name: a.name,
    email: agentEmail(a.name),
    role: "agent",
    default_group_id: GROUPS[a.group]?.id ?? null,
    active: true,
  }));
  const groups = GROUPS.map((g) => ({
    id: g.id,
    url: `${ACCOUNT_URL}/api/v2/groups/${g.id}.json`,
    name: g.name,
  }));
  const pages: string[] = [];
  for (let start = 0; start < records.length; start += PAGE_SIZE) {
    const last = start + PAGE_SIZE >= records.length;
    const cursor = random.token(24);
    const page = {
      tickets: records.slice(start, start + PAGE_SIZE),
      users,
      groups,
      after_url: `${ACCOUNT_URL}/api/v2/incremental/tickets/cursor.json?cursor=${cursor}&include=users%2Cgroups`,
      after_cursor: cursor,
      before_url: null,
      before_cursor: null,
      end_of_stream: last,
    };
    pages.push(`${JSON.stringify(page)}\n`);
  }
  return pages;
}

const pair = (calendar: number | null, business: number | null) => ({calendar, business});

/** `/api/v2/ticket_metrics` for every ticket that still exists, as of the export. */
export function ticketMetrics(tickets: SimTicket[]): string {
  const metrics = [];
  for (const ticket of tickets) {
    if (ticket.fate === "deleted") continue;
    const at = EXPORTED_AT;
    const status = statusAt(ticket, at);
    const visible = ticket.changes.filter((c) => c.at <= at);
    const solvedNow = status === "solved" || status === "closed";
    const solves = visible.filter((c) => c.status === "solved").map((c) => c.at);
    const replies = ticket.replies.filter((r) => r <= at);
    const firstReply = replies[0] ?? null;
    const lastSolved = solvedNow ? lastSolve(ticket, at) : null;
    let reopens = 0;
    for (let i = 1; i < visible.length; i++) {
      if (
        (visible[i - 1] as {status: string}).status === "solved" &&
        (visible[i] as {status: string}).status !== "closed"
      )
        reopens++;
    }
    // Time spent in each status up to the last solve (or the export when unsolved).
    const spent = {waitRequester: [0, 0], waitAgent: [0, 0], hold: [0, 0]};
    const end = lastSolved ?? at;
    for (let i = 0; i < visible.length; i++) {
      const from = (visible[i] as {at: number}).at;
      const to = Math.min(visible[i + 1]?.at ?? end, end);
      if (to <= from) continue;
      const s = (visible[i] as {status: ZendeskStatus}).status;
      const add = (bucket: number[]) => {
        bucket[0] = (bucket[0] as number) + (to - from) / 60_000;
        bucket[1] = (bucket[1] as number) + businessMinutes(from, to);
      };
      if (s === "new" || s === "open" || s === "hold") add(spent.waitRequester);
      if (s === "pending") add(spent.waitAgent);
      if (s === "hold") add(spent.hold);
    }
    const minutes = (from: number, to: number | null | undefined) =>
      to === null || to === undefined
        ? pair(null, null)
        : pair(Math.round((to - from) / 60_000), Math.round(businessMinutes(from, to)));
    const rounded = (bucket: number[]) =>
      pair(Math.round(bucket[0] as number), Math.round(bucket[1] as number));
    const lastComment = lastBefore([ticket.createdAt, ...replies, ...ticket.customerMessages], at);
    metrics.push({
      id: ticket.id + 5_500_000_000,
      ticket_id: ticket.id,
      created_at: iso(ticket.createdAt),
      updated_at: iso(updatedAt(ticket, at)),
      group_stations: 1,
      assignee_stations: ticket.agent ? 1 : 0,
      reopens,
      replies: replies.length,
      assignee_updated_at: isoOrNull(lastBefore(replies, at)),
      requester_updated_at: iso(
        lastBefore([ticket.createdAt, ...ticket.customerMessages], at) ?? ticket.createdAt,
      ),
      status_updated_at: iso((visible[visible.length - 1] as {at: number}).at),
      initially_assigned_at: isoOrNull(
        ticket.assignedAt !== null && ticket.assignedAt <= at ? ticket.assignedAt : null,
      ),
      assigned_at: isoOrNull(
        ticket.assignedAt !== null && ticket.assignedAt <= at ? ticket.assignedAt : null,
      ),
      solved_at: isoOrNull(lastSolved),
      latest_comment_added_at: isoOrNull(lastComment),
      reply_time_in_minutes: minutes(ticket.createdAt, firstReply),
      reply_time_in_seconds: {
        calendar: firstReply === null ? null : Math.round((firstReply - ticket.createdAt) / 1000),
      },
      first_resolution_time_in_minutes: minutes(ticket.createdAt, solves[0]),
      full_resolution_time_in_minutes: minutes(ticket.createdAt, lastSolved),
      agent_wait_time_in_minutes: solvedNow ? rounded(spent.waitAgent) : pair(null, null),
      requester_wait_time_in_minutes: solvedNow ? rounded(spent.waitRequester) : pair(null, null),
      on_hold_time_in_minutes: rounded(spent.hold),
    });
  }
  return `${JSON.stringify({ticket_metrics: metrics, next_page: null, previous_page: null, count: metrics.length})}\n`;
}

/** `/api/v2/satisfaction_ratings`: offered, good and bad ratings, oldest first. */
export function satisfactionRatings(tickets: SimTicket[]): string {
  const ratings = tickets
    .filter((t) => t.survey !== null)
    .sort((a, b) => (a.survey?.offeredAt ?? 0) - (b.survey?.offeredAt ?? 0) || a.id - b.id)
    .map((ticket) => {
      const survey = ticket.survey as NonNullable<SimTicket["survey"]>;
      const answered = survey.answeredAt !== null;
      return {
        id: survey.id,
        assignee_id: ticket.agent?.id ?? null,
        group_id: GROUPS[ticket.topic.group]?.id ?? null,
        requester_id: customer(ticket.requester).id,
        ticket_id: ticket.id,
        score: answered ? survey.score : "offered",
        comment: answered ? survey.comment : null,
        reason: survey.reason ? survey.reason[1] : "No reason provided",
        reason_id: survey.reason ? survey.reason[0] : 0,
        created_at: iso(survey.offeredAt),
        updated_at: iso(survey.answeredAt ?? survey.offeredAt),
      };
    });
  const page = {
    satisfaction_ratings: ratings,
    meta: {has_more: false, after_cursor: null, before_cursor: null},
    links: {next: null, prev: null},
  };
  return `${JSON.stringify(page)}\n`;
}
