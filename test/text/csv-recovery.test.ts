import fc from "fast-check";
import {describe, expect, it} from "vitest";
import {CsvParser, type Delimiter} from "../../loaders/text/csv.ts";

interface Out {
  records: string[][];
  lines: number[];
  damaged: {line: number; reason: string}[];
  physical: number;
}

/** Parses `text` cut into `chunk`-sized pieces (0: whole), checking records against `width`. */
function parse(text: string, width: number | null, chunk = 0, maxRecord?: number, d: Delimiter = ","): Out {
  const out: Out = {records: [], lines: [], damaged: [], physical: 0};
  const p = new CsvParser(
    (f, l) => {
      out.records.push(f);
      out.lines.push(l);
    },
    d,
    {maxRecord},
  );
  p.width = width;
  p.onDamage = (line, reason) => out.damaged.push({line, reason});
  if (chunk > 0) for (let i = 0; i < text.length; i += chunk) p.push(text.slice(i, i + chunk));
  else p.push(text);
  p.end();
  out.physical = p.lines;
  return out;
}

/** Physical lines counted the plain way: line ends, plus a last line without one. */
const physicalLines = (text: string) =>
  text === "" ? 0 : text.split(/\r\n|\r|\n/).length - (/[\r\n]$/.test(text) ? 1 : 0);

describe("CSV parser: a stray quote costs its own line only", () => {
  it("an unclosed quote: its line is damaged, the lines after it are read", () => {
    const out = parse('a,b,c\n1,x,y\n2,"x,y\n3,x,y\n4,x,y\n', 3);
    expect(out.records).toEqual([
      ["a", "b", "c"],
      ["1", "x", "y"],
      ["3", "x", "y"],
      ["4", "x", "y"],
    ]);
    expect(out.lines).toEqual([1, 2, 4, 5]);
    expect(out.damaged).toEqual([
      {line: 3, reason: "unclosed quote opened on line 3 swallowed 3 lines (3 to 5) to the end of the file"},
    ]);
  });

  it("a stray quote closed by a later field's quote: recovered at the next row of the header's width", () => {
    const out = parse('a,b,c\n1,"x,y\n2,x,y\n3,"p, q",y\n4,x,y\n', 3);
    expect(out.records.map((r) => r[0])).toEqual(["a", "2", "3", "4"]);
    expect(out.records[2]).toEqual(["3", "p, q", "y"]);
    expect(out.damaged).toEqual([
      {line: 2, reason: "quote opened on line 2 swallowed 3 lines (2 to 4), up to a quote followed by text"},
    ]);
  });

  it("a stray quote whose swallowed lines happen to leave a row of the header's width is still caught", () => {
    // The quote closes at the next cell's opening quote: text follows it, which no real
    // quoted cell over several lines has.
    const out = parse('id,subject,status\n1,hello,open\n2,"stray,open\n3,"fine",open\n4,x,solved\n', 3);
    expect(out.records.map((r) => r[0])).toEqual(["id", "1", "3", "4"]);
    expect(out.damaged.map((d) => d.line)).toEqual([3]);
  });

  it("lines that do not read as a row of the header's width are damaged until one does", () => {
    const out = parse('a,b\n1,"x\nfree text\nmore, text, here\n2,y\n', 2);
    expect(out.records).toEqual([
      ["a", "b"],
      ["2", "y"],
    ]);
    expect(out.damaged.map((d) => d.line)).toEqual([2, 3, 4]);
  });

  it("a quoted cell over lines that leaves a row of the header's width is a record", () => {
    const out = parse('id,comment\n1,"two\nlines"\n2,x\n', 2);
    expect(out.records).toEqual([
      ["id", "comment"],
      ["1", "two\nlines"],
      ["2", "x"],
    ]);
    expect(out.damaged).toEqual([]);
  });

  it("a quoted cell over lines that leaves too few fields is damaged", () => {
    const out = parse('id,comment,status\n1,"two\nlines"\n2,x,open\n', 3);
    expect(out.records.map((r) => r[0])).toEqual(["id", "2"]);
    expect(out.damaged).toEqual([
      {
        line: 2,
        reason:
          "quote opened on line 2 swallowed 2 lines (2 to 3), leaving a row of 2 fields where the header has 3",
      },
      {
        line: 3,
        reason:
          "quote opened on line 2 swallowed 2 lines (2 to 3), leaving a row of 2 fields where the header has 3",
      },
    ]);
  });

  it("a one-line record whose quote is not closed at the end of the input is damaged", () => {
    const out = parse('a,b\n1,x\n2,"y', 2);
    expect(out.records.map((r) => r[0])).toEqual(["a", "1"]);
    expect(out.damaged).toEqual([
      {line: 3, reason: "unclosed quote opened on line 3 swallowed 1 line (3 to 3) to the end of the file"},
    ]);
  });

  it("without a header width the rest is kept and the open quote's line said", () => {
    const p = new CsvParser(() => {}, ",");
    p.push('a\n"open\nend');
    p.end();
    expect(p.unterminatedQuoteLine).toBe(2);
  });
});

describe("CSV parser: the record limit", () => {
  it("a one-line record over the limit is damaged and the next record read", () => {
    const out = parse(`a,b\n1,${"x".repeat(40)}\n2,y\n`, 2, 0, 30);
    expect(out.records).toEqual([
      ["a", "b"],
      ["2", "y"],
    ]);
    expect(out.damaged).toEqual([
      {line: 2, reason: "record opened on line 2 is longer than the 30 characters limit"},
    ]);
  });

  it("a quoted cell over the limit that runs over lines: its lines are damaged up to the next row", () => {
    const text = `a,b\n1,"${"x".repeat(20)}\n${"y".repeat(20)}\n${"z".repeat(20)}"\n2,ok\n`;
    for (const chunk of [0, 1, 7, 64]) {
      const out = parse(text, 2, chunk, 30);
      expect(out.records, `chunks of ${chunk}`).toEqual([
        ["a", "b"],
        ["2", "ok"],
      ]);
      expect(
        out.damaged.map((d) => d.line),
        `chunks of ${chunk}`,
      ).toEqual([2, 3, 4]);
    }
  });

  it("a record of a few MB is read whole, whatever the chunks", () => {
    const cell = 'ab""c,\n'.repeat(500_000); // 3.5 MB with doubled quotes, delimiters and line ends
    const text = `id,body,n\n1,"${cell}",2\n3,x,4\n`;
    const out = parse(text, 3, 65536);
    expect(out.records).toHaveLength(3);
    expect(out.records[1]![1]).toBe(cell.replaceAll('""', '"'));
    expect(out.records[1]![2]).toBe("2");
    expect(out.lines).toEqual([1, 2, 500_003]);
    expect(out.physical).toBe(500_003);
  });
});

describe("CSV parser: properties", () => {
  const piece = fc.constantFrom("a", "bc", ",", ",", '"', '""', "\n", "\r\n", "\r", " ");
  const text = fc.array(piece, {maxLength: 60}).map((xs) => xs.join(""));

  it("gives the same records, damage and line count whatever the chunks and the limit", () => {
    fc.assert(
      fc.property(
        text,
        fc.integer({min: 1, max: 9}),
        fc.option(fc.integer({min: 1, max: 4})),
        fc.option(fc.integer({min: 3, max: 40})),
        (t, chunk, width, max) => {
          const whole = parse(t, width, 0, max ?? undefined);
          const cut = parse(t, width, chunk, max ?? undefined);
          expect(cut.records).toEqual(whole.records);
          expect(cut.lines).toEqual(whole.lines);
          expect(cut.damaged).toEqual(whole.damaged);
          expect(whole.physical).toBe(physicalLines(t));
        },
      ),
      {numRuns: 400},
    );
  });

  it("one stray quote in a clean file costs exactly its own line", () => {
    const row = fc.array(fc.stringMatching(/^[a-z0-9 ]{0,6}$/), {minLength: 3, maxLength: 3});
    fc.assert(
      fc.property(
        fc.array(row, {minLength: 1, maxLength: 30}),
        fc.nat(),
        fc.integer({min: 0, max: 2}),
        fc.constantFrom("\n", "\r\n"),
        (rows, at, col, eol) => {
          const r = at % rows.length;
          const cells = rows.map((x) => [...x]);
          cells[r]![col] = `"${cells[r]![col]}`;
          const t = ["a,b,c", ...cells.map((x) => x.join(","))].join(eol) + eol;
          const out = parse(t, 3, 5);
          const kept = rows.filter((_, i) => i !== r);
          expect(out.records.slice(1)).toEqual(kept);
          expect(out.damaged.map((d) => d.line)).toEqual([r + 2]);
          expect(out.physical).toBe(rows.length + 1);
        },
      ),
      {numRuns: 300},
    );
  });
});
