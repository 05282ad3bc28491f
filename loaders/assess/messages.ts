/**
 * What the self-assessment says when it stops: one sentence per language, since the worker's
 * messages reach the page as they are (the page shows `en` or `fr`). File names are quoted as given.
 */

export interface Said {
  en: string;
  fr: string;
}

/** A run that cannot go on, with its reason in both languages. */
export class AssessError extends Error {
  constructor(readonly said: Said) {
    super(said.en);
    this.name = "AssessError";
  }
}

/** The run was cancelled (AbortSignal). */
export class AssessCancelled extends Error {
  constructor() {
    super("cancelled");
    this.name = "AssessCancelled";
  }
}

/**
 * Most bytes one assessment reads, dropped files and unzipped entries together. The core engine
 * peaked at about 1 GiB for the 224 MB, 1 M-ticket CSV of `npm run bench` (docs/testing.md); the
 * tab then also holds the prepared tables, their Arrow copies and DuckDB-WASM's own, so 256 MB
 * (that export, with room for a survey file) keeps the tab near 2 GiB, under what a browser grants
 * one page. Beyond it, the command line reads any size with native DuckDB.
 */
export const MAX_ASSESS_BYTES = 256 * 2 ** 20;

const mb = (bytes: number) => Math.round(bytes / 2 ** 20);

export const say = {
  tooLarge: (file: string, total: number, limit = MAX_ASSESS_BYTES): Said => ({
    en:
      `${file}: the files come to ${mb(total)} MB with it, more than the ${mb(limit)} MB a browser tab ` +
      "can read here. Read them with the command line (servicebench ingest), or drop fewer files.",
    fr:
      `${file} : avec ce fichier, l'ensemble atteint ${mb(total)} Mo, plus que les ${mb(limit)} Mo ` +
      "qu'un onglet peut lire ici. Lisez-les avec la ligne de commande (servicebench ingest), ou déposez moins de fichiers.",
  }),
  outOfMemory: (file: string | null, detail: string): Said => ({
    en:
      `${file ? `${file}: ` : ""}the browser ran out of memory (${detail}). ` +
      "Drop fewer or smaller files, or read them with the command line (servicebench ingest).",
    fr:
      `${file ? `${file} : ` : ""}le navigateur a manqué de mémoire (${detail}). ` +
      "Déposez moins de fichiers ou des fichiers plus petits, ou lisez-les avec la ligne de commande (servicebench ingest).",
  }),
  noFiles: (): Said => ({
    en: "No export file to read: drop helpdesk or survey exports, or a dataset downloaded from this page.",
    fr: "Aucun fichier d'export à lire : déposez des exports de helpdesk ou d'enquête, ou un jeu de données téléchargé depuis cette page.",
  }),
  badMapping: (file: string, problems: string): Said => ({
    en: `${file}: the mapping file cannot be used: ${problems}`,
    fr: `${file} : le fichier de correspondance est inutilisable : ${problems}`,
  }),
  severalMappings: (files: string[]): Said => ({
    en: `Several mapping files (${files.join(", ")}): keep one.`,
    fr: `Plusieurs fichiers de correspondance (${files.join(", ")}) : n'en gardez qu'un.`,
  }),
  badTimeZone: (zone: string): Said => ({
    en: `"${zone}" is not an IANA time zone (e.g. Europe/Paris, America/New_York).`,
    fr: `« ${zone} » n'est pas un fuseau horaire IANA (par exemple Europe/Paris, America/New_York).`,
  }),
  badOrg: (org: string): Said => ({
    en: `"${org}" cannot name the organisation: use letters, digits, ".", "_" or "-".`,
    fr: `« ${org} » ne peut pas nommer l'organisation : utilisez des lettres, des chiffres, « . », « _ » ou « - ».`,
  }),
  badProfile: (file: string, problems: string): Said => ({
    en: `${file}: not a valid profile: ${problems}`,
    fr: `${file} : profil invalide : ${problems}`,
  }),
  datasetAndExports: (files: string[]): Said => ({
    en:
      `A dataset and export files were dropped together (${files.slice(0, 3).join(", ")}` +
      `${files.length > 3 ? ", …" : ""}): drop the dataset alone, or the exports alone.`,
    fr:
      `Un jeu de données et des fichiers d'export ont été déposés ensemble (${files.slice(0, 3).join(", ")}` +
      `${files.length > 3 ? ", …" : ""}) : déposez le jeu de données seul, ou les exports seuls.`,
  }),
  badDatasetFile: (file: string, problem: string): Said => ({
    en: `${file}: this dataset file cannot be read: ${problem}`,
    fr: `${file} : ce fichier du jeu de données est illisible : ${problem}`,
  }),
  badZip: (file: string, problem: string): Said => ({
    en: `${file}: the zip archive cannot be read: ${problem}`,
    fr: `${file} : l'archive zip est illisible : ${problem}`,
  }),
  failed: (detail: string): Said => ({
    en: `The files could not be read: ${detail}`,
    fr: `Les fichiers n'ont pas pu être lus : ${detail}`,
  }),
  noResult: (): Said => ({
    en: "Nothing to download yet: read the files first.",
    fr: "Rien à télécharger pour l'instant : lisez d'abord les fichiers.",
  }),
};

/** True for the errors an exhausted heap throws (V8's RangeError, a failed buffer allocation). */
export function isOutOfMemory(error: unknown): boolean {
  if (error instanceof RangeError) return true;
  const message = error instanceof Error ? error.message : String(error);
  return /out of memory|allocation failed|Invalid (string|array|typed array) length/i.test(message);
}
