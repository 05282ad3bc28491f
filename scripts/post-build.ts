// After `observable build`: gives every page of dist/ its language, its title and its
// Content-Security-Policy. Framework writes `<html>` with no `lang` and one `<title>` per page
// source, so /fr/ and /en/ pages would share an English title; the language and the catalogue's
// page name are known from the path. The policy hashes each page's inline scripts (scripts/csp.ts),
// so it is computed last, on the final text.
import {readFile, readdir, writeFile} from "node:fs/promises";
import {join, relative} from "node:path";
import {HEADERS, withPolicy} from "./csp.ts";
import {messages} from "../src/i18n/messages.ts";
import {pageFacts} from "../src/i18n/page-facts.ts";
import {escapeHtml as escape} from "./html.ts";

const out = process.env.SERVICEBENCH_SITE_OUT || "dist";

let pages = 0;
for (const entry of await readdir(out, {withFileTypes: true, recursive: true})) {
  if (!entry.isFile() || !entry.name.endsWith(".html")) continue;
  const file = join(entry.parentPath, entry.name);
  const facts = pageFacts(relative(out, file));
  const html = await readFile(file, "utf8");
  const lang = facts?.lang ?? "en";
  let next = html.replace(/^<!DOCTYPE html>\n<html>/, `<!DOCTYPE html>\n<html lang="${lang}">`);
  if (facts) next = next.replace(/<title>[^<]*<\/title>/, `<title>${escape(facts.title)}</title>`);
  // Framework's one English attribute left on every page: the sidebar toggle's tooltip.
  next = next.replace(
    'title="Toggle sidebar"',
    `title="${escape(messages(lang === "fr" ? "fr" : "en").toggleSidebar)}"`,
  );
  next = withPolicy(next);
  await writeFile(file, next);
  pages++;
}
await writeFile(join(out, "_headers"), HEADERS);
console.log(`post-build: language, title and Content-Security-Policy set on ${pages} pages in ${out}/`);
