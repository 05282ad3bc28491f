import {readFile, stat} from "node:fs/promises";
import type {Command} from "commander";
import {CHANNELS} from "../../schema/ticket.ts";
import {FILTER_DIMENSIONS} from "../../../src/components/filters.ts";
import {
  DIMENSIONS,
  type CostTable,
  type Dimension,
  type KpiOptions,
  type Row,
  type Targets,
} from "../../metrics/types.ts";
import {formatDuration, formatUnknown} from "../../metrics/format.ts";
import {rowReason} from "../../metrics/unknown.ts";
import {printable} from "../../text/terminal.ts";
import {InputError, UsageError} from "../errors.ts";
import {computeKpis, type KpiReport, type KpisReport} from "../summary.ts";

interface Flags {
  by?: string;
  from?: string;
  to?: string;
  channel?: string[];
  group?: string[];
  priority?: string[];
  type?: string[];
  tag?: string[];
  clock?: string;
  targets?: string;
  costs?: string;
  json?: boolean;
}

/** `servicebench kpis <dataset dir>`: every KPI, as a readable table or stable JSON. */
export function register(program: Command): void {
  program
    .command("kpis")
    .description("Compute every KPI of a dataset (unit, counting unit and clock shown).")
    .argument("<dataset>", "dataset directory written by `servicebench ingest`")
    .option("--by <dimension>", `cut every KPI by ${DIMENSIONS.join("|")}`)
    .option("--from <date>", "first creation date included, YYYY-MM-DD (organisation's time zone)")
    .option("--to <date>", "last creation date included, YYYY-MM-DD")
    .option("--channel <list>", `only these channels, comma-separated (${CHANNELS.join("|")})`, list, [])
    .option("--group <list>", 'only these groups, comma-separated ("(none)": without a group)', list, [])
    .option("--priority <list>", "only these priorities, comma-separated", list, [])
    .option("--type <list>", "only these ticket types, comma-separated", list, [])
    .option("--tag <list>", "only tickets with one of these tags, comma-separated", list, [])
    .option("--clock <clock>", "calendar|business: clock of the durations", "calendar")
    .option("--targets <file>", 'JSON first-reply targets in minutes per channel, e.g. {"email": 480}')
    .option("--costs <file>", 'JSON monthly cost per channel, e.g. {"email": 12000, "chat": 8000}')
    .option("--json", "print stable JSON instead of tables")
    .action(async (dir: string, flags: Flags) => {
      const options = await parseOptions(flags);
      const info = await stat(dir).catch(() => null);
      if (!info?.isDirectory()) throw new UsageError(`not a dataset directory: ${dir}`);
      const report = await computeKpis(dir, options);
      process.stdout.write(flags.json ? `${JSON.stringify(report, null, 2)}\n` : formatReport(report));
    });
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * A comma list, added to the values of earlier uses of the same option; `\,` keeps a comma inside
 * a value ("Tier 2\, EMEA").
 */
export function list(value: string, previous: string[] = []): string[] {
  const values = value
    .split(/(?<!\\),/)
    .map((v) => v.replaceAll("\\,", ",").trim())
    .filter((v) => v !== "");
  return [...new Set([...previous, ...values])];
}

async function parseOptions(flags: Flags): Promise<KpiOptions> {
  if (flags.by !== undefined && !(DIMENSIONS as readonly string[]).includes(flags.by)) {
    throw new UsageError(`--by must be one of ${DIMENSIONS.join(", ")} (got ${flags.by})`);
  }
  for (const [name, d] of [
    ["--from", flags.from],
    ["--to", flags.to],
  ] as const) {
    if (d !== undefined && (!DATE.test(d) || Number.isNaN(Date.parse(`${d}T00:00:00Z`)))) {
      throw new UsageError(`${name} must be a date YYYY-MM-DD (got ${d})`);
    }
  }
  if (flags.from && flags.to && flags.from > flags.to) throw new UsageError("--from is after --to");
  const unknownChannels = (flags.channel ?? []).filter((c) => !(CHANNELS as readonly string[]).includes(c));
  if (unknownChannels.length) {
    throw new UsageError(
      `--channel must list channels among ${CHANNELS.join(", ")} (got ${unknownChannels.join(", ")})`,
    );
  }
  if (flags.clock !== "calendar" && flags.clock !== "business") {
    throw new UsageError(`--clock must be calendar or business (got ${flags.clock})`);
  }
  return {
    by: flags.by as Dimension | undefined,
    from: flags.from,
    to: flags.to,
    filter: Object.fromEntries(FILTER_DIMENSIONS.map((d) => [d, flags[d] ?? []])),
    clock: flags.clock,
    targets: flags.targets ? await channelTable(flags.targets) : undefined,
    costs: flags.costs ? await channelTable(flags.costs) : undefined,
  };
}

/** A JSON object of channel -> non-negative number (targets or costs). */
async function channelTable(file: string): Promise<Targets & CostTable> {
  const text = await readFile(file, "utf8").catch(() => {
    throw new UsageError(`cannot read ${file}`);
  });
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new InputError([`${file}: not valid JSON: ${(error as Error).message}`]);
  }
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    throw new InputError([`${file}: expected an object of channel -> number`]);
  }
  const problems: string[] = [];
  const out: Record<string, number> = {};
  for (const [k, v] of Object.entries(value)) {
    if (!(CHANNELS as readonly string[]).includes(k)) problems.push(`${file}: ${k}: unknown channel`);
    else if (typeof v !== "number" || !Number.isFinite(v) || v < 0)
      problems.push(`${file}: ${k}: expected a number >= 0`);
    else out[k] = v;
  }
  if (problems.length) throw new InputError(problems);
  return out;
}

// Long series are summarised on screen; --json has every row.
const SUMMARISED = new Set(["volume_by_hour", "volume_by_day", "backlog"]);

/** Plain-text tables: one line per KPI and cut, then the breakdown tables. */
export function formatReport(report: KpisReport): string {
  const o = report.options;
  const lines = [
    `servicebench KPIs: ${report.org_id} (${report.timezone})` +
      `${o.from || o.to ? `, created ${o.from ?? "start"} to ${o.to ?? "end"}` : ""}${o.by ? `, by ${o.by}` : ""}` +
      FILTER_DIMENSIONS.filter((d) => o[d].length)
        .map((d) => `, ${d} ${o[d].join(" or ")}`)
        .join(""),
    "",
  ];
  const head = ["KPI", "cut", "n", "value", "p90", "mean", "unit", "clock", "counting unit"];
  const body: string[][] = [];
  for (const k of report.kpis.filter((k) => k.shape !== "table")) {
    for (const r of k.rows) body.push(headline(k, r));
  }
  lines.push(...table(head, body), "");
  for (const k of report.kpis.filter((k) => k.shape === "table")) {
    lines.push(
      `${k.label.en} (${k.unit}; ${k.clock === "none" ? "" : `${k.clock} clock; `}per ${k.counting_unit})`,
    );
    if (SUMMARISED.has(k.id)) lines.push(...summary(k), "");
    else {
      const cols = [
        "cut",
        ...k.columns.filter((c) => !["bucket_order", "insufficient", "reason"].includes(c)),
      ];
      lines.push(
        ...table(
          cols,
          k.rows.map((r) => cols.map((c) => cell(c, k, r))),
        ),
        "",
      );
    }
  }
  return `${lines.join("\n")}\n`;
}

function headline(k: KpiReport, r: Row): string[] {
  const main = k.shape === "duration" ? r.p50 : r.value;
  const reason = rowReason(r);
  // Unknown (the export lacks the input) says why; insufficient says how few; else the number.
  const shown = reason === null && r.insufficient !== true;
  const value =
    reason !== null
      ? formatUnknown(reason, "en")
      : r.insufficient === true
        ? `insufficient (n < ${k.min_n})`
        : fmt(main, k.unit);
  const extra = k.id === "csat" && shown ? ` [${fmt(r.ci_low, "ratio")}, ${fmt(r.ci_high, "ratio")}]` : "";
  const moe = k.id === "nps" && shown ? ` ± ${fmt(r.moe, "")}` : "";
  return [
    k.label.en + (k.shape === "duration" ? " p50" : ""),
    String(r.cut),
    fmt(r.n, ""),
    value + extra + moe,
    k.shape === "duration" ? fmt(r.p90, k.unit) : "",
    k.shape === "duration" ? fmt(r.mean, k.unit) : "",
    k.unit,
    k.clock,
    k.counting_unit,
  ];
}

function summary(k: KpiReport): string[] {
  const byCut = new Map<string, Row[]>();
  for (const r of k.rows) byCut.set(String(r.cut), [...(byCut.get(String(r.cut)) ?? []), r]);
  const out: string[][] = [];
  for (const [cut, rows] of byCut) {
    if (k.id === "volume_by_hour") {
      const peak = rows.reduce((a, b) => (Number(b.tickets) > Number(a.tickets) ? b : a));
      out.push([cut, `peak ${peak.tickets} tickets on ISO weekday ${peak.weekday} at ${peak.hour}:00`]);
    } else if (k.id === "volume_by_day") {
      const spikes = rows.filter((r) => r.spike === true).map((r) => `${r.day} (${r.tickets})`);
      out.push([cut, `${rows.length} days; spikes: ${spikes.length ? spikes.join(", ") : "none"}`]);
    } else {
      const last = rows[rows.length - 1];
      const max = rows.reduce((a, b) => (Number(b.open) > Number(a.open) ? b : a));
      out.push([cut, `open at ${last?.day}: ${last?.open}; highest ${max.open} on ${max.day}`]);
    }
  }
  return table(["cut", "summary"], out);
}

function cell(column: string, k: KpiReport, r: Row): string {
  const v = r[column] ?? null;
  const reason = rowReason(r);
  // The reason goes in the value column; the other empty cells of an unknown row stay "–".
  if (v === null && reason !== null) return column === "value" ? formatUnknown(reason, "en") : "–";
  if (v === null && r.insufficient === true) return "insufficient";
  const ratio = column === "share" || (k.unit === "ratio" && ["value", "ci_low", "ci_high"].includes(column));
  return fmt(v, ratio ? "ratio" : "");
}

function fmt(v: Row[string] | undefined, unit: string): string {
  if (v === null || v === undefined) return "–";
  if (typeof v === "object") return v.en;
  if (typeof v !== "number") return String(v);
  if (unit === "ratio") return `${(v * 100).toFixed(1)} %`;
  // Durations read in human units, as `place` and the site show them; --json keeps minutes.
  if (unit === "minutes") return formatDuration(v, "en");
  return Number.isInteger(v) ? String(v) : v.toFixed(Math.abs(v) >= 100 ? 0 : 2);
}

function table(head: string[], rowsRaw: string[][]): string[] {
  // Cuts are the export's own words (groups, tags...): printable() keeps their control characters inert.
  const rows = rowsRaw.map((r) => r.map((c) => printable(c)));
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? "").length)));
  const line = (r: string[]) =>
    r
      .map((c, i) => c.padEnd(widths[i]!))
      .join("  ")
      .trimEnd();
  return [line(head), line(widths.map((w) => "-".repeat(w))), ...rows.map(line)];
}
