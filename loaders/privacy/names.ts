/**
 * Names of the people an export knows (requesters, agents), collected per run, and where they
 * appear in free text. Matching is by word (letters of any script, accents and case folded), so
 * "Zéphyrine Dupont", "zephyrine_dupont", "DUPONT, Zéphyrine" and "zephyrinedupont" all match.
 */

/** A word: letters, marks and digits of any script, with inner apostrophes ("O'Brien"). */
const TOKEN = /[\p{L}\p{M}\p{N}]+(?:['’][\p{L}\p{M}\p{N}]+)*/gu;
/** What may separate the words of one name in text: "Jane Doe", "jane_doe", "Doe, Jane", "J.-P.". */
const SEPARATOR = /^[\s_.,\-'’/]{1,3}$/u;
const DIGITS = /^\p{N}+$/u;
const UPPER = /^\p{Lu}/u;

/** Words that are roles or placeholders, not people: a requester called "Support Team" names no one. */
const NOT_PERSON = new Set(
  (
    "admin administrator agent api account accounts billing bot client clients contact customer customers " +
    "desk email end help helpdesk info mail manager name noreply no-reply none null operator phone reply " +
    "sales service support system team test the unknown user users web"
  ).split(" "),
);

/** Shortest word matched on its own (a first name or surname alone): "Li" and "Wu" would hit too much text. */
export const MIN_PART = 3;
/** Shortest joined name matched as one word ("janedoe"). */
const MIN_JOINED = 6;

/** Accent- and case-folded form of a word. */
/** Plain ASCII names, most of any export: the same words as the Unicode path, an order of magnitude faster. */
const ASCII = /^[\x20-\x7e]*$/;
const ASCII_TOKEN = /[a-z0-9]+(?:'[a-z0-9]+)*/g;
const ASCII_DIGITS = /^[0-9]+$/;

/** A name's folded words, digits left out, for an ASCII name (folding ASCII is lower-casing). */
function asciiWords(name: string): string[] {
  return (name.toLowerCase().match(ASCII_TOKEN) ?? []).filter((w) => !ASCII_DIGITS.test(w));
}

/** A name's folded words, digits left out, whatever its script. */
function unicodeWords(name: string): string[] {
  const words: string[] = [];
  for (const m of name.matchAll(TOKEN)) if (!DIGITS.test(m[0])) words.push(foldWord(m[0]));
  return words;
}

export function foldWord(word: string): string {
  return word.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase();
}

/**
 * How a field is matched: a "label" (group, type, tag, channel word, segment) only loses whole
 * names, since its words are vocabulary; a "verbatim" (comment, reject excerpt) also loses a
 * first name or surname alone when it is written capitalised ("thanks to Zéphyrine").
 */
export type NameMode = "label" | "verbatim";

export class KnownNames {
  /** First word -> the names (as folded words) starting with it, two words or more. */
  private readonly sequences = new Map<string, string[][]>();
  private readonly sequenceKeys = new Set<string>();
  /** One-word names and joined names ("janedoe"): matched as a whole word anywhere. */
  private readonly singles = new Set<string>();
  /** Words of names of two words or more: matched alone in verbatims, when capitalised. */
  private readonly parts = new Set<string>();
  /** Raw cells already read: the same requester is on many rows. A cache only, bounded. */
  private readonly seen = new Set<string>();

  get size(): number {
    return this.sequenceKeys.size + this.singles.size;
  }

  /** A person's name as a cell gives it; e-mail addresses and numeric ids are not names. */
  add(raw: string): void {
    if (this.seen.has(raw)) return;
    if (this.seen.size < 100_000) this.seen.add(raw);
    const name = raw.trim();
    if (name === "" || name.length > 200 || /[@＠]/.test(name)) return;
    const words = ASCII.test(name) ? asciiWords(name) : unicodeWords(name);
    if (words.every((w) => NOT_PERSON.has(w) || w.length < 2)) return;
    if (words.length === 1) {
      if (words[0]!.length >= MIN_PART) this.singles.add(words[0]!);
      return;
    }
    this.addSequence(words);
    // "Dupont, Zéphyrine" and "DUPONT Zéphyrine": the surname first.
    this.addSequence([words.at(-1)!, ...words.slice(0, -1)]);
    const joined = words.join("");
    if (joined.length >= MIN_JOINED) this.singles.add(joined);
    for (const w of words) if (w.length >= MIN_PART && !NOT_PERSON.has(w)) this.parts.add(w);
  }

  addAll(names: Iterable<string>): void {
    for (const n of names) this.add(n);
  }

  private addSequence(words: string[]): void {
    const key = words.join(" ");
    if (this.sequenceKeys.has(key)) return;
    this.sequenceKeys.add(key);
    const list = this.sequences.get(words[0]!);
    if (list) list.push(words);
    else this.sequences.set(words[0]!, [words]);
  }

  /** `text` with every known name replaced by "[name]". */
  mask(text: string, mode: NameMode): string {
    if (this.size === 0 || text === "") return text;
    const words: {k: string; start: number; end: number; upper: boolean}[] = [];
    for (const m of text.matchAll(TOKEN)) {
      if (DIGITS.test(m[0])) continue;
      words.push({k: foldWord(m[0]), start: m.index, end: m.index + m[0].length, upper: UPPER.test(m[0])});
    }
    let out = "";
    let last = 0;
    for (let i = 0; i < words.length;) {
      const w = words[i]!;
      let len = 0;
      for (const seq of this.sequences.get(w.k) ?? []) {
        if (seq.length <= len || i + seq.length > words.length) continue;
        let j = 1;
        for (; j < seq.length; j++) {
          const next = words[i + j]!;
          if (next.k !== seq[j] || !SEPARATOR.test(text.slice(words[i + j - 1]!.end, next.start))) break;
        }
        if (j === seq.length) len = seq.length;
      }
      if (len === 0 && this.singles.has(w.k)) len = 1;
      if (len === 0 && mode === "verbatim" && w.upper && this.parts.has(w.k)) len = 1;
      if (len === 0) {
        i++;
        continue;
      }
      out += `${text.slice(last, w.start)}[name]`;
      last = words[i + len - 1]!.end;
      i += len;
    }
    return last === 0 ? text : out + text.slice(last);
  }
}
