import {mkdtemp, rm} from "node:fs/promises";
import {tmpdir} from "node:os";
import path from "node:path";
import {afterAll, beforeAll, describe, expect, it} from "vitest";
import {readDatasetFiles} from "../../loaders/node/dataset.ts";
import type {NativeRunner} from "../../loaders/node/duckdb-native.ts";
import {openDatasetDir} from "../../loaders/node/summary.ts";
import {KPIS} from "../../loaders/metrics/registry.ts";
import type {Dimension, KpiOptions} from "../../loaders/metrics/types.ts";
import {seededDataset, writeTestDataset} from "./dataset.ts";

let dir: string;
let runner: NativeRunner;

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "servicebench-members-"));
  const {tickets, responses} = seededDataset();
  await writeTestDataset(dir, tickets, responses);
  runner = await openDatasetDir(await readDatasetFiles(dir));
});
afterAll(async () => {
  runner?.close();
  await rm(dir, {recursive: true, force: true});
});

const WITH_MEMBERS = KPIS.filter((k) => k.members);
const CUTS: (Dimension | undefined)[] = [undefined, "month", "channel", "group", "agent", "tag"];
const VARIANTS: {name: string; options: KpiOptions}[] = [
  {name: "everything", options: {}},
  {
    name: "a period, two channels and a group",
    options: {
      from: "2024-03-10",
      to: "2024-04-20",
      filter: {channel: ["email", "chat"], group: ["tier1", "(none)"]},
    },
  },
  {name: "the business clock and a tag", options: {clock: "business", filter: {tag: ["billing"]}}},
];

describe("a KPI row's members are the units it counts (what a drill-down lists)", () => {
  it("covers the tickets, CSAT and NPS KPIs, by bucket too", () => {
    expect(WITH_MEMBERS.map((k) => k.id).sort()).toEqual(
      ["csat", "csat_by_first_reply", "nps", "nps_by_first_reply", "tickets"].sort(),
    );
  });

  for (const k of WITH_MEMBERS)
    for (const v of VARIANTS)
      it(`${k.id}: every row's n, ${v.name}`, async () => {
        let checked = 0;
        for (const by of CUTS) {
          const options = {...v.options, by};
          const rows = await runner.query(k.sql(options));
          for (const row of rows) {
            const n = Number(row.n);
            const members = await runner.query(
              k.members!(options, {
                cut: String(row.cut),
                bucket_order: row.bucket_order as number | undefined,
              }),
            );
            expect(members.length, `${k.id} by ${by} ${String(row.cut)} ${String(row.bucket ?? "")}`).toBe(n);
            // Survey votes carry their own score; ticket counts carry none.
            if (k.id !== "tickets")
              for (const m of members) expect(m.score, k.id).toEqual(expect.any(String));
            checked += n;
          }
        }
        expect(checked).toBeGreaterThan(0);
      });

  it("refuses a bucket that is not one", () => {
    const k = WITH_MEMBERS.find((d) => d.id === "csat_by_first_reply")!;
    expect(() => k.members!({}, {cut: "all", bucket_order: 1.5})).toThrow(RangeError);
    expect(() =>
      k.members!({}, {cut: "all", bucket_order: "0; DROP TABLE tickets" as unknown as number}),
    ).toThrow(RangeError);
  });
});
