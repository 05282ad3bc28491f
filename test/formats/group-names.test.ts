import {copyFile, mkdir, mkdtemp, readdir, readFile, rm, writeFile} from "node:fs/promises";
import {tmpdir} from "node:os";
import path from "node:path";
import {afterAll, describe, expect, it} from "vitest";
import {groupNamesOf} from "../../loaders/formats/group-names.ts";
import {defaultProfile, readDataset} from "../../loaders/node/dataset.ts";
import {ingestToDataset} from "../../loaders/node/ingest-run.ts";
import {siteGroupNames} from "../../loaders/node/site/group-names.ts";
import {fileSource} from "../../loaders/node/sources.ts";
import {BASE, FIXTURES, HAVE_FIXTURES} from "../ingest/helpers.ts";

const json = (v: unknown) => JSON.stringify(v);

describe("group names in each export's name table", () => {
  const cases: {name: string; file: string; text: string; names: Record<string, string>; only: boolean}[] = [
    {
      name: "a Zendesk ticket page with its groups side-load",
      file: "tickets.json",
      text: json({tickets: [{id: 1, group_id: 360001}], groups: [{id: 360001, name: "Orders & Delivery"}]}),
      names: {"360001": "Orders & Delivery"},
      only: false,
    },
    {
      name: "Zendesk GET /groups, with its paging",
      file: "groups.json",
      text: json({
        groups: [{id: 7, name: "Tier 2", deleted: false}],
        next_page: null,
        previous_page: null,
        count: 1,
      }),
      names: {"7": "Tier 2"},
      only: true,
    },
    {
      name: "Zendesk GET /groups/{id}",
      file: "group.json",
      text: json({group: {id: 8, name: "Billing"}}),
      names: {"8": "Billing"},
      only: true,
    },
    {
      name: "Airbyte groups records",
      file: "groups.jsonl",
      text: `${json({stream: "groups", data: {id: 9, name: "VIP"}, emitted_at: 1})}\n${json({stream: "groups", data: {id: 10, name: "Night"}, emitted_at: 1})}\n`,
      names: {"9": "VIP", "10": "Night"},
      only: true,
    },
    {
      name: "Airbyte records mixing tickets and groups",
      file: "records.jsonl",
      text: `${json({stream: "tickets", data: {id: 1}, emitted_at: 1})}\n${json({stream: "groups", data: {id: 9, name: "VIP"}, emitted_at: 1})}\n`,
      names: {"9": "VIP"},
      only: false,
    },
    {
      name: "Freshdesk GET /api/v2/groups",
      file: "groups.json",
      text: json([
        {
          id: 5000187761,
          name: "Billing",
          escalate_to: null,
          unassigned_for: "30m",
          agent_ids: [1],
          group_type: "support_agent_group",
        },
        {id: 5000187762, name: "Escalations ops@example.com", agent_ids: []},
      ]),
      names: {"5000187761": "Billing", "5000187762": "Escalations ops@example.com"},
      only: true,
    },
    {
      name: "Intercom GET /teams",
      file: "teams.json",
      text: json({
        type: "team.list",
        teams: [{type: "team", id: "814865", name: "Customer Success", admin_ids: [1]}],
      }),
      names: {"814865": "Customer Success"},
      only: true,
    },
    {
      name: "a Fivetran Zendesk group table, a deleted group left out",
      file: "group.csv",
      text: "id,_fivetran_deleted,_fivetran_synced,created_at,name,updated_at,url\n360006965034,false,2020-03-20 02:32:49,2019-01-01 00:00:00,Support,2019-01-01 00:00:00,https://x\n42,true,2020-03-20 02:32:49,2019-01-01 00:00:00,Old,2019-01-01 00:00:00,https://x\n",
      names: {"360006965034": "Support"},
      only: false,
    },
    {
      name: "a Fivetran Intercom team table",
      file: "team_data.csv",
      text: "id,_fivetran_deleted,_fivetran_synced,name\n1234,false,2020-03-20 02:32:49,Tier 1\n",
      names: {"1234": "Tier 1"},
      only: false,
    },
  ];
  for (const c of cases)
    it(c.name, () => {
      const found = groupNamesOf(c.file, c.text);
      expect(found?.only).toBe(c.only);
      const expected = {...c.names};
      // Contacts are masked like any label: the address never survives.
      for (const [id, name] of Object.entries(expected))
        if (name.includes("@")) {
          expect(found!.names[id]).not.toContain("ops@example.com");
          delete expected[id];
          delete found!.names[id];
        }
      expect(found?.names).toEqual(expected);
    });

  it("finds none in ticket exports without a name table", () => {
    expect(groupNamesOf("tickets.json", json({tickets: [{id: 1, group_id: 7}]}))).toBeNull();
    expect(groupNamesOf("tickets.json", json([{id: 1, group_id: 7, status: 2}]))).toBeNull();
    expect(groupNamesOf("tickets.csv", "id,group,name\n1,Tier 2,Ann\n")).toBeNull();
    // A table called group but not synced by a warehouse loader is no name table.
    expect(groupNamesOf("group.csv", "id,name\n1,Tier 2\n")).toBeNull();
  });
});

const dirs: string[] = [];
afterAll(async () => {
  for (const d of dirs) await rm(d, {recursive: true, force: true});
});

/** Ingests the named files (copied from the fixtures or written here) with the engine given. */
async function ingestFolder(
  files: Record<string, string | {fixture: string}>,
  engine: "auto" | "javascript",
) {
  const dir = await mkdtemp(path.join(tmpdir(), "servicebench-groups-"));
  dirs.push(dir);
  const sources = [];
  for (const [name, body] of Object.entries(files)) {
    const file = path.join(dir, "in", name);
    await mkdir(path.dirname(file), {recursive: true});
    if (typeof body === "string") await writeFile(file, body);
    else await copyFile(path.join(FIXTURES, body.fixture), file);
    sources.push(fileSource(file, (await readFile(file)).length, file));
  }
  const out = path.join(dir, "out");
  const run = await ingestToDataset(sources, {...BASE, engine}, out, {
    profile: defaultProfile("acme"),
    salt: "s",
  });
  return {run, out, dataset: await readDataset(out), files: await readdir(out)};
}

describe.skipIf(!HAVE_FIXTURES)("group names through servicebench ingest, on real exports", () => {
  for (const engine of ["auto", "javascript"] as const) {
    it(`${engine}: a Zendesk export's groups list names the tickets' group ids in group_names.json`, async () => {
      const {run, out, dataset} = await ingestFolder(
        {
          "tickets.json": {fixture: "zendesk-go-zendesk/tickets.json"},
          "groups.json": json({groups: [{id: 360004077472, name: "Support"}], next_page: null, count: 1}),
        },
        engine,
      );
      // The groups list is no ticket export: set aside, not a problem.
      expect(run.problems).toEqual([]);
      expect(run.groupFiles).toEqual(["groups.json"]);
      expect(new Set(dataset.tickets.map((t) => t.group))).toEqual(new Set(["360004077472"]));
      expect(await siteGroupNames({SERVICEBENCH_DATA: out})).toEqual({"360004077472": "Support"});
    });

    it(`${engine}: a warehouse sync's group table names the tickets' groups; the table stays listed as not used`, async () => {
      const tables = [
        "ticket_data.csv",
        "ticket_field_history_data.csv",
        "ticket_comment_data.csv",
        "user_data.csv",
      ];
      const {run, out, dataset} = await ingestFolder(
        {
          ...Object.fromEntries(tables.map((t) => [t, {fixture: `zendesk-dbt-fivetran/${t}`}])),
          "group_data.csv":
            "id,_fivetran_deleted,_fivetran_synced,name\n360006965034,false,2020-03-20 02:32:49,Support\n",
        },
        engine,
      );
      expect(run.groupFiles).toEqual([]);
      expect(run.manifest.files.some((f) => f.file.endsWith("group_data.csv"))).toBe(true);
      const ids = new Set(dataset.tickets.map((t) => t.group));
      expect(ids.has("360006965034")).toBe(true);
      expect(await siteGroupNames({SERVICEBENCH_DATA: out})).toEqual({"360006965034": "Support"});
    });
  }

  it("writes no group_names.json for exports without a name table: the site shows ids", async () => {
    const {files, out, dataset} = await ingestFolder(
      {"tickets.json": {fixture: "zendesk-go-zendesk/tickets.json"}},
      "javascript",
    );
    expect(files).not.toContain("group_names.json");
    expect(dataset.tickets.every((t) => t.group === "360004077472")).toBe(true);
    expect(await siteGroupNames({SERVICEBENCH_DATA: out})).toEqual({});
  });

  it("finds no name table in any real export sample", async () => {
    for (const folder of await readdir(FIXTURES, {withFileTypes: true})) {
      if (!folder.isDirectory()) continue;
      for (const name of await readdir(path.join(FIXTURES, folder.name))) {
        const text = await readFile(path.join(FIXTURES, folder.name, name), "utf8");
        expect(groupNamesOf(name, text), `${folder.name}/${name}`).toBeNull();
      }
    }
  });
});

describe("the demo's group names", () => {
  it("come from its Zendesk pages' side-loads, one name per group id the tickets hold", async () => {
    const names = await siteGroupNames({});
    const pages = (await readdir("data/demo/zendesk")).filter((f) => f.startsWith("incremental-tickets"));
    // Independently: the side-loads as the raw JSON holds them.
    const expected: Record<string, string> = {};
    for (const p of pages) {
      const doc = JSON.parse(await readFile(path.join("data/demo/zendesk", p), "utf8")) as {
        groups?: {id: number; name: string}[];
      };
      for (const g of doc.groups ?? []) expected[String(g.id)] = g.name;
    }
    expect(Object.keys(expected).length).toBeGreaterThan(0);
    expect(names).toEqual(expected);
  });
});
