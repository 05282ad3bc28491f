/**
 * One rule for time zones (docs/cli.md, "Time zones"): --tz > the mapping's tz > the dataset's
 * profile > a profile.json among the exports > UTC, and the profile's zone is always the zone the
 * times were read in. A mapping's tz once read times in Rome while the profile stayed UTC, which
 * shifted the hour-by-weekday chart by two hours.
 */
import {mkdir, mkdtemp, readFile, rm, writeFile} from "node:fs/promises";
import {tmpdir} from "node:os";
import path from "node:path";
import {afterEach, beforeEach, describe, expect, it} from "vitest";
import {chooseZone} from "../../loaders/ingest/zone.ts";
import {readDataset} from "../../loaders/node/dataset.ts";
import {runCli} from "../node/run-cli.ts";

let dir: string;
let out: string;
let mapping: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "servicebench-zone-"));
  out = path.join(dir, "dataset");
  await mkdir(path.join(dir, "exports"));
  await writeFile(path.join(dir, "exports", "cases.csv"), "Case,Opened\nC-1,2024-05-01 10:00:00\n");
  mapping = path.join(dir, "rome.json");
  await writeFile(
    mapping,
    JSON.stringify({columns: {ticket_id: "Case", created_at: "Opened"}, tz: "Europe/Rome"}),
  );
});
afterEach(() => rm(dir, {recursive: true, force: true}));

const ingest = (...extra: string[]) =>
  runCli([
    "ingest",
    path.join(dir, "exports"),
    "--org",
    "acme",
    "--out",
    out,
    "--mapping",
    mapping,
    ...extra,
  ]);
const profileZone = async () => JSON.parse(await readFile(path.join(out, "profile.json"), "utf8")).timezone;
const created = async () => (await readDataset(out)).tickets[0]!.created_at;

describe("one rule for time zones", () => {
  it("a mapping's tz reads the times and becomes the profile's zone", async () => {
    const r = await ingest();
    expect(r.code).toBe(0);
    expect(r.stderr).toBe("");
    // 10:00 in Rome in May (UTC+2) is 08:00 UTC.
    expect(await created()).toBe(Date.UTC(2024, 4, 1, 8));
    expect(await profileZone()).toBe("Europe/Rome");
    expect((await readDataset(out)).manifest.timezone).toBe("Europe/Rome");
  });

  it("--tz wins over the mapping's tz, and the run says so", async () => {
    const r = await ingest("--tz", "UTC");
    expect(r.code).toBe(0);
    expect(await created()).toBe(Date.UTC(2024, 4, 1, 10));
    expect(await profileZone()).toBe("UTC");
    expect(r.stderr).toContain("warning: time zone: the mapping's tz says Europe/Rome; --tz (UTC) wins");
  });

  it("a zone given again replaces the dataset profile's zone, with a note", async () => {
    await ingest("--tz", "Europe/Paris");
    const again = await ingest("--tz", "America/New_York");
    expect(await profileZone()).toBe("America/New_York");
    expect(again.stderr).toContain(
      "warning: time zone: the dataset's profile.json said Europe/Paris; it now says America/New_York (from --tz)",
    );
    expect(await created()).toBe(Date.UTC(2024, 4, 1, 14));
  });

  it("precedence, without a command line", () => {
    const m = {tz: "Europe/Rome"};
    expect(chooseZone({}).zone).toBe("UTC");
    expect(chooseZone({beside: "Asia/Tokyo"}).zone).toBe("Asia/Tokyo");
    expect(chooseZone({profile: "Europe/Paris", beside: "Asia/Tokyo"}).zone).toBe("Europe/Paris");
    expect(chooseZone({mapping: m, profile: "Europe/Paris"}).zone).toBe("Europe/Rome");
    expect(chooseZone({flag: "UTC", mapping: m, profile: "Europe/Paris"})).toMatchObject({
      zone: "UTC",
      from: "--tz",
    });
    expect(chooseZone({flag: "UTC", mapping: m, profile: "Europe/Paris"}).notes).toHaveLength(2);
    expect(chooseZone({flag: "UTC", profile: "UTC"}).notes).toEqual([]);
  });
});
