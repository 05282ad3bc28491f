import {ARCHETYPES, ARCHETYPE_NAMES, type Archetype} from "./archetypes.ts";
import type {PanelModel} from "./model.ts";
import type {PanelRow} from "./panel-row.ts";
import {placeOrganisation} from "./place.ts";
import {generateSyntheticOrgs, PANEL_SEED} from "./synthetic-panel.ts";

/** Seed and size of the held-out organisations: never seen by the model. */
export const HELD_OUT_SEED = PANEL_SEED + 1;
export const HELD_OUT_SIZE = 2000;

export interface Confusion {
  /** matrix[generated][placed] counts, in ARCHETYPES order. */
  matrix: number[][];
  accuracy: number;
  /** Share of each generating archetype placed back in it. */
  recall: Record<Archetype, number>;
  n: number;
}

/** How often the model puts held-out synthetic organisations back in the archetype that generated them. */
export function confusion(model: PanelModel, heldOut: readonly PanelRow[]): Confusion {
  const matrix = ARCHETYPES.map(() => ARCHETYPES.map(() => 0));
  for (const row of heldOut) {
    if (row.generated_from === null) continue;
    const placed = placeOrganisation(row, model, {moves: false}).archetype;
    matrix[ARCHETYPES.indexOf(row.generated_from)]![ARCHETYPES.indexOf(placed)]!++;
  }
  const n = matrix.flat().reduce((a, b) => a + b, 0);
  const correct = ARCHETYPES.reduce((s, _, i) => s + matrix[i]![i]!, 0);
  const recall = Object.fromEntries(
    ARCHETYPES.map((a, i) => {
      const total = matrix[i]!.reduce((x, y) => x + y, 0);
      return [a, total === 0 ? 0 : matrix[i]![i]! / total];
    }),
  ) as Record<Archetype, number>;
  return {matrix, accuracy: n === 0 ? 0 : correct / n, recall, n};
}

export function heldOutOrganisations(seed = HELD_OUT_SEED, n = HELD_OUT_SIZE): PanelRow[] {
  return generateSyntheticOrgs({seed, n, prefix: "H"});
}

export function confusionMarkdown(c: Confusion): string {
  const names = ARCHETYPES.map((a) => ARCHETYPE_NAMES[a].en);
  return [
    `| Generated from \\ placed in | ${names.join(" | ")} | Recall |`,
    `|---|${names.map(() => "---:").join("|")}|---:|`,
    ...ARCHETYPES.map(
      (a, i) => `| ${names[i]} | ${c.matrix[i]!.join(" | ")} | ${(100 * c.recall[a]).toFixed(1)} % |`,
    ),
    "",
    `Accuracy: ${(100 * c.accuracy).toFixed(1)} % of ${c.n} held-out organisations.`,
    "",
  ].join("\n");
}
