/**
 * Benchmarks and the archetype model, isomorphic (browser, Node, tests). A page fetches
 * panel.csv and panel.json, calls `parsePanel(csvText, jsonText)`, then
 * `placeReport(summary, panel)`: the same object `servicebench place --json` prints.
 */

export {ARCHETYPES, ARCHETYPE_NAMES, ARCHETYPE_PORTRAITS, type Archetype} from "./archetypes.ts";
export {FEATURES, FEATURE_KEYS, type FeatureKey} from "./features.ts";
export {placeOrganisation, distanceConfidence, type Placement, type Driver} from "./place.ts";
export type {Move, Change} from "./moves.ts";
export {
  peerPercentiles,
  PERCENTILE_KPIS,
  PEER_GROUPS,
  MIN_GROUP,
  type GroupStats,
  type KpiPercentiles,
  type PeerGroup,
} from "./percentiles.ts";
export {
  parsePanel,
  parsePanelCsv,
  parsePanelJson,
  formatPanelCsv,
  formatPanelJson,
  PanelFormatError,
  SYNTHETIC_LABEL,
  CLIENT_LABEL,
  type Panel,
  type PanelMeta,
} from "./panel-format.ts";
export {PanelRow, PANEL_COLUMNS} from "./panel-row.ts";
export {buildSyntheticPanel, buildClientPanel, MIN_PANEL, MIN_TRAIN} from "./build.ts";
export {trainModel, type PanelModel} from "./model.ts";
export {PUBLISHED, type PublishedFigure} from "./published.ts";
export {FEATURE_LABELS, type Lang} from "./text.ts";
export {placeReport, type PlaceReport} from "./report.ts";
