import {describe, expect, it} from "vitest";
import {coarsen, OTHER} from "../../loaders/benchmark/coarsen.ts";

const rows = (industries: (string | null)[]) => industries.map((industry, i) => ({code: `C${i}`, industry}));

describe("coarsen: no group singles out fewer than the minimum", () => {
  it("merges values held by fewer than the minimum into other", () => {
    const out = coarsen(rows(["Aerospace", ...Array(5).fill("Retail"), "Banking", "Banking"]), "industry", 5);
    expect(out.rows.map((r) => r.industry)).toEqual([OTHER, ...Array(5).fill("Retail"), OTHER, OTHER]);
    expect(out.merged).toEqual(["Aerospace", "Banking"]);
  });

  it("keeps unknown as unknown, not as a group", () => {
    const out = coarsen(rows([null, null, "Retail"]), "industry", 1);
    expect(out.rows.map((r) => r.industry)).toEqual([null, null, "Retail"]);
    expect(out.merged).toEqual([]);
  });

  it("leaves a panel where every group is large enough as it is", () => {
    const input = rows([...Array(5).fill("Retail"), ...Array(6).fill("Banking")]);
    expect(coarsen(input, "industry", 5).rows).toEqual(input);
  });
});
