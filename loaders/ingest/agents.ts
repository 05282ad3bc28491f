/** Pseudonymous agent codes: a salted hash of the name or id, stable within a dataset. */
import {saltedHex} from "../text/hash.ts";

export class Agents {
  private byKey = new Map<string, string>();
  private names = new Map<string, string>();
  private byRaw = new Map<string, string>();

  constructor(private readonly salt: string) {}

  /** "agent-" + 8 hex digits; a (rare) collision gets a longer code. */
  code(nameOrId: string): string {
    // The same raw cell on every row of an agent: one lookup, no trimmed or lower-cased copy.
    const seen = this.byRaw.get(nameOrId);
    if (seen !== undefined) return seen;
    const code = this.codeOf(nameOrId);
    if (this.byRaw.size < 100_000) this.byRaw.set(nameOrId, code);
    return code;
  }

  private codeOf(nameOrId: string): string {
    const key = nameOrId.trim().toLowerCase();
    const hit = this.byKey.get(key);
    if (hit !== undefined) return hit;
    const hex = saltedHex(this.salt, key);
    let code = `agent-${hex.slice(0, 8)}`;
    if (this.names.has(code)) code = `agent-${hex}`;
    this.byKey.set(key, code);
    this.names.set(code, nameOrId.trim());
    return code;
  }

  /** The owner's mapping, sorted by code. */
  list(): {code: string; name: string}[] {
    return [...this.names].map(([code, name]) => ({code, name})).sort((a, b) => (a.code < b.code ? -1 : 1));
  }
}
