/**
 * How well the model recovers the archetypes of held-out synthetic organisations (a seed the
 * reference panel never saw). Prints a Markdown confusion matrix for data/benchmarks/README.md.
 * Run: npx tsx scripts/confusion-matrix.ts
 */
import {
  confusion,
  confusionMarkdown,
  heldOutOrganisations,
  HELD_OUT_SEED,
} from "../loaders/benchmark/evaluate.ts";
import {readPanel} from "../loaders/node/panel-files.ts";

const panel = await readPanel();
const heldOut = heldOutOrganisations();
process.stdout.write(
  `Held-out synthetic organisations: seed ${HELD_OUT_SEED}, n = ${heldOut.length}; model: ${panel.meta.label}, seed ${panel.meta.model.seed}.\n\n`,
);
process.stdout.write(confusionMarkdown(confusion(panel.meta.model, heldOut)));

const blind = heldOut.map((r) => ({...r, self_service_ratio: null, automation_rules: null}));
process.stdout.write("\nThe same organisations with self-service and automation unknown:\n\n");
process.stdout.write(confusionMarkdown(confusion(panel.meta.model, blind)));
