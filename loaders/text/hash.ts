/**
 * A fast 64-bit non-cryptographic hash (two 32-bit multiply-xorshift lanes), synchronous and the
 * same in every runtime. Pseudonyms need a stable, salted, per-row code, and `crypto.subtle` is
 * async (one await per agent row); the per-dataset salt stays with the owner, so a code cannot be
 * reversed by hashing candidate names without it.
 */
export function hash64(text: string, seed = 0): [number, number] {
  let h1 = 0xdeadbeef ^ seed;
  let h2 = 0x41c6ce57 ^ seed;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 2654435761);
    h2 = Math.imul(h2 ^ c, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return [h1 >>> 0, h2 >>> 0];
}

/** Hex digits of the 64-bit hash of `text` salted with `salt`. */
export function saltedHex(salt: string, text: string): string {
  const [a, b] = hash64(`${salt}\u0000${text}`);
  return a.toString(16).padStart(8, "0") + b.toString(16).padStart(8, "0");
}
