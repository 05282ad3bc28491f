// Opens one page of the built site (dist/) in headless Chromium, prints what went wrong if
// anything did, and saves a full-page screenshot under test/output/screenshots/.
// Usage: npm run build && npx tsx scripts/screenshot.ts /benchmark [css selector of one element]
import {launch} from "../test/browser/chromium.ts";
import {serveDirectory} from "../test/browser/static-server.ts";
import {DIST, settled} from "../test/browser/site.ts";

const path = process.argv[2] ?? "/";
const selector = process.argv[3];
const name = path === "/" ? "index" : path.slice(1).replaceAll("/", "-");
const server = await serveDirectory(DIST);
const browser = await launch(server.origin);
try {
  const visit = await browser.visit(`${server.origin}${path}`, name);
  const cellErrors = await settled(visit.page).catch((error: Error) => [error.message]);
  const file = selector
    ? `test/output/screenshots/${name}-element.png`
    : await browser.screenshot(visit, name);
  if (selector) await visit.page.locator(selector).first().screenshot({path: file});
  console.log(
    JSON.stringify(
      {path, screenshot: file, cellErrors, problems: visit.problems, foreign: visit.foreign},
      null,
      2,
    ),
  );
} finally {
  await browser.close();
  await server.close();
}
