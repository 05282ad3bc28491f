/** Drives a JSON adapter over a decoded text stream, one record at a time. */
import type {FileContext, JsonAdapter} from "../formats/types.ts";
import {excerpt} from "../text/mask.ts";
import {parseJsonExactIds} from "../text/json-ids.ts";
import {JsonLinesScanner, JsonMemberScanner, type JsonMember} from "../text/json-stream.ts";
import {limitText, MAX_RECORD_CHARS} from "../text/limits.ts";

/** Returns the records the file holds (for the manifest; see JsonEnd.records). */
export async function runJson(
  adapter: JsonAdapter,
  lines: boolean,
  text: AsyncIterable<string>,
  ctx: FileContext,
  onRows: (rows: number) => void,
): Promise<number> {
  const reader = adapter.open(ctx);
  let rows = 0;
  const onMember = (m: JsonMember): void => {
    rows++;
    let value: unknown;
    try {
      // Ids past 2^53 stay exact digits: rounded, two tickets would merge into one.
      value = parseJsonExactIds(m.text);
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
  const onTooLong = (m: Omit<JsonMember, "text">): void => {
    rows++;
    const what = m.key === null ? "record" : `"${m.key}" record`;
    ctx.sink.reject(m.line, "record", `${what} longer than the ${limitText(MAX_RECORD_CHARS)} limit`, "");
  };
  const scanner = lines
    ? new JsonLinesScanner(onMember, {onTooLong})
    : new JsonMemberScanner(onMember, {onTooLong});
  let first = true;
  let whole: string[] | null = null;
  let size = 0;
  for await (const chunk of text) {
    if (first && !lines && adapter.rootRecord?.(chunk)) whole = [];
    first = false;
    if (whole) {
      // A single record at the root: small by nature, read whole.
      size += chunk.length;
      if (size > MAX_RECORD_CHARS) {
        ctx.sink.fileProblem(
          1,
          "json",
          `a single root record longer than the ${limitText(MAX_RECORD_CHARS)} limit`,
        );
        return 1;
      }
      whole.push(chunk);
      continue;
    }
    scanner.push(chunk);
    onRows(rows);
  }
  if (whole) {
    const all = whole.join("");
    const empty = all.trim() === "";
    if (empty) ctx.sink.fileProblem(1, "file", "empty file");
    else onMember({key: null, text: all, line: 1, index: -1});
    reader.end?.();
    onRows(rows);
    return empty ? 0 : 1;
  }
  const end = scanner.end();
  if (end.error) ctx.sink.fileProblem(end.line, "json", end.error);
  reader.end?.();
  onRows(rows);
  return end.records;
}
