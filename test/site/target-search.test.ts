import {mkdtempSync, rmSync, writeFileSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import fc from "fast-check";
import {afterAll, describe, expect, it} from "vitest";
import {siteSpeedTargets} from "../../loaders/node/site/choices.ts";
import {DEFAULT_TARGETS} from "../../loaders/metrics/kpis/targets.ts";
import {SPEED_METRICS} from "../../src/components/speed-sql.ts";
import {
  TARGET_TIMES,
  targetMinutes,
  targetsFromSearch,
  targetsToSearch,
  targetSetOf,
  type TargetSet,
} from "../../src/components/target-search.ts";

const DEFAULTS = {first_reply: {chat: 1, email: 1440, social: 60}};

/** The same targets, whatever the spelling of "no target" (absent or null). */
const normal = (set: TargetSet) =>
  Object.fromEntries(
    Object.entries(set).map(([m, ts]) => [
      m,
      Object.fromEntries(Object.entries(ts).filter(([, x]) => targetMinutes(x) !== null)),
    ]),
  );

describe("targets in the address", () => {
  it("exist for every time the Speed page shows", () => expect(TARGET_TIMES).toEqual(SPEED_METRICS));

  it("leaves the configured targets out: an untouched page keeps a clean address", () => {
    expect(targetsToSearch(targetSetOf(DEFAULTS), DEFAULTS)).toBe("");
    expect(targetsFromSearch("", DEFAULTS)).toEqual(targetSetOf(DEFAULTS));
  });

  it("writes an edited target in minutes and a target taken away as none", () => {
    const set = targetSetOf(DEFAULTS);
    set.first_reply.email = 240;
    set.first_reply.chat = null;
    set.full_resolution.email = 2880;
    const search = targetsToSearch(set, DEFAULTS);
    expect(search).toBe(
      "?target.first_reply.chat=none&target.first_reply.email=240&target.full_resolution.email=2880",
    );
    expect(targetsFromSearch(search, DEFAULTS)).toEqual(set);
  });

  it("reads the brief's own form, target.first_reply.email=240", () =>
    expect(targetsFromSearch("?target.first_reply.email=240", DEFAULTS).first_reply.email).toBe(240));

  it("drops what is not a target: unknown time, bad channel, negative or non-numbers", () => {
    const set = targetsFromSearch(
      "?target.speed.email=5&target.first_reply.Email!=5&target.first_reply.chat=-3&target.first_reply.social=soon&target.first_reply=4&target.first_reply.email.x=2&channel=email",
      DEFAULTS,
    );
    expect(set).toEqual(targetSetOf(DEFAULTS));
  });

  it("round-trips any targets over any configuration (property)", () => {
    const channel = fc.constantFrom("email", "web", "chat", "messaging", "phone", "social", "api", "other");
    const minutes = fc.option(fc.double({min: 0, max: 1e6, noNaN: true}), {nil: null});
    const targets = fc.dictionary(channel, minutes);
    const set = fc.record({first_reply: targets, full_resolution: targets, requester_wait: targets});
    fc.assert(
      fc.property(set, set, (edited, configured) => {
        const back = targetsFromSearch(targetsToSearch(edited, configured), configured);
        expect(normal(back)).toEqual(normal(targetSetOf(edited)));
      }),
    );
  });
});

describe("SERVICEBENCH_TARGETS", () => {
  const dir = mkdtempSync(join(tmpdir(), "servicebench-targets-"));
  afterAll(() => rmSync(dir, {recursive: true, force: true}));
  const file = (name: string, value: unknown) => {
    const path = join(dir, name);
    writeFileSync(path, JSON.stringify(value));
    return path;
  };
  it("gives first reply the registry's defaults and the other times none without it", async () =>
    expect(await siteSpeedTargets({})).toEqual({
      first_reply: DEFAULT_TARGETS,
      full_resolution: {},
      requester_wait: {},
    }));

  it("reads the command line's format as first-reply targets", async () => {
    const targets = await siteSpeedTargets({SERVICEBENCH_TARGETS: file("flat.json", {email: 240})});
    expect(targets.first_reply).toEqual({...DEFAULT_TARGETS, email: 240});
    expect(targets.full_resolution).toEqual({});
  });

  it("reads one object per time", async () => {
    const targets = await siteSpeedTargets({
      SERVICEBENCH_TARGETS: file("times.json", {full_resolution: {email: 2880}, requester_wait: {chat: 30}}),
    });
    expect(targets).toEqual({
      first_reply: DEFAULT_TARGETS,
      full_resolution: {email: 2880},
      requester_wait: {chat: 30},
    });
  });

  it("refuses an unknown time, an unknown channel or a negative target, naming it", async () => {
    await expect(
      siteSpeedTargets({SERVICEBENCH_TARGETS: file("a.json", {first_reply: {}, handle_time: {}})}),
    ).rejects.toThrow(/handle_time/);
    await expect(
      siteSpeedTargets({SERVICEBENCH_TARGETS: file("b.json", {full_resolution: {fax: 5}})}),
    ).rejects.toThrow(/full_resolution\.fax: unknown channel/);
    await expect(siteSpeedTargets({SERVICEBENCH_TARGETS: file("c.json", {email: -1})})).rejects.toThrow(
      /email: expected a number/,
    );
  });
});
