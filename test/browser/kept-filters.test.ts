/**
 * The filters follow the visitor: set on the Speed page, they survive a visit to the Overview
 * (which has no filter bar and says which filters it keeps) and come back on the Team page,
 * whose bar shows them, in both languages. Group names replace the export's ids in the bar and
 * the Team table.
 */
import {afterAll, beforeAll, describe, expect, it} from "vitest";
import {messages} from "../../src/i18n/messages.ts";
import {chromiumAvailable, launch, type Browser} from "./chromium.ts";
import {serveDirectory} from "./static-server.ts";
import {DIST, settled} from "./site.ts";
import {tick} from "./analysis-steps.ts";

/** The demo's group the test keeps, named in its Zendesk side-load. */
const GROUP = "360001000101";
const GROUP_NAME = "Orders & Delivery";

describe.skipIf(!chromiumAvailable)("the filters follow the visitor", () => {
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

  for (const lang of ["en", "fr"] as const)
    it(`${lang}: Speed -> Overview -> Team keeps the channel and the group, and the Team bar shows them`, async () => {
      const t = messages(lang);
      const visit = await browser.visit(`${server.origin}/${lang}/speed`, `kept-${lang}`);
      const {page} = visit;
      expect(await settled(page)).toEqual([]);
      // The bar names the group as the export does, not by its id.
      const label = await page.$eval(
        `input[name='group'][value='${GROUP}']`,
        (i) => i.parentElement!.textContent,
      );
      expect(label?.trim()).toBe(GROUP_NAME);
      await tick(page, "channel", "email");
      await tick(page, "group", GROUP);
      await page.keyboard.press("Escape");
      const kept = new URL(page.url()).searchParams;
      expect(kept.getAll("channel")).toEqual(["email"]);
      expect(kept.getAll("group")).toEqual([GROUP]);

      // To the Overview through the sidebar: no bar there, one line saying what is kept.
      await Promise.all([
        page.waitForURL(/\/(en|fr)\/\?/, {timeout: 0}),
        page.click(`#observablehq-sidebar a[href^='/${lang}/?']`),
      ]);
      expect(await settled(page)).toEqual([]);
      expect(new URL(page.url()).searchParams.getAll("group")).toEqual([GROUP]);
      expect(await page.$("#filter-bar")).toBeNull();
      const line = page.locator("#kept-filters");
      await line.waitFor({state: "visible", timeout: 0});
      // The group's name arrives with the names file; the channel is named at once.
      await page.waitForFunction(
        (name) => document.querySelector("#kept-filters")?.textContent?.includes(name),
        GROUP_NAME,
        {
          timeout: 0,
        },
      );
      const text = (await line.textContent()) ?? "";
      expect(text).toContain(t.kept.line(""));
      expect(text).toContain(t.kept.part(t.filters.dimensions.channel, t.filters.channels.email!));
      expect(text).toContain(t.kept.part(t.filters.dimensions.group, GROUP_NAME));
      await browser.screenshotAt(visit, `overview-kept-${lang}`, 1280);
      await browser.screenshotAt(visit, `overview-kept-${lang}`, 390);
      await page.setViewportSize({width: 1280, height: 900});

      // On to the Team page: the same filters, and its bar matches them.
      await Promise.all([
        page.waitForURL(/\/team\?/, {timeout: 0}),
        page.click(`#observablehq-sidebar a[href^='/${lang}/team?']`),
      ]);
      await page.waitForSelector("#analysis-status[data-state='ready']", {state: "attached", timeout: 0});
      expect(await settled(page)).toEqual([]);
      const url = new URL(page.url()).searchParams;
      expect(url.getAll("channel")).toEqual(["email"]);
      expect(url.getAll("group")).toEqual([GROUP]);
      expect(await page.isChecked("input[name='channel'][value='email']")).toBe(true);
      expect(await page.isChecked(`input[name='group'][value='${GROUP}']`)).toBe(true);
      expect(await page.textContent("details[data-dimension='group'] > summary")).toBe(
        t.filters.summary(t.filters.dimensions.group, GROUP_NAME),
      );
      // The filtered table: the kept group only, by its name.
      const groups = await page.$$eval("#team-groups tbody tr", (rows) =>
        rows.map((r) => r.querySelector("td,th")?.textContent),
      );
      expect(groups).toEqual([GROUP_NAME]);
      expect({problems: visit.problems, foreign: visit.foreign}).toEqual({problems: [], foreign: []});
      await page.close();
    });

  it("clears the kept filters from the Overview's line: the address and the links lose them", async () => {
    const visit = await browser.visit(`${server.origin}/en/benchmark?channel=chat&q=kept`, "kept-clear");
    const {page} = visit;
    expect(await settled(page)).toEqual([]);
    const speed = () => page.getAttribute(`#observablehq-sidebar a[href*='/en/speed']`, "href");
    expect(await speed()).toBe("/en/speed?channel=chat");
    await page.click("#kept-filters .kept-clear");
    expect(await page.isHidden("#kept-filters")).toBe(true);
    // The page's own key stays; the filter goes from the address and from every link.
    expect(new URL(page.url()).search).toBe("?q=kept");
    expect(await speed()).toBe("/en/speed");
    expect({problems: visit.problems, foreign: visit.foreign}).toEqual({problems: [], foreign: []});
    await page.close();
  });

  for (const lang of ["en", "fr"] as const)
    it(`${lang}: the Team page names the demo's groups from its export`, async () => {
      const visit = await browser.visit(`${server.origin}/${lang}/team`, `team-names-${lang}`);
      const {page} = visit;
      await page.waitForSelector("#team-groups tbody tr", {timeout: 0});
      const names = await page.$$eval("#team-groups tbody tr", (rows) =>
        rows.map((r) => r.querySelector("td,th")?.textContent),
      );
      expect(names).toContain(GROUP_NAME);
      expect(names).not.toContain(GROUP);
      expect(await page.textContent("#group-names-note")).toBe(messages(lang).team.groupNames);
      await settled(page);
      await browser.screenshotAt(visit, `team-names-${lang}`, 1280);
      await browser.screenshotAt(visit, `team-names-${lang}`, 390);
      expect({problems: visit.problems, foreign: visit.foreign}).toEqual({problems: [], foreign: []});
      await page.close();
    });
});
