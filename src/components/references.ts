/** A short label for a published figure: its population and source year, e.g. "manufacturing (Zendesk 2018)". */
export function referenceLabel(p: {population: string; year: number | null}): string {
  const industry = /industry: ([^,]+)/.exec(p.population)?.[1];
  const source = /^(\S+)/.exec(p.population)?.[1] ?? "";
  const year = p.year === null ? "undated" : String(p.year);
  if (industry) return `${industry} (${source} ${year})`;
  const head = p.population.split(",")[0]!;
  return head.includes(year) ? head : `${head} (${year})`;
}
