import {mkdtemp, readFile, readdir, rm} from "node:fs/promises";
import {tmpdir} from "node:os";
import path from "node:path";
import {fileURLToPath} from "node:url";
import {describe, expect, it} from "vitest";
import {DEMO_PROFILE, generateDemo} from "../../loaders/demo/index.ts";
import {addBusinessMinutes, businessMinutes, fromParis, parisOffset} from "../../loaders/demo/clock.ts";
import {Random} from "../../loaders/demo/random.ts";
import {Profile} from "../../loaders/schema/index.ts";
import {runCli} from "../node/run-cli.ts";

const shipped = fileURLToPath(new URL("../../data/demo/", import.meta.url));
const files = generateDemo();
const byPath = new Map(files.map((f) => [f.path, f.text]));
const json = (p: string) => JSON.parse(byPath.get(p) as string);

async function listFiles(dir: string, prefix = ""): Promise<string[]> {
  const out: string[] = [];
  for (const entry of await readdir(dir, {withFileTypes: true})) {
    const rel = path.join(prefix, entry.name);
    if (entry.isDirectory()) out.push(...(await listFiles(path.join(dir, entry.name), rel)));
    else out.push(rel);
  }
  return out.sort();
}

describe("demo organisation", () => {
  it("is the same, byte for byte, every time it is generated", () => {
    expect(generateDemo()).toEqual(files);
    expect(generateDemo("another seed")[1]?.text).not.toBe(files[1]?.text);
  });

  it("matches the files shipped in data/demo (regenerate with `servicebench demo --out data/demo`)", async () => {
    const shippedFiles = (await listFiles(shipped)).filter((f) => f !== "README.md");
    expect(shippedFiles).toEqual(files.map((f) => f.path).sort());
    for (const file of files)
      expect(await readFile(path.join(shipped, file.path), "utf8"), file.path).toBe(file.text);
  });

  it("stays small enough to commit", () => {
    const bytes = files.reduce((sum, f) => sum + new TextEncoder().encode(f.text).length, 0);
    expect(bytes).toBeLessThan(8_000_000);
  });

  it("has a valid profile of a fictional retail organisation", () => {
    expect(Profile.parse(json("profile.json"))).toEqual(DEMO_PROFILE);
    expect(DEMO_PROFILE).toMatchObject({
      industry: "retail",
      country: "FR",
      agents: 14,
      timezone: "Europe/Paris",
    });
  });

  it("exports about 4,000 tickets over a year as incremental cursor pages with duplicates", () => {
    const pages = files
      .filter((f) => f.path.startsWith("zendesk/incremental-tickets-page-"))
      .map((f) => JSON.parse(f.text));
    expect(pages.length).toBeGreaterThan(1);
    expect(pages.map((p) => p.end_of_stream)).toEqual(pages.map((_, i) => i === pages.length - 1));
    const tickets = pages.flatMap((p) => p.tickets);
    const ids = new Set(tickets.map((t) => t.id));
    expect(ids.size).toBeGreaterThan(3500);
    expect(ids.size).toBeLessThan(4500);
    expect(tickets.length - ids.size).toBeGreaterThan(50); // versions exported twice
    const stamps = tickets.map((t) => t.generated_timestamp);
    expect(stamps).toEqual([...stamps].sort((a, b) => a - b));
    const statuses = new Set(tickets.map((t) => t.status));
    for (const s of ["new", "open", "pending", "hold", "solved", "closed", "deleted"])
      expect(statuses).toContain(s);
    expect(tickets.some((t) => t.tags.includes("closed_by_merge"))).toBe(true);
    const channels = new Set(tickets.map((t) => t.via.channel));
    for (const c of ["email", "web", "chat", "native_messaging", "voice", "facebook"])
      expect(channels).toContain(c);
    const created = tickets.map((t) => t.created_at).sort();
    expect(created[0]?.slice(0, 7)).toBe("2024-01");
    expect(created.at(-1)?.slice(0, 7)).toBe("2024-12");
  });

  it("answers chat in minutes and e-mail in hours, with calendar >= business minutes", () => {
    const pages = files
      .filter((f) => f.path.startsWith("zendesk/incremental-tickets-page-"))
      .map((f) => JSON.parse(f.text));
    const channel = new Map<number, string>(
      pages.flatMap((p) => p.tickets).map((t) => [t.id, t.via.channel]),
    );
    const metrics = json("zendesk/ticket_metrics.json").ticket_metrics as {
      ticket_id: number;
      reply_time_in_minutes: {calendar: number | null; business: number | null};
      reopens: number;
    }[];
    const median = (c: string) => {
      const v = metrics
        .filter((m) => channel.get(m.ticket_id) === c && m.reply_time_in_minutes.calendar !== null)
        .map((m) => m.reply_time_in_minutes.calendar as number)
        .sort((a, b) => a - b);
      return v[Math.floor(v.length / 2)] as number;
    };
    expect(median("chat")).toBeLessThan(5);
    expect(median("email")).toBeGreaterThan(120);
    for (const m of metrics) {
      const {calendar, business} = m.reply_time_in_minutes;
      if (calendar !== null) expect(calendar).toBeGreaterThanOrEqual(business as number);
    }
    expect(metrics.filter((m) => m.reopens > 0).length).toBeGreaterThan(20);
    expect(metrics.some((m) => m.reply_time_in_minutes.calendar === null)).toBe(true);
  });

  it("has offered, good and bad ratings, some comments carrying fake contact details", () => {
    const ratings = json("zendesk/satisfaction_ratings.json").satisfaction_ratings as {
      score: string;
      comment: string | null;
    }[];
    const scores = new Set(ratings.map((r) => r.score));
    expect([...scores].sort()).toEqual(["bad", "good", "offered"]);
    const comments = ratings.map((r) => r.comment ?? "");
    expect(comments.some((c) => /@example\.com/.test(c))).toBe(true);
    expect(comments.some((c) => /\+33 1 55 55 0\d{3}/.test(c))).toBe(true);
  });

  it("writes the NPS survey in Delighted's CSV layout with local timestamps", () => {
    const csv = byPath.get("delighted/nps-responses.csv") as string;
    const [header, first] = csv.split("\r\n");
    expect(header).toBe(
      "Response ID,Score,Comment,Response timestamp,Person ID,Email,Name,Purchase channel,Country,Tags,Notes",
    );
    expect(first).toMatch(/^\d+,\d{1,2},.*,2024-01-0\d \d\d:\d\d:\d\d,\d+,[a-z.]+\d+@example\.com,/);
    expect(csv.split("\r\n").length).toBeGreaterThan(600);
  });

  it("names agents that are obviously fictional and never in the ticket rows", () => {
    const page = json("zendesk/incremental-tickets-page-1.json");
    expect(page.users.map((u: {name: string}) => u.name)).toContain("Ada Trailhead");
    expect(JSON.stringify(page.tickets)).not.toContain("Trailhead");
  });

  it("writes its files with `servicebench demo --out`", async () => {
    const dir = await mkdtemp(path.join(tmpdir(), "servicebench-demo-"));
    try {
      const run = await runCli(["demo", "--out", dir]);
      expect(run.code).toBe(0);
      expect(run.stdout).toContain(`Wrote ${files.length} demo files`);
      expect(await readFile(path.join(dir, "zendesk/ticket_metrics.json"), "utf8")).toBe(
        byPath.get("zendesk/ticket_metrics.json"),
      );
      expect((await runCli(["demo"])).code).toBe(2);
    } finally {
      await rm(dir, {recursive: true, force: true});
    }
  });
});

describe("demo clock (Europe/Paris business hours)", () => {
  it("switches to summer time on the last Sunday of March at 01:00 UTC", () => {
    expect(parisOffset(Date.UTC(2024, 2, 31, 0, 59))).toBe(3_600_000);
    expect(parisOffset(Date.UTC(2024, 2, 31, 1, 0))).toBe(7_200_000);
    expect(parisOffset(Date.UTC(2024, 9, 27, 1, 0))).toBe(3_600_000);
    expect(fromParis(Date.UTC(2024, 6, 1, 9, 0))).toBe(Date.UTC(2024, 6, 1, 7, 0));
  });

  it("counts business minutes Monday to Friday, 09:00 to 18:00", () => {
    const fridayFive = fromParis(Date.UTC(2024, 4, 3, 17, 0));
    const mondayTen = fromParis(Date.UTC(2024, 4, 6, 10, 0));
    expect(businessMinutes(fridayFive, mondayTen)).toBe(120);
    expect(addBusinessMinutes(fridayFive, 120)).toBe(mondayTen);
    const saturday = fromParis(Date.UTC(2024, 4, 4, 12, 0));
    expect(addBusinessMinutes(saturday, 30)).toBe(fromParis(Date.UTC(2024, 4, 6, 9, 30)));
  });

  it("draws the same numbers from the same seed", () => {
    const a = new Random("x");
    const b = new Random("x");
    expect(Array.from({length: 5}, () => a.uniform())).toEqual(Array.from({length: 5}, () => b.uniform()));
  });
});
