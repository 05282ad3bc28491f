// Observable Framework configuration. The site must run with no network but its own host:
// no Google Fonts stylesheet, no DuckDB extension downloads, npm: imports served from
// node_modules (see scripts/seed-npm-cache.ts and scripts/browser-libraries.ts).
import {LANGS, messages} from "./src/i18n/messages.ts";
import {languageOf, otherLanguagePath, SITE_PAGES} from "./src/i18n/routes.ts";
import {readStudy} from "./loaders/node/site/study.ts";
import {escapeHtml as escape} from "./scripts/html.ts";

export default {
  title: "servicebench",
  root: "src",
  // The browser tests build a second, cube-mode site elsewhere (test/browser/site.ts).
  output: process.env.SERVICEBENCH_SITE_OUT || "dist",
  // The default stylesheets include a <link> to fonts.googleapis.com; keep only the theme and ours.
  globalStylesheets: [],
  style: "style.css",
  // `null` leaves an extension out entirely (`false` would still download it at build time).
  // (Leaving out the mvp platform to halve dist/ breaks DuckDBClient's extension lookup in 1.13.4.)
  duckdb: {extensions: {json: null, parquet: null}},
  search: false,
  // One page source per page under src/[lang]/, built once per language; and the study: its index
  // and one page per organisation (SERVICEBENCH_STUDY, else the site's own organisation).
  async *dynamicPaths() {
    for (const lang of LANGS) for (const p of SITE_PAGES) yield `/${lang}/${p.slug || "index"}`;
    const {orgs} = await readStudy();
    for (const lang of LANGS) for (const o of orgs) yield `/${lang}/study/${o.code}`;
  },
  // One section per language; only the visitor's language is open.
  pages: LANGS.map((lang) => ({
    name: messages(lang).languageName,
    collapsible: true,
    open: false,
    pages: SITE_PAGES.filter((p) => p.sidebar).map((p) => ({
      name: messages(lang).pages[p.key],
      path: `/${lang}/${p.slug}`,
    })),
  })),
  // A switch to the same page in the other language, on every page.
  header: ({path}: {path: string}) => {
    const lang = languageOf(path);
    if (!lang) return "";
    const t = messages(lang);
    const other = messages(lang === "fr" ? "en" : "fr");
    return `<a class="lang-switch" id="lang-switch" hreflang="${other.lang}" lang="${other.lang}" href="${escape(otherLanguagePath(path))}">${escape(t.switchLabel)}</a>`;
  },
  footer: ({path}: {path: string}) => escape(messages(languageOf(path) ?? "en").footer),
};
