/** Drives a JSON adapter over a decoded text stream, one record at a time. */
import type {FileContext, JsonAdapter} from "../formats/types.ts";
import {excerpt} from "../text/mask.ts";
import {JsonLinesScanner, JsonMemberScanner, type JsonMember} from "../text/json-stream.ts";

const MAX_ROOT_RECORD = 64 * 2 ** 20;

export async function runJson(
  adapter: JsonAdapter,
  lines: boolean,
  text: AsyncIterable<string>,
  ctx: FileContext,
  onRows: (rows: number) => void,
): Promise<void> {
  const reader = adapter.open(ctx);
  let rows = 0;
  const onMember = (m: JsonMember): void => {
    rows++;
    let value: unknown;
    try {
      value = JSON.parse(m.text);
    } catch (error) {
      ctx.sink.reject(m.line, "json", `malformed JSON: ${(error as Error).message}`, excerpt(m.text, 60));
      return;
    }
    try {
      reader.member(m.key, value, m.line, m.text);
    } catch (error) {
      ctx.sink.reject(
        m.line,
        "record",
        `could not read record: ${(error as Error).message}`,
        excerpt(m.text, 60),
      );
    }
  };
  const scanner = lines ? new JsonLinesScanner(onMember) : new JsonMemberScanner(onMember);
  let first = true;
  let whole: string[] | null = null;
  let size = 0;
  for await (const chunk of text) {
    if (first && !lines && adapter.rootRecord?.(chunk)) whole = [];
    first = false;
    if (whole) {
      // A single record at the root: small by nature, read whole.
      size += chunk.length;
      if (size > MAX_ROOT_RECORD) {
        ctx.sink.fileProblem(1, "json", "a single root record larger than 64 MB");
        return;
      }
      whole.push(chunk);
      continue;
    }
    scanner.push(chunk);
    onRows(rows);
  }
  if (whole) {
    const all = whole.join("");
    if (all.trim() === "") ctx.sink.fileProblem(1, "file", "empty file");
    else onMember({key: null, text: all, line: 1, index: -1});
    reader.end?.();
    onRows(rows);
    return;
  }
  const end = scanner.end();
  if (end.error) ctx.sink.fileProblem(end.line, "json", end.error);
  reader.end?.();
  onRows(rows);
}
