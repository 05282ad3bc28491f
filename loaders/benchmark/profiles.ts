import {ARCHETYPES, ARCHETYPE_NAMES, ARCHETYPE_PORTRAITS, type Archetype} from "./archetypes.ts";
import type {FeatureKey} from "./features.ts";
import type {PanelModel} from "./model.ts";
import {formatDuration, formatNumber, formatPercent, type Lang} from "./text.ts";

/** One line of a profile, in a manager's units. */
export interface ProfileLine {
  key: FeatureKey | "agents";
  label: string;
  value: number;
  text: string;
}

export interface ArchetypeProfile {
  archetype: Archetype;
  name: string;
  portrait: string;
  /** Panel organisations in this archetype's clusters. */
  organisations: number;
  lines: ProfileLine[];
}

type LineDef = {
  key: FeatureKey | "agents";
  label: {en: string; fr: string};
  text: (x: number, lang: Lang) => string;
};

const whole = (x: number, lang: Lang) => formatNumber(Math.round(x), lang);

/** The profile's lines in reading order: workload, staffing, complexity, speed, satisfaction, means. */
const LINES: readonly LineDef[] = [
  {
    key: "tickets_per_month",
    label: {en: "Tickets per month", fr: "Tickets par mois"},
    text: (x, l) => whole(x, l),
  },
  {
    key: "agents",
    label: {
      en: "Agents (tickets per month ÷ tickets per agent)",
      fr: "Agents (tickets par mois ÷ tickets par agent)",
    },
    text: (x, l) => whole(x, l),
  },
  {
    key: "tickets_per_agent_month",
    label: {en: "Tickets per agent per month", fr: "Tickets par agent et par mois"},
    text: (x, l) => whole(x, l),
  },
  {
    key: "replies_per_ticket",
    label: {en: "Replies per ticket", fr: "Réponses par ticket"},
    text: (x, l) => formatNumber(x, l),
  },
  {
    key: "first_reply_p50_minutes",
    label: {en: "First reply time (median)", fr: "Délai de première réponse (médiane)"},
    text: (x, l) => formatDuration(x, l),
  },
  {
    key: "csat",
    label: {en: "Customer satisfaction (CSAT)", fr: "Satisfaction client (CSAT)"},
    text: (x, l) => formatPercent(x, l),
  },
  {
    key: "coverage_hours_weekday",
    label: {en: "Coverage, Monday to Friday", fr: "Couverture du lundi au vendredi"},
    text: (x, l) => (l === "fr" ? `${whole(x, l)} h par semaine` : `${whole(x, l)} h a week`),
  },
  {
    key: "coverage_hours_weekend",
    label: {en: "Coverage at the weekend", fr: "Couverture le week-end"},
    text: (x, l) => (l === "fr" ? `${formatNumber(x, l)} h par semaine` : `${formatNumber(x, l)} h a week`),
  },
  {
    key: "self_service_ratio",
    label: {en: "Help-centre views per ticket", fr: "Consultations du centre d'aide par ticket"},
    text: (x, l) => formatNumber(x, l),
  },
  {
    key: "automation_rules",
    label: {en: "Automation rules", fr: "Règles d'automatisation"},
    text: (x, l) => whole(x, l),
  },
];

/**
 * The four archetypes side by side: each prototype (where a typical member sits, as the model
 * holds it) in units a manager reads, with how many panel organisations its clusters hold.
 */
export function archetypeProfiles(model: PanelModel, lang: Lang): ArchetypeProfile[] {
  return ARCHETYPES.map((a) => {
    const raw = model.prototypes[a].raw;
    const value = (key: LineDef["key"]) =>
      key === "agents" ? Math.max(1, raw.tickets_per_month! / raw.tickets_per_agent_month!) : raw[key]!;
    return {
      archetype: a,
      name: ARCHETYPE_NAMES[a][lang],
      portrait: ARCHETYPE_PORTRAITS[a][lang],
      organisations: model.cluster_archetype.reduce(
        (n, owner, c) => n + (owner === a ? (model.cluster_sizes[c] ?? 0) : 0),
        0,
      ),
      lines: LINES.map((l) => {
        const x = value(l.key);
        return {key: l.key, label: l.label[lang], value: x, text: l.text(x, lang)};
      }),
    };
  });
}
