import {createWriteStream} from "node:fs";
import {once} from "node:events";
import {csvLine} from "../text/csv-write.ts";

export {csvCell, csvLine} from "../text/csv-write.ts";

/** Streams a CSV file (header, then one line per record) so large reject lists never build one string. */
export async function writeCsv<K extends string>(
  file: string,
  header: readonly K[],
  rows: Iterable<Record<K, unknown>>,
): Promise<void> {
  const out = createWriteStream(file);
  const closed = once(out, "close");
  out.write(csvLine(header));
  for (const row of rows) {
    if (!out.write(csvLine(header.map((key) => row[key])))) await once(out, "drain");
  }
  out.end();
  await closed;
}
