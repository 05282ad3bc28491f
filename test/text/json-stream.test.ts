import fc from "fast-check";
import {describe, expect, it} from "vitest";
import {JsonLinesScanner, JsonMemberScanner, type JsonMember} from "../../loaders/text/json-stream.ts";

/** Scans `text` cut into `chunk`-sized pieces: members, values over `max`, and the end. */
function scan(text: string, chunk: number, max?: number, lines = false) {
  const members: JsonMember[] = [];
  const tooLong: number[] = [];
  const options = {maxRecord: max, onTooLong: (m: {line: number}) => tooLong.push(m.line)};
  const s = lines
    ? new JsonLinesScanner((m) => members.push(m), options)
    : new JsonMemberScanner((m) => members.push(m), options);
  for (let i = 0; i < text.length; i += chunk) s.push(text.slice(i, i + chunk));
  return {members, tooLong, end: s.end()};
}

const value = fc.jsonValue({maxDepth: 2}).map((v) => JSON.stringify(v, null, 1));
const doc = fc
  .tuple(fc.array(value, {maxLength: 5}), fc.array(value, {maxLength: 3}))
  .map(
    ([tickets, users]) =>
      `{"tickets": [${tickets.join(",\n")}],\n"users": [${users.join(",")}], "next_page": null}`,
  );

describe("JSON member scanner", () => {
  it("gives the same members, over-long values and end whatever the chunks", () => {
    fc.assert(
      fc.property(
        doc,
        fc.integer({min: 1, max: 13}),
        fc.option(fc.integer({min: 2, max: 30})),
        (d, chunk, max) => {
          const whole = scan(d, d.length || 1, max ?? undefined);
          const cut = scan(d, chunk, max ?? undefined);
          expect(cut).toEqual(whole);
          if (max === null) {
            expect(whole.members.filter((m) => m.index >= 0).map((m) => JSON.parse(m.text))).toEqual(
              (JSON.parse(d) as {tickets: unknown[]; users: unknown[]}).tickets.concat(
                (JSON.parse(d) as {users: unknown[]}).users,
              ),
            );
            expect(whole.end.error).toBeNull();
          }
        },
      ),
      {numRuns: 300},
    );
  });

  it("counts the records: array elements and object members outside arrays", () => {
    const {end} = scan(`{"tickets": [{"id": 1}, {"id": 2}], "ticket": {"id": 3}, "count": 2}`, 5);
    expect(end.records).toBe(3);
  });

  it("skips a value over the limit and reads on", () => {
    const {members, tooLong, end} = scan(`[{"a": "${"x".repeat(50)}"},\n{"b": 1}]`, 7, 20);
    expect(members.map((m) => m.text)).toEqual(['{"b": 1}']);
    expect(tooLong).toEqual([1]);
    expect(end).toMatchObject({error: null, records: 2});
  });
});

describe("JSON Lines scanner", () => {
  it("gives the same lines whatever the chunks, and skips one over the limit", () => {
    const text = `{"a": 1}\n\n{"b": "${"y".repeat(40)}"}\n{"c": 3}`;
    for (let chunk = 1; chunk <= 9; chunk++) {
      const out = scan(text, chunk, 20, true);
      expect(out.members.map((m) => [m.line, m.text])).toEqual([
        [1, '{"a": 1}'],
        [4, '{"c": 3}'],
      ]);
      expect(out.tooLong).toEqual([3]);
      expect(out.end.records).toBe(3);
    }
  });
});
