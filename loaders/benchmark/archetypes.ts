/**
 * The four service archetypes named by the Zendesk Benchmark Q4 2014. Zendesk published the
 * names and qualitative descriptions only; the prototypes below are ours.
 */
export const ARCHETYPES = [
  "relationship_builders",
  "masters_of_complexity",
  "late_bloomers",
  "captains_of_scale",
] as const;
export type Archetype = (typeof ARCHETYPES)[number];

/**
 * Names in both languages, in this one place. The French names are what a French support manager
 * would call them, not word for word: "Late Bloomers" becomes "Équipes en devenir" (a team still
 * finding its balance), not the pejorative "retardataires". `en_one` names one member ("clearly a
 * Captain of Scale"), `fr_with_article` follows "parmi", `fr_of` follows "plus proche" (de + les).
 */
export const ARCHETYPE_NAMES: Record<
  Archetype,
  {en: string; en_one: string; fr: string; fr_with_article: string; fr_of: string}
> = {
  relationship_builders: {
    en: "Relationship Builders",
    en_one: "a Relationship Builder",
    fr: "Bâtisseurs de relation",
    fr_with_article: "les Bâtisseurs de relation",
    fr_of: "des Bâtisseurs de relation",
  },
  masters_of_complexity: {
    en: "Masters of Complexity",
    en_one: "a Master of Complexity",
    fr: "Maîtres de la complexité",
    fr_with_article: "les Maîtres de la complexité",
    fr_of: "des Maîtres de la complexité",
  },
  late_bloomers: {
    en: "Late Bloomers",
    en_one: "a Late Bloomer",
    fr: "Équipes en devenir",
    fr_with_article: "les Équipes en devenir",
    fr_of: "des Équipes en devenir",
  },
  captains_of_scale: {
    en: "Captains of Scale",
    en_one: "a Captain of Scale",
    fr: "Capitaines du volume",
    fr_with_article: "les Capitaines du volume",
    fr_of: "des Capitaines du volume",
  },
};

/** One-line portraits shown next to a placement (after DESIGN.md and the Zendesk wording). */
export const ARCHETYPE_PORTRAITS: Record<Archetype, {en: string; fr: string}> = {
  relationship_builders: {
    en: "Low volume and a small team: slow but personal replies, high satisfaction.",
    fr: "Peu de tickets et une petite équipe : des réponses lentes mais personnalisées, des clients très satisfaits.",
  },
  masters_of_complexity: {
    en: "Complex tickets: many replies per ticket, more agents per ticket, long resolutions.",
    fr: "Des demandes complexes : beaucoup d'échanges par ticket, plusieurs agents par ticket, des résolutions longues.",
  },
  late_bloomers: {
    en: "An unbalanced operation still in flux: satisfaction and speed lag behind.",
    fr: "Une organisation qui se cherche encore : satisfaction et réactivité en retrait, peu d'outillage.",
  },
  captains_of_scale: {
    en: "High volume and tickets per agent, fast, self-service and automation, high satisfaction.",
    fr: "Beaucoup de tickets par agent, des réponses rapides, du selfcare et de l'automatisation, des clients satisfaits.",
  },
};

/**
 * Prototype of each archetype: where a typical member sits. Calibrated KPIs are multipliers of
 * the published medians (tickets per month, replies, first reply) or a shift of CSAT in logit
 * units; KPIs with no verified benchmark are given directly in their raw units.
 */
export interface Prototype {
  /** Share of the synthetic panel drawn from this prototype (not published by Zendesk). */
  weight: number;
  tickets_per_month_x: number;
  replies_per_ticket_x: number;
  first_reply_x: number;
  csat_logit_shift: number;
  nps_shift: number;
  tickets_per_agent_month: number;
  coverage_hours_weekday: number;
  coverage_hours_weekend: number;
  self_service_ratio: number;
  automation_rules: number;
}

export const PROTOTYPES: Record<Archetype, Prototype> = {
  // Small, personal, slow, loved.
  relationship_builders: {
    weight: 0.3,
    tickets_per_month_x: 0.3,
    replies_per_ticket_x: 1.1,
    first_reply_x: 2,
    csat_logit_shift: 0.7,
    nps_shift: 10,
    tickets_per_agent_month: 25,
    coverage_hours_weekday: 40,
    coverage_hours_weekend: 0.5,
    self_service_ratio: 1.5,
    automation_rules: 6,
  },
  // Many replies, many agents per ticket, wide coverage, heavy investment.
  masters_of_complexity: {
    weight: 0.2,
    tickets_per_month_x: 2,
    replies_per_ticket_x: 2,
    first_reply_x: 1.5,
    csat_logit_shift: 0,
    nps_shift: 0,
    tickets_per_agent_month: 22,
    coverage_hours_weekday: 60,
    coverage_hours_weekend: 8,
    self_service_ratio: 3,
    automation_rules: 30,
  },
  // Under-staffed and under-equipped: slow, lower CSAT, no self-service to speak of.
  late_bloomers: {
    weight: 0.3,
    tickets_per_month_x: 1,
    replies_per_ticket_x: 1,
    first_reply_x: 3,
    csat_logit_shift: -1,
    nps_shift: -15,
    tickets_per_agent_month: 80,
    coverage_hours_weekday: 35,
    coverage_hours_weekend: 1,
    self_service_ratio: 0.3,
    automation_rules: 3,
  },
  // High volume per agent, fast, every tool in use, still high CSAT.
  captains_of_scale: {
    weight: 0.2,
    tickets_per_month_x: 6,
    replies_per_ticket_x: 0.8,
    first_reply_x: 0.2,
    csat_logit_shift: 0.5,
    nps_shift: 5,
    tickets_per_agent_month: 140,
    coverage_hours_weekday: 100,
    coverage_hours_weekend: 30,
    self_service_ratio: 12,
    automation_rules: 80,
  },
};
