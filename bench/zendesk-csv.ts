/**
 * A seeded synthetic Zendesk legacy full export (27 columns, local times without offset), the
 * input of every benchmark. The same row count and date style always give the same bytes.
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

/**
 * How the export writes its times: "iso" `2023-04-03 02:32:37`, or "us" `04/03/23 02:32`, the
 * month-first, minute-precision form of exports made in a US locale.
 */
export type DateStyle = "iso" | "us";

function stampOf(ms: number, seconds: boolean, style: DateStyle): string {
  const d = new Date(ms);
  const [y, mo, day] = [d.getUTCFullYear(), pad(d.getUTCMonth() + 1), pad(d.getUTCDate())];
  const time = `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`;
  if (style === "us") return `${mo}/${day}/${pad(y % 100)} ${time}`;
  return `${y}-${mo}-${day} ${time}:${seconds ? pad(d.getUTCSeconds()) : "00"}`;
}

/** Writes `rows` tickets to `file`; seeded LCG so every run writes the same file. */
export async function writeZendeskCsv(file: string, rows: number, style: DateStyle = "iso"): Promise<void> {
  let seed = 42;
  const rand = () => (seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0) / 2 ** 32;
  const pick = <T>(xs: T[]): T => xs[Math.floor(rand() * xs.length)]!;
  const partial = `${file}.partial`;
  const out = createWriteStream(partial);
  const start = Date.UTC(2023, 0, 1);
  let buf = HEADER;
  for (let i = 1; i <= rows; i++) {
    const created = start + Math.floor(rand() * 365 * 86_400_000);
    const stamp = stampOf(created, true, style);
    const solved = rand() < 0.85;
    const frt = Math.floor(rand() * rand() * 2000);
    const full = frt + Math.floor(rand() * 5000);
    const solvedStamp = solved ? stampOf(created + full * 60_000, false, style) : "";
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
export async function zendeskCsv(
  dir: string,
  rows: number,
  style: DateStyle = "iso",
): Promise<{file: string; generated: boolean}> {
  await mkdir(dir, {recursive: true});
  const name = style === "iso" ? `zendesk-${rows}` : `zendesk-${rows}-${style}`;
  const file = path.join(dir, `${name}-v${GENERATOR_VERSION}.csv`);
  if (existsSync(file)) return {file, generated: false};
  await writeZendeskCsv(file, rows, style);
  return {file, generated: true};
}
