import {mkdtemp, rm, writeFile} from "node:fs/promises";
import {tmpdir} from "node:os";
import path from "node:path";
import {Command} from "commander";
import {afterAll, beforeAll, describe, expect, it, vi} from "vitest";
import {OrgSummary} from "../../loaders/schema/org-summary.ts";
import {InputError, UsageError} from "../../loaders/node/errors.ts";
import {register} from "../../loaders/node/commands/kpis.ts";
import {computeKpis, summariseDataset} from "../../loaders/node/summary.ts";
import {KPIS} from "../../loaders/metrics/registry.ts";
import {seededDataset, writeTestDataset} from "./dataset.ts";

let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "servicebench-kpis-"));
  const {tickets, responses} = seededDataset();
  await writeTestDataset(dir, tickets, responses, {help_center_views_per_month: 520});
});
afterAll(() => rm(dir, {recursive: true, force: true}));

async function run(...args: string[]): Promise<string> {
  const program = new Command().exitOverride();
  register(program);
  let out = "";
  const spy = vi.spyOn(process.stdout, "write").mockImplementation((s) => ((out += String(s)), true));
  try {
    await program.parseAsync(["node", "servicebench", "kpis", ...args]);
  } finally {
    spy.mockRestore();
  }
  return out;
}

describe("servicebench kpis", () => {
  it("prints every KPI as JSON with stable keys", async () => {
    const json = JSON.parse(await run(dir, "--json"));
    expect(Object.keys(json)).toEqual(["org_id", "timezone", "options", "kpis"]);
    expect(json.kpis.map((k: {id: string}) => k.id)).toEqual(KPIS.map((k) => k.id));
    expect(Object.keys(json.kpis[0])).toEqual([
      "id",
      "label",
      "unit",
      "counting_unit",
      "clock",
      "better",
      "shape",
      "min_n",
      "columns",
      "rows",
    ]);
  });

  it("JSON equals computeKpis for the same options", async () => {
    const json = JSON.parse(await run(dir, "--json", "--by", "channel", "--from", "2024-03-10"));
    expect(json).toEqual(
      JSON.parse(JSON.stringify(await computeKpis(dir, {by: "channel", from: "2024-03-10"}))),
    );
  });

  it("prints a readable table with unit and clock, durations in human units", async () => {
    const text = await run(dir, "--by", "group");
    // p50, p90 and mean as "48 s", "1.6 min", "2 h 25 min", "16 h" or "3.9 d", never raw minutes.
    const duration = String.raw`(?:[\d.]+ (?:s|min|h|d)|\d+ h \d+ min)`;
    expect(text).toMatch(
      new RegExp(
        String.raw`First reply time p50\s+tier1\s+\d+\s+${duration}\s+${duration}\s+${duration}\s+minutes\s+calendar`,
      ),
    );
    expect(text).not.toMatch(/\b60 min\b/);
    expect(text).toContain("spikes: 2024-03-21");
  });

  it("rejects an unknown dimension and a bad date as usage errors", async () => {
    await expect(run(dir, "--by", "colour")).rejects.toBeInstanceOf(UsageError);
    await expect(run(dir, "--from", "21/03/2024")).rejects.toBeInstanceOf(UsageError);
    await expect(run(path.join(dir, "nope"))).rejects.toBeInstanceOf(UsageError);
  });

  it("rejects a targets file with an unknown channel as bad input", async () => {
    const file = path.join(dir, "targets.json");
    await writeFile(file, JSON.stringify({fax: 10}));
    await expect(run(dir, "--targets", file)).rejects.toBeInstanceOf(InputError);
  });
});

describe("summariseDataset", () => {
  it("fills every OrgSummary field from the KPI definitions", async () => {
    const s = await summariseDataset(dir);
    expect(OrgSummary.parse(s)).toEqual(s);
    expect(s).toMatchObject({
      org_code: "org",
      tickets: 600,
      agents: 4,
      size_band: "1-9",
      automation_rules: null,
    });
    for (const key of [
      "tickets_per_agent_month",
      "replies_per_ticket",
      "first_reply_p50_minutes",
      "first_reply_p90_minutes",
      "full_resolution_p50_minutes",
      "requester_wait_p50_minutes",
      "one_touch_rate",
      "reopen_rate",
      "csat",
      "csat_response_rate",
      "nps",
      "coverage_hours_weekday",
      "coverage_hours_weekend",
      "self_service_ratio",
    ] as const) {
      expect(s[key], key).toEqual(expect.any(Number));
    }
    expect(s.self_service_ratio).toBeCloseTo(520 / s.tickets_per_month, 12);
  });
});
