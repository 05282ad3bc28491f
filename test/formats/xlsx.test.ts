import {strToU8, zipSync} from "fflate";
import {describe, expect, it} from "vitest";
import {formatKind, readXlsx, rowsToCsv, serialText} from "../../loaders/text/xlsx.ts";
import {at, run} from "../ingest/helpers.ts";

const NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"';
const R = 'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';

/** A workbook zipped as Excel writes it: sheets as `<row>` XML, shared strings, date styles. */
function workbook(
  sheets: Record<string, string>,
  shared: string[],
  extra: Record<string, string> = {},
): Uint8Array {
  const names = Object.keys(sheets);
  const files: Record<string, Uint8Array> = {
    "[Content_Types].xml": strToU8("<Types/>"),
    "xl/workbook.xml": strToU8(
      `<workbook ${NS} ${R}><sheets>${names
        .map((n, i) => `<sheet name="${n}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`)
        .join("")}</sheets></workbook>`,
    ),
    "xl/_rels/workbook.xml.rels": strToU8(
      `<Relationships>${names
        .map(
          (_, i) => `<Relationship Id="rId${i + 1}" Target="worksheets/sheet${i + 1}.xml" Type="worksheet"/>`,
        )
        .join("")}</Relationships>`,
    ),
    "xl/sharedStrings.xml": strToU8(
      `<sst ${NS}>${shared.map((s) => `<si><t xml:space="preserve">${s}</t></si>`).join("")}</sst>`,
    ),
    // Style 0 general, 1 built-in date-time (22), 2 custom "dd/mm/yyyy", 3 built-in date (14).
    "xl/styles.xml": strToU8(
      `<styleSheet ${NS}><numFmts count="1"><numFmt numFmtId="164" formatCode="dd/mm/yyyy"/></numFmts>` +
        `<cellXfs count="4"><xf numFmtId="0"/><xf numFmtId="22" applyNumberFormat="1"/><xf numFmtId="164"/><xf numFmtId="14"/></cellXfs></styleSheet>`,
    ),
  };
  names.forEach((n, i) => {
    files[`xl/worksheets/sheet${i + 1}.xml`] = strToU8(
      `<worksheet ${NS}><sheetData>${sheets[n]}</sheetData></worksheet>`,
    );
  });
  for (const [k, v] of Object.entries(extra)) files[k] = strToU8(v);
  return zipSync(files);
}

// 2024-05-01 09:30:00 as Excel's serial day number: days since 1899-12-30 plus the day's fraction.
const SERIAL = (Date.UTC(2024, 4, 1) - Date.UTC(1899, 11, 30)) / 86_400_000 + (9 * 60 + 30) / 1440;

const TICKETS =
  '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c><c r="D1" t="s"><v>3</v></c><c r="E1" t="inlineStr"><is><t>Via</t></is></c></row>' +
  `<row r="2"><c r="A2"><v>101</v></c><c r="B2" s="1"><v>${SERIAL}</v></c><c r="C2" t="s"><v>4</v></c><c r="D2"><v>45</v></c><c r="E2" t="inlineStr"><is><r><t>We</t></r><r><t>b form</t></r></is></c></row>` +
  // Row 3: an empty first reply cell (absent from the XML), an e-mail.
  `<row r="3"><c r="A3"><v>102</v></c><c r="B3" s="1"><v>${SERIAL + 1}</v></c><c r="C3" t="s"><v>5</v></c><c r="E3" t="inlineStr"><is><t>Mail</t></is></c></row>`;
const SHARED = ["Id", "Created at", "Status", "First reply time in minutes", "Solved", "Open"];

describe("XLSX workbooks", () => {
  it("reads shared and inline strings, numbers, dates and empty cells into rows", () => {
    const sheet = readXlsx(workbook({Tickets: TICKETS}, SHARED));
    expect(sheet.name).toBe("Tickets");
    expect(sheet.rows).toEqual([
      ["Id", "Created at", "Status", "First reply time in minutes", "Via"],
      ["101", "2024-05-01 09:30:00", "Solved", "45", "Web form"],
      ["102", "2024-05-02 09:30:00", "Open", "", "Mail"],
    ]);
  });

  it("ingests the first sheet through the same adapter as a CSV, times in the run's zone", async () => {
    const r = await run(
      {"tickets.xlsx": workbook({Tickets: TICKETS, Notes: ""}, SHARED)},
      {tz: "Europe/Paris"},
    );
    expect(r.problems).toEqual([]);
    expect(r.manifest.files[0]!.format).toBe("zendesk-csv");
    // 09:30 in Paris (summer time, UTC+2) is 07:30 UTC.
    expect(r.tickets).toMatchObject([
      {
        ticket_id: "101",
        created_at: at("2024-05-01T07:30:00Z"),
        status: "solved",
        channel: "web",
        first_reply_minutes: 45,
      },
      {ticket_id: "102", created_at: at("2024-05-02T07:30:00Z"), channel: "email", first_reply_minutes: null},
    ]);
    expect(r.warnings.join("\n")).toMatch(
      /2 sheets: read the first, "Tickets" \(choose another with --sheet\)/,
    );
  });

  it("reads the sheet named by the sheet option, and names the sheets when it is missing", async () => {
    const second =
      '<row r="1"><c r="A1" t="inlineStr"><is><t>Id</t></is></c><c r="B1" t="inlineStr"><is><t>Created at</t></is></c><c r="C1" t="inlineStr"><is><t>Via</t></is></c></row>' +
      '<row r="2"><c r="A2"><v>7</v></c><c r="B2" s="2"><v>45413</v></c><c r="C2" t="inlineStr"><is><t>Phone</t></is></c></row>';
    const book = workbook(
      {Summary: '<row r="1"><c r="A1" t="inlineStr"><is><t>totals</t></is></c></row>', Tickets: second},
      [],
    );
    const r = await run({"book.xlsx": book}, {sheet: "Tickets"});
    // 45413 days after 1899-12-30 is 2024-05-01; the custom format shows a date only.
    expect(r.tickets).toMatchObject([
      {ticket_id: "7", created_at: at("2024-05-01T00:00:00Z"), channel: "phone"},
    ]);
    const missing = await run({"book.xlsx": book}, {sheet: "Tikets"});
    expect(missing.problems).toEqual([
      'book.xlsx:1: format: XLSX: no sheet "Tikets" in the workbook (sheets: Summary, Tickets)',
    ]);
  });

  it("refuses a workbook that unzips beyond the cap, and says why", () => {
    const big = workbook(
      {S: `<row r="1"><c r="A1" t="inlineStr"><is><t>${"x".repeat(5000)}</t></is></c></row>`},
      [],
    );
    expect(() => readXlsx(big, {maxBytes: 2000})).toThrow(
      /more than 0 MB \(a zip bomb, or a sheet too big\)/,
    );
  });

  it("keeps quotes, commas and line breaks of cells when writing them as CSV", () => {
    expect(rowsToCsv([["a,b", 'say "hi"', "x\ny"], [], ["z"]])).toBe('"a,b","say ""hi""","x\ny"\n\nz\n');
  });

  it("tells date, time and elapsed formats from number formats", () => {
    expect(formatKind("yyyy-mm-dd hh:mm")).toBe("datetime");
    expect(formatKind("mmm-yy")).toBe("date");
    expect(formatKind("h:mm AM/PM")).toBe("time");
    expect(formatKind("[h]:mm:ss")).toBe("elapsed");
    expect(formatKind('0.00 "days"')).toBeNull();
    expect(formatKind("#,##0")).toBeNull();
    expect(serialText(1.5, "elapsed")).toBe("36:00:00");
    expect(serialText(0, "date", true)).toBe("1904-01-01");
  });

  it("names formats it cannot read yet instead of parsing them as text", async () => {
    const xls = new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]);
    const ods = zipSync({
      mimetype: strToU8("application/vnd.oasis.opendocument.spreadsheet"),
      "content.xml": strToU8("<x/>"),
    });
    const numbers = zipSync({"Index/Document.iwa": new Uint8Array([1, 2, 3])});
    const r = await run({"a.xls": xls, "b.ods": ods, "c.numbers": numbers});
    expect(r.problems).toEqual([
      "a.xls:1: format: XLS (Excel 97-2003 workbook): open it and save as .xlsx or CSV",
      "b.ods:1: format: ODS (OpenDocument spreadsheet): save as .xlsx or CSV",
      "c.numbers:1: format: an Apple Numbers document: export it as CSV or Excel (.xlsx)",
    ]);
    expect(r.problems.join("\n")).not.toMatch(/one column/);
  });
});
