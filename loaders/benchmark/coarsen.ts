/** The word a coarsened group value becomes. */
export const OTHER = "other";

/**
 * Groups that would single out fewer than `min` organisations are merged into "other": an industry
 * or country held by one client of a consultant's panel would otherwise name that client to
 * anyone who knows the field. Returns the rows with the rare values replaced, and which values
 * were merged (for the panel's description). Nulls stay null: unknown is not a group.
 */
export function coarsen<T extends Record<K, string | null>, K extends string>(
  rows: readonly T[],
  key: K,
  min: number,
): {rows: T[]; merged: string[]} {
  const counts = new Map<string, number>();
  for (const r of rows) if (r[key] !== null) counts.set(r[key]!, (counts.get(r[key]!) ?? 0) + 1);
  const rare = new Set([...counts].filter(([, n]) => n < min).map(([v]) => v));
  return {
    rows: rows.map((r) => (r[key] !== null && rare.has(r[key]!) ? {...r, [key]: OTHER} : r)),
    merged: [...rare].sort(),
  };
}
