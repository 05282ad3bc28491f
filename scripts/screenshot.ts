// Opens pages of the built site (dist/) in headless Chromium, prints what went wrong if anything
// did, and saves full-page screenshots under test/output/screenshots/ at 1280 px and 390 px.
// Usage: npm run build && npx tsx scripts/screenshot.ts /fr/ /en/benchmark [--dist=test/output/dist-cubes]
import {launch} from "../test/browser/chromium.ts";
import {serveDirectory} from "../test/browser/static-server.ts";
import {DIST, settled} from "../test/browser/site.ts";

const option = (name: string) => process.argv.find((a) => a.startsWith(`--${name}=`))?.split("=")[1];
const paths = process.argv.slice(2).filter((a) => !a.startsWith("--"));
const server = await serveDirectory(option("dist") ?? DIST);
const browser = await launch(server.origin);
try {
  for (const path of paths.length ? paths : ["/en/"]) {
    const name = path.replace(/^\/|\/$/g, "").replaceAll("/", "-") || "index";
    const visit = await browser.visit(`${server.origin}${path}`, name);
    const cellErrors = await settled(visit.page).catch((error: Error) => [error.message]);
    const overflow = {
      desktop: await browser.screenshotAt(visit, name, 1280),
      phone: await browser.screenshotAt(visit, name, 390),
    };
    console.log(
      JSON.stringify({path, cellErrors, problems: visit.problems, foreign: visit.foreign, overflow}),
    );
    await visit.page.close();
  }
} finally {
  await browser.close();
  await server.close();
}
