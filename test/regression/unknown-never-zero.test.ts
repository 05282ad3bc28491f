import {mkdtemp, rm} from "node:fs/promises";
import {tmpdir} from "node:os";
import path from "node:path";
import {Command} from "commander";
import {afterAll, beforeAll, describe, expect, it, vi} from "vitest";
import {distanceConfidence} from "../../loaders/benchmark/place.ts";
import {FEATURES, featureVector} from "../../loaders/benchmark/features.ts";
import {peerPercentiles, PEER_GROUPS} from "../../loaders/benchmark/percentiles.ts";
import {placeReport} from "../../loaders/benchmark/report.ts";
import {CUBE_KPIS} from "../../loaders/metrics/cube-kpis.ts";
import {loadCubeTables} from "../../loaders/metrics/cube-tables.ts";
import {loadPrepared, prepare} from "../../loaders/metrics/prepare.ts";
import {KPIS} from "../../loaders/metrics/registry.ts";
import {runKpi} from "../../loaders/metrics/run.ts";
import type {KpiOptions, Row} from "../../loaders/metrics/types.ts";
import {UNKNOWN, type UnknownReason} from "../../loaders/metrics/unknown.ts";
import {register} from "../../loaders/node/commands/kpis.ts";
import {NativeRunner} from "../../loaders/node/duckdb-native.ts";
import {readPanel} from "../../loaders/node/panel-files.ts";
import {summariseDataset} from "../../loaders/node/summary.ts";
import type {SurveyResponse} from "../../loaders/schema/response.ts";
import type {Ticket} from "../../loaders/schema/ticket.ts";
import {writeTestDataset} from "../metrics/dataset.ts";
import {DAY, HOUR, MIN, T0, response, ticket} from "../metrics/helpers.ts";

// An export whose reopen column was empty on every row gave a reopen rate of 0.0 % ranked "P100,
// the best"; one without agent action times gave 0 coverage hours, then used as a known archetype
// feature; no assignee gave "0 agents". A KPI whose inputs are all null is unknown: null with a
// reason, on the command line, in the cube twins, in percentiles and in placement.

const CHANNELS = ["email", "chat", "web"] as const;
const COSTS = {email: 9000, chat: 6000, web: 3000};

/** 120 tickets over four weeks with every optional column filled, CSAT and NPS answers. */
function complete(): {tickets: Ticket[]; responses: SurveyResponse[]} {
  const tickets: Ticket[] = [];
  const responses: SurveyResponse[] = [];
  for (let i = 0; i < 120; i++) {
    const created = T0 + (i % 28) * DAY + (8 + (i % 10)) * HOUR;
    const solved = i % 6 !== 0;
    const fr = 5 + (i % 13) * 17;
    const t = ticket({
      ticket_id: `k${i}`,
      created_at: created,
      channel: CHANNELS[i % 3]!,
      status: solved ? "solved" : "open",
      solved_at: solved ? created + (fr + 200) * MIN : null,
      first_reply_minutes: fr,
      first_reply_minutes_business: fr / 2,
      full_resolution_minutes: solved ? fr + 200 : null,
      full_resolution_minutes_business: solved ? (fr + 200) / 2 : null,
      requester_wait_minutes: solved ? fr + 50 : null,
      requester_wait_minutes_business: solved ? (fr + 50) / 2 : null,
      replies: 1 + (i % 3),
      reopens: i % 7 === 0 ? 1 : 0,
      assignee: `agent-${i % 4}`,
      satisfaction: solved ? (["offered", "good", "bad", "good"] as const)[i % 4]! : null,
    });
    tickets.push(t);
    if (i % 2 === 0)
      responses.push(response({ticket_id: t.ticket_id, score: 1 + (i % 5), responded_at: created + DAY}));
    if (i % 3 === 0)
      responses.push(
        response({
          kind: "nps",
          score: i % 11,
          scale_min: 0,
          scale_max: 10,
          ticket_id: t.ticket_id,
          responded_at: created + DAY,
        }),
      );
  }
  return {tickets, responses};
}

interface Variant {
  name: string;
  tickets?: (t: Ticket) => Partial<Ticket>;
  responses?: (r: SurveyResponse) => boolean;
  options?: KpiOptions;
  /** KPI id -> why it is unknown; every other KPI must stay known. */
  unknown: Record<string, UnknownReason>;
}

const VARIANTS: Variant[] = [
  {
    name: "first reply times",
    tickets: () => ({first_reply_minutes: null}),
    unknown: {
      first_reply: "first_reply",
      target_attainment: "first_reply",
      csat_by_first_reply: "first_reply",
      nps_by_first_reply: "first_reply",
    },
  },
  {
    name: "business-hours first reply times",
    tickets: () => ({first_reply_minutes_business: null}),
    options: {clock: "business"},
    unknown: {
      first_reply: "first_reply_business",
      target_attainment: "first_reply_business",
      csat_by_first_reply: "first_reply_business",
      nps_by_first_reply: "first_reply_business",
    },
  },
  {
    name: "resolution times",
    tickets: () => ({full_resolution_minutes: null}),
    unknown: {full_resolution: "full_resolution"},
  },
  {
    name: "business-hours resolution and wait times",
    tickets: () => ({full_resolution_minutes_business: null, requester_wait_minutes_business: null}),
    options: {clock: "business"},
    unknown: {full_resolution: "full_resolution_business", requester_wait: "requester_wait_business"},
  },
  {
    name: "requester wait times",
    tickets: () => ({requester_wait_minutes: null}),
    unknown: {requester_wait: "requester_wait"},
  },
  {
    name: "reply counts",
    tickets: () => ({replies: null}),
    unknown: {replies_per_ticket: "replies", one_touch: "replies"},
  },
  {
    name: "reopen counts",
    tickets: () => ({reopens: null}),
    unknown: {reopen_rate: "reopens", one_touch: "reopens"},
  },
  {
    name: "assignees",
    tickets: () => ({assignee: null}),
    unknown: {active_agents: "assignees", tickets_per_agent_month: "agents"},
  },
  {
    name: "survey states on tickets",
    tickets: () => ({satisfaction: null}),
    unknown: {csat_response_rate: "survey_state"},
  },
  {
    name: "unanswered surveys",
    tickets: (t) => ({satisfaction: t.satisfaction === "offered" ? "good" : t.satisfaction}),
    unknown: {csat_response_rate: "unanswered"},
  },
  {
    name: "CSAT ratings and responses",
    tickets: () => ({satisfaction: null}),
    responses: (r) => r.kind !== "csat",
    unknown: {
      csat: "csat",
      csat_response_rate: "survey_state",
    },
  },
  {
    name: "NPS responses",
    responses: (r) => r.kind !== "nps",
    unknown: {nps: "nps"},
  },
  {
    name: "agent action times",
    tickets: () => ({first_reply_minutes: null, solved_at: null}),
    unknown: {
      coverage_hours: "activity",
      first_reply: "first_reply",
      target_attainment: "first_reply",
      csat_by_first_reply: "first_reply",
      nps_by_first_reply: "first_reply",
    },
  },
  {
    name: "channel costs",
    options: {costs: {}},
    unknown: {cost_per_contact: "cost"},
  },
];

/** The columns that carry a KPI's figures (never counts): null when it is unknown. */
const FIGURES = [
  "p50",
  "p90",
  "mean",
  "value",
  "ci_low",
  "ci_high",
  "moe",
  "weekday",
  "weekend",
  "agents",
  "monthly_cost",
];

function build(v: Variant) {
  const base = complete();
  return {
    tickets: base.tickets.map((t) => ({...t, ...(v.tickets?.(t) ?? {})})),
    responses: base.responses.filter(v.responses ?? (() => true)),
  };
}

/** Null-ness of every column, the reason itself: what must agree between the registry and the cubes. */
const shape = (r: Row) =>
  Object.fromEntries(Object.entries(r).map(([k, v]) => [k, v === null || k === "reason" ? v : typeof v]));

describe("unknown is never 0", () => {
  let exact: NativeRunner;
  let cubes: NativeRunner;
  beforeAll(async () => {
    exact = await NativeRunner.create();
    cubes = await NativeRunner.create();
  });
  afterAll(() => {
    exact.close();
    cubes.close();
  });

  async function loadBoth(data: ReturnType<typeof build>) {
    const prepared = prepare({...data, profile: {timezone: "UTC", agents: null}});
    await loadPrepared(exact, prepared);
    await loadCubeTables(cubes, prepared);
  }

  it("the complete export knows every KPI", async () => {
    await loadBoth(build({name: "complete", unknown: {}}));
    for (const k of KPIS) {
      for (const clock of ["calendar", "business"] as const) {
        const {rows} = await runKpi(exact, k, {costs: COSTS, clock});
        expect(rows.length, k.id).toBeGreaterThan(0);
        for (const r of rows) expect(r.reason ?? null, `${k.id} ${clock}`).toBeNull();
      }
    }
  });

  for (const v of VARIANTS) {
    it(`an export without ${v.name}: ${Object.keys(v.unknown).join(", ")} unknown with the reason, not 0`, async () => {
      await loadBoth(build(v));
      const options: KpiOptions = {costs: COSTS, ...v.options};
      for (const k of KPIS) {
        const {rows} = await runKpi(exact, k, options);
        const reason = v.unknown[k.id];
        for (const r of rows) {
          const at = `${k.id} ${JSON.stringify(r)}`;
          if (reason === undefined) {
            expect(r.reason ?? null, at).toBeNull();
            continue;
          }
          expect(r.reason, at).toEqual(UNKNOWN[reason]);
          expect(k.columns, k.id).toContain("reason");
          for (const c of FIGURES) if (c in r) expect(r[c], `${at} ${c}`).toBeNull();
          // Unknown is not "too few": the reason says why, the insufficient flag stays off.
          if ("insufficient" in r) expect(r.insufficient, at).toBe(false);
        }
        if (reason !== undefined) expect(rows.length, k.id).toBeGreaterThan(0);
      }
      // The cube twins say the same: the same nulls and the same reasons.
      for (const k of CUBE_KPIS) {
        const want = (
          await runKpi(
            exact,
            KPIS.find((x) => x.id === k.id)!,
            options,
          )
        ).rows;
        const got = await cubes.query(k.sql({...options, clock: options.clock ?? "calendar"}));
        expect(got.map(shape), k.id).toEqual(want.map(shape));
      }
    });
  }
});

describe("model features", () => {
  it("an export without a ticket knows no volume: 0 tickets a month is not a feature value", () => {
    const v = featureVector({tickets: 0, tickets_per_month: 0, coverage_hours_weekend: 0});
    expect(v[FEATURES.findIndex((f) => f.key === "tickets_per_month")]).toBeNull();
    // A measured 0 stays a value: no weekend work at all.
    expect(v[FEATURES.findIndex((f) => f.key === "coverage_hours_weekend")]).toBe(0);
    expect(featureVector({tickets: 3, tickets_per_month: 0})[0]).toBe(0);
  });
});

describe("unknown on the command line, in percentiles and in placement", () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), "servicebench-unknown-"));
    // No reopen count, no assignee, no agent action time: the three cases that were shown as 0.
    const data = build({
      name: "",
      tickets: () => ({reopens: null, assignee: null, first_reply_minutes: null, solved_at: null}),
      unknown: {},
    });
    await writeTestDataset(dir, data.tickets, data.responses, {agents: null, industry: "Software"});
  });
  afterAll(() => rm(dir, {recursive: true, force: true}));

  async function kpis(...args: string[]): Promise<string> {
    const program = new Command().exitOverride();
    register(program);
    let out = "";
    const spy = vi.spyOn(process.stdout, "write").mockImplementation((s) => ((out += String(s)), true));
    try {
      await program.parseAsync(["node", "servicebench", "kpis", dir, ...args]);
    } finally {
      spy.mockRestore();
    }
    return out;
  }

  it("--json gives null and the reason in both languages", async () => {
    const json = JSON.parse(await kpis("--json")) as {kpis: {id: string; rows: Row[]}[]};
    const row = (id: string) => json.kpis.find((k) => k.id === id)!.rows[0]!;
    expect(row("reopen_rate")).toMatchObject({value: null, reason: UNKNOWN.reopens});
    expect(row("coverage_hours")).toMatchObject({
      weekday: null,
      weekend: null,
      value: null,
      reason: UNKNOWN.activity,
    });
    expect(row("active_agents")).toMatchObject({n: 120, value: null, reason: UNKNOWN.assignees});
    expect(row("tickets_per_agent_month")).toMatchObject({agents: null, value: null, reason: UNKNOWN.agents});
  });

  it("the table says unknown and why, never 0", async () => {
    const text = await kpis();
    expect(text).toMatch(/Reopen rate\s+all\s+\d+\s+unknown \(the export has no reopen counts\)/);
    expect(text).toMatch(/Active agents\s+all\s+120\s+unknown \(the export has no assignees\)/);
    expect(text).toMatch(
      /Coverage hours per week\s+all\s+\d+\s+unknown \(the export has no agent action times/,
    );
    expect(text).not.toMatch(/Reopen rate\s+all\s+\d+\s+0\.0 %/);
  });

  it("percentiles skip the unknown values and placement leaves them out", async () => {
    const summary = await summariseDataset(dir);
    expect(summary).toMatchObject({
      reopen_rate: null,
      agents: null,
      tickets_per_agent_month: null,
      coverage_hours_weekday: null,
      coverage_hours_weekend: null,
      first_reply_p50_minutes: null,
    });
    const panel = await readPanel();
    const peers = peerPercentiles(summary, null, panel.rows);
    for (const key of ["reopen_rate", "coverage_hours_weekday", "tickets_per_agent_month"] as const) {
      expect(peers[key].value, key).toBeNull();
      for (const g of PEER_GROUPS) {
        expect(peers[key].groups[g].standing, `${key} ${g}`).toBeNull();
        expect(peers[key].groups[g].value_rank, `${key} ${g}`).toBeNull();
      }
      // The peers who know it are still described.
      expect(peers[key].groups.all.n, key).toBeGreaterThanOrEqual(5);
    }

    const report = placeReport(summary, panel);
    const missing = [
      "tickets_per_agent_month",
      "coverage_hours_weekday",
      "coverage_hours_weekend",
      "first_reply_p50_minutes",
    ];
    expect(report.missing_features).toEqual(expect.arrayContaining(missing));
    for (const f of missing) expect(report.features[f as keyof typeof report.features], f).toBeNull();
    const known = FEATURES.length - report.missing_features.length;
    expect(report.completeness).toBeCloseTo(known / FEATURES.length, 3);
    // Confidence lowered by the unknown share: distance confidence x sqrt(known / all).
    const own = Math.min(
      ...panel.meta.model.cluster_archetype.map((a, c) =>
        a === report.archetype ? distances(report, panel, c) : Infinity,
      ),
    );
    const other = Math.min(
      ...panel.meta.model.cluster_archetype.map((a, c) =>
        a !== report.archetype ? distances(report, panel, c) : Infinity,
      ),
    );
    expect(report.confidence).toBeCloseTo(
      distanceConfidence(own, other) * Math.sqrt(known / FEATURES.length),
      2,
    );
    // No driver is an unknown feature, and no move starts an unknown feature from 0.
    for (const d of report.drivers) expect(missing).not.toContain(d.feature);
    for (const m of report.moves)
      for (const c of m.changes) if (missing.includes(c.feature)) expect(c.from, c.feature).not.toBe(0);
    expect(JSON.stringify(report.moves)).not.toMatch(/instead of 0 h/);
  });
});

/** Squared distance from the organisation's known standardised features to centroid `c`. */
function distances(
  report: ReturnType<typeof placeReport>,
  panel: Awaited<ReturnType<typeof readPanel>>,
  c: number,
): number {
  const m = panel.meta.model;
  let d = 0;
  FEATURES.forEach((f, j) => {
    const raw = report.features[f.key];
    if (raw === null) return;
    const t =
      f.transform === "log1p"
        ? Math.log1p(Math.max(0, raw))
        : f.transform === "logit"
          ? Math.log(Math.min(0.995, Math.max(0.01, raw)) / (1 - Math.min(0.995, Math.max(0.01, raw))))
          : raw;
    const z = (t - m.features[j]!.mean) / m.features[j]!.sd;
    d += (z - m.centroids[c]![j]!) ** 2;
  });
  return d;
}
