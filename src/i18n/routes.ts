import type {Lang} from "../components/format.js";
import type {Messages} from "./messages.js";

/** The site's pages under /fr/ and /en/: one source each in src/[lang]/, built per language. */
export interface SitePage {
  key: keyof Messages["pages"];
  /** The path after /<lang>/ ("" for the overview). */
  slug: string;
  /** Listed in the sidebar; the others are reached through links. */
  sidebar: boolean;
}

export const SITE_PAGES: readonly SitePage[] = [
  {key: "overview", slug: "", sidebar: true},
  {key: "speed", slug: "speed", sidebar: true},
  {key: "satisfaction", slug: "satisfaction", sidebar: true},
  {key: "volume", slug: "volume", sidebar: true},
  {key: "team", slug: "team", sidebar: true},
  {key: "benchmark", slug: "benchmark", sidebar: true},
  {key: "archetypes", slug: "archetypes", sidebar: true},
  {key: "assess", slug: "assess", sidebar: true},
  {key: "explore", slug: "explore", sidebar: true},
  {key: "methodology", slug: "methodology", sidebar: true},
  {key: "cubes", slug: "cubes", sidebar: false},
  {key: "study", slug: "study/", sidebar: true},
];

/** The language of a site path ("/fr/benchmark" -> "fr"), or null outside /fr/ and /en/. */
export function languageOf(path: string): Lang | null {
  const m = /^\/(fr|en)(\/|$)/.exec(path);
  return m ? (m[1] as Lang) : null;
}

/**
 * The same page in the other language, as a link relative to `path` (Framework rewrites only
 * relative links): "../en/benchmark" from "/fr/benchmark", "../../en/study/acme" from
 * "/fr/study/acme".
 */
export function otherLanguagePath(path: string): string {
  const lang = languageOf(path);
  const other = lang === "fr" ? "en" : "fr";
  const rest = path.replace(/^\/(fr|en)\/?/, "").replace(/(^|\/)index$/, "$1");
  const depth = path.replace(/^\/(fr|en)\/?/, "").split("/").length;
  return `${"../".repeat(depth)}${other}/${rest}`;
}

/** The visitor's preferred site language from navigator.languages: French if it comes first. */
export function preferredLanguage(languages: readonly string[]): Lang {
  for (const l of languages) {
    const base = l.toLowerCase().split("-")[0];
    if (base === "fr" || base === "en") return base;
  }
  return "en";
}
