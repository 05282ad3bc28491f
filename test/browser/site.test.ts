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

  it("has pages", async () => {
    expect(await sitePages()).toContain("/");
  });

  it("renders every page with no error, no failed request and no foreign host", async () => {
    for (const path of await sitePages()) {
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
    const visit = await browser.visit(`${server.origin}/`, "index-duckdb");
    await settled(visit.page);
    await visit.page.waitForSelector("#volume-by-channel svg", {timeout: 30_000});
    const rows = await visit.page.locator("#volume-by-channel svg rect, #volume-by-channel svg path").count();
    expect(rows).toBeGreaterThan(0);
  });
});
