import {chromium} from "playwright-core";
import {serveDirectory} from "../test/browser/static-server.ts";
const server = await serveDirectory(process.argv[2] ?? "dist");
const b = await chromium.launch({executablePath: "/usr/bin/chromium", args: ["--no-sandbox"]});
const page = await b.newPage();
await page.goto(`${server.origin}/en/`);
await page.waitForFunction(() => performance.getEntriesByName("sb:duckdb-first-query").length > 0, null, {
  timeout: 0,
});
const list = await page.evaluate(() => {
  const fk = performance.getEntriesByName("sb:first-kpi")[0]!.startTime;
  return (performance.getEntriesByType("resource") as PerformanceResourceTiming[])
    .map(
      (r) =>
        [
          r.name.replace(/^https?:\/\/[^/]+/, ""),
          r.transferSize,
          Math.round(r.responseEnd),
          r.responseEnd <= fk,
        ] as const,
    )
    .concat([["FK", 0, Math.round(fk), true]]);
});
for (const l of list.sort((a, b) => a[2] - b[2])) console.log(l.join("\t"));
await b.close();
await server.close();
