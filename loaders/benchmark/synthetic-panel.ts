import {sizeBand} from "../schema/profile.ts";
import {ARCHETYPES, PROTOTYPES, type Archetype, type Prototype} from "./archetypes.ts";
import {
  ASSUMED,
  CHANNEL_WEIGHTS,
  CHANNELS,
  COUNTRY_WEIGHTS,
  FIRST_REPLY_P90_RATIO,
  INDUSTRIES,
  NPS_CENTRE,
  REPLIES_BASE,
  channelCsatShift,
  industryCsatLogit,
  industryFirstReply,
  industryReplies,
  industryResolutionRatio,
  industryTicketsPerMonth,
} from "./calibration.ts";
import type {FeatureKey} from "./features.ts";
import type {PanelRow} from "./panel-row.ts";
import {mulberry32, type Rng} from "./prng.ts";

/** Seed of the shipped synthetic reference panel (the Q4 2014 benchmark's release day). */
export const PANEL_SEED = 20150204;
export const PANEL_SIZE = 600;

const WEIGHTS = ARCHETYPES.map((a) => PROTOTYPES[a].weight);

/** Standard normal CDF (Abramowitz-Stegun 7.1.26 erf, error under 1.5e-7). */
function normalCdf(x: number): number {
  const t = 1 / (1 + (0.3275911 * Math.abs(x)) / Math.SQRT2);
  const poly =
    t * (0.254829592 + t * (-0.284496736 + t * (1.421413741 + t * (-1.453152027 + t * 1.061405429))));
  const erf = 1 - poly * Math.exp(-(x * x) / 2);
  return x >= 0 ? (1 + erf) / 2 : (1 - erf) / 2;
}

/** Median of a mixture of normals with these centres, weights and one sd (bisection). */
export function mixtureMedian(centres: readonly number[], weights: readonly number[], sd: number): number {
  const total = weights.reduce((a, b) => a + b, 0);
  const cdf = (x: number) =>
    centres.reduce((s, c, i) => s + (weights[i]! / total) * normalCdf((x - c) / sd), 0);
  let lo = Math.min(...centres) - 10 * sd;
  let hi = Math.max(...centres) + 10 * sd;
  for (let i = 0; i < 100; i++) {
    const mid = (lo + hi) / 2;
    if (cdf(mid) < 0.5) lo = mid;
    else hi = mid;
  }
  return (lo + hi) / 2;
}

const centre = (f: (a: Archetype) => number, sd: number) => mixtureMedian(ARCHETYPES.map(f), WEIGHTS, sd);

/**
 * Archetype shifts are centred on the median of their mixture, so the panel as a whole stays at
 * the published medians while the archetypes spread around them. Multipliers are divided by
 * these factors, logit shifts have this subtracted.
 */
export const CENTRING = {
  tickets_per_month: Math.exp(centre((a) => Math.log(PROTOTYPES[a].tickets_per_month_x), 0.45)),
  replies_per_ticket: Math.exp(centre((a) => Math.log(PROTOTYPES[a].replies_per_ticket_x), 0.2)),
  first_reply: Math.exp(centre((a) => Math.log(PROTOTYPES[a].first_reply_x), 0.5)),
  csat_logit: centre((a) => PROTOTYPES[a].csat_logit_shift, 0.35),
  nps: centre((a) => PROTOTYPES[a].nps_shift, 25),
};

/** Within-archetype spread of each KPI (sd, log units unless stated). */
export const SPREAD = {
  tickets_per_month: 0.45,
  tickets_per_agent_month: 0.35,
  replies_per_ticket: 0.2,
  first_reply: 0.5,
  first_reply_p90: 0.3,
  resolution: 0.3,
  csat_logit: 0.35,
  coverage_weekday_hours: 10,
  coverage_weekend_log1p: 0.5,
  self_service_log1p: 0.45,
  automation_log1p: 0.5,
} as const;

const round = (x: number, digits: number) => {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
};
const clamp = (x: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, x));
const sigmoid = (y: number) => 1 / (1 + Math.exp(-y));
const pick = <T>(rng: Rng, items: readonly T[], weights: readonly number[]) => items[rng.weighted(weights)]!;

export interface SyntheticOptions {
  seed?: number;
  n?: number;
  /** Prefix of the organisation codes (S0001...). */
  prefix?: string;
}

/**
 * Draws synthetic organisations from the archetype prototypes. Values are rounded to the
 * precision panel.csv stores, so a panel read back from the file equals the one generated.
 */
export function generateSyntheticOrgs(options: SyntheticOptions = {}): PanelRow[] {
  const {seed = PANEL_SEED, n = PANEL_SIZE, prefix = "S"} = options;
  const rng = mulberry32(seed);
  const width = String(n).length < 4 ? 4 : String(n).length;
  const rows: PanelRow[] = [];
  for (let i = 0; i < n; i++) {
    const archetype = pick(rng, ARCHETYPES, WEIGHTS);
    // Real organisations rarely match one type exactly: some sit between two prototypes.
    let prototype = PROTOTYPES[archetype];
    if (rng.next() < HYBRID_SHARE) {
      const others = ARCHETYPES.filter((a) => a !== archetype);
      const other = others[rng.int(others.length)]!;
      prototype = blendPrototypes(prototype, PROTOTYPES[other], 0.6 + 0.25 * rng.next());
    }
    rows.push(drawOrganisation(rng, archetype, prototype, `${prefix}${String(i + 1).padStart(width, "0")}`));
  }
  return rows;
}

/** Share of organisations drawn between their archetype (weight 0.6-0.85) and another one. */
export const HYBRID_SHARE = 0.25;

/** Prototype `w` of the way at `a` and `1 - w` at `b`: geometric for ratios, linear for shifts. */
export function blendPrototypes(a: Prototype, b: Prototype, w: number): Prototype {
  const geo = (x: number, y: number) => Math.exp(w * Math.log(x) + (1 - w) * Math.log(y));
  const geo1p = (x: number, y: number) => Math.expm1(w * Math.log1p(x) + (1 - w) * Math.log1p(y));
  const lin = (x: number, y: number) => w * x + (1 - w) * y;
  return {
    weight: a.weight,
    tickets_per_month_x: geo(a.tickets_per_month_x, b.tickets_per_month_x),
    replies_per_ticket_x: geo(a.replies_per_ticket_x, b.replies_per_ticket_x),
    first_reply_x: geo(a.first_reply_x, b.first_reply_x),
    csat_logit_shift: lin(a.csat_logit_shift, b.csat_logit_shift),
    nps_shift: lin(a.nps_shift, b.nps_shift),
    tickets_per_agent_month: geo(a.tickets_per_agent_month, b.tickets_per_agent_month),
    coverage_hours_weekday: lin(a.coverage_hours_weekday, b.coverage_hours_weekday),
    coverage_hours_weekend: geo1p(a.coverage_hours_weekend, b.coverage_hours_weekend),
    self_service_ratio: geo1p(a.self_service_ratio, b.self_service_ratio),
    automation_rules: geo1p(a.automation_rules, b.automation_rules),
  };
}

function drawOrganisation(rng: Rng, archetype: Archetype, p: Prototype, code: string): PanelRow {
  const industry = INDUSTRIES[rng.int(INDUSTRIES.length)]!;
  const country = pick(rng, Object.keys(COUNTRY_WEIGHTS), Object.values(COUNTRY_WEIGHTS));
  const channel = pick(
    rng,
    CHANNELS,
    CHANNELS.map((c) => CHANNEL_WEIGHTS[c]),
  );
  const logNormal = (median: number, sd: number) => median * Math.exp(sd * rng.normal());

  // Workload and staffing: agents follow from volume and tickets per agent.
  const tpmDrawn = logNormal(
    (industryTicketsPerMonth(industry) * p.tickets_per_month_x) / CENTRING.tickets_per_month,
    SPREAD.tickets_per_month,
  );
  const tickets = Math.max(1, Math.round(tpmDrawn * ASSUMED.months));
  const ticketsPerMonth = tickets / ASSUMED.months;
  const tpaDrawn = logNormal(p.tickets_per_agent_month, SPREAD.tickets_per_agent_month);
  const agents = Math.max(1, Math.round(ticketsPerMonth / tpaDrawn));

  const replies = Math.max(
    1,
    logNormal(
      (industryReplies(industry) * p.replies_per_ticket_x) / CENTRING.replies_per_ticket,
      SPREAD.replies_per_ticket,
    ),
  );
  // Geometric reply law: P(exactly one reply) = 1 / mean replies.
  const oneTouch = clamp((1 / replies) * Math.exp(0.15 * rng.normal()), 0.02, 0.95);
  const reopen = clamp(
    ASSUMED.reopenRate * Math.sqrt(replies / REPLIES_BASE) * Math.exp(0.4 * rng.normal()),
    0,
    0.5,
  );

  const firstReply = logNormal(
    (industryFirstReply(industry) * p.first_reply_x) / CENTRING.first_reply,
    SPREAD.first_reply,
  );
  const firstReplyP90 = firstReply * logNormal(FIRST_REPLY_P90_RATIO, SPREAD.first_reply_p90);
  // More back-and-forth, longer resolution.
  const resolution = logNormal(
    firstReply * industryResolutionRatio(industry) * (replies / REPLIES_BASE),
    SPREAD.resolution,
  );
  const requesterWait = resolution * ASSUMED.requesterWaitRatio * Math.exp(0.2 * rng.normal());

  const hasCsat = rng.next() >= ASSUMED.noCsatShare;
  const csatLogit =
    industryCsatLogit(industry) +
    channelCsatShift(channel) +
    p.csat_logit_shift -
    CENTRING.csat_logit +
    SPREAD.csat_logit * rng.normal();
  const responseRate = clamp(ASSUMED.csatResponseRate * Math.exp(0.4 * rng.normal()), 0.02, 0.9);
  const csatResponses = hasCsat ? Math.max(1, Math.round(tickets * 0.8 * responseRate)) : 0;

  const hasNps = rng.next() < ASSUMED.npsShare;
  const nps = clamp(
    Math.round(NPS_CENTRE + p.nps_shift - CENTRING.nps + ASSUMED.npsSd * rng.normal()),
    -100,
    100,
  );
  const npsResponses = hasNps ? Math.max(5, Math.round(tickets * 0.05 * Math.exp(0.5 * rng.normal()))) : 0;

  const weekday = clamp(p.coverage_hours_weekday + SPREAD.coverage_weekday_hours * rng.normal(), 5, 120);
  const weekend = clamp(
    Math.expm1(Math.log1p(p.coverage_hours_weekend) + SPREAD.coverage_weekend_log1p * rng.normal()),
    0,
    48,
  );
  const selfServiceKnown = rng.next() >= ASSUMED.unknownSelfService;
  const selfService = Math.max(
    0,
    Math.expm1(Math.log1p(p.self_service_ratio) + SPREAD.self_service_log1p * rng.normal()),
  );
  const automationKnown = rng.next() >= ASSUMED.unknownAutomation;
  const automation = Math.max(
    0,
    Math.round(Math.expm1(Math.log1p(p.automation_rules) + SPREAD.automation_log1p * rng.normal())),
  );

  return {
    org_code: code,
    generated_from: archetype,
    cluster: null,
    archetype: null,
    primary_channel: channel,
    industry,
    country,
    size_band: sizeBand(agents),
    agents,
    months: ASSUMED.months,
    tickets,
    tickets_per_month: round(ticketsPerMonth, 4),
    tickets_per_agent_month: round(ticketsPerMonth / agents, 4),
    replies_per_ticket: round(replies, 3),
    first_reply_p50_minutes: round(firstReply, 1),
    first_reply_p90_minutes: round(Math.max(firstReply, firstReplyP90), 1),
    full_resolution_p50_minutes: round(Math.max(firstReply, resolution), 1),
    requester_wait_p50_minutes: round(requesterWait, 1),
    one_touch_rate: round(oneTouch, 4),
    reopen_rate: round(reopen, 4),
    csat: hasCsat ? round(sigmoid(csatLogit), 4) : null,
    csat_responses: csatResponses,
    csat_response_rate: hasCsat ? round(responseRate, 4) : null,
    nps: hasNps ? nps : null,
    nps_responses: npsResponses,
    coverage_hours_weekday: round(weekday, 1),
    coverage_hours_weekend: round(weekend, 1),
    self_service_ratio: selfServiceKnown ? round(selfService, 3) : null,
    automation_rules: automationKnown ? automation : null,
  };
}

const overIndustries = (f: (industry: string) => number) =>
  Math.exp(INDUSTRIES.reduce((s, i) => s + Math.log(f(i)), 0) / INDUSTRIES.length);
const meanCsatLogit =
  INDUSTRIES.reduce((s, i) => s + industryCsatLogit(i), 0) / INDUSTRIES.length +
  CHANNELS.reduce((s, c) => s + CHANNEL_WEIGHTS[c] * channelCsatShift(c), 0);

/**
 * Where a typical member of each archetype sits in raw KPI units: its multipliers applied to
 * the panel-wide centre (geometric mean over industries, mean channel shift for CSAT).
 */
export function prototypeSummary(archetype: Archetype): Record<FeatureKey, number> {
  const p = PROTOTYPES[archetype];
  return {
    tickets_per_month:
      (overIndustries(industryTicketsPerMonth) * p.tickets_per_month_x) / CENTRING.tickets_per_month,
    tickets_per_agent_month: p.tickets_per_agent_month,
    replies_per_ticket:
      (overIndustries(industryReplies) * p.replies_per_ticket_x) / CENTRING.replies_per_ticket,
    coverage_hours_weekday: p.coverage_hours_weekday,
    coverage_hours_weekend: p.coverage_hours_weekend,
    self_service_ratio: p.self_service_ratio,
    automation_rules: p.automation_rules,
    first_reply_p50_minutes: (overIndustries(industryFirstReply) * p.first_reply_x) / CENTRING.first_reply,
    csat: sigmoid(meanCsatLogit + p.csat_logit_shift - CENTRING.csat_logit),
  };
}
