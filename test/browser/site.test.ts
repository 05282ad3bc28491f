import {afterAll, beforeAll, describe, expect, it} from "vitest";
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
    // The sql cells ran in DuckDB-WASM and a Plot chart drew their result.
    const dots = await visit.page.locator("svg circle").count();
    expect(dots).toBeGreaterThan(0);
  });
});
