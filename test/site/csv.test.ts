import {describe, expect, it} from "vitest";
import {csvCell, toCsv} from "../../src/components/csv.ts";

describe("CSV download text", () => {
  it("neutralises cells a spreadsheet would run as formulas", () => {
    expect(csvCell('=HYPERLINK("http://x")')).toBe(`"'=HYPERLINK(""http://x"")"`);
    expect(csvCell("+33 1 23")).toBe("'+33 1 23");
    expect(csvCell("-2")).toBe("'-2");
    expect(csvCell("@SUM(A1)")).toBe("'@SUM(A1)");
    expect(csvCell("\tx")).toBe("'\tx");
    expect(csvCell("plain")).toBe("plain");
  });
  it("keeps numbers as numbers, unknown as empty", () => {
    expect(csvCell(-2.5)).toBe("-2.5");
    expect(csvCell(null)).toBe("");
    expect(csvCell(Number.NaN)).toBe("");
    expect(csvCell(true)).toBe("true");
  });
  it("quotes commas, quotes and line breaks, and ends lines with CRLF", () => {
    const text = toCsv([{a: 'say "hi", then\nleave', b: 1}]);
    expect(text).toBe(`a,b\r\n"say ""hi"", then\nleave",1\r\n`);
    expect(toCsv([{a: 1, b: 2}], ["b"])).toBe("b\r\n2\r\n");
  });
});
