/**
 * The catalogue of contact details masked in free text: e-mail addresses as "[email]" and phone
 * numbers as "[phone]", in the forms people write them (see docs/dataset.md, "Personal data").
 * Every free-text-like field passes through here, via loaders/privacy/masker.ts.
 */

/** Letters and digits of any script, with combining marks, so "zéphyrine" stays one word. */
const W = "\\p{L}\\p{M}\\p{N}";
/**
 * "@" as exports carry it: plain, full-width (＠), small (﹫), URL-encoded (%40), as an HTML
 * entity, or spelled out to dodge scrapers ("(at)", "[at]", "{at}", "<at>").
 */
const AT = "(?:@|＠|﹫|%40|&#0*64;|&commat;|\\s?[(\\[{<]\\s?at\\s?[)\\]}>]\\s?)";
/** "." in a domain: plain, full-width, ideographic, or spelled out ("(dot)", "[dot]"). */
const DOT = "(?:[.．。]|\\s?[(\\[{<]\\s?dot\\s?[)\\]}>]\\s?)";
/**
 * An address: a local part, an "@" form, a domain of one label or more ("@localhost" too). The
 * lookbehind starts a match at a word's first character only, so a long word is scanned once.
 */
const EMAIL_RE = new RegExp(
  `(?<![${W}_%+\\-.．])(?:mailto:)?[${W}_%+\\-]+(?:[.．][${W}_%+\\-]+)*${AT}[${W}\\-]+(?:${DOT}[${W}\\-]+)*`,
  "giu",
);
/** Cheap test before the address scan: no "@" form, no address. */
const AT_HINT = /@|＠|﹫|%40|&#0*64;|&commat;|[([{<]\s?at\s?[)\]}>]/i;

/**
 * A phone candidate: an optional "+", digits of any script (Arabic-Indic too) with spaces, dots,
 * dashes, slashes or parentheses between them. Not preceded by a letter or digit, so it starts a
 * number, never the middle of a word.
 */
const PHONE = "(?<![\\p{L}\\p{N}])\\+?\\(?\\p{Nd}[\\p{Nd}\\s().\\/\\-–]{5,}\\p{Nd}";
/**
 * Toll-free numbers spelled with letters: "1-800-FLOWERS", "(888) GO-FEDEX", and lower-cased as
 * vocabulary fields store them ("1-800-flowers" as a priority word).
 */
const VANITY_RE =
  /(?<![\p{L}\p{N}])(?:\+?1[\s.-]?)?\(?8(?:00|33|44|55|66|77|88)\)?[\s.-]?[A-Z][A-Z0-9]{1,}(?:-[A-Z0-9]+)*(?![\p{L}\p{N}])/giu;
/** A date at the start of a candidate; "06.12.34.56.78" goes on past it, so it is a phone. */
const DATE_LIKE = /^(?:\d{4}-\d{1,2}-\d{1,2}|\d{1,2}([./-])\d{1,2}\1\d{2,4})(?![./-]\d)/;
/**
 * Timestamps whose digit runs look like a phone number: Twitter's "Wed Oct 11 06:55:44 +0000
 * 2017" (the "44 +0000 2017" after the minutes), or any clock time followed by a numeric offset.
 * Matched first, at the same scan, and kept as they are.
 */
const TIMESTAMP =
  "\\b(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)[a-z]*,? (?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\\.? \\d{1,2},? \\d{1,2}:\\d{2}(?::\\d{2})?(?: [+-]\\d{2}:?\\d{2})?(?: \\d{4})?" +
  "|\\b\\d{1,2}:\\d{2}(?::\\d{2})?(?:\\.\\d+)? ?[+-]\\d{2}:?\\d{2}(?: \\d{4})?\\b";
const TIMESTAMP_OR_PHONE = new RegExp(`(${TIMESTAMP})|${PHONE}`, "gu");
const DIGIT = /\p{Nd}/gu;
/** Bare digit runs this long are phone or account numbers ("612345678"), whatever they start with. */
export const BARE_DIGITS_MASKED = 9;
/** Epoch seconds and milliseconds of 2001-2033 ("1700000000"): instants, not phones. */
const EPOCH_LIKE = /^1\d{9}$|^1\d{12}$/;

function maskPhone(candidate: string): string {
  const digits = candidate.match(DIGIT)?.length ?? 0;
  if (digits < 7 || DATE_LIKE.test(candidate)) return candidate;
  const core = candidate.trim();
  const separated = /[\s()./\-–]/u.test(core);
  // A bare run of 7 or 8 digits is more often an id or a date (20240115) than a phone.
  if (!separated && !core.startsWith("+")) {
    if (digits < BARE_DIGITS_MASKED || EPOCH_LIKE.test(core)) return candidate;
  }
  const lead = /^\s*/.exec(candidate)![0];
  return `${lead}[phone]`;
}

/** Replaces e-mail addresses with "[email]" and phone numbers with "[phone]". */
export function maskContacts(text: string): string {
  if (AT_HINT.test(text)) text = text.replace(EMAIL_RE, "[email]");
  text = text.replace(TIMESTAMP_OR_PHONE, (match: string, timestamp: string | undefined) =>
    timestamp === undefined ? maskPhone(match) : match,
  );
  return text.replace(VANITY_RE, "[phone]");
}

/** Text looked at for an excerpt, before masking: bounded, so a huge cell costs no more. */
const EXCERPT_WINDOW = 2048;

/**
 * A short, masked excerpt for reject reports. The text is cut to a window first (at a word's
 * end, so no half address or number is left to escape the catalogue), masked, then shortened.
 */
export function excerpt(text: string, max = 120): string {
  let flat = text;
  if (flat.length > EXCERPT_WINDOW) flat = `${flat.slice(0, EXCERPT_WINDOW).replace(/[^\s,;]*$/u, "")}…`;
  flat = flat.replace(/\s+/g, " ").trim();
  const masked = maskContacts(flat);
  return masked.length > max ? `${masked.slice(0, max - 1)}…` : masked;
}
