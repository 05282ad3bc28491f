import type {PublishedFigure} from "../../loaders/benchmark/published.ts";

/** A published figure as the site ships it (its note is not drawn). */
export type Published = Omit<PublishedFigure, "note">;

/** A short label for a published figure: its population and source year, e.g. "manufacturing (Zendesk 2018)". */
export function referenceLabel(p: {population: string; year: number | null}, undated = "undated"): string {
  const industry = /industry: ([^,]+)/.exec(p.population)?.[1];
  const source = /^(\S+)/.exec(p.population)?.[1] ?? "";
  const year = p.year === null ? undated : String(p.year);
  if (industry) return `${industry} (${source} ${year})`;
  const head = p.population.split(",")[0]!;
  return head.includes(year) ? head : `${head} (${year})`;
}

/** Published metrics that measure the same thing as a panel KPI, and the factor to its scale. */
const SAME_AS: Record<string, {metrics: string[]; scale: number}> = {
  first_reply_p50_minutes: {metrics: ["first_reply_median"], scale: 1},
  full_resolution_p50_minutes: {metrics: ["full_resolution_median"], scale: 1},
  csat: {metrics: ["csat_global", "csat", "csat_by_industry"], scale: 0.01},
  one_touch_rate: {metrics: ["one_touch_rate"], scale: 0.01},
  tickets_per_month: {metrics: ["tickets_per_month"], scale: 1},
  nps: {metrics: ["nps_global", "nps_average"], scale: 1},
};

/** Words of an industry name that identify it ("IT services & consultancy" -> it, services, consultancy). */
const words = (s: string) =>
  s
    .toLowerCase()
    .split(/[^a-z]+/)
    .filter((w) => w.length > 2);

/**
 * The published figures to draw on a KPI's peer strip: every figure not tied to an industry, and
 * the figures for the organisation's own industry when there are any (not other industries').
 */
export function referencesFor(
  key: string,
  published: readonly Published[],
  industry: string | null,
): (Published & {scaled: number})[] {
  const same = SAME_AS[key];
  if (!same) return [];
  const own = industry ? words(industry) : [];
  // One name's words all within the other's ("retail" and "Retail & wholesale"): a shared word
  // alone would match other industries ("Financial & insurance services", "Professional services").
  const within = (a: string[], b: string[]) => a.length > 0 && a.every((w) => b.includes(w));
  return published
    .filter((p) => same.metrics.includes(p.metric))
    .filter((p) => {
      const tied = /industry: ([^,]+)/.exec(p.population)?.[1];
      if (!tied) return true;
      const theirs = words(tied);
      return within(own, theirs) || within(theirs, own);
    })
    .map((p) => ({...p, scaled: p.value * same.scale}));
}
