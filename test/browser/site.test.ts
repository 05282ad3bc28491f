import {cp, mkdtemp, readFile, readdir, rm} from "node:fs/promises";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {afterAll, beforeAll, describe, expect, it} from "vitest";
import {policyFor} from "../../scripts/csp.ts";
import {chromiumAvailable, launch, type Browser} from "./chromium.ts";
import {serveDirectory} from "./static-server.ts";
import {DIST, settled, sitePages} from "./site.ts";

describe.skipIf(!chromiumAvailable)("built site in headless Chromium", () => {
  let server: Awaited<ReturnType<typeof serveDirectory>>;
  let browser: Browser;
  beforeAll(async () => {
    server = await serveDirectory(DIST);
    browser = await launch(server.origin);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it("has every page in both languages", async () => {
    const pages = await sitePages();
    for (const p of [
      "/",
      "/fr/",
      "/en/",
      "/fr/benchmark",
      "/en/benchmark",
      "/fr/methodology",
      "/en/archetypes",
    ])
      expect(pages).toContain(p);
  });

  it("gives every page a Content-Security-Policy that allows its own inline scripts and no eval", async () => {
    for (const path of await sitePages()) {
      const file = join(
        DIST,
        path === "/" ? "index.html" : path.endsWith("/") ? `${path}index.html` : `${path}.html`,
      );
      const html = await readFile(file, "utf8");
      const policy = /<meta http-equiv="Content-Security-Policy" content="([^"]*)">/.exec(html)?.[1];
      expect(policy, path).toBeDefined();
      expect(policy, path).toBe(
        policyFor(html.replace(/<meta http-equiv="Content-Security-Policy"[^>]*>\n?/, "")),
      );
      expect(policy, path).not.toContain("'unsafe-eval'");
    }
  });

  it("renders every page with no error, no failed request and no foreign host", async () => {
    // "/" only sends the visitor on to /fr/ or /en/ (languages.test.ts follows it).
    for (const path of (await sitePages()).filter((p) => p !== "/")) {
      const name = path === "/" ? "index" : path.slice(1).replaceAll("/", "-");
      const visit = await browser.visit(`${server.origin}${path}`, name);
      const cellErrors = await settled(visit.page);
      await browser.screenshot(visit, name);
      expect({path, cellErrors, problems: visit.problems, foreign: visit.foreign}).toEqual({
        path,
        cellErrors: [],
        problems: [],
        foreign: [],
      });
    }
  });

  it("runs a DuckDB-WASM query over a data loader's output and draws a Plot chart", async () => {
    const visit = await browser.visit(`${server.origin}/en/explore`, "explore-duckdb");
    await settled(visit.page);
    await visit.page.waitForSelector("#tables table", {timeout: 0});
    // The starting example ran in DuckDB-WASM and the quick chart drew its result as bars.
    await visit.page.waitForSelector("#sql-result[data-state='done'] .quick-chart svg", {timeout: 0});
    const bars = await visit.page.locator("#sql-result .quick-chart svg rect").count();
    expect(bars).toBeGreaterThan(0);
  });

  it("says in one readable message that a data file is missing, instead of a wall of errors", async () => {
    const copy = await mkdtemp(join(tmpdir(), "servicebench-missing-"));
    await cp(DIST, copy, {recursive: true});
    const data = join(copy, "_file", "data");
    for (const f of await readdir(data)) if (f.startsWith("overview.")) await rm(join(data, f));
    const broken = await serveDirectory(copy);
    const other = await launch(broken.origin);
    try {
      for (const lang of ["en", "fr"]) {
        const visit = await other.visit(`${broken.origin}/${lang}/`, `missing-data-${lang}`);
        await visit.page.waitForSelector("#data-missing", {timeout: 0});
        const message = await visit.page.locator("#data-missing").innerText();
        expect(message).toContain("overview");
        expect(message).toContain(lang === "fr" ? "absent ou illisible" : "missing or unreadable");
        expect(await visit.page.locator(".observablehq--error:visible").count()).toBe(0);
      }
    } finally {
      await other.close();
      await broken.close();
      await rm(copy, {recursive: true, force: true});
    }
  });
});
