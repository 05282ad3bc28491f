import {readFile} from "node:fs/promises";
import {join} from "node:path";
import {describe, expect, it} from "vitest";
import {buildSyntheticPanel} from "../../loaders/benchmark/build.ts";
import {
  formatPanelCsv,
  panelFiles,
  parsePanel,
  parsePanelCsv,
  PanelFormatError,
  SYNTHETIC_LABEL,
} from "../../loaders/benchmark/panel-format.ts";
import {formatPublishedCsv, PUBLISHED} from "../../loaders/benchmark/published.ts";
import {REFERENCE_PANEL_DIR} from "../../loaders/node/panel-files.ts";

const read = (name: string) => readFile(join(REFERENCE_PANEL_DIR, name), "utf8");

describe("shipped synthetic reference panel", () => {
  it("equals a fresh regeneration from its seed (run scripts/build-panel.ts after a change)", async () => {
    const files = panelFiles(buildSyntheticPanel());
    expect(await read("panel.csv")).toBe(files["panel.csv"]);
    expect(await read("panel.json")).toBe(files["panel.json"]);
    expect(await read("published.csv")).toBe(formatPublishedCsv());
  });

  it("is labelled synthetic and reads back to the rows it was generated from", async () => {
    const panel = parsePanel(await read("panel.csv"), await read("panel.json"));
    expect(panel.meta.label).toBe(SYNTHETIC_LABEL);
    expect(panel.meta.synthetic).toBe(true);
    expect(panel.meta.description).toMatch(/^Synthetic reference panel/);
    expect(panel.rows).toEqual(buildSyntheticPanel().rows);
    expect(panel.rows.length).toBeGreaterThanOrEqual(300);
  });

  it("has industry, country and size band on every organisation", async () => {
    const panel = parsePanel(await read("panel.csv"), await read("panel.json"));
    for (const r of panel.rows) {
      expect(r.industry).not.toBeNull();
      expect(r.country).toMatch(/^[A-Z]{2}$/);
      expect(r.size_band).not.toBeNull();
    }
  });
});

describe("published figures", () => {
  it("carry a source URL and a unit, and the ones with a year are plausible", () => {
    for (const f of PUBLISHED) {
      expect(f.source_url).toMatch(/^https?:\/\/\S+$/);
      expect(f.source_url).not.toContain("...");
      expect(f.unit).not.toBe("");
      if (f.year !== null) expect(f.year).toBeGreaterThanOrEqual(2012);
    }
  });

  it("leave the unverified seed claims out", () => {
    const text = formatPublishedCsv();
    // NV or S rows of the research notes: seed claims, cost per call, secondary NPS figures.
    for (const claim of [/chatbot/i, /cost per call/i, /Retently/, /Satmetrix/, /1 h 47/, /ESCDA/]) {
      expect(text).not.toMatch(claim);
    }
  });
});

describe("panel.csv format", () => {
  it("escapes text cells that a spreadsheet would run as a formula", () => {
    const [row] = buildSyntheticPanel(3, 40).rows;
    const text = formatPanelCsv([{...row!, industry: "=HYPERLINK(1)"}]);
    expect(text).toContain("'=HYPERLINK(1)");
    expect(parsePanelCsv(text)[0]!.industry).toBe("=HYPERLINK(1)");
  });

  it("reports every bad row with its line", () => {
    const text = formatPanelCsv(buildSyntheticPanel(3, 40).rows.slice(0, 2)).replace(
      /,0\.\d+,(\d+),0\.\d+,/,
      ",1.7,$1,0.2,",
    );
    try {
      parsePanelCsv(text);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(PanelFormatError);
      expect((error as PanelFormatError).problems[0]).toMatch(/^panel\.csv:2: /);
    }
  });

  it("refuses panel files that disagree on the number of organisations", () => {
    const files = panelFiles(buildSyntheticPanel(3, 40));
    const csv = files["panel.csv"].split("\n").slice(0, 5).join("\n");
    expect(() => parsePanel(csv, files["panel.json"])).toThrow(/says 40 organisations/);
  });
});
