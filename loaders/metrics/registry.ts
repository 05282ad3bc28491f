import {activeAgents} from "./kpis/active-agents.ts";
import {backlog} from "./kpis/backlog.ts";
import {costPerContact} from "./kpis/cost-per-contact.ts";
import {coverageHours} from "./kpis/coverage-hours.ts";
import {csat} from "./kpis/csat.ts";
import {csatByFirstReply} from "./kpis/csat-by-first-reply.ts";
import {csatResponseRate} from "./kpis/csat-response-rate.ts";
import {firstReply} from "./kpis/first-reply.ts";
import {fullResolution} from "./kpis/full-resolution.ts";
import {nps} from "./kpis/nps.ts";
import {npsByFirstReply} from "./kpis/nps-by-first-reply.ts";
import {oneTouch} from "./kpis/one-touch.ts";
import {reopenRate} from "./kpis/reopen-rate.ts";
import {repliesPerTicket} from "./kpis/replies-per-ticket.ts";
import {requesterWait} from "./kpis/requester-wait.ts";
import {targetAttainment} from "./kpis/target-attainment.ts";
import {tickets} from "./kpis/tickets.ts";
import {ticketsPerAgent} from "./kpis/tickets-per-agent.ts";
import {volumeByChannel} from "./kpis/volume-by-channel.ts";
import {volumeByDay} from "./kpis/volume-by-day.ts";
import {volumeByHour} from "./kpis/volume-by-hour.ts";
import type {KpiDefinition} from "./types.ts";

/** Every KPI, in the order cards and tables show them. */
export const KPIS: readonly KpiDefinition[] = [
  tickets,
  firstReply,
  fullResolution,
  requesterWait,
  repliesPerTicket,
  oneTouch,
  reopenRate,
  targetAttainment,
  csat,
  csatResponseRate,
  nps,
  volumeByChannel,
  volumeByHour,
  volumeByDay,
  backlog,
  activeAgents,
  ticketsPerAgent,
  coverageHours,
  costPerContact,
  csatByFirstReply,
  npsByFirstReply,
];

export const KPI_BY_ID: ReadonlyMap<string, KpiDefinition> = new Map(KPIS.map((k) => [k.id, k]));

export function kpi(id: string): KpiDefinition {
  const k = KPI_BY_ID.get(id);
  if (!k) throw new RangeError(`unknown KPI ${id}`);
  return k;
}
