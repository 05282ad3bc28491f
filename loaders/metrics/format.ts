/**
 * Human units for KPI values, in English or French, shared by the command line and the site.
 * The formatters themselves live in the site's src/components/format.ts, because pages can only
 * import modules inside the site's root; the library re-exports them so both speak alike.
 */
import type {Text} from "./types.ts";

export {
  formatMinutes as formatDuration,
  formatNumber as formatCount,
  formatPercent,
  type Lang,
} from "../../src/components/format.ts";

/** "unknown (the export has no reopen counts)" / "inconnu (l'export ne contient aucun nombre de réouvertures)". */
export function formatUnknown(reason: Text | null | undefined, lang: "en" | "fr" = "en"): string {
  const word = lang === "fr" ? "inconnu" : "unknown";
  return reason ? `${word} (${reason[lang]})` : word;
}
