/**
 * The site part of `npm run bench`: builds the demo site and a site over the big dataset (cube
 * mode), then times their Overview's first screen in headless Chromium.
 */
import {execFileSync} from "node:child_process";
import path from "node:path";
import {
  firstScreen,
  BYTES_BEFORE_FIRST_KPI_MAX,
  FIRST_KPI_MAX_MS,
  FIRST_KPI_MAX_SHARE_OF_DUCKDB,
  type FirstScreen,
} from "./first-screen.ts";
import {formatTable} from "./table.ts";

/** Builds the site into `out`, from `data` (a dataset directory) or the demo organisation. */
function build(out: string, data: string | null): number {
  const t0 = performance.now();
  const env = {...process.env, SERVICEBENCH_SITE_OUT: out, SERVICEBENCH_DATA: data ?? ""};
  execFileSync("npm", ["run", "build"], {stdio: ["ignore", "ignore", "inherit"], env});
  return (performance.now() - t0) / 1000;
}

export interface SiteBench {
  name: string;
  build_seconds: number;
  first_screen: FirstScreen;
}

export async function siteBench(
  output: string,
  dataset: string,
  rows: number,
  loads: number,
): Promise<SiteBench[]> {
  const sites: {name: string; data: string | null}[] = [
    {name: "demo (3,700 tickets)", data: null},
    {name: `${rows.toLocaleString("en-US")} tickets (cubes)`, data: dataset},
  ];
  const out: SiteBench[] = [];
  for (const site of sites) {
    const dist = path.join(output, `site-${out.length}`);
    console.log(`building the site for ${site.name}`);
    const seconds = build(dist, site.data);
    console.log(`timing its first screen (${loads} cold loads)`);
    out.push({
      name: site.name,
      build_seconds: +seconds.toFixed(1),
      first_screen: await firstScreen(dist, "/en/", loads),
    });
  }
  console.log(
    `\n${formatTable(
      ["site", "build s", "first KPI ms", "DuckDB first query ms", "KB before first KPI", "bar"],
      out.map((s) => [
        s.name,
        s.build_seconds.toFixed(1),
        String(s.first_screen.first_kpi_ms),
        String(s.first_screen.duckdb_first_query_ms),
        (s.first_screen.bytes_before_first_kpi / 1000).toFixed(0),
        s.first_screen.pass ? "pass" : "FAIL",
      ]),
      [0],
    )}`,
  );
  console.log(
    `\nBar: first KPI within ${FIRST_KPI_MAX_MS} ms and ${FIRST_KPI_MAX_SHARE_OF_DUCKDB.toFixed(2)} of DuckDB-WASM's first query, at most ${BYTES_BEFORE_FIRST_KPI_MAX / 1000} KB before it (median of ${loads} cold loads on localhost).`,
  );
  return out;
}
