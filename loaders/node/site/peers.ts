import {peerDistribution, type PeerDistribution} from "../../benchmark/peer-bins.ts";
import {PERCENTILE_KPIS} from "../../benchmark/percentiles.ts";
import {readPanel} from "../panel-files.ts";

/**
 * The peers as the site ships them: per KPI, equal-count bins of at least the panel's minimum
 * group size and the quartiles, over every peer that knows the KPI. Never one row per peer, so a
 * consultant's panel published with a client's site does not reveal any other organisation.
 */
export async function sitePeers(): Promise<{
  label: string;
  synthetic: boolean;
  n: number;
  kpis: Record<string, PeerDistribution | null>;
}> {
  const panel = await readPanel();
  const kpis: Record<string, PeerDistribution | null> = {};
  for (const k of PERCENTILE_KPIS) {
    const values = panel.rows.map((r) => r[k.key]).filter((v): v is number => typeof v === "number");
    kpis[k.key] = peerDistribution(values, {minPerBin: panel.meta.min_group});
  }
  return {label: panel.meta.label, synthetic: panel.meta.synthetic, n: panel.meta.n, kpis};
}
