import {afterAll, beforeAll, describe, expect, it} from "vitest";
import {chromiumAvailable, launch, type Browser} from "./chromium.ts";
import {serveDirectory} from "./static-server.ts";

// The guard the site test relies on must itself be able to fail: a page with a script from
// another host has to be caught, and the request must never leave the machine.
describe.skipIf(!chromiumAvailable)("offline guard", () => {
  let server: Awaited<ReturnType<typeof serveDirectory>>;
  let browser: Browser;
  beforeAll(async () => {
    server = await serveDirectory("test/fixtures/foreign-script");
    browser = await launch(server.origin);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it("reports a script requested from another host", async () => {
    const visit = await browser.visit(`${server.origin}/`, "foreign-script");
    await visit.page.waitForSelector("#ready");
    expect(visit.foreign).toEqual(["https://cdn.example.net/tracker.js"]);
  });
});

if (!chromiumAvailable)
  console.warn("browser tests skipped: /usr/bin/chromium is missing (apt-get install chromium)");
