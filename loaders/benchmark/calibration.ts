import {CSAT_BY_CHANNEL_2015, CSAT_BY_INDUSTRY_2012, ZENDESK_2018} from "./published.ts";

/**
 * Calibration of the synthetic reference panel: every base value below is either a published
 * figure (see published.ts) or derived from one by the rule stated next to it.
 */

const logit = (p: number) => Math.log(p / (1 - p));
const geomean = (xs: readonly number[]) => Math.exp(xs.reduce((a, x) => a + Math.log(x), 0) / xs.length);

export const INDUSTRIES: readonly string[] = Object.keys(CSAT_BY_INDUSTRY_2012);

const M = ZENDESK_2018.Manufacturing;
const R = ZENDESK_2018["Real estate"];

/** Industries whose 2018 name differs from the 2012 list. */
const CONSULTANCY = "IT services & consultancy";
const HOSTING = "Technology - hosting";

// The 2012 ranking is kept, but its spread is compressed onto the 2018 per-account scale by the
// line through the two industries published in both series (manufacturing and real estate).
const offset2012 = (industry: string) => logit(CSAT_BY_INDUSTRY_2012[industry]! / 100) - logit(0.86);
export const CSAT_SLOPE =
  (logit(R.csat / 100) - logit(M.csat / 100)) / (offset2012("Real estate") - offset2012("Manufacturing"));
export const CSAT_INTERCEPT = logit(M.csat / 100) - CSAT_SLOPE * offset2012("Manufacturing");

/** Logit of the median CSAT of an industry. */
export function industryCsatLogit(industry: string): number {
  return CSAT_INTERCEPT + CSAT_SLOPE * offset2012(industry);
}

export const CHANNELS = ["email", "web", "chat", "phone", "facebook"] as const;
export type PrimaryChannel = (typeof CHANNELS)[number];
/** Assumed mix of primary channels (no verified source). */
export const CHANNEL_WEIGHTS: Readonly<Record<PrimaryChannel, number>> = {
  email: 0.45,
  web: 0.25,
  chat: 0.15,
  phone: 0.1,
  facebook: 0.05,
};

/** CSAT shift of a primary channel against e-mail, compressed like the industry ranking. */
export function channelCsatShift(channel: PrimaryChannel): number {
  return (
    CSAT_SLOPE * (logit(CSAT_BY_CHANNEL_2015[channel]! / 100) - logit(CSAT_BY_CHANNEL_2015.email! / 100))
  );
}

/** Geometric mean of the three 2018 industry medians: the base for other industries. */
export const FIRST_REPLY_BASE = geomean([M.first_reply_median, R.first_reply_median, 98]);

/** Median first reply per industry, calendar minutes. */
export function industryFirstReply(industry: string): number {
  if (industry === "Manufacturing") return M.first_reply_median;
  if (industry === "Real estate") return R.first_reply_median;
  if (industry === CONSULTANCY) return ZENDESK_2018.Consultancy.first_reply_median;
  if (industry === HOSTING) return 16.4 * 60;
  return FIRST_REPLY_BASE;
}

/** Full resolution over first reply, from the two industries that publish both. */
export function industryResolutionRatio(industry: string): number {
  const m = M.full_resolution_median / M.first_reply_median;
  const r = R.full_resolution_median / R.first_reply_median;
  if (industry === "Manufacturing") return m;
  if (industry === "Real estate") return r;
  return geomean([m, r]);
}

export const TICKETS_PER_MONTH_BASE = geomean([M.tickets_per_month, R.tickets_per_month]);

export function industryTicketsPerMonth(industry: string): number {
  if (industry === "Manufacturing") return M.tickets_per_month;
  if (industry === "Real estate") return R.tickets_per_month;
  return TICKETS_PER_MONTH_BASE;
}

/**
 * Public replies per solved ticket from the one-touch rate: if replies beyond the first follow a
 * geometric law, P(1 reply) = one-touch and the mean is 1 / one-touch. Zendesk's 7-8 "agent
 * comments" also count private notes, so they are not used directly.
 */
export function industryReplies(industry: string): number {
  if (industry === "Manufacturing") return 100 / M.one_touch;
  if (industry === "Real estate") return 100 / R.one_touch;
  if (industry === HOSTING) return 100 / 32.9;
  return geomean([100 / M.one_touch, 100 / R.one_touch]);
}
export const REPLIES_BASE = geomean([100 / M.one_touch, 100 / R.one_touch]);

/**
 * p90 / p50 of first reply within an organisation: a log-normal with manufacturing's published
 * mean / median ratio (1,491 / 285) has sigma = sqrt(2 ln 5.23) and p90 / p50 = exp(1.2816 sigma).
 */
export const FIRST_REPLY_P90_RATIO = Math.exp(
  1.2816 * Math.sqrt(2 * Math.log(M.first_reply_mean / M.first_reply_median)),
);

/** NPS centre: mean of Zendesk Q3 2014 (33) and SurveyMonkey (32). */
export const NPS_CENTRE = (33 + 32) / 2;

/** Assumptions without a verified source, stated once here and in the README. */
export const ASSUMED = {
  /** Share of organisations running an NPS survey. */
  npsShare: 0.35,
  /** Spread of NPS across organisations (points, sd). */
  npsSd: 25,
  /** Median CSAT survey response rate. */
  csatResponseRate: 0.2,
  /** Share of organisations with no CSAT survey at all. */
  noCsatShare: 0.05,
  /** Median reopen rate. */
  reopenRate: 0.05,
  /** Requester wait over full resolution (pending time excluded). */
  requesterWaitRatio: 0.5,
  /** Share of organisations whose self-service and automation figures are unknown. */
  unknownSelfService: 0.4,
  unknownAutomation: 0.4,
  /** Every synthetic organisation covers one year of tickets. */
  months: 12,
} as const;

/** Assumed country mix (attribute only; no KPI depends on it). */
export const COUNTRY_WEIGHTS: Readonly<Record<string, number>> = {
  US: 0.3,
  FR: 0.15,
  GB: 0.1,
  DE: 0.08,
  CA: 0.06,
  AU: 0.05,
  BR: 0.05,
  NL: 0.04,
  ES: 0.04,
  BE: 0.03,
  JP: 0.03,
  IN: 0.03,
  IE: 0.02,
  NZ: 0.02,
};
