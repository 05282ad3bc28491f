import fc from "fast-check";
import {describe, expect, it} from "vitest";
import {IdIndex} from "../../loaders/ingest/id-index.ts";

/** Stores each new id at the next position, as the combiner does, and checks every lookup against a Map. */
function checkAgainstMap(ids: string[]): void {
  const index = new IdIndex();
  const expected = new Map<string, number>();
  for (const id of ids) {
    expect(index.get(id)).toBe(expected.get(id) ?? -1);
    if (!expected.has(id)) {
      index.set(id, expected.size);
      expected.set(id, expected.size);
    }
  }
  for (const [id, position] of expected) expect(index.get(id)).toBe(position);
}

describe("IdIndex", () => {
  it("finds dense ids read in any direction", () => {
    checkAgainstMap(Array.from({length: 200_000}, (_, i) => String(1_000_000 + i)));
    checkAgainstMap(Array.from({length: 200_000}, (_, i) => String(5_000_000 - i)));
  });

  it("tells apart ids that only look alike as numbers", () => {
    checkAgainstMap([
      "7",
      "07",
      "007",
      "0",
      "00",
      "-7",
      "+7",
      "7.0",
      " 7",
      "1e3",
      "1000",
      "9".repeat(16),
      "9".repeat(15),
    ]);
  });

  it("matches a Map on any mix of sparse, dense and text ids", () => {
    const id = fc.oneof(
      fc.integer({min: 0, max: 3000}).map(String),
      fc.integer({min: 0, max: 2 ** 40}).map(String),
      fc.stringMatching(/^[0-9a-z-]{0,4}$/),
    );
    fc.assert(fc.property(fc.array(id, {maxLength: 400}), (ids) => checkAgainstMap(ids)));
  });
});
