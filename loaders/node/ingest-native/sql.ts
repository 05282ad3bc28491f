/** SQL text helpers for the native engine. */

import {lit} from "../../metrics/sql.ts";

/** Every character JavaScript's `String.prototype.trim` removes, for DuckDB's `trim(s, chars)`. */
const JS_SPACE =
  "\t\n\v\f\r \u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a" +
  "\u2028\u2029\u202f\u205f\u3000\ufeff";

/**
 * `s.trim()` as JavaScript does it. Trimming with a character set is slow in DuckDB, so text
 * that starts and ends with a visible ASCII character (nearly every id) is taken as it is.
 */
export const jsTrim = (s: string) =>
  `CASE WHEN ascii(${s}) BETWEEN 33 AND 126 AND ascii(right(${s}, 1)) BETWEEN 33 AND 126 THEN ${s} ` +
  `ELSE trim(${s}, ${lit(JS_SPACE)}) END`;

/** A double exactly as JavaScript holds it (DuckDB reads a decimal literal as DECIMAL). */
export const double = (v: number) => `CAST(${lit(String(v))} AS DOUBLE)`;

/** `(to - from) / 60000` in doubles, as `minutesBetween` computes it. */
export const minutes = (from: string, to: string) =>
  `(CAST(${to} - ${from} AS DOUBLE) / CAST(60000 AS DOUBLE))`;
