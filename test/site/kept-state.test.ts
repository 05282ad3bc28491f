import {describe, expect, it} from "vitest";
import {filtersFromSearch, filtersToSearch} from "../../src/components/filters.ts";
import {
  describeKept,
  isFilterKey,
  isTargetKey,
  keptSearch,
  replaceKeys,
} from "../../src/components/kept-state.ts";

describe("the state kept from page to page", () => {
  it("is the filter keys and the targets, never a page's own keys", () =>
    expect(keptSearch("?q=SELECT+1&channel=email&target.first_reply.email=240&group=Tier+2&x=1")).toBe(
      "?channel=email&target.first_reply.email=240&group=Tier+2",
    ));

  it("is empty on a clean address", () => {
    expect(keptSearch("")).toBe("");
    expect(keptSearch("?q=1")).toBe("");
  });

  it("holds every key the filters write", () => {
    const f = filtersFromSearch(
      "?period=custom&from=2026-01-01&to=2026-02-01&channel=chat&group=A&priority=high&type=question&tag=vip&clock=business&compare=1",
    );
    const search = filtersToSearch(f);
    expect(keptSearch(search)).toBe(search);
    expect([...new URLSearchParams(search).keys()].every(isFilterKey)).toBe(true);
  });

  it("lets the filter bar replace the filters and leave the targets and a page's keys", () =>
    expect(
      replaceKeys(
        "?q=1&channel=email&target.first_reply.email=240",
        "?channel=chat&channel=web",
        isFilterKey,
      ),
    ).toBe("?q=1&target.first_reply.email=240&channel=chat&channel=web"));

  it("lets the targets editor replace the targets and leave the filters", () =>
    expect(
      replaceKeys("?channel=email&target.first_reply.email=240", "?target.first_reply.chat=5", isTargetKey),
    ).toBe("?channel=email&target.first_reply.chat=5"));

  it("clears to nothing", () =>
    expect(replaceKeys("?channel=email", "", (k) => isFilterKey(k) || isTargetKey(k))).toBe(""));
});

describe("the kept filters line", () => {
  it("names each filter with its values, groups by name when known", () =>
    expect(
      describeKept("?channel=email&channel=chat&group=360001000101&group=(none)", "en", {
        groupName: (id) => (id === "360001000101" ? "Orders & Delivery" : id),
      }),
    ).toEqual(["channel E-mail, Chat", "group Orders & Delivery, (none)"]));

  it("speaks French in French", () =>
    expect(describeKept("?period=28d&channel=web&clock=business&compare=1", "fr")).toEqual([
      "période 28 derniers jours",
      "canal Formulaire web",
      "heures ouvrées",
      "comparés à la période précédente",
    ]));

  it("gives chosen dates and edited targets", () =>
    expect(
      describeKept(
        "?from=2026-01-05&to=2026-02-01&target.first_reply.email=240&target.full_resolution.chat=none",
        "en",
      ),
    ).toEqual([
      "tickets created 5 Jan 2026 to 1 Feb 2026",
      "first-reply targets E-mail 4 h",
      "resolution targets Chat no target",
    ]));

  it("is empty when nothing is kept", () => expect(describeKept("?q=SELECT+1", "en")).toEqual([]));
});
