import type {OrgSummary} from "../../loaders/schema/org-summary.ts";
import {sizeBand} from "../../loaders/schema/profile.ts";
import type {Archetype} from "../../loaders/benchmark/archetypes.ts";
import {prototypeSummary} from "../../loaders/benchmark/synthetic-panel.ts";

/** A complete OrgSummary with plausible values; `over` replaces any field. */
export function summary(over: Partial<OrgSummary> = {}): OrgSummary {
  const base: OrgSummary = {
    org_code: "acme-support",
    industry: "Software",
    country: "FR",
    size_band: "1-9",
    agents: 5,
    months: 12,
    tickets: 3000,
    tickets_per_month: 250,
    tickets_per_agent_month: 50,
    replies_per_ticket: 2.7,
    first_reply_p50_minutes: 160,
    first_reply_p90_minutes: 1600,
    full_resolution_p50_minutes: 1000,
    requester_wait_p50_minutes: 500,
    one_touch_rate: 0.37,
    reopen_rate: 0.05,
    csat: 0.95,
    csat_responses: 400,
    csat_response_rate: 0.2,
    nps: 30,
    nps_responses: 100,
    coverage_hours_weekday: 45,
    coverage_hours_weekend: 2,
    self_service_ratio: 2,
    automation_rules: 10,
  };
  return {...base, ...over};
}

/** The typical organisation of an archetype, as an OrgSummary. */
export function prototypeOrg(archetype: Archetype): OrgSummary {
  const p = prototypeSummary(archetype);
  const agents = Math.max(1, Math.round(p.tickets_per_month / p.tickets_per_agent_month));
  return summary({
    org_code: `proto-${archetype}`,
    agents,
    size_band: sizeBand(agents),
    tickets: Math.round(p.tickets_per_month * 12),
    ...p,
  });
}
