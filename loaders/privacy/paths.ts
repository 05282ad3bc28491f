/**
 * Input file names as a dataset may hold them: relative to the ingest's input root, never an
 * absolute local path (which names the owner's machine, home folder and often the client).
 * Pure string work on both kinds of separators, so the isomorphic core can use it.
 */

const ABSOLUTE = /^(?:[\\/]|[A-Za-z]:[\\/]|\\\\|~)/;

const segments = (p: string) => p.split(/[\\/]+/).filter((s) => s !== "" && s !== ".");

/**
 * A file name fit to ship: relative paths inside their root as they are (with "/"), anything
 * absolute or climbing out of its root ("..") as its base name.
 */
export function shippedPath(p: string): string {
  const parts = segments(p);
  if (parts.length === 0) return p;
  if (ABSOLUTE.test(p) || parts.includes("..")) return parts.at(-1)!;
  return parts.join("/");
}

/** An id made from a file's path and a suffix (`file#line`, `file#ticket-21`), its path shipped. */
export function shippedPathId(id: string): string {
  const hash = id.indexOf("#");
  if (hash <= 0) return id;
  const file = id.slice(0, hash);
  return /[\\/]/.test(file) || ABSOLUTE.test(file) ? `${shippedPath(file)}${id.slice(hash)}` : id;
}

/** The input root of a run: the deepest folder holding every input file (absolute paths). */
export function inputRoot(files: readonly string[]): string {
  let root: string[] | null = null;
  for (const file of files) {
    const dir = file.split(/[\\/]+/).slice(0, -1);
    if (root === null) root = dir;
    else {
      let k = 0;
      while (k < root.length && k < dir.length && root[k] === dir[k]) k++;
      root = root.slice(0, k);
    }
  }
  return (root ?? []).join("/") || "/";
}

/** `file` (absolute) relative to `root` (absolute), with "/"; its base name when outside the root. */
export function relativeTo(root: string, file: string): string {
  const r = segments(root);
  const f = segments(file);
  const inside = r.every((s, k) => f[k] === s) && f.length > r.length;
  return inside ? f.slice(r.length).join("/") : f.at(-1)!;
}
