import {lit} from "./sql.ts";
import type {Text} from "./types.ts";

/**
 * Why a KPI is unknown: its inputs are null on every row it would count, so the export does
 * not hold them. An unknown KPI is null with one of these reasons in its `reason` column, never 0.
 * Each reason completes "unknown (...)" / "inconnu (...)".
 */
export const UNKNOWN = {
  first_reply: {
    en: "the export has no first reply times",
    fr: "l'export ne contient aucun délai de première réponse",
  },
  first_reply_business: {
    en: "the export has no business-hours first reply times",
    fr: "l'export ne contient aucun délai de première réponse en heures ouvrées",
  },
  full_resolution: {
    en: "the export has no resolution times",
    fr: "l'export ne contient aucun délai de résolution",
  },
  full_resolution_business: {
    en: "the export has no business-hours resolution times",
    fr: "l'export ne contient aucun délai de résolution en heures ouvrées",
  },
  requester_wait: {
    en: "the export has no requester wait times",
    fr: "l'export ne contient aucun temps d'attente du demandeur",
  },
  requester_wait_business: {
    en: "the export has no business-hours requester wait times",
    fr: "l'export ne contient aucun temps d'attente du demandeur en heures ouvrées",
  },
  replies: {
    en: "the export has no reply counts",
    fr: "l'export ne contient aucun nombre de réponses",
  },
  reopens: {
    en: "the export has no reopen counts",
    fr: "l'export ne contient aucun nombre de réouvertures",
  },
  assignees: {
    en: "the export has no assignees",
    fr: "l'export ne contient aucun assigné",
  },
  agents: {
    en: "the export has no assignees and the profile no agent count",
    fr: "l'export ne contient aucun assigné et le profil aucun effectif d'agents",
  },
  activity: {
    en: "the export has no agent action times (first replies or solves)",
    fr: "l'export ne contient aucune heure d'action d'agent (premières réponses ou résolutions)",
  },
  survey_state: {
    en: "the export records no survey sent",
    fr: "l'export n'indique aucune enquête envoyée",
  },
  unanswered: {
    en: "the export records no unanswered survey, so the surveys sent are not known",
    fr: "l'export n'indique aucune enquête sans réponse, donc les enquêtes envoyées ne sont pas connues",
  },
  csat: {
    en: "the export has no CSAT ratings or survey responses",
    fr: "l'export ne contient aucune évaluation ni réponse d'enquête CSAT",
  },
  nps: {
    en: "the export has no NPS responses",
    fr: "l'export ne contient aucune réponse NPS",
  },
  cost: {
    en: "no monthly cost entered for this channel",
    fr: "aucun coût mensuel saisi pour ce canal",
  },
} as const satisfies Record<string, Text>;

export type UnknownReason = keyof typeof UNKNOWN;

/** The reason as a SQL struct literal `{'en': ..., 'fr': ...}`, identical in both engines. */
export function reasonSql(reason: UnknownReason): string {
  const r = UNKNOWN[reason];
  return `{'en': ${lit(r.en)}, 'fr': ${lit(r.fr)}}`;
}

/**
 * `CASE WHEN cond1 THEN reason1 WHEN ... END`: the first reason whose condition holds, null
 * when none does (the KPI is known).
 */
export function reasonCase(checks: readonly (readonly [string, UnknownReason])[]): string {
  if (!checks.length) return "CAST(NULL AS STRUCT(en VARCHAR, fr VARCHAR))";
  return `(CASE ${checks.map(([cond, r]) => `WHEN ${cond} THEN ${reasonSql(r)}`).join(" ")} END)`;
}

/** SQL condition true when any check holds: the KPI is unknown. */
export function anyUnknown(checks: readonly (readonly [string, UnknownReason])[]): string {
  return checks.length ? `(${checks.map(([cond]) => `(${cond})`).join(" OR ")})` : "FALSE";
}

/** The reason of a duration KPI on a clock, e.g. `first_reply_business`. */
export function durationReason(id: string, clock: string | undefined): UnknownReason {
  const key = clock === "business" ? `${id}_business` : id;
  if (!(key in UNKNOWN)) throw new RangeError(`no unknown reason for ${key}`);
  return key as UnknownReason;
}

/**
 * The reason of a result row, whichever engine returned it: a plain `{en, fr}` object (native
 * DuckDB, or normalised) or an Arrow struct row (DuckDB-WASM in a page). Null when the row is known.
 */
export function rowReason(row: Record<string, unknown>): Text | null {
  const r = row.reason as {en?: unknown; fr?: unknown} | null | undefined;
  if (r === null || r === undefined || typeof r !== "object") return null;
  return typeof r.en === "string" && typeof r.fr === "string" ? {en: r.en, fr: r.fr} : null;
}

/** A null reason, typed so UNION ALL lines up with reason rows. */
export const NO_REASON = "CAST(NULL AS STRUCT(en VARCHAR, fr VARCHAR))";

/**
 * The rows of CTE `main` (ordered by cut) or, when it has none, one row per cut of `cuts` with
 * `empty` (the other columns, in order: counts 0, values null, then the insufficient flag and the
 * reason, both from `unknown`): a survey KPI with no vote in the period still gives its cuts,
 * and says why when the export holds no survey of its kind at all.
 */
export function orEmptyCuts(
  cuts: string,
  empty: readonly string[],
  unknown: string,
  reason: UnknownReason,
): string {
  return `SELECT * FROM main
UNION ALL
SELECT cut, ${[...empty, `NOT (${unknown}) AS insufficient`, `${reasonCase([[unknown, reason]])} AS reason`].join(", ")}
FROM (SELECT DISTINCT cut FROM (${cuts})) WHERE NOT EXISTS (SELECT 1 FROM main)
ORDER BY cut`;
}
