import {h} from "./dom.js";
import {csvDownload} from "./csv.js";
import {formatNumber, type Lang} from "./format.js";
import {resultTable} from "./result-table.js";
import {quickChart} from "./quick-chart.js";
import {messages} from "../i18n/messages.js";

type Row = Record<string, unknown>;

/** The part of Framework's DuckDBClient the editor uses: `query` resolves to an Arrow table. */
export interface ArrowClient {
  query(sql: string): Promise<ArrowResult>;
}

interface ArrowResult {
  schema: {fields: {name: string; type: {typeId: number; scale?: number}}[]};
  toArray(): {toJSON(): Row}[];
}

/** Arrow type ids (apache-arrow's `Type`) the conversion below treats apart. */
const DECIMAL = 7;
const DATE = 8;
const TIMESTAMP = 10;
const NESTED = new Set([12, 13, 16, 17]);

const iso = (ms: number) => new Date(ms).toISOString();

/** One Arrow value as a plain one: numbers, text, booleans, null (dates as text, nested values as JSON). */
function plain(v: unknown, type: {typeId: number; scale?: number}): unknown {
  if (v === null || v === undefined) return null;
  if (typeof v === "bigint") return Number(v);
  if (type.typeId === DECIMAL)
    return typeof v === "number" ? v : (v as {valueOf(scale?: number): number}).valueOf(type.scale ?? 0);
  if (type.typeId === DATE) return iso(v instanceof Date ? v.getTime() : Number(v)).slice(0, 10);
  if (type.typeId === TIMESTAMP) return iso(v instanceof Date ? v.getTime() : Number(v));
  if (NESTED.has(type.typeId)) {
    const json = (v as {toJSON?: () => unknown}).toJSON?.() ?? v;
    return JSON.stringify(json, (_, x) => (typeof x === "bigint" ? Number(x) : x));
  }
  return v;
}

/** A query's Arrow result as column names and plain row objects, in the query's column order. */
export function resultRows(table: ArrowResult): {columns: string[]; rows: Row[]} {
  const fields = table.schema.fields;
  const rows = table.toArray().map((r) => {
    const json = r.toJSON();
    return Object.fromEntries(fields.map((f) => [f.name, plain(json[f.name], f.type)]));
  });
  return {columns: fields.map((f) => f.name), rows};
}

/** Milliseconds as the status line writes them: "84 ms", "1.2 s". */
function took(ms: number, lang: Lang): string {
  return ms < 1000 ? `${formatNumber(Math.round(ms), lang)} ms` : `${formatNumber(ms / 1000, lang, 1)} s`;
}

/** Two spaces where the cursor is: Tab indents in the editor instead of leaving it (Escape, then Tab, leaves). */
function indent(area: HTMLTextAreaElement): void {
  const {selectionStart: start, selectionEnd: end, value} = area;
  area.value = `${value.slice(0, start)}  ${value.slice(end)}`;
  area.selectionStart = area.selectionEnd = start + 2;
}

export interface SqlEditorOptions {
  /** Resolves to the database once DuckDB has started and the helpers exist, or to null when it could not. */
  db: Promise<ArrowClient | null>;
  /** The query shown first. */
  query: string;
  /** Queries loaded and run with one click each. */
  examples: readonly {label: string; sql: string}[];
  lang: Lang;
  /** Called with each query run, e.g. to keep it in the address. */
  onRun?: (sql: string) => void;
  width?: number;
}

/**
 * A SQL editor over DuckDB-WASM: a monospace text area, a Run button (and Ctrl+Enter / Cmd+Enter),
 * example queries, then the result as a table with its row count and time, a quick chart and a CSV
 * download; DuckDB's message as text when the query fails. The starting query, and any asked for
 * before DuckDB is ready, runs as soon as it is.
 */
export function sqlEditor({db, query, examples, lang, onRun, width = 640}: SqlEditorOptions): HTMLElement {
  const e = messages(lang).explore;
  const area = h("textarea", {
    id: "sql-input",
    class: "sql-input",
    spellcheck: "false",
    autocapitalize: "off",
    autocomplete: "off",
    rows: String(Math.min(18, Math.max(6, query.split("\n").length + 1))),
    "aria-describedby": "sql-help",
  }) as HTMLTextAreaElement;
  area.value = query;
  const run = h("button", {id: "sql-run", type: "button", class: "sql-run"}, e.run) as HTMLButtonElement;
  const status = h(
    "p",
    {id: "sql-status", class: "muted", role: "status", "data-state": "starting"},
    e.starting,
  );
  const output = h("div", {id: "sql-result", "aria-live": "polite"});
  const exampleButtons = examples.map(({label, sql}) => {
    const b = h("button", {type: "button", class: "sql-example"}, label);
    b.addEventListener("click", () => {
      area.value = sql;
      void execute();
    });
    return b;
  });

  let client: ArrowClient | null | undefined;
  // The starting query runs as soon as DuckDB is ready: the page opens on a result.
  let pending = true;
  let escaped = false;
  area.addEventListener("keydown", (event) => {
    if (event.key === "Enter" && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      void execute();
    } else if (event.key === "Escape") escaped = true;
    else if (event.key === "Tab" && !event.shiftKey && !escaped) {
      event.preventDefault();
      indent(area);
    } else escaped = false;
  });
  run.addEventListener("click", () => void execute());

  /** Runs the editor's text; `remember` passes it to onRun (not for the starting query, already where it came from). */
  async function execute(remember = true): Promise<void> {
    const sql = area.value;
    if (remember) onRun?.(sql);
    if (client === undefined) {
      pending = true;
      output.replaceChildren(h("p", {class: "muted"}, e.waiting));
      return;
    }
    if (client === null) return;
    output.dataset.state = "running";
    output.replaceChildren(h("p", {class: "muted"}, e.running));
    const started = performance.now();
    try {
      const {columns, rows} = resultRows(await client.query(sql));
      const time = took(performance.now() - started, lang);
      const n = rows.length;
      output.replaceChildren(
        h(
          "p",
          {id: "sql-meta", class: "sql-meta"},
          n === 1 ? e.row(time) : e.rows(formatNumber(n, lang), time),
          " ",
          csvDownload(() => rows, {filename: "servicebench-query.csv", label: e.csv, columns}),
        ),
        resultTable(rows, {lang, more: e.more}),
        h("h3", {}, e.chartTitle),
        quickChart(rows, columns, {lang, width: output.clientWidth || width}),
      );
      output.dataset.rows = String(n);
      output.dataset.state = "done";
    } catch (error) {
      output.replaceChildren(
        h(
          "div",
          {id: "sql-error", class: "warning", role: "alert"},
          h("p", {}, e.error),
          h("pre", {}, error instanceof Error ? error.message : String(error)),
        ),
      );
      output.dataset.state = "error";
    }
  }

  const started = performance.now();
  db.then(
    (d) => d,
    (error: unknown) => {
      console.warn(error);
      return null;
    },
  ).then((d) => {
    client = d;
    status.dataset.state = d ? "ready" : "failed";
    status.textContent = d ? e.ready(formatNumber((performance.now() - started) / 1000, lang, 1)) : e.failed;
    if (d && pending) void execute(false);
  });

  return h(
    "div",
    {class: "sql-editor"},
    h("label", {for: "sql-input", class: "sql-label"}, e.editorLabel),
    area,
    h("p", {id: "sql-help", class: "muted sql-help"}, e.editorHelp),
    h("div", {class: "sql-actions"}, run, h("span", {class: "muted"}, e.examplesLabel), ...exampleButtons),
    status,
    output,
  );
}

interface TableDoc {
  name: string;
  columns: readonly {name: string; type: string}[];
}

/** A column's meaning: the table's own entry first, then the column's, then what its name is built from. */
function columnMeaning(table: string, column: string, lang: Lang): string {
  const docs = messages(lang).explore.columnDocs;
  const group = table.startsWith("cube_") ? "cube" : table;
  const direct = docs[`${table}.${column}`] ?? docs[`${group}.${column}`] ?? docs[column];
  if (direct) return direct;
  if (column.endsWith("_business")) {
    const base = docs[column.slice(0, -"_business".length)];
    if (base) return `${base}; ${docs.business}`;
  }
  if (column.endsWith("_sum")) return docs.sum ?? "";
  return "";
}

/** What one row of a table is, from the catalogue; cube tables are described from their dimensions. */
function tableMeaning(table: TableDoc, lang: Lang): string {
  const t = messages(lang).explore.tables;
  if (table.name.endsWith("_hist")) return t.hist(table.name.slice(0, -"_hist".length));
  if (table.name.startsWith("cube_")) {
    const dims = table.columns
      .slice(1)
      .filter((c) => c.type === "VARCHAR")
      .map((c) => c.name);
    return t.cube(dims.join(", "));
  }
  const text = (t as unknown as Record<string, unknown>)[table.name];
  return typeof text === "string" ? text : "";
}

/**
 * The tables as the page's DuckDB holds them, from their column specs (the same lists the loaders
 * build them from): one disclosure per table with a line per column, the first one open.
 */
export function tableDocs(tables: readonly TableDoc[], {lang}: {lang: Lang}): HTMLElement {
  const e = messages(lang).explore;
  return h(
    "div",
    {id: "tables", class: "table-docs"},
    h("p", {}, e.tablesIntro(formatNumber(tables.length, lang))),
    ...tables.map((table, i) => {
      const details = h(
        "details",
        {"data-table": table.name},
        h(
          "summary",
          {},
          h("code", {}, table.name),
          ` — ${tableMeaning(table, lang)} `,
          h("span", {class: "muted"}, `(${e.columnCount(formatNumber(table.columns.length, lang))})`),
        ),
        h(
          "div",
          {class: "table-scroll"},
          h(
            "table",
            {},
            h(
              "thead",
              {},
              h(
                "tr",
                {},
                h("th", {scope: "col"}, e.columns.name),
                h("th", {scope: "col"}, e.columns.type),
                h("th", {scope: "col"}, e.columns.meaning),
              ),
            ),
            h(
              "tbody",
              {},
              ...table.columns.map((c) =>
                h(
                  "tr",
                  {},
                  h("td", {}, h("code", {}, c.name)),
                  h("td", {class: "muted"}, c.type),
                  h("td", {}, columnMeaning(table.name, c.name, lang)),
                ),
              ),
            ),
          ),
        ),
      );
      if (i === 0) details.setAttribute("open", "");
      return details;
    }),
  );
}

/** The SQL helpers as a list: how each is called and what it gives. */
export function helperList(
  helpers: readonly {name: string; usage: string}[],
  {lang}: {lang: Lang},
): HTMLElement {
  const e = messages(lang).explore;
  return h(
    "ul",
    {id: "sql-helpers"},
    ...helpers.map((m) => h("li", {}, h("code", {}, m.usage), ` — ${e.helpers[m.name] ?? ""}`)),
  );
}

/**
 * A page turning a query into a chart with a sql cell, for the guide: the same CSAT rule as the
 * KPI written out, since a page's sql cells run before anything could create the helpers.
 */
export const PAGE_TEMPLATE = `---
title: Billing CSAT by weekday
sql:
  tickets: ../data/tickets.arrow
  ticket_tags: ../data/ticket_tags.arrow
  responses: ../data/responses.arrow
---

# Billing CSAT by weekday

\`\`\`sql id=billing
SELECT t.created_weekday AS weekday,
  avg(CASE WHEN r.score >= r.scale_max - CASE WHEN r.scale_max - r.scale_min >= 3 THEN 1 ELSE 0 END
      THEN 1 ELSE 0 END) AS csat,
  count(*) AS responses
FROM responses r JOIN tickets t USING (ticket_id)
WHERE r.kind = 'csat'
  AND ticket_id IN (SELECT ticket_id FROM ticket_tags WHERE tag IN ('billing', 'payment', 'invoice'))
GROUP BY weekday
ORDER BY weekday
\`\`\`

\`\`\`js
import {resultTable} from "../components/result-table.js";
import {csvDownload} from "../components/csv.js";
import {messages} from "../i18n/messages.js";
import {formatNumber} from "../components/format.js";

const lang = observable.params.lang;
display(resultTable(billing, {lang}));
display(csvDownload(() => billing, {filename: "billing.csv", label: messages(lang).explore.csv}));
// Ticks through format.ts too: "1 234" and the minus sign in French.
display(Plot.plot({
  x: {label: "weekday", tickFormat: (x) => formatNumber(x, lang)},
  y: {label: "CSAT (%)", percent: true, domain: [0, 100], tickFormat: (x) => formatNumber(x, lang)},
  marks: [Plot.barY(billing, {x: "weekday", y: "csat"}), Plot.ruleY([0])],
}));
\`\`\`
`;

const nextFrame = () => new Promise<void>((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));

/**
 * Starts DuckDB-WASM once the page is on screen, loads `tables` (name -> FileAttachment, as
 * `DuckDBClient.of` takes them) and runs `statements` (the SQL helpers). Decimals come back as
 * numbers, as BIGINTs already do.
 */
export async function startDuckDB(
  tables: Record<string, unknown>,
  statements: readonly string[],
): Promise<ArrowClient> {
  await nextFrame();
  await nextFrame();
  // Imported here, not by the page: DuckDB-WASM is no part of the first screen.
  const {DuckDBClient} = (await import("npm:@observablehq/duckdb")) as {
    DuckDBClient: {of(tables: Record<string, unknown>, config: object): Promise<ArrowClient>};
  };
  const db = await DuckDBClient.of(tables, {query: {castDecimalToDouble: true}});
  for (const sql of statements) await db.query(sql);
  return db;
}
