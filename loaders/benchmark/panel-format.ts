import {csvFormatRows, csvParseRows} from "d3-dsv";
import {z} from "zod";
import {ARCHETYPES} from "./archetypes.ts";
import {FEATURE_KEYS} from "./features.ts";
import type {PanelModel} from "./model.ts";
import {PANEL_COLUMNS, PanelRow} from "./panel-row.ts";

export const SYNTHETIC_LABEL = "synthetic reference panel";
export const CLIENT_LABEL = "client panel";

/** panel.json: what the panel is, and the model placement uses. */
export interface PanelMeta {
  /** "synthetic reference panel" or "client panel": shown wherever the panel is used. */
  label: string;
  synthetic: boolean;
  /** Organisations in panel.csv. */
  n: number;
  /** Smallest peer group shown. */
  min_group: number;
  /** Where the model came from: this panel, or the synthetic reference panel reused. */
  model_source: string;
  description: string;
  model: PanelModel;
}

export interface Panel {
  meta: PanelMeta;
  rows: PanelRow[];
}

const STRING_COLUMNS = new Set<string>([
  "org_code",
  "generated_from",
  "archetype",
  "primary_channel",
  "industry",
  "country",
  "size_band",
]);

/** Text cells that a spreadsheet would run as a formula get a leading apostrophe. */
const FORMULA = /^[=+\-@\t\r]/;

function cell(value: unknown): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "number") return String(value);
  const text = String(value);
  return FORMULA.test(text) ? `'${text}` : text;
}

export function formatPanelCsv(rows: readonly PanelRow[]): string {
  const body = rows.map((r) => PANEL_COLUMNS.map((c) => cell(r[c])));
  return `${csvFormatRows([[...PANEL_COLUMNS], ...body])}\n`;
}

/** Parses panel.csv; throws with the line and reason of every bad row. */
export function parsePanelCsv(text: string): PanelRow[] {
  const [header, ...lines] = csvParseRows(text.replace(/^\uFEFF/, "").trimEnd());
  if (header === undefined) throw new Error("panel.csv is empty");
  const missing = PANEL_COLUMNS.filter((c) => !header.includes(c));
  if (missing.length > 0) throw new Error(`panel.csv: missing columns ${missing.join(", ")}`);
  const problems: string[] = [];
  const rows: PanelRow[] = [];
  lines.forEach((line, i) => {
    const record: Record<string, unknown> = {};
    header.forEach((column, j) => {
      const raw = line[j] ?? "";
      if (raw === "") record[column] = null;
      else if (STRING_COLUMNS.has(column))
        record[column] = raw.startsWith("'") && FORMULA.test(raw.slice(1)) ? raw.slice(1) : raw;
      else record[column] = Number(raw);
    });
    const parsed = PanelRow.safeParse(record);
    if (parsed.success) rows.push(parsed.data);
    else {
      for (const issue of parsed.error.issues) {
        problems.push(`panel.csv:${i + 2}: ${issue.path.join(".")}: ${issue.message}`);
      }
    }
  });
  if (problems.length > 0) throw new PanelFormatError(problems);
  return rows;
}

export class PanelFormatError extends Error {
  constructor(readonly problems: string[]) {
    super(problems.join("\n"));
  }
}

const archetype = z.enum(ARCHETYPES);
const vector = z.array(z.number()).length(FEATURE_KEYS.length);
const PanelMetaSchema = z.object({
  label: z.string().min(1),
  synthetic: z.boolean(),
  n: z.number().int().nonnegative(),
  min_group: z.number().int().positive(),
  model_source: z.string(),
  description: z.string(),
  model: z.object({
    k: z.number().int().positive(),
    seed: z.number().int(),
    restarts: z.number().int().positive(),
    features: z
      .array(
        z.object({
          key: z.enum(FEATURE_KEYS as [string, ...string[]]),
          transform: z.enum(["log1p", "logit", "linear"]),
          mean: z.number(),
          sd: z.number().positive(),
          min: z.number(),
          max: z.number(),
          median: z.number().nullable(),
        }),
      )
      .length(FEATURE_KEYS.length),
    centroids: z.array(vector).min(1),
    cluster_sizes: z.array(z.number().int().nonnegative()),
    cluster_archetype: z.array(archetype),
    prototypes: z.record(archetype, z.object({raw: z.record(z.string(), z.number()), z: vector})),
    sigma2: z.number().nonnegative(),
    inertia: z.number().nonnegative(),
  }),
});

export function formatPanelJson(meta: PanelMeta): string {
  return `${JSON.stringify(meta, null, 2)}\n`;
}

export function parsePanelJson(text: string): PanelMeta {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new PanelFormatError([`panel.json: not JSON (${(error as Error).message})`]);
  }
  const parsed = PanelMetaSchema.safeParse(data);
  if (!parsed.success) {
    throw new PanelFormatError(
      parsed.error.issues.map((i) => `panel.json: ${i.path.join(".")}: ${i.message}`),
    );
  }
  const meta = parsed.data as unknown as PanelMeta;
  const m = meta.model;
  // The model's features must be ours, in our order: placement indexes them by position.
  if (m.features.some((f, j) => f.key !== FEATURE_KEYS[j])) {
    throw new PanelFormatError(["panel.json: model features differ from this version's features"]);
  }
  if (m.cluster_sizes.length !== m.centroids.length || m.cluster_archetype.length !== m.centroids.length) {
    throw new PanelFormatError([
      "panel.json: centroids, cluster_sizes and cluster_archetype differ in length",
    ]);
  }
  return meta;
}

/** Both panel files, checked against each other. Isomorphic: the site parses fetched text with it. */
export function parsePanel(csvText: string, jsonText: string): Panel {
  const meta = parsePanelJson(jsonText);
  const rows = parsePanelCsv(csvText);
  if (rows.length !== meta.n) {
    throw new PanelFormatError([`panel.json says ${meta.n} organisations, panel.csv has ${rows.length}`]);
  }
  return {meta, rows};
}

/** The files a panel directory holds, by name. */
export function panelFiles(panel: Panel): {"panel.csv": string; "panel.json": string} {
  return {"panel.csv": formatPanelCsv(panel.rows), "panel.json": formatPanelJson(panel.meta)};
}
