import {describe, expect, it} from "vitest";
import {ARCHETYPES} from "../../loaders/benchmark/archetypes.ts";
import {buildSyntheticPanel} from "../../loaders/benchmark/build.ts";
import {confusion, confusionMarkdown, heldOutOrganisations} from "../../loaders/benchmark/evaluate.ts";

const model = buildSyntheticPanel().meta.model;
const heldOut = heldOutOrganisations();

describe("archetype recovery on held-out synthetic organisations", () => {
  it("places at least 90 % back in their generating archetype, and 80 % of each", () => {
    const c = confusion(model, heldOut);
    expect(c.n).toBe(heldOut.length);
    expect(c.accuracy).toBeGreaterThanOrEqual(0.9);
    for (const a of ARCHETYPES) expect(c.recall[a]).toBeGreaterThanOrEqual(0.8);
    expect(confusionMarkdown(c)).toContain("Accuracy:");
  });

  it("stays at 85 % when self-service and automation are unknown for everyone", () => {
    const blind = heldOut.map((r) => ({...r, self_service_ratio: null, automation_rules: null}));
    expect(confusion(model, blind).accuracy).toBeGreaterThanOrEqual(0.85);
  });
});
