/**
 * The valid word a mistyped one most likely meant, for "did you mean" hints: a word that starts
 * the typed one or that it starts ("--organisation" for "--org", "solve" for "solved"), else the
 * closest by edit distance when the distance is small for the word's length.
 */

/** Levenshtein distance with adjacent transpositions (Damerau, restricted). */
export function editDistance(a: string, b: string): number {
  const rows = a.length + 1;
  const cols = b.length + 1;
  const d: number[][] = Array.from({length: rows}, (_, i) =>
    Array.from({length: cols}, (_, j) => (i === 0 ? j : j === 0 ? i : 0)),
  );
  for (let i = 1; i < rows; i++)
    for (let j = 1; j < cols; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        v = Math.min(v, d[i - 2]![j - 2]! + 1);
      d[i]![j] = v;
    }
  return d[a.length]![b.length]!;
}

/** The candidate `typed` most likely meant, or null when none is close. Case is ignored. */
export function nearest(typed: string, candidates: readonly string[]): string | null {
  const t = typed.toLowerCase();
  let best: string | null = null;
  let bestScore = Infinity;
  for (const c of candidates) {
    const k = c.toLowerCase();
    if (k === t) return c;
    // A prefix either way, of at least 3 characters, is a stronger hint than any edit distance.
    const prefix = Math.min(k.length, t.length) >= 3 && (k.startsWith(t) || t.startsWith(k));
    const distance = editDistance(t, k);
    const allowed = Math.max(1, Math.floor(Math.max(t.length, k.length) / 3));
    const score = prefix
      ? -1 / (1 + Math.abs(k.length - t.length))
      : distance <= allowed
        ? distance
        : Infinity;
    if (score < bestScore) {
      bestScore = score;
      best = c;
    }
  }
  return best;
}

/** " (did you mean X?)" for the nearest candidate, or "". */
export function didYouMean(typed: string, candidates: readonly string[], quote = (s: string) => s): string {
  const n = nearest(typed, candidates);
  return n === null ? "" : ` (did you mean ${quote(n)}?)`;
}
