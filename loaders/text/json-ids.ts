/**
 * JSON.parse, except that an integer past 2^53 written without quotes as the value of an id
 * (`id`, `*_id`, or an element of `ids` / `*_ids`) is read as its exact digits, a string:
 * JavaScript numbers would round it, and two ids would become one.
 */

/** A run of digits long enough to be past 2^53 (9007199254740992 has 16). */
const LONG_DIGITS = /\d{16}/;
const ID_KEY = /^(?:id|ids)$|_ids?$/i;
const INTEGER = /^-?\d+$/;
/** The key of an object value being read, for a container on the stack. */
const OBJECT = Symbol("object");

export function parseJsonExactIds(text: string): unknown {
  return JSON.parse(LONG_DIGITS.test(text) ? quoteLongIds(text) : text);
}

/** The text with every unsafe integer id quoted; malformed text comes back for JSON.parse to refuse. */
export function quoteLongIds(text: string): string {
  const out: string[] = [];
  let copied = 0;
  /** Per open container: OBJECT, or the key an array is the value of. */
  const stack: (string | null | typeof OBJECT)[] = [];
  let key: string | null = null;
  const n = text.length;
  let i = 0;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (c === 34) {
      let j = i + 1;
      while (j < n) {
        const d = text.charCodeAt(j);
        if (d === 92) j += 2;
        else if (d === 34) break;
        else j++;
      }
      let k = j + 1;
      while (k < n && /\s/.test(text[k]!)) k++;
      if (text.charCodeAt(k) === 58 && stack.at(-1) === OBJECT) {
        key = text.slice(i + 1, j);
        i = k + 1;
      } else i = j + 1;
      continue;
    }
    if (c === 123) stack.push(OBJECT);
    else if (c === 91) stack.push(stack.at(-1) === OBJECT ? key : ((stack.at(-1) as string | null) ?? null));
    else if (c === 125 || c === 93) stack.pop();
    else if (c === 45 || (c >= 48 && c <= 57)) {
      let j = i + 1;
      while (j < n && /[\d.eE+-]/.test(text[j]!)) j++;
      const token = text.slice(i, j);
      const top = stack.at(-1);
      const owner = top === OBJECT ? key : (top ?? null);
      if (
        owner !== null &&
        ID_KEY.test(owner) &&
        INTEGER.test(token) &&
        !Number.isSafeInteger(Number(token))
      ) {
        out.push(text.slice(copied, i), `"${token}"`);
        copied = j;
      }
      i = j;
      continue;
    }
    i++;
  }
  if (copied === 0) return text;
  out.push(text.slice(copied));
  return out.join("");
}
