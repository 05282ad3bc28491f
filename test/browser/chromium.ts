import {mkdir, mkdtemp, rm} from "node:fs/promises";
import {existsSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {chromium, type BrowserContext, type Page} from "playwright-core";

export const CHROMIUM = process.env.CHROMIUM ?? "/usr/bin/chromium";
export const SCREENSHOTS = "test/output/screenshots";

/** Flags that keep Debian Chromium from calling Google services on a closed network. */
export const FLAGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

export interface Visit {
  page: Page;
  /** Console errors, page errors, failed requests and HTTP errors, one line each. */
  problems: string[];
  /** Requests to any host other than the local server; they are aborted, never sent. */
  foreign: string[];
  /** Every finished request so far with its bytes on the wire (headers and body). */
  transfers(): Promise<{url: string; bytes: number}[]>;
}

export interface Browser {
  visit(url: string, name: string): Promise<Visit>;
  screenshot(visit: Visit, name: string): Promise<string>;
  /**
   * Resizes the page to `width` (a phone is 390), screenshots it as `<name>-<width>.png` and
   * returns how far the page overflows sideways (0 when nothing scrolls horizontally).
   */
  screenshotAt(visit: Visit, name: string, width: number): Promise<number>;
  close(): Promise<void>;
}

export const chromiumAvailable = existsSync(CHROMIUM);

/** Launches headless Debian Chromium with a fresh profile; every foreign request is recorded and aborted. */
export async function launch(origin: string): Promise<Browser> {
  const profile = await mkdtemp(join(tmpdir(), "servicebench-chromium-"));
  const context: BrowserContext = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: FLAGS,
    viewport: {width: 1280, height: 900},
  });
  // A Content-Security-Policy violation is a page error like any other.
  await context.addInitScript(() =>
    document.addEventListener("securitypolicyviolation", (e) =>
      console.error(`CSP violation: ${e.violatedDirective} blocked ${e.blockedURI || "inline"}`),
    ),
  );
  const local = new URL(origin).host;
  const visits: Visit[] = [];
  const sizes = new Map<Visit, Promise<{url: string; bytes: number}>[]>();
  const current = () => visits[visits.length - 1];
  await context.route("**/*", (route) => {
    const url = new URL(route.request().url());
    if (url.host === local || url.protocol === "data:" || url.protocol === "blob:") return route.continue();
    current()?.foreign.push(route.request().url());
    return route.abort("blockedbyclient");
  });
  context.on("requestfailed", (r) => {
    if (new URL(r.url()).host === local)
      current()?.problems.push(`request failed ${r.url()} ${r.failure()?.errorText}`);
  });
  context.on("response", (r) => {
    // Browsers probe /favicon.ico on their own; a missing one is not a page error.
    if (r.status() >= 400 && !r.url().endsWith("/favicon.ico"))
      current()?.problems.push(`HTTP ${r.status()} ${r.url()}`);
  });
  context.on("requestfinished", (r) => {
    const visit = current();
    if (!visit) return;
    sizes.get(visit)?.push(
      r.sizes().then(
        (s) => ({url: r.url(), bytes: s.responseHeadersSize + s.responseBodySize}),
        // The page was closed before the sizes came back: nobody reads its transfers any more.
        () => ({url: r.url(), bytes: 0}),
      ),
    );
  });
  return {
    async visit(url, _name) {
      const page = await context.newPage();
      const visit: Visit = {page, problems: [], foreign: [], transfers: () => Promise.all(sizes.get(visit)!)};
      visits.push(visit);
      sizes.set(visit, []);
      page.on("console", (m) => {
        if (m.type() === "error") visit.problems.push(`console.error ${m.text()}`);
      });
      page.on("pageerror", (e) => visit.problems.push(`page error ${e.message}`));
      await page.goto(url, {waitUntil: "load"});
      return visit;
    },
    async screenshot(visit, name) {
      await mkdir(SCREENSHOTS, {recursive: true});
      const path = join(SCREENSHOTS, `${name}.png`);
      await visit.page.screenshot({path, fullPage: true});
      return path;
    },
    async screenshotAt(visit, name, width) {
      await visit.page.setViewportSize({width, height: 900});
      // Framework's resize() redraws charts on the next frames.
      await visit.page.evaluate(
        () => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))),
      );
      await mkdir(SCREENSHOTS, {recursive: true});
      await visit.page.screenshot({path: join(SCREENSHOTS, `${name}-${width}.png`), fullPage: true});
      return visit.page.evaluate(
        () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
      );
    },
    async close() {
      await context.close();
      await rm(profile, {recursive: true, force: true});
    },
  };
}
