import type {Manifest, Reject} from "../schema/index.ts";

const COLUMNS = [
  "format",
  "rows read",
  "accepted",
  "rejected",
  "duplicates",
  "excluded",
  "warnings",
  "lines",
] as const;

/**
 * The table printed at the end of an ingest: per file, the format detected and where every row
 * went. `rejected` includes the `excluded` rows (deleted, merged, spam...), which are expected;
 * the excluded reasons are spelled out so a user can check them. `warnings` counts the accepted
 * rows whose times contradict each other (rejects with severity "warning"). `lines` is what the
 * file holds, counted apart from the parse (physical lines of delimited text, records of JSON), so
 * a parse that lost rows cannot go unseen; a dash when the file was not read through.
 */
export function formatSummary(manifest: Manifest, rejects: readonly Reject[] = []): string {
  const count = (n: number) => n.toLocaleString("en-US");
  const warned = new Map<string, number>();
  for (const r of rejects) if (r.severity === "warning") warned.set(r.file, (warned.get(r.file) ?? 0) + 1);
  const rows = manifest.files.map((f) => {
    const excluded = Object.values(f.excluded).reduce((a, b) => a + b, 0);
    return [
      f.file,
      f.format,
      count(f.rows_read),
      count(f.accepted),
      count(f.rejected),
      count(f.duplicates),
      count(excluded),
      count(warned.get(f.file) ?? 0),
      f.lines == null ? "–" : count(f.lines),
    ];
  });
  const t = manifest.totals;
  const excludedTotal = manifest.files.reduce(
    (sum, f) => sum + Object.values(f.excluded).reduce((a, b) => a + b, 0),
    0,
  );
  const total = [
    "total",
    "",
    count(t.rows_read),
    count(t.accepted),
    count(t.rejected),
    count(t.duplicates),
    count(excludedTotal),
    count([...warned.values()].reduce((a, b) => a + b, 0)),
    t.lines == null ? "–" : count(t.lines),
  ];
  const table = [["file", ...COLUMNS], ...rows, total];
  const widths = table[0]!.map((_, c) => Math.max(...table.map((r) => (r[c] ?? "").length)));
  // Text columns are left-aligned, counts right-aligned.
  const line = (r: string[]) =>
    r
      .map((cell, c) => (c < 2 ? cell.padEnd(widths[c]!) : cell.padStart(widths[c]!)))
      .join("  ")
      .trimEnd();
  const out = table.map(line);
  out.splice(table.length - 1, 0, widths.map((w) => "-".repeat(w)).join("  "));
  const reasons = new Map<string, number>();
  for (const f of manifest.files)
    for (const [k, v] of Object.entries(f.excluded)) reasons.set(k, (reasons.get(k) ?? 0) + v);
  if (reasons.size > 0) {
    const list = [...reasons].sort((a, b) => b[1] - a[1]).map(([k, v]) => `${k} ${count(v)}`);
    out.push(`excluded on purpose: ${list.join(", ")}`);
  }
  // Synced tables no KPI needs (a warehouse folder's schedules, tags...): listed, not errors.
  for (const f of manifest.files) if (f.content.startsWith("not used")) out.push(`${f.file}: ${f.content}`);
  return `${out.join("\n")}\n`;
}
