/** What the browser benches share: a page in a fresh Chromium profile (nothing cached), and medians. */
import {mkdtemp, rm} from "node:fs/promises";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {chromium, type Page} from "playwright-core";
import {CHROMIUM, FLAGS} from "../test/browser/chromium.ts";

export const median = (xs: readonly number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};

/** Runs `fn` on a new page of headless Debian Chromium with a fresh profile, then closes it all. */
export async function withColdPage<T>(fn: (page: Page) => Promise<T>): Promise<T> {
  const profile = await mkdtemp(join(tmpdir(), "servicebench-bench-"));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: FLAGS,
    viewport: {width: 1280, height: 900},
  });
  try {
    return await fn(await context.newPage());
  } finally {
    await context.close();
    await rm(profile, {recursive: true, force: true});
  }
}
