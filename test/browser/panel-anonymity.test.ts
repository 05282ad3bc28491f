import {execFileSync} from "node:child_process";
import {mkdtemp, readFile, readdir, rm} from "node:fs/promises";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {afterAll, beforeAll, describe, expect, it} from "vitest";
import {buildClientPanel} from "../../loaders/benchmark/build.ts";
import {PERCENTILE_KPIS} from "../../loaders/benchmark/percentiles.ts";
import {generateSyntheticOrgs} from "../../loaders/benchmark/synthetic-panel.ts";
import {readPanel, writePanel} from "../../loaders/node/panel-files.ts";

const KPI_KEYS = new Set<string>(PERCENTILE_KPIS.map((k) => k.key));

/**
 * Objects anywhere in a JSON value that look like one organisation's row: three KPIs or more. Two
 * objects keyed by KPI are not a peer: the placement's `features` (the site's own organisation,
 * whose site it is) and the map axes' `loadings` (the weight of each feature on an axis).
 */
function rowLike(value: unknown, found: string[] = [], path = "$"): string[] {
  if (path.endsWith(".features") || path.endsWith(".loadings")) return found;
  if (Array.isArray(value)) value.forEach((v, i) => rowLike(v, found, `${path}[${i}]`));
  else if (value && typeof value === "object") {
    const keys = Object.keys(value).filter((k) => KPI_KEYS.has(k));
    const numbers = keys.filter((k) => typeof (value as Record<string, unknown>)[k] === "number");
    if (numbers.length >= 3) found.push(`${path} {${numbers.join(", ")}}`);
    for (const [k, v] of Object.entries(value)) rowLike(v, found, `${path}.${k}`);
  }
  return found;
}

/**
 * A consultant's panel of 12 clients, one of them the only aerospace organisation, built into the
 * site: nothing shipped may name that industry or carry one organisation's row.
 */
describe("a client panel reaches the site only as groups of 5 or more", () => {
  let root: string;
  let dist: string;
  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), "servicebench-anon-"));
    const orgs = generateSyntheticOrgs({seed: 7, n: 12}).map((o, i) => ({
      ...o,
      industry: i === 0 ? "Aerospace" : "Retail & wholesale",
    }));
    const panel = buildClientPanel(orgs, (await readPanel()).meta.model);
    await writePanel(join(root, "panel"), panel);
    dist = join(root, "dist");
    execFileSync("npm", ["run", "build"], {
      stdio: ["ignore", "ignore", "inherit"],
      env: {...process.env, SERVICEBENCH_PANEL: join(root, "panel"), SERVICEBENCH_SITE_OUT: dist},
    });
  });
  afterAll(async () => {
    if (root) await rm(root, {recursive: true, force: true});
  });

  it("ships no per-organisation row and never names the singleton industry", async () => {
    const offenders: string[] = [];
    for (const entry of await readdir(dist, {withFileTypes: true, recursive: true})) {
      if (!entry.isFile()) continue;
      const file = join(entry.parentPath, entry.name);
      const text = await readFile(file, "latin1");
      if (/aerospace/i.test(text)) offenders.push(`${file}: names the singleton industry`);
      if (/\bC0\d\d\b/.test(text) && !entry.name.endsWith(".js"))
        offenders.push(`${file}: carries a client code`);
      if (entry.name.endsWith(".json"))
        offenders.push(...rowLike(JSON.parse(text)).map((r) => `${file} ${r}`));
      if (entry.name.endsWith(".csv")) offenders.push(`${file}: a CSV table is shipped`);
    }
    expect(offenders).toEqual([]);
  });
});
