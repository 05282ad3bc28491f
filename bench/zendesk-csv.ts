/**
 * A seeded synthetic Zendesk legacy full export (27 columns, local times without offset), the
 * input of every benchmark. The same row count always gives the same bytes.
 */
import {createWriteStream, existsSync} from "node:fs";
import {mkdir, rename} from "node:fs/promises";
import path from "node:path";

const HEADER =
  "Summation column,Id,Requester,Requester id,Requester email,Assignee,Group,Subject,Tags,Status,Priority,Via," +
  "Ticket type,Created at,Updated at,Solved at,Satisfaction Score,Group stations,Assignee stations,Reopens,Replies," +
  "First reply time in minutes,First reply time in minutes within business hours," +
  "Full resolution time in minutes,Full resolution time in minutes within business hours," +
  "Requester wait time in minutes,Agent wait time in minutes\n";

/** Bumped when the rows change, so a cached file from an older generator is not reused. */
const GENERATOR_VERSION = 1;

const pad = (n: number) => String(n).padStart(2, "0");

function stampOf(ms: number, seconds: boolean): string {
  const d = new Date(ms);
  const s = seconds ? pad(d.getUTCSeconds()) : "00";
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${s}`;
}

/** Writes `rows` tickets to `file`; seeded LCG so every run writes the same file. */
export async function writeZendeskCsv(file: string, rows: number): Promise<void> {
  let seed = 42;
  const rand = () => (seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0) / 2 ** 32;
  const pick = <T>(xs: T[]): T => xs[Math.floor(rand() * xs.length)]!;
  const partial = `${file}.partial`;
  const out = createWriteStream(partial);
  const start = Date.UTC(2023, 0, 1);
  let buf = HEADER;
  for (let i = 1; i <= rows; i++) {
    const created = start + Math.floor(rand() * 365 * 86_400_000);
    const stamp = stampOf(created, true);
    const solved = rand() < 0.85;
    const frt = Math.floor(rand() * rand() * 2000);
    const full = frt + Math.floor(rand() * 5000);
    const solvedStamp = solved ? stampOf(created + full * 60_000, false) : "";
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
  await new Promise<void>((resolve, reject) =>
    out.end((error?: Error | null) => (error ? reject(error) : resolve())),
  );
  // Renamed only when complete, so an interrupted run never leaves a truncated cached file.
  await rename(partial, file);
}

/** The cached export of `rows` tickets under `dir`, generated on first use. */
export async function zendeskCsv(dir: string, rows: number): Promise<{file: string; generated: boolean}> {
  await mkdir(dir, {recursive: true});
  const file = path.join(dir, `zendesk-${rows}-v${GENERATOR_VERSION}.csv`);
  if (existsSync(file)) return {file, generated: false};
  await writeZendeskCsv(file, rows);
  return {file, generated: true};
}
