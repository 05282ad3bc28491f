/**
 * Ingest rate of a synthetic Zendesk-style CSV (legacy full export columns, local times read in
 * a DST zone). Writes the file once to the temp folder, then streams it through `ingest`.
 *
 *   npx tsx bench/ingest-rate.ts [rows=1000000]
 */
import {createReadStream, createWriteStream, existsSync, statSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {ingest, type InputSource} from "../loaders/ingest/index.ts";

const rows = Number(process.argv[2] ?? 1_000_000);
const path = join(tmpdir(), `servicebench-zendesk-${rows}.csv`);

const HEADER =
  "Summation column,Id,Requester,Requester id,Requester email,Assignee,Group,Subject,Tags,Status,Priority,Via," +
  "Ticket type,Created at,Updated at,Solved at,Satisfaction Score,Group stations,Assignee stations,Reopens,Replies," +
  "First reply time in minutes,First reply time in minutes within business hours," +
  "Full resolution time in minutes,Full resolution time in minutes within business hours," +
  "Requester wait time in minutes,Agent wait time in minutes\n";

// Seeded LCG so every run ingests the same file.
let seed = 42;
const rand = () => (seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0) / 2 ** 32;
const pick = <T>(xs: T[]): T => xs[Math.floor(rand() * xs.length)]!;
const pad = (n: number) => String(n).padStart(2, "0");

async function generate(): Promise<void> {
  const out = createWriteStream(path);
  const start = Date.UTC(2023, 0, 1);
  let buf = HEADER;
  for (let i = 1; i <= rows; i++) {
    const created = start + Math.floor(rand() * 365 * 86_400_000);
    const d = new Date(created);
    const stamp = `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
    const solved = rand() < 0.85;
    const frt = Math.floor(rand() * rand() * 2000);
    const full = frt + Math.floor(rand() * 5000);
    const s = new Date(created + full * 60_000);
    const solvedStamp = solved
      ? `${s.getUTCFullYear()}-${pad(s.getUTCMonth() + 1)}-${pad(s.getUTCDate())} ${pad(s.getUTCHours())}:${pad(s.getUTCMinutes())}:00`
      : "";
    buf +=
      `1,${i},Customer ${i},${900000 + i},customer${i}@example.com,Agent ${Math.floor(rand() * 60)},` +
      `${pick(["Tier 1", "Tier 2", "Billing"])},"Subject, number ${i}",${pick(["vip billing", "", "refund", "bug mobile"])},` +
      `${solved ? "Solved" : pick(["Open", "Pending", "New"])},${pick(["Low", "Normal", "High", "Urgent"])},` +
      `${pick(["Mail", "Web form", "Chat", "Phone call (incoming)", "API"])},${pick(["Question", "Incident", "Problem"])},` +
      `${stamp},${solvedStamp || stamp},${solvedStamp},${pick(["Good", "Bad", "Offered", "Not Offered", "Not Offered"])},` +
      `1,1,${rand() < 0.1 ? 1 : 0},${1 + Math.floor(rand() * 4)},${frt},${Math.floor(frt / 3)},` +
      `${solved ? full : ""},${solved ? Math.floor(full / 3) : ""},${solved ? Math.max(0, full - 10) : ""},${Math.floor(rand() * 100)}\n`;
    if (buf.length > 1 << 20) {
      if (!out.write(buf)) await new Promise<void>((r) => out.once("drain", () => r()));
      buf = "";
    }
  }
  out.write(buf);
  await new Promise<void>((r) => out.end(() => r()));
}

if (!existsSync(path)) {
  console.log(`writing ${rows} rows to ${path}`);
  await generate();
}
const size = statSync(path).size;
const source: InputSource = {
  name: "tickets.csv",
  size,
  stream: () => createReadStream(path, {highWaterMark: 1 << 16}),
};

let peak = 0;
const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 50);
const t0 = performance.now();
const result = await ingest([source], {
  orgId: "bench",
  salt: "bench-salt",
  tz: "Europe/Paris",
  now: Date.UTC(2025, 0, 1),
});
const seconds = (performance.now() - t0) / 1000;
clearInterval(timer);
peak = Math.max(peak, process.memoryUsage().rss, process.resourceUsage().maxRSS * 1024);
const m = result.manifest.files[0]!;
console.log(
  JSON.stringify({
    rows: m.rows_read,
    accepted: m.accepted,
    rejected: m.rejected,
    problems: result.problems.length,
    mb: +(size / 2 ** 20).toFixed(1),
    seconds: +seconds.toFixed(2),
    rows_per_second: Math.round(m.rows_read / seconds),
    peak_rss_mib: Math.round(peak / 2 ** 20),
  }),
);
