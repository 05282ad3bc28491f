import {afterAll, beforeAll, describe, expect, it} from "vitest";
import {chromiumAvailable, launch, type Browser, type Visit} from "./chromium.ts";
import {serveDirectory} from "./static-server.ts";
import {DIST, DIST_CUBES, settled} from "./site.ts";
import {SITE_PAGES} from "../../src/i18n/routes.ts";
import {messages} from "../../src/i18n/messages.ts";

const LANGS = ["fr", "en"] as const;
const path = (lang: string, slug: string) => `/${lang}/${slug}`;
/** On a language's home page, /fr/ or /en/. */
const atHome = (url: URL) => url.pathname === "/fr/" || url.pathname === "/en/";

/** The card values as built and as DuckDB-WASM recomputed them, once it has answered. */
async function builtAndLive(visit: Visit) {
  await visit.page.waitForSelector("#live-status[data-state='ready'], #live-status[data-state='mismatch']", {
    timeout: 0,
  });
  return visit.page.$$eval("#kpi-cards [data-kpi]", (nodes) =>
    nodes.map((n) => ({
      id: n.getAttribute("data-kpi")!,
      built: n.getAttribute("data-value")!,
      live: n.getAttribute("data-live-value"),
    })),
  );
}

for (const [mode, dist] of [
  ["tickets", DIST],
  ["cubes", DIST_CUBES],
] as const) {
  describe.skipIf(!chromiumAvailable)(`the site in two languages (${mode} mode)`, () => {
    let server: Awaited<ReturnType<typeof serveDirectory>>;
    let browser: Browser;
    beforeAll(async () => {
      server = await serveDirectory(dist);
      browser = await launch(server.origin);
    });
    afterAll(async () => {
      await browser?.close();
      await server?.close();
    });

    for (const lang of LANGS) {
      it(`renders every ${lang} page in ${lang}, at 1280 px and 390 px with nothing sideways`, async () => {
        const t = messages(lang);
        for (const page of SITE_PAGES) {
          const name = `${mode}-${lang}-${page.slug || "overview"}`;
          const visit = await browser.visit(`${server.origin}${path(lang, page.slug)}`, name);
          const cellErrors = await settled(visit.page);
          const htmlLang = await visit.page.getAttribute("html", "lang");
          const title = await visit.page.title();
          const overflow1280 = await browser.screenshotAt(visit, name, 1280);
          const overflow390 = await browser.screenshotAt(visit, name, 390);
          expect({
            page: page.slug,
            cellErrors,
            problems: visit.problems,
            foreign: visit.foreign,
            htmlLang,
            overflow390,
            overflow1280,
          }).toEqual({
            page: page.slug,
            cellErrors: [],
            problems: [],
            foreign: [],
            htmlLang: lang,
            overflow390: 0,
            overflow1280: 0,
          });
          expect(title).toContain(t.pages[page.key]);
          // Framework's English strings are gone or translated on French pages.
          if (lang === "fr")
            expect(await visit.page.locator("body").innerText()).not.toMatch(
              /Built with|Previous page|Next page/,
            );
          await visit.page.close();
        }
      });

      it(`writes ${lang} labels and ${lang} numbers on the Overview`, async () => {
        const visit = await browser.visit(`${server.origin}${path(lang, "")}`, `${mode}-${lang}-numbers`);
        expect(await settled(visit.page)).toEqual([]);
        const label = await visit.page.locator("[data-kpi='first_reply'] h2").innerText();
        const rate = await visit.page.locator("[data-kpi='one_touch'] .big").innerText();
        const text = await visit.page.locator("#kpi-cards").innerText();
        if (lang === "fr") {
          expect(label).toBe("Délai de première réponse");
          // A decimal comma and a narrow no-break space before %: "45,2 %".
          expect(rate).toMatch(/^\d+,\d\u202f%$/);
          expect(text).toContain("temps calendaire");
        } else {
          expect(label).toBe("First reply time");
          expect(rate).toMatch(/^\d+\.\d%$/);
          expect(text).toContain("calendar clock");
        }
        await visit.page.close();
      });
    }

    it("switches language on the same page", async () => {
      for (const page of SITE_PAGES) {
        const visit = await browser.visit(`${server.origin}${path("fr", page.slug)}`, "switch");
        await settled(visit.page);
        await visit.page.click("#lang-switch");
        await visit.page.waitForURL((url) => url.pathname.startsWith("/en/"), {timeout: 0});
        expect(new URL(visit.page.url()).pathname.replace(/\/$/, "")).toBe(
          path("en", page.slug).replace(/\/$/, ""),
        );
        await visit.page.close();
      }
    });

    it("sends / to the browser's language, and home links back to the language the visitor came from", async () => {
      const visit = await browser.visit(`${server.origin}/`, "root");
      await visit.page.waitForURL(atHome, {timeout: 0});
      // Headless Chromium here prefers English.
      expect(new URL(visit.page.url()).pathname).toBe("/en/");
      await visit.page.goto(`${server.origin}/fr/benchmark`);
      await settled(visit.page);
      await visit.page.click("#observablehq-sidebar > ol a[href]");
      await visit.page.waitForURL(atHome, {timeout: 0});
      expect(new URL(visit.page.url()).pathname).toBe("/fr/");
      await visit.page.close();
    });

    it("draws the first KPI before DuckDB-WASM answers, then DuckDB-WASM agrees with every built figure", async () => {
      const visit = await browser.visit(`${server.origin}/en/`, `${mode}-first-kpi`);
      await settled(visit.page);
      const cards = await builtAndLive(visit);
      const marks = await visit.page.evaluate(() => ({
        firstKpi: performance.getEntriesByName("sb:first-kpi")[0]?.startTime ?? null,
        duckdb: performance.getEntriesByName("sb:duckdb-first-query")[0]?.startTime ?? null,
      }));
      expect(marks.firstKpi).not.toBeNull();
      expect(marks.duckdb).not.toBeNull();
      expect(marks.firstKpi!).toBeLessThan(marks.duckdb!);
      expect(await visit.page.getAttribute("#live-status", "data-state")).toBe("ready");
      expect(cards.length).toBeGreaterThanOrEqual(10);
      for (const c of cards) {
        expect(c.live, c.id).not.toBeNull();
        if (c.built === "") expect(c.live, c.id).toBe("");
      }
      await visit.page.close();
    });
  });
}
