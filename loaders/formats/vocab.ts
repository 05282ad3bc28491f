/** Vocabulary shared by adapters: channel, status and satisfaction words of every source. */
import type {Channel, Satisfaction, Status} from "../schema/index.ts";

/** Raw channel words (API names and CSV display names, lower case) onto the canonical channels. */
const CHANNEL_WORDS: Record<string, Channel> = {
  email: "email", mail: "email", "e-mail": "email", "outbound email": "email", "email (outbound)": "email",
  web: "web", "web form": "web", web_form: "web", webform: "web", portal: "web", help_center: "web",
  "help center": "web", "web widget": "web", web_widget: "web", forum: "web", "feedback widget": "web",
  feedback_widget: "web", contact_form: "web", "contact form": "web", widget: "web",
  chat: "chat", "live chat": "chat", livechat: "chat", chat_transcript: "chat", conversation: "chat",
  messenger: "chat", "intercom messenger": "chat", bot: "chat",
  native_messaging: "messaging", messaging: "messaging", "messaging (native)": "messaging",
  whatsapp: "messaging", sms: "messaging", text: "messaging", line: "messaging", wechat: "messaging",
  telegram: "messaging", viber: "messaging", mobile_sdk: "messaging", "mobile sdk": "messaging",
  mobile: "messaging", mobihelp: "messaging", "in-app": "messaging", push: "messaging",
  voice: "phone", phone: "phone", voicemail: "phone", "phone call": "phone", phone_call: "phone",
  "phone call (incoming)": "phone", "phone call (outgoing)": "phone", call: "phone", talk: "phone",
  twitter: "social", "twitter dm": "social", twitter_dm: "social", facebook: "social",
  "facebook post": "social", "facebook private message": "social", facebook_post: "social",
  instagram: "social", instagram_dm: "social", x: "social", social: "social",
  api: "api", "web service": "api", web_service: "api", "web service (api)": "api",
}; // prettier-ignore

/**
 * Zendesk words that name how a ticket was made rather than where the customer wrote: follow-ups
 * of closed tickets, triggers, side conversations. Known, and counted as "other".
 */
const OTHER_WORDS = new Set(["closed_ticket", "closed ticket", "rule", "side_conversation"]);

/**
 * Channel words of tickets no customer wrote: the sample ticket a new Zendesk account opens with
 * ("Sample ticket: Meet the ticket"). Left out of the dataset and counted, like deleted tickets.
 */
const SAMPLE_WORDS = new Set(["sample_ticket", "sample ticket"]);

/** Why a channel value leaves its ticket out, or null. */
export function excludedChannel(raw: string | null | undefined): string | null {
  if (raw === null || raw === undefined) return null;
  return SAMPLE_WORDS.has(raw.trim().toLowerCase())
    ? "sample ticket (made by the helpdesk, not a customer)"
    : null;
}

/**
 * Canonical channel of a raw value; unknown values map to "other" and `known` says so, so the
 * caller can warn once per value.
 */
export function channelOf(raw: string | null | undefined): {channel: Channel; known: boolean} {
  if (raw === null || raw === undefined || raw.trim() === "") return {channel: "other", known: true};
  const word = raw.trim().toLowerCase();
  const c = CHANNEL_WORDS[word];
  return c
    ? {channel: c, known: true}
    : {channel: "other", known: OTHER_WORDS.has(word) || SAMPLE_WORDS.has(word)};
}

const STATUS_WORDS: Record<string, Status> = {
  new: "new", open: "open", pending: "pending", hold: "hold", "on-hold": "hold", "on hold": "hold",
  solved: "solved", resolved: "solved", closed: "closed", "waiting on customer": "pending",
  "waiting on third party": "hold", snoozed: "pending", active: "open",
}; // prettier-ignore

/** Canonical status of a raw word; null when unknown. */
export function statusOf(raw: string): Status | null {
  return STATUS_WORDS[raw.trim().toLowerCase()] ?? null;
}

/** Status words that mean the ticket must be left out, with the reason. */
export function excludedStatus(raw: string): string | null {
  const s = raw.trim().toLowerCase();
  if (s === "deleted") return "deleted ticket";
  if (s === "spam") return "spam";
  if (s === "merged") return "merged ticket";
  return null;
}

const SATISFACTION_WORDS: Record<string, Satisfaction> = {
  good: "good", "good, i'm satisfied": "good", "good, i’m satisfied": "good", satisfied: "good",
  bad: "bad", "bad, i'm unsatisfied": "bad", "bad, i’m unsatisfied": "bad", unsatisfied: "bad",
  offered: "offered", "not offered": "unoffered", unoffered: "unoffered",
}; // prettier-ignore

/** Ticket satisfaction state of a raw word ("Good, I'm satisfied", "Offered"...); undefined if unknown. */
export function satisfactionOf(raw: string): Satisfaction | null | undefined {
  const s = raw.trim().toLowerCase();
  if (s === "" || s === "-") return null;
  return SATISFACTION_WORDS[s];
}

/** Top-2-box: on a 1–5 scale, 4 and 5 count as satisfied. */
export function satisfactionOfScore(score: number, scaleMax: number): Satisfaction {
  return score >= scaleMax - 1 ? "good" : "bad";
}

/** Lower-cased priority with the common synonyms folded. */
export function priorityOf(raw: string): string | null {
  const s = raw.trim().toLowerCase();
  if (s === "" || s === "-" || s === "none") return null;
  return s === "medium" ? "normal" : s;
}
