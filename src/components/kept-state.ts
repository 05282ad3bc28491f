/**
 * What of the address follows the visitor from page to page: the filter keys (filters.ts) and the
 * Speed page's edited targets (`target.<time>.<channel>`, targets.ts). A page's own keys (the
 * Explore page's `?q=`) stay on that page. Pure (no DOM), so tests read it directly.
 */
import {DEFAULT_FILTERS, FILTER_DIMENSIONS, NONE, filtersFromSearch} from "./filters.js";
import {formatDate, formatMinutes, type Lang} from "./format.js";
import {TARGET_TIMES, targetsFromSearch} from "./target-search.js";
import {messages} from "../i18n/messages.js";

/** Every key filtersToSearch may write. */
export const FILTER_KEYS: ReadonlySet<string> = new Set([
  "period",
  "from",
  "to",
  "clock",
  "compare",
  "channel",
  "group",
  "priority",
  "type",
  "tag",
]);

export const isFilterKey = (key: string): boolean => FILTER_KEYS.has(key);
export const isTargetKey = (key: string): boolean => key.startsWith("target.");
/** A key carried along the site's links. */
export const isKeptKey = (key: string): boolean => isFilterKey(key) || isTargetKey(key);

const params = (search: string) => new URLSearchParams(search.startsWith("?") ? search.slice(1) : search);
const text = (q: URLSearchParams) => {
  const s = q.toString();
  return s ? `?${s}` : "";
};

/** "?..." holding only the kept keys of `search`, in their order ("" when none). */
export function keptSearch(search: string): string {
  const out = new URLSearchParams();
  for (const [k, v] of params(search)) if (isKeptKey(k)) out.append(k, v);
  return text(out);
}

/**
 * `search` with the keys `owns` accepts replaced by those of `replacement` (which come last), the
 * other keys kept in place: the filter bar replaces the filters and leaves the targets alone, the
 * targets editor the other way round, and a link keeps its own keys under the carried ones.
 */
export function replaceKeys(search: string, replacement: string, owns: (key: string) => boolean): string {
  const out = new URLSearchParams();
  for (const [k, v] of params(search)) if (!owns(k)) out.append(k, v);
  for (const [k, v] of params(replacement)) if (owns(k)) out.append(k, v);
  return text(out);
}

/** What the visitor reads of the kept state: one short part per filter, then the edited targets. */
export function describeKept(
  search: string,
  lang: Lang,
  {groupName = (id: string) => id}: {groupName?: (id: string) => string} = {},
): string[] {
  const m = messages(lang);
  const t = m.filters;
  const k = m.kept;
  const f = filtersFromSearch(keptSearch(search));
  const parts: string[] = [];
  if (f.preset === "custom")
    parts.push(k.dates(f.from ? formatDate(f.from, lang) : "…", f.to ? formatDate(f.to, lang) : "…"));
  else if (f.preset !== DEFAULT_FILTERS.preset) parts.push(k.part(t.period, t.presets[f.preset]));
  for (const d of FILTER_DIMENSIONS) {
    if (!f[d].length) continue;
    const label = (v: string) =>
      v === NONE ? t.noneValue : d === "channel" ? (t.channels[v] ?? v) : d === "group" ? groupName(v) : v;
    parts.push(k.part(t.dimensions[d], f[d].map(label).join(", ")));
  }
  if (f.clock === "business") parts.push(m.clock.business);
  if (f.compare) parts.push(k.compare);
  // Edited targets: only those the address holds, whatever the configuration says.
  const targets = targetsFromSearch(search);
  for (const metric of TARGET_TIMES) {
    const edits = Object.entries(targets[metric]).map(
      ([c, x]) => `${t.channels[c] ?? c} ${x === null ? m.speed.noTarget : formatMinutes(x, lang)}`,
    );
    if (edits.length) parts.push(k.targets(k.times[metric], edits.join(", ")));
  }
  return parts;
}
