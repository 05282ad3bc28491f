/** The privacy policy table matches what the site's tables actually carry. */
import {describe, expect, it} from "vitest";
import {RESPONSES, TICKETS, TICKET_TAGS} from "../../loaders/metrics/prepare.ts";
import {RESPONSE_POLICY, TICKET_POLICY, shippedFields} from "../../loaders/privacy/policy.ts";

/** Site columns that are computed from a canonical field under another name. */
const FROM: Record<string, string> = {
  created_at_ms: "created_at",
  solved_at_ms: "solved_at",
  solved: "status",
  group_name: "group",
  tag: "tags",
  responded_at_ms: "responded_at",
  created_date: "created_at",
  created_month: "created_at",
  created_weekday: "created_at",
  created_hour: "created_at",
  solved_date: "solved_at",
  responded_date: "responded_at",
  responded_month: "responded_at",
};

describe("the privacy policy", () => {
  it.each([
    [TICKETS, shippedFields(TICKET_POLICY) as string[]],
    [TICKET_TAGS, shippedFields(TICKET_POLICY) as string[]],
    [RESPONSES, shippedFields(RESPONSE_POLICY) as string[]],
  ])("the site's table %# only carries fields the policy lets ship", (spec, fields) => {
    const shipped = new Set<string>(fields);
    const outside = spec.columns.map((c) => FROM[c.name] ?? c.name).filter((f) => !shipped.has(f));
    expect(outside).toEqual([]);
  });

  it("every free-text-like field is masked, never kept verbatim", () => {
    for (const f of ["group", "type", "tags", "channel_raw", "priority"] as const)
      expect(TICKET_POLICY[f].dataset).toBe("label");
    expect(RESPONSE_POLICY.segment.dataset).toBe("label");
    expect(RESPONSE_POLICY.comment.dataset).toBe("verbatim");
    expect(TICKET_POLICY.assignee.dataset).toBe("pseudonym");
  });
});
