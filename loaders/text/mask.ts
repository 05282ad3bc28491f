/** Masking of contact details in free text (survey verbatims, reject excerpts). */

const EMAIL_RE = /[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}/g;
// A phone candidate: optional +, digits with spaces, dots, dashes or parentheses between them.
const PHONE_RE = /\+?\(?\d[\d\s().-]{5,}\d/g;
const DATE_LIKE = /^\d{4}-\d{1,2}-\d{1,2}|^\d{1,2}[./-]\d{1,2}[./-]\d{2,4}/;
/**
 * Timestamps whose digit runs look like a phone number to PHONE_RE: Twitter's "Wed Oct 11
 * 06:55:44 +0000 2017" (the "44 +0000 2017" after the minutes), or any clock time followed by a
 * numeric offset. Matched first, at the same scan, and kept as they are.
 */
const TIMESTAMP =
  "\\b(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)[a-z]*,? (?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\\.? \\d{1,2},? \\d{1,2}:\\d{2}(?::\\d{2})?(?: [+-]\\d{2}:?\\d{2})?(?: \\d{4})?" +
  "|\\b\\d{1,2}:\\d{2}(?::\\d{2})?(?:\\.\\d+)? ?[+-]\\d{2}:?\\d{2}(?: \\d{4})?\\b";
const TIMESTAMP_OR_PHONE = new RegExp(`(${TIMESTAMP})|${PHONE_RE.source}`, "g");

function maskPhone(candidate: string): string {
  const digits = candidate.replace(/\D/g, "").length;
  if (digits < 7 || digits > 15 || DATE_LIKE.test(candidate)) return candidate;
  const separated = /[\s().-]/.test(candidate.trim());
  // Bare digit runs are usually ids; only those shaped like phone numbers are masked.
  if (!separated && !candidate.startsWith("+") && !(candidate.startsWith("0") && digits >= 10))
    return candidate;
  const lead = /^\s*/.exec(candidate)![0];
  return `${lead}[phone]`;
}

/** Replaces e-mail addresses with "[email]" and phone numbers with "[phone]". */
export function maskContacts(text: string): string {
  if (text.indexOf("@") >= 0) text = text.replace(EMAIL_RE, "[email]");
  return text.replace(TIMESTAMP_OR_PHONE, (match: string, timestamp: string | undefined) =>
    timestamp === undefined ? maskPhone(match) : match,
  );
}

/** A short, masked excerpt for reject reports. */
export function excerpt(text: string, max = 120): string {
  const flat = text.replace(/\s+/g, " ").trim();
  const masked = maskContacts(flat);
  return masked.length > max ? `${masked.slice(0, max - 1)}…` : masked;
}
