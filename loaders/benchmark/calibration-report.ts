import {ARCHETYPES, ARCHETYPE_NAMES} from "./archetypes.ts";
import {FEATURES, rawFromZ} from "./features.ts";
import {standardisationOf} from "./model.ts";
import type {Panel} from "./panel-format.ts";
import type {PanelRow} from "./panel-row.ts";
import {ZENDESK_2018} from "./published.ts";
import {quantile} from "./stats.ts";
import {FEATURE_LABELS, formatFeature} from "./text.ts";

type NumericKey =
  "tickets_per_month" | "first_reply_p50_minutes" | "full_resolution_p50_minutes" | "csat" | "one_touch_rate";

const median = (rows: readonly PanelRow[], key: NumericKey) =>
  quantile(
    rows.map((r) => r[key]).filter((v): v is number => v !== null),
    0.5,
  );
const f1 = (x: number | null, scale = 1) => (x === null ? "-" : (x * scale).toFixed(1));

/** One published figure against the synthetic panel's median for the same population. */
export interface CalibrationCheck {
  kpi: {en: string; fr: string};
  population: string;
  published: number;
  panel: number | null;
  n: number;
  source: string;
}

const KPI_LABELS: Record<string, {en: string; fr: string}> = {
  "Tickets per month, median": {en: "Tickets per month, median", fr: "Tickets par mois, médiane"},
  "First reply p50, median (min)": {
    en: "First reply p50, median (min)",
    fr: "Première réponse p50, médiane (min)",
  },
  "Full resolution p50, median (min)": {
    en: "Full resolution p50, median (min)",
    fr: "Résolution complète p50, médiane (min)",
  },
  "CSAT, median (%)": {en: "CSAT, median (%)", fr: "CSAT, médiane (%)"},
  "One-touch rate, median (%)": {
    en: "One-touch rate, median (%)",
    fr: "Résolution au premier contact, médiane (%)",
  },
};

/** Published targets against the panel: what the synthetic panel was calibrated to, and how close it came. */
export function calibrationChecks(panel: Panel): CalibrationCheck[] {
  const rows = panel.rows;
  const by = (industry: string) => rows.filter((r) => r.industry === industry);
  const M = ZENDESK_2018.Manufacturing;
  const R = ZENDESK_2018["Real estate"];
  const checks: [string, string, number, number | null, number, string][] = [
    [
      "Tickets per month, median",
      "Manufacturing",
      M.tickets_per_month,
      median(by("Manufacturing"), "tickets_per_month"),
      by("Manufacturing").length,
      "Zendesk 2018",
    ],
    [
      "Tickets per month, median",
      "Real estate",
      R.tickets_per_month,
      median(by("Real estate"), "tickets_per_month"),
      by("Real estate").length,
      "Zendesk 2018",
    ],
    [
      "First reply p50, median (min)",
      "Manufacturing",
      M.first_reply_median,
      median(by("Manufacturing"), "first_reply_p50_minutes"),
      by("Manufacturing").length,
      "Zendesk 2018",
    ],
    [
      "First reply p50, median (min)",
      "Real estate",
      R.first_reply_median,
      median(by("Real estate"), "first_reply_p50_minutes"),
      by("Real estate").length,
      "Zendesk 2018",
    ],
    [
      "First reply p50, median (min)",
      "IT services & consultancy",
      98,
      median(by("IT services & consultancy"), "first_reply_p50_minutes"),
      by("IT services & consultancy").length,
      "Zendesk 2018 (consultancy)",
    ],
    [
      "First reply p50, median (min)",
      "Technology - hosting",
      984,
      median(by("Technology - hosting"), "first_reply_p50_minutes"),
      by("Technology - hosting").length,
      "Zendesk 2016 (16.4 h)",
    ],
    [
      "Full resolution p50, median (min)",
      "Manufacturing",
      M.full_resolution_median,
      median(by("Manufacturing"), "full_resolution_p50_minutes"),
      by("Manufacturing").length,
      "Zendesk 2018",
    ],
    [
      "Full resolution p50, median (min)",
      "Real estate",
      R.full_resolution_median,
      median(by("Real estate"), "full_resolution_p50_minutes"),
      by("Real estate").length,
      "Zendesk 2018",
    ],
    [
      "CSAT, median (%)",
      "Manufacturing",
      M.csat,
      scaled(median(by("Manufacturing"), "csat")),
      by("Manufacturing").length,
      "Zendesk 2018",
    ],
    [
      "CSAT, median (%)",
      "Real estate",
      R.csat,
      scaled(median(by("Real estate"), "csat")),
      by("Real estate").length,
      "Zendesk 2018",
    ],
    [
      "CSAT, median (%)",
      "all",
      94.7,
      scaled(median(rows, "csat")),
      rows.length,
      "Zendesk Q4 2014 (check only)",
    ],
    [
      "One-touch rate, median (%)",
      "Manufacturing",
      M.one_touch,
      scaled(median(by("Manufacturing"), "one_touch_rate")),
      by("Manufacturing").length,
      "Zendesk 2018",
    ],
    [
      "One-touch rate, median (%)",
      "Real estate",
      R.one_touch,
      scaled(median(by("Real estate"), "one_touch_rate")),
      by("Real estate").length,
      "Zendesk 2018",
    ],
    [
      "One-touch rate, median (%)",
      "Technology - hosting",
      32.9,
      scaled(median(by("Technology - hosting"), "one_touch_rate")),
      by("Technology - hosting").length,
      "Zendesk 2016",
    ],
  ];
  return checks.map(([kpi, population, published, got, n, source]) => ({
    kpi: KPI_LABELS[kpi] ?? {en: kpi, fr: kpi},
    population,
    published,
    panel: got,
    n,
    source,
  }));
}

/** Markdown tables: published targets against the panel, prototypes, and clusters. */
export function calibrationReport(panel: Panel): string {
  const rows = panel.rows;
  const checks = calibrationChecks(panel);
  const nps = rows.map((r) => r.nps).filter((v): v is number => v !== null);
  const npsMean = nps.reduce((a, b) => a + b, 0) / Math.max(1, nps.length);
  const lines = [
    `### Calibration check (${panel.meta.label}, seed ${panel.meta.model.seed}, n = ${rows.length})`,
    "",
    "| KPI | Population | Published | Panel | n | Source |",
    "|---|---|---:|---:|---:|---|",
    ...checks.map(
      (c) => `| ${c.kpi.en} | ${c.population} | ${c.published} | ${f1(c.panel)} | ${c.n} | ${c.source} |`,
    ),
    `| NPS, mean over organisations with NPS | all | 32.5 | ${npsMean.toFixed(1)} | ${nps.length} | Zendesk Q3 2014 (33), SurveyMonkey (32) |`,
    "",
    "### Archetype prototypes (raw units, at the panel-wide centre)",
    "",
    `| Feature | ${ARCHETYPES.map((a) => ARCHETYPE_NAMES[a].en).join(" | ")} |`,
    `|---|${ARCHETYPES.map(() => "---:").join("|")}|`,
    ...FEATURES.map(
      (f) =>
        `| ${FEATURE_LABELS[f.key].en} | ${ARCHETYPES.map((a) => formatFeature(f.key, panel.meta.model.prototypes[a].raw[f.key], "en")).join(" | ")} |`,
    ),
    "",
    "### Clusters (centroids in raw units)",
    "",
    `| Cluster | Archetype | Organisations | ${FEATURES.map((f) => FEATURE_LABELS[f.key].en).join(" | ")} |`,
    `|---:|---|---:|${FEATURES.map(() => "---:").join("|")}|`,
    ...panel.meta.model.centroids.map((c, i) => {
      const s = standardisationOf(panel.meta.model);
      const cells = FEATURES.map((f, j) => formatFeature(f.key, rawFromZ(j, c[j]!, s), "en"));
      return `| ${i} | ${ARCHETYPE_NAMES[panel.meta.model.cluster_archetype[i]!].en} | ${panel.meta.model.cluster_sizes[i]} | ${cells.join(" | ")} |`;
    }),
    "",
  ];
  return lines.join("\n");
}

function scaled(x: number | null): number | null {
  return x === null ? null : x * 100;
}
