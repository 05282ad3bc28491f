import {messages} from "./messages.js";
import {SITE_PAGES, languageOf} from "./routes.js";

/** The language and title of a built page from its path in dist/ ("fr/benchmark.html"). */
export function pageFacts(path: string): {lang: string; title: string} | null {
  const route = "/" + path.replace(/\.html$/, "").replace(/(^|\/)index$/, "$1");
  const lang = languageOf(route);
  if (!lang) return null;
  const slug = route.replace(/^\/(fr|en)\/?/, "");
  const page = SITE_PAGES.find((p) => p.slug === slug);
  // A study page is titled by its organisation's code; the page sets its display name when it runs.
  const study = /^study\/([^/]+)$/.exec(slug)?.[1];
  const name = page
    ? messages(lang).pages[page.key]
    : study
      ? `${messages(lang).pages.study}: ${study}`
      : slug;
  return {lang, title: `${name} | servicebench`};
}
