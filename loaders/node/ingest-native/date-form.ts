/**
 * The one way each date column of a file is written, as far as the native engine reads it in SQL:
 * "YYYY-MM-DD HH:MM:SS", with "T" for the space or not, with a trailing "Z" or not. The form is
 * taken from the file's first rows; a cell written any other way (another of these forms
 * included) is read by the core's DateReader instead, so a file of mixed forms stays exact, only
 * slower.
 */

export interface DateForm {
  /** "T" between the date and the time, else a space. */
  t: boolean;
  /** A trailing "Z": the instant is UTC, not local time. */
  z: boolean;
}

/** The shapes the core's fast ISO reader takes, with every field in its usual range. */
const FAST_DATE =
  /^[1-9][0-9]{3}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])([ T])([01][0-9]|2[0-3]):[0-5][0-9]:[0-5][0-9](Z?)$/;

/** The form of the first value of a column's sample written in one of the fast forms. */
export function sampleForm(values: readonly (string | undefined)[]): DateForm {
  for (const v of values) {
    const m = v === undefined ? null : FAST_DATE.exec(v);
    if (m) return {t: m[4] === "T", z: m[6] === "Z"};
  }
  return {t: false, z: false};
}

/**
 * SQL for how a TIMESTAMP value is written in `form`. DuckDB prints a whole-second timestamp as
 * "YYYY-MM-DD HH:MM:SS" (one space, no fraction), so a cell equal to this text of its own cast is
 * exactly a cell in the form, with a valid date and every field in range.
 */
export function formText(ts: string, form: DateForm): string {
  const text = form.t ? `replace(CAST(${ts} AS VARCHAR), ' ', 'T')` : `CAST(${ts} AS VARCHAR)`;
  return form.z ? `${text} || 'Z'` : text;
}
