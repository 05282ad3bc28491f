import {describe, expect, it} from "vitest";
import {shapeOf} from "../../loaders/formats/index.ts";
import {run} from "../ingest/helpers.ts";

// A small API page written on one line and ended by a newline (the last page of an incremental
// export, 32 KB) was taken for JSON Lines, read as one record, and rejected: "missing ticket id".
const ticket = (id: number) => ({
  id,
  created_at: "2024-12-30T07:16:48Z",
  updated_at: "2024-12-31T14:58:28Z",
  status: "solved",
  via: {channel: "email"},
  tags: [],
});
const page = JSON.stringify({tickets: [ticket(1), ticket(2)], end_of_stream: true}) + "\n";

describe("a one-line JSON export ended by a newline", () => {
  it("is a JSON document, not JSON Lines", () => expect(shapeOf(page)).toBe("json"));

  it("is still JSON Lines when another record follows the first line", () =>
    expect(shapeOf(`${JSON.stringify(ticket(1))}\n${JSON.stringify(ticket(2))}\n`)).toBe("jsonl"));

  for (const chunkSize of [16, 1 << 20]) {
    it(`reads every ticket when it arrives in chunks of ${chunkSize} bytes`, async () => {
      const result = await run({"page-5.json": page}, {}, chunkSize);
      expect(result.problems).toEqual([]);
      expect(result.tickets.map((t) => t.ticket_id)).toEqual(["1", "2"]);
    });
  }
});
