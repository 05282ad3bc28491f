import {describe, expect, it} from "vitest";
import {parseDurationMinutes, parseNumber} from "../../loaders/text/numbers.ts";

const NUMBERS: {name: string; input: string; options?: {decimalComma?: boolean}; expected: number | null}[] =
  [
    {name: "integer", input: "42", expected: 42},
    {name: "decimal point", input: "12.5", expected: 12.5},
    {name: "decimal comma", input: "12,5", expected: 12.5},
    {name: "thousands comma", input: "1,234.5", expected: 1234.5},
    {name: "thousands dot, decimal comma", input: "1.234,5", expected: 1234.5},
    {name: "thousands space", input: "1 234,5", expected: 1234.5},
    {name: "ambiguous 1,234 read as thousands by default", input: "1,234", expected: 1234},
    {
      name: "ambiguous 1,234 with decimalComma",
      input: "1,234",
      options: {decimalComma: true},
      expected: 1.234,
    },
    {name: "negative", input: "-3", expected: -3},
    {name: "empty is null", input: " ", expected: null},
    {name: "text is NaN", input: "abc", expected: NaN},
  ];

describe("parseNumber", () => {
  for (const row of NUMBERS)
    it(row.name, () => expect(parseNumber(row.input, row.options)).toBe(row.expected));
});

const DURATIONS: {name: string; input: string; unit: number; expected: number | null}[] = [
  {name: "HH:MM:SS hours", input: "01:30:00", unit: 60, expected: 90},
  {name: "HH:MM:SS with seconds", input: "00:00:30", unit: 60, expected: 0.5},
  {name: "more than 24 hours", input: "49:15:00", unit: 60, expected: 2955},
  {name: "decimal hours", input: "1.5", unit: 60, expected: 90},
  {name: "decimal comma hours", input: "2,25", unit: 60, expected: 135},
  {name: "plain minutes", input: "17", unit: 1, expected: 17},
  {name: "negative clock", input: "-00:10:00", unit: 60, expected: -10},
  {name: "blank", input: "", unit: 60, expected: null},
];

describe("parseDurationMinutes", () => {
  for (const row of DURATIONS)
    it(row.name, () => expect(parseDurationMinutes(row.input, row.unit)).toBe(row.expected));
});
