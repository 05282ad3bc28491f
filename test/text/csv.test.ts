import {describe, expect, it} from "vitest";
import {CsvParser, parseCsv, sniffDelimiter, type Delimiter} from "../../loaders/text/csv.ts";

const ROWS: {name: string; input: string; expected: string[][]; lines: number[]; delimiter?: Delimiter}[] = [
  {
    name: "plain comma",
    input: "a,b\n1,2\n",
    expected: [
      ["a", "b"],
      ["1", "2"],
    ],
    lines: [1, 2],
  },
  {
    name: "CRLF line ends",
    input: "a,b\r\n1,2\r\n3,4",
    expected: [
      ["a", "b"],
      ["1", "2"],
      ["3", "4"],
    ],
    lines: [1, 2, 3],
  },
  {
    name: "lone CR line ends",
    input: "a,b\r1,2\r",
    expected: [
      ["a", "b"],
      ["1", "2"],
    ],
    lines: [1, 2],
  },
  {
    name: "quoted delimiter",
    input: 'a,b\n"x, y",2\n',
    expected: [
      ["a", "b"],
      ["x, y", "2"],
    ],
    lines: [1, 2],
  },
  {name: "escaped quotes", input: 'a\n"say ""hi"""\n', expected: [["a"], ['say "hi"']], lines: [1, 2]},
  {
    name: "embedded newline moves the next record's line",
    input: 'id,comment\n1,"two\nlines"\n2,x\n',
    expected: [
      ["id", "comment"],
      ["1", "two\nlines"],
      ["2", "x"],
    ],
    lines: [1, 2, 4],
  },
  {
    name: "blank lines are skipped but counted",
    input: "a\n\n1\n\n2\n",
    expected: [["a"], ["1"], ["2"]],
    lines: [1, 3, 5],
  },
  {
    name: "empty fields",
    input: "a,b,c\n,,\n",
    expected: [
      ["a", "b", "c"],
      ["", "", ""],
    ],
    lines: [1, 2],
  },
  {
    name: "semicolon",
    input: "a;b\n1,5;2\n",
    expected: [
      ["a", "b"],
      ["1,5", "2"],
    ],
    lines: [1, 2],
    delimiter: ";",
  },
  {
    name: "tab",
    input: "a\tb\n1\t2\n",
    expected: [
      ["a", "b"],
      ["1", "2"],
    ],
    lines: [1, 2],
    delimiter: "\t",
  },
  {
    name: "unterminated quote keeps the rest",
    input: 'a\n"open\nend',
    expected: [["a"], ["open\nend"]],
    lines: [1, 2],
  },
];

describe("parseCsv", () => {
  for (const row of ROWS) {
    it(row.name, () => {
      const out = parseCsv(row.input, row.delimiter);
      expect(out.records).toEqual(row.expected);
      expect(out.lines).toEqual(row.lines);
    });
  }

  it("gives the same records whatever the chunk boundaries", () => {
    const text = 'id;note;n\r\n1;"a;""b""\r\nc";2\r\n\r\n3;;"x"\r\n4;é;5';
    const whole = parseCsv(text, ";");
    for (let size = 1; size <= 7; size++) {
      const records: string[][] = [];
      const lines: number[] = [];
      const p = new CsvParser((f, l) => (records.push(f), lines.push(l)), ";");
      for (let i = 0; i < text.length; i += size) p.push(text.slice(i, i + size));
      p.end();
      expect({records, lines}, `chunks of ${size}`).toEqual(whole);
    }
  });
});

describe("sniffDelimiter", () => {
  const CASES: {name: string; input: string; expected: Delimiter}[] = [
    {name: "comma", input: "a,b,c\n1,2,3\n", expected: ","},
    {name: "semicolon with decimal commas", input: "a;b;c\n1,5;2,5;3\n4,1;5;6\n", expected: ";"},
    {name: "tab", input: "a\tb\n1\t2\n", expected: "\t"},
    {name: "commas inside quotes do not count", input: 'a;b\n"x, y, z";1\n', expected: ";"},
  ];
  for (const c of CASES) it(c.name, () => expect(sniffDelimiter(c.input)).toBe(c.expected));
});
