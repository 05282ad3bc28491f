/**
 * The one way each date column of a file is written, as far as the native engine reads it in SQL,
 * taken from the file's first rows:
 * - ISO, "YYYY-MM-DD HH:MM:SS", with "T" for the space or not, with a trailing "Z" (UTC) or not;
 * - slash dates, "03/14/2024 09:05" and the like, once those rows settle the day/month order.
 * A cell is read in SQL only when it is exactly the text of its own value printed in the column's
 * form; any other cell (another form included) is read by the core's DateReader, so a file of
 * mixed forms stays exact, only slower.
 */
import {lit} from "../../metrics/sql.ts";

export type DateForm =
  | {
      kind: "iso";
      /** "T" between the date and the time, else a space. */
      t: boolean;
      /** A trailing "Z": the instant is UTC, not local time. */
      z: boolean;
    }
  /** A slash date in local time, as a DuckDB strptime/strftime format. */
  | {kind: "slash"; format: string};

export const PLAIN_ISO: DateForm = {kind: "iso", t: false, z: false};

/** The ISO shapes the core's fast reader takes, with every field in its usual range. */
const ISO =
  /^[1-9][0-9]{3}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])([ T])([01][0-9]|2[0-3]):[0-5][0-9]:[0-5][0-9](Z?)$/;

/**
 * Slash dates as the core's DateReader reads them (`SLASH_RE`), narrowed to one space before the
 * time and upper-case AM/PM: "3/14/24", "03/14/2024 9:05", "14/03/2024 09:05:59 PM".
 */
const SLASH = /^(\d{1,2})\/(\d{1,2})\/(\d{4}|\d{2})(?: (\d{1,2}):(\d{2})(?::(\d{2}))?(?: ([AP]M))?)?$/;

/**
 * Whether a field is written with a leading zero: true when a value shows one ("03"), false when
 * one shows a single digit ("3"), and padded when no value tells (every value 10 or above).
 */
function padded(parts: string[]): boolean {
  for (const p of parts) if (Number(p) < 10) return p.length === 2;
  return true;
}

/**
 * The form of a date column from its first values (in file order): that of the first value in a
 * form SQL reads. Slash dates need the day/month order those rows settle (`dayFirst`); while it is
 * unsettled they stay with the core.
 */
export function sampleForm(values: readonly (string | null | undefined)[], dayFirst?: boolean): DateForm {
  const present = values.filter((v): v is string => !!v);
  for (const v of present) {
    const iso = ISO.exec(v);
    if (iso) return {kind: "iso", t: iso[3] === "T", z: iso[5] === "Z"};
    const slash = dayFirst === undefined ? null : SLASH.exec(v);
    if (!slash) continue;
    const [, , , year, hour, , second, ampm] = slash;
    // Every slash value of the sample in this shape tells how its fields are padded.
    const same = present
      .map((x) => SLASH.exec(x))
      .filter(
        (m): m is RegExpExecArray =>
          m !== null &&
          m[3]!.length === year!.length &&
          (m[4] === undefined) === (hour === undefined) &&
          (m[6] === undefined) === (second === undefined) &&
          (m[7] === undefined) === (ampm === undefined),
      );
    const first = padded(same.map((m) => m[1]!)) ? "%" : "%-";
    const next = padded(same.map((m) => m[2]!)) ? "%" : "%-";
    const date = dayFirst
      ? `${first}d/${next}m/${year!.length === 4 ? "%Y" : "%y"}`
      : `${first}m/${next}d/${year!.length === 4 ? "%Y" : "%y"}`;
    if (hour === undefined) return {kind: "slash", format: date};
    const h = `${padded(same.map((m) => m[4]!)) ? "%" : "%-"}${ampm ? "I" : "H"}`;
    return {
      kind: "slash",
      format: `${date} ${h}:%M${second === undefined ? "" : ":%S"}${ampm ? " %p" : ""}`,
    };
  }
  return PLAIN_ISO;
}

/** SQL of the cell cast to TIMESTAMP (NULL when it does not read) in the column's form. */
export function formCast(cell: string, form: DateForm): string {
  return form.kind === "iso"
    ? `TRY_CAST(${cell} AS TIMESTAMP)`
    : `TRY_STRPTIME(${cell}, ${lit(form.format)})`;
}

/**
 * SQL for how a TIMESTAMP value is written in `form`. DuckDB prints a whole-second timestamp as
 * "YYYY-MM-DD HH:MM:SS" (one space), so a cell equal to this text of its own cast is exactly a
 * cell in the form, with a valid date and every field in range (see `formGuard` for fractions).
 */
export function formText(ts: string, form: DateForm): string {
  if (form.kind === "slash") return `strftime(${ts}, ${lit(form.format)})`;
  const text = form.t ? `replace(CAST(${ts} AS VARCHAR), ' ', 'T')` : `CAST(${ts} AS VARCHAR)`;
  return form.z ? `${text} || 'Z'` : text;
}

/**
 * SQL: the values whose text the core reads as DuckDB does. ISO: whole seconds (DuckDB prints a
 * fraction back too, but truncates it to milliseconds where the core rounds), in years from 1000
 * on (where the core's fast reader starts). Slash dates: four-digit years from 1000 on, and
 * two-digit years but "69", which the core reads as 2069 and DuckDB as 1969.
 */
export function formGuard(ts: string, form: DateForm): string {
  if (form.kind === "iso") return `${ts} >= TIMESTAMP '1000-01-01' AND epoch_us(${ts}) % 1000000 = 0`;
  return form.format.includes("%y") ? `year(${ts}) <> 1969` : `${ts} >= TIMESTAMP '1000-01-01'`;
}

/** Whether fast cells of the form carry their own zone (UTC), so no local time to convert. */
export const formIsUtc = (form: DateForm) => form.kind === "iso" && form.z;
