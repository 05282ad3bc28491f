// `npm run pdf -- --org <code> --lang fr|en` writes one organisation's study as a PDF, through the
// headless Debian Chromium the tests use (never a downloaded browser): A4 or Letter, page numbers
// and a running header, a PDF outline from the headings, after the page says every chart is drawn.
// `--all` writes every organisation's study in both languages.
//
//   npm run build && npm run pdf -- --org acme --lang fr [--paper Letter] [--dist dist] [--out pdf]
import {mkdir, readFile, readdir} from "node:fs/promises";
import {join} from "node:path";
import {parseArgs} from "node:util";
import {chromium} from "playwright-core";
import {CHROMIUM, FLAGS} from "../test/browser/chromium.ts";
import {serveDirectory} from "../test/browser/static-server.ts";
import {messages} from "../src/i18n/messages.ts";
import {escapeHtml as escape} from "./html.ts";

const {values} = parseArgs({
  options: {
    org: {type: "string"},
    lang: {type: "string", default: "fr"},
    all: {type: "boolean", default: false},
    paper: {type: "string", default: "A4"},
    dist: {type: "string", default: process.env.SERVICEBENCH_SITE_OUT || "dist"},
    out: {type: "string", default: "pdf"},
  },
});

const usage = (message: string): never => {
  console.error(`npm run pdf: ${message}`);
  process.exit(2);
};
if (values.lang !== "fr" && values.lang !== "en") usage(`--lang ${values.lang}: fr or en`);
if (values.paper !== "A4" && values.paper !== "Letter") usage(`--paper ${values.paper}: A4 or Letter`);
if (!values.all && !values.org) usage("--org <code> or --all (the codes are listed on /fr/study/)");

/** The organisations the built site has a study for, from its index data. */
async function studyCodes(dist: string): Promise<string[]> {
  const dir = join(dist, "_file", "data");
  const file = (await readdir(dir)).find((f) => /^study-index\.[0-9a-f]+\.json$/.test(f));
  if (!file) return usage(`${dist} has no study: build the site first (npm run build)`);
  const index = JSON.parse(await readFile(join(dir, file), "utf8")) as {orgs: {code: string}[]};
  return index.orgs.map((o) => o.code);
}

const codes = await studyCodes(values.dist!);
if (values.org && !codes.includes(values.org))
  usage(`no study for "${values.org}" (studies: ${codes.join(", ")})`);
const jobs = values.all
  ? codes.flatMap((code) => (["fr", "en"] as const).map((lang) => ({code, lang})))
  : [{code: values.org!, lang: values.lang as "fr" | "en"}];

await mkdir(values.out!, {recursive: true});
const server = await serveDirectory(values.dist!);
const browser = await chromium.launch({executablePath: CHROMIUM, args: FLAGS, headless: true});
try {
  for (const {code, lang} of jobs) {
    const t0 = performance.now();
    // The page is laid out at the paper's width, so charts are drawn for it, not for a screen.
    const page = await browser.newPage({viewport: {width: 794, height: 1123}});
    const problems: string[] = [];
    page.on("pageerror", (e) => problems.push(e.message));
    await page.goto(`${server.origin}/${lang}/study/${code}`);
    await page.waitForSelector("html[data-study-ready='true']", {timeout: 0});
    if (problems.length) throw new Error(`${code} (${lang}): ${problems.join("; ")}`);
    const name = await page.locator("#study-org").innerText();
    const t = messages(lang);
    const header = `<div style="font-size:8px;width:100%;padding:0 15mm;color:#555;display:flex;justify-content:space-between"><span>${escape(name)}</span><span>${escape(t.study.cover)}</span></div>`;
    const footer = `<div style="font-size:8px;width:100%;padding:0 15mm;color:#555;text-align:right"><span class="pageNumber"></span> / <span class="totalPages"></span></div>`;
    const file = join(values.out!, `${code}-${lang}.pdf`);
    await page.emulateMedia({media: "print"});
    await page.pdf({
      path: file,
      format: values.paper as "A4" | "Letter",
      printBackground: true,
      displayHeaderFooter: true,
      headerTemplate: header,
      footerTemplate: footer,
      margin: {top: "18mm", bottom: "20mm", left: "15mm", right: "15mm"},
      outline: true,
      tagged: true,
    });
    await page.close();
    console.log(`${file} (${((performance.now() - t0) / 1000).toFixed(1)} s)`);
  }
} finally {
  await browser.close();
  await server.close();
}
