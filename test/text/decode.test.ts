import {describe, expect, it} from "vitest";
import {ByteDecoder, decodeBytes, type Encoding} from "../../loaders/text/decode.ts";

const utf16 = (text: string, bigEndian: boolean, bom: boolean): Uint8Array => {
  const out: number[] = bom ? (bigEndian ? [0xfe, 0xff] : [0xff, 0xfe]) : [];
  for (const ch of text) {
    const c = ch.charCodeAt(0);
    out.push(...(bigEndian ? [c >> 8, c & 0xff] : [c & 0xff, c >> 8]));
  }
  return Uint8Array.from(out);
};

const ROWS: {name: string; input: Uint8Array; expected: string; encoding: Encoding}[] = [
  {
    name: "UTF-8 without BOM",
    input: new TextEncoder().encode("id,naïve\n"),
    expected: "id,naïve\n",
    encoding: "utf-8",
  },
  {
    name: "UTF-8 with BOM",
    input: Uint8Array.from([0xef, 0xbb, 0xbf, 0x61, 0x2c, 0x62]),
    expected: "a,b",
    encoding: "utf-8",
  },
  {
    name: "UTF-16 LE with BOM",
    input: utf16("Id;Statut\né", false, true),
    expected: "Id;Statut\né",
    encoding: "utf-16le",
  },
  {
    name: "UTF-16 BE with BOM",
    input: utf16("Id\tStatus", true, true),
    expected: "Id\tStatus",
    encoding: "utf-16be",
  },
  {
    name: "UTF-16 LE by NUL pattern",
    input: utf16("Ticket ID,Status", false, false),
    expected: "Ticket ID,Status",
    encoding: "utf-16le",
  },
  {
    name: "UTF-16 BE by NUL pattern",
    input: utf16("Ticket ID,Status", true, false),
    expected: "Ticket ID,Status",
    encoding: "utf-16be",
  },
  {
    name: "Windows-1252 fallback (curly quotes, euro, e acute)",
    input: Uint8Array.from([0x93, 0x43, 0x61, 0x66, 0xe9, 0x94, 0x20, 0x80]),
    expected: "“Café” €",
    encoding: "windows-1252",
  },
];

describe("decodeBytes", () => {
  for (const row of ROWS) {
    it(row.name, () => {
      const {text, encoding} = decodeBytes(row.input);
      expect(text).toBe(row.expected);
      expect(encoding).toBe(row.encoding);
    });
  }

  it("keeps a UTF-8 character split across chunks", () => {
    const bytes = new TextEncoder().encode("ab€cd😀e");
    for (let cut = 1; cut < bytes.length; cut++) {
      const d = new ByteDecoder();
      const text = d.decode(bytes.subarray(0, cut)) + d.decode(bytes.subarray(cut)) + d.end();
      expect(text, `cut at ${cut}`).toBe("ab€cd😀e");
    }
  });

  it("switches to Windows-1252 when an invalid byte comes in a later chunk", () => {
    const d = new ByteDecoder();
    const text =
      d.decode(new TextEncoder().encode("id,name\n1,")) +
      d.decode(Uint8Array.from([0x52, 0xe9, 0x6d, 0x79])) +
      d.end();
    expect(text).toBe("id,name\n1,Rémy");
    expect(d.fellBack).toBe(true);
  });

  it("UTF-16 BE split at an odd byte", () => {
    const bytes = utf16("Zoë", true, true);
    const d = new ByteDecoder();
    expect(d.decode(bytes.subarray(0, 5)) + d.decode(bytes.subarray(5)) + d.end()).toBe("Zoë");
  });
});
