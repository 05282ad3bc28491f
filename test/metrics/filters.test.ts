import {mkdtemp, rm} from "node:fs/promises";
import {tmpdir} from "node:os";
import path from "node:path";
import {Command} from "commander";
import {afterAll, beforeAll, describe, expect, it, vi} from "vitest";
import {list, register} from "../../loaders/node/commands/kpis.ts";
import {UsageError} from "../../loaders/node/errors.ts";
import {computeKpis, type KpisReport} from "../../loaders/node/summary.ts";
import {openDatasetDir} from "../../loaders/node/summary.ts";
import {readDatasetFiles} from "../../loaders/node/dataset.ts";
import type {Ticket} from "../../loaders/schema/ticket.ts";
import {seededDataset, writeTestDataset} from "./dataset.ts";

let dir: string;
const {tickets, responses} = seededDataset();

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "servicebench-filters-"));
  await writeTestDataset(dir, tickets, responses);
});
afterAll(() => rm(dir, {recursive: true, force: true}));

async function cli(...args: string[]): Promise<KpisReport> {
  const program = new Command().exitOverride();
  register(program);
  let out = "";
  const spy = vi.spyOn(process.stdout, "write").mockImplementation((s) => ((out += String(s)), true));
  try {
    await program.parseAsync(["node", "servicebench", "kpis", dir, "--json", ...args]);
  } finally {
    spy.mockRestore();
  }
  return JSON.parse(out) as KpisReport;
}

/** quantile_cont by hand: linear interpolation between order statistics. */
function quantile(values: number[], q: number): number {
  const s = [...values].sort((a, b) => a - b);
  const pos = (s.length - 1) * q;
  const lo = Math.floor(pos);
  return s[lo]! + (s[Math.min(lo + 1, s.length - 1)]! - s[lo]!) * (pos - lo);
}

const row = (r: KpisReport, id: string) => r.kpis.find((k) => k.id === id)!.rows[0]!;

describe("filtered KPIs", () => {
  it("count and time exactly the tickets a hand filter keeps (channel and group)", async () => {
    const report = await cli("--channel", "email,chat", "--group", "tier1");
    const kept = tickets.filter((t) => ["email", "chat"].includes(t.channel) && t.group === "tier1");
    expect(row(report, "tickets").n).toBe(kept.length);
    expect(row(report, "tickets").solved).toBe(
      kept.filter((t) => t.status === "solved" || t.status === "closed").length,
    );
    const fr = kept.map((t) => t.first_reply_minutes).filter((x): x is number => x !== null);
    expect(row(report, "first_reply").n).toBe(fr.length);
    expect(row(report, "first_reply").p50).toBeCloseTo(quantile(fr, 0.5), 9);
    expect(row(report, "first_reply").p90).toBeCloseTo(quantile(fr, 0.9), 9);
    expect(report.options).toMatchObject({channel: ["email", "chat"], group: ["tier1"], tag: []});
  });

  it("take a ticket with any of the tags, and '(none)' for the untagged", async () => {
    const vip = await cli("--tag", "vip");
    expect(row(vip, "tickets").n).toBe(tickets.filter((t) => t.tags.includes("vip")).length);
    const none = await cli("--tag", "(none)", "--priority", "high,(none)");
    const keep = (t: Ticket) => t.tags.length === 0 && (t.priority === "high" || t.priority === null);
    expect(row(none, "tickets").n).toBe(tickets.filter(keep).length);
  });

  it("equal an independent native DuckDB query over the same tables, with a period", async () => {
    const report = await computeKpis(dir, {
      from: "2024-03-10",
      to: "2024-04-20",
      filter: {type: ["incident"], priority: ["low", "normal"]},
    });
    const runner = await openDatasetDir(await readDatasetFiles(dir));
    try {
      const [expected] = await runner.query<{n: number; p50: number; wait: number}>(`
        SELECT CAST(count(*) AS INTEGER) AS n,
          quantile_cont(full_resolution_minutes, 0.5) FILTER (WHERE solved) AS p50,
          quantile_cont(requester_wait_minutes, 0.9) FILTER (WHERE solved) AS wait
        FROM tickets
        WHERE created_date >= '2024-03-10' AND created_date <= '2024-04-20'
          AND type = 'incident' AND priority IN ('low', 'normal')`);
      expect(row(report, "tickets").n).toBe(expected!.n);
      expect(row(report, "full_resolution").p50).toBeCloseTo(expected!.p50, 9);
      expect(row(report, "requester_wait").p90).toBeCloseTo(expected!.wait, 9);
      // CSAT: the kept tickets' survey responses of the period, plus ratings held on a kept ticket only.
      const [votes] = await runner.query<{n: number; good: number}>(`
        WITH kept AS (SELECT * FROM tickets WHERE created_date BETWEEN '2024-03-10' AND '2024-04-20'
            AND type = 'incident' AND priority IN ('low', 'normal')),
          v AS (
            SELECT CASE WHEN r.score >= r.scale_max - CASE WHEN r.scale_max - r.scale_min >= 3 THEN 1 ELSE 0 END
              THEN 1 ELSE 0 END AS good
            FROM responses r JOIN tickets t ON t.ticket_id = r.ticket_id
            WHERE r.kind = 'csat' AND r.responded_date BETWEEN '2024-03-10' AND '2024-04-20'
              AND t.type = 'incident' AND t.priority IN ('low', 'normal')
            UNION ALL
            SELECT CASE WHEN satisfaction = 'good' THEN 1 ELSE 0 END FROM kept
            WHERE satisfaction IN ('good', 'bad')
              AND ticket_id NOT IN (SELECT ticket_id FROM responses WHERE kind = 'csat' AND ticket_id IS NOT NULL))
        SELECT CAST(count(*) AS INTEGER) AS n, CAST(sum(good) AS INTEGER) AS good FROM v`);
      expect(row(report, "csat").n).toBe(votes!.n);
      expect(row(report, "csat").numerator).toBe(votes!.good);
    } finally {
      runner.close();
    }
  });

  it("cut and filter together: a channel filter leaves only that channel's cut", async () => {
    const report = await cli("--channel", "phone", "--by", "channel");
    const cuts = report.kpis.find((k) => k.id === "tickets")!.rows.map((r) => r.cut);
    expect(cuts).toEqual(["phone"]);
  });

  it("refuses an unknown channel", async () => {
    await expect(cli("--channel", "fax")).rejects.toThrow(UsageError);
  });

  it("reads comma lists, repeated options and escaped commas", () => {
    expect(list("a, b,,c")).toEqual(["a", "b", "c"]);
    expect(list("Tier 2\\, EMEA,x", ["a"])).toEqual(["a", "Tier 2, EMEA", "x"]);
  });
});
