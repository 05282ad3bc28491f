// Text after a JSON document was ignored: a second document pasted after the first, or a broken
// tail, vanished without a word. It is now an error naming its line and column.
import {describe, expect, it} from "vitest";
import {JsonMemberScanner} from "../../loaders/text/json-stream.ts";
import {run} from "../ingest/helpers.ts";
import {zendeskTicket} from "../ingest/zendesk-records.ts";

const zd = (id: number) => zendeskTicket(id);

describe("text after a JSON document", () => {
  it("a second document after the first is an error with its line and column; the first is read", async () => {
    const r = await run({"t.json": `{"tickets": [\n${zd(1)}\n]}\n  {"tickets": [\n${zd(2)}\n]}\n`});
    expect(r.problems).toEqual([
      "t.json:4: json: text after the end of the JSON document on line 4, column 3",
    ]);
    expect(r.tickets.map((t) => t.ticket_id)).toEqual(["1"]);
  });

  it("a stray bracket after a top-level array is an error", async () => {
    const text = `[${zd(1)}]]`;
    const r = await run({"t.json": text});
    // The second "]" is the last character of the one line.
    expect(r.problems).toEqual([
      `t.json:1: json: text after the end of the JSON document on line 1, column ${text.length}`,
    ]);
  });

  it("white space after the document is fine", async () => {
    const r = await run({"t.json": `{"tickets": [${zd(1)}]}\n\n \t\r\n`});
    expect(r.problems).toEqual([]);
  });

  it("is found whatever the chunks", () => {
    const text = `{"a": [1, 2]}\n\nxyz`;
    for (let size = 1; size <= text.length; size++) {
      const s = new JsonMemberScanner(() => {});
      for (let i = 0; i < text.length; i += size) s.push(text.slice(i, i + size));
      expect(s.end().error, `chunks of ${size}`).toBe(
        "text after the end of the JSON document on line 3, column 1",
      );
    }
  });
});
