/**
 * Every contact form the masking missed (issue 15): `name(at)domain`, `@localhost`, full-width
 * `＠`, `%40`, 9- and 17-digit numbers, Arabic-Indic digits, `1-800-FLOWERS`, and an accented
 * address cut to `zé[email]`; international phone forms; Twitter timestamps still kept whole.
 */
import {describe, expect, it} from "vitest";
import {excerpt, maskContacts} from "../../loaders/text/mask.ts";

describe("the contact catalogue", () => {
  it.each([
    ["jane(at)example.com", "[email]"],
    ["jane [at] example [dot] com", "[email]"],
    ["root@localhost", "[email]"],
    ["jane＠example.com", "[email]"],
    ["jane%40example.com", "[email]"],
    ["mailto:jane.doe@example.com", "[email]"],
    ["zéphyrine@example.org", "[email]"],
    ["ｊａｎｅ＠ｅｘａｍｐｌｅ．ｃｏｍ", "[email]"],
    ["jane&#64;example.com", "[email]"],
    ["612345678", "[phone]"],
    ["12345678901234567", "[phone]"],
    ["٠٦١٢٣٤٥٦٧٨", "[phone]"],
    ["۰۶۱۲۳۴۵۶۷۸", "[phone]"],
    ["1-800-FLOWERS", "[phone]"],
    ["(888) GO-FEDEX", "[phone]"],
    ["+44 20 7946 0958", "[phone]"],
    ["+33 (0)6 12 34 56 78", "[phone]"],
    ["0044 20 7946 0958", "[phone]"],
    ["+49 30/1234567", "[phone]"],
    ["+81-3-1234-5678", "[phone]"],
    ["+1 (555) 010-9999", "[phone]"],
    ["06.12.34.56.78", "[phone]"],
    ["+91 98765 43210", "[phone]"],
    ["+86 138 1234 5678", "[phone]"],
  ])("%s is masked whole", (text, masked) => {
    expect(maskContacts(text)).toBe(masked);
    expect(maskContacts(`a ${text} b`)).toBe(`a ${masked} b`);
  });

  it.each([
    ["Wed Oct 11 06:55:44 +0000 2017"],
    ["2024-01-15 10:00"],
    ["15/01/2024"],
    ["ticket 20240115"],
    ["1700000000"],
    ["order 1234567"],
    ["tier 2 escalations"],
  ])("%s is kept", (text) => {
    expect(maskContacts(text)).toBe(text);
  });

  it("an accented address is masked whole, not cut at its first accent", () => {
    expect(maskContacts("écrire à zéphyrine.dupont@exämple.org merci")).toBe("écrire à [email] merci");
  });

  it("an excerpt of a huge cell costs a window, and leaves no half address at the cut", () => {
    const text = `${"x ".repeat(1023)}jane.doe@example.com ${"y".repeat(1 << 20)}`;
    const e = excerpt(text, 5000);
    expect(e).not.toMatch(/jane|example/);
    expect(e.length).toBeLessThan(2100);
  });
});
