import {mkdtemp, readFile, rm} from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import {afterAll, beforeAll, describe, expect, it} from "vitest";
import {assessFiles} from "../../loaders/assess/assess.ts";
import {DATASET_FILES} from "../../loaders/node/dataset.ts";
import {computeKpis} from "../../loaders/node/summary.ts";
import {FIXTURES, HAVE_FIXTURES} from "../ingest/helpers.ts";
import {cliIngest, dropFolder, expectSameReport, kpisFromIpc, timeless} from "./helpers.ts";

const SALT = "fedcba9876543210fedcba9876543210";

// Real third-party export samples from ../shared/fixtures (never copied into the project); the
// helpers warn when the folder is absent, and these tests are skipped.
describe.skipIf(!HAVE_FIXTURES)("real export folders dropped on the page", () => {
  let tmp: string;
  beforeAll(async () => {
    tmp = await mkdtemp(path.join(os.tmpdir(), "servicebench-assess-fixtures-"));
  });
  afterAll(() => rm(tmp, {recursive: true, force: true}));

  for (const folder of ["zendesk-dbt-fivetran", "freshdesk-python-freshdesk"]) {
    it(`${folder}: the CLI's manifest, problem lines and KPIs`, async () => {
      const dir = path.join(FIXTURES, folder);
      const out = path.join(tmp, folder);
      const cli = await cliIngest(dir, "fixture", out, SALT, "javascript");
      const ours = await assessFiles(await dropFolder(dir), {orgId: "fixture", salt: SALT});
      const manifest = JSON.parse(await readFile(path.join(out, DATASET_FILES.manifest), "utf8"));
      expect(timeless(ours.manifest)).toEqual(timeless(manifest));
      expect(ours.manifest.totals.rows_read).toBeGreaterThan(0);
      expect(ours.problems).toEqual(cli.problems);
      expectSameReport(await kpisFromIpc(ours.tables, ours.profile), await computeKpis(out));
    });
  }
});
