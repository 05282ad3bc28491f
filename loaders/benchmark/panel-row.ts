import {z} from "zod";
import {OrgSummary} from "../schema/org-summary.ts";
import {ARCHETYPES} from "./archetypes.ts";

const ArchetypeId = z.enum(ARCHETYPES);

/**
 * One organisation of a panel: its OrgSummary (codes, no names, no tickets) plus where the
 * model put it. `generated_from` and `primary_channel` exist only in the synthetic panel.
 */
export const PanelRow = OrgSummary.extend({
  /** Prototype the synthetic organisation was drawn from; null for real organisations. */
  generated_from: ArchetypeId.nullable(),
  /** Primary channel of a synthetic organisation (calibrates CSAT); null when not known. */
  primary_channel: z.string().nullable(),
  cluster: z.number().int().nonnegative().nullable(),
  archetype: ArchetypeId.nullable(),
});
export type PanelRow = z.infer<typeof PanelRow>;

/** Column order of panel.csv: identity and placement first, then OrgSummary in schema order. */
export const PANEL_COLUMNS: readonly (keyof PanelRow)[] = [
  "org_code",
  "generated_from",
  "cluster",
  "archetype",
  "primary_channel",
  ...(Object.keys(OrgSummary.shape) as (keyof OrgSummary)[]).filter((k) => k !== "org_code"),
];
