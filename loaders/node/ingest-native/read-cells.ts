/** Every lookup table of one loaded file, each filled by the core's own cell functions. */
import type {NativeFile} from "./open.ts";
import type {Masker} from "../../privacy/masker.ts";
import {lookup, type Lookups} from "./lookups.ts";

/**
 * Builds the lookup tables of one file; returns a reason to decline, else null. Free-text cells
 * go through `masker` as the core's privacy pass masks them (loaders/privacy/protect.ts).
 */
export async function readCells(lookups: Lookups, file: NativeFile, masker: Masker): Promise<string | null> {
  const {cols, cells} = file.plan;
  const dates = [cols.created, cols.updated, cols.solved, cols.firstReplyAt].filter((c) => c >= 0);
  const declined = await lookups.dates(dates);
  if (declined) return declined;
  await lookups.prefetch([
    cols.status, cols.channel, cols.group, cols.type, cols.assignee, cols.priority, cols.tags, cols.satisfaction,
    ...cols.flags.map((f) => f.index),
  ]); // prettier-ignore
  await lookups.count("replies", cols.replies);
  await lookups.count("reopens", cols.reopens);
  for (const [k, m] of cols.metrics.entries()) await lookups.minutes(`m${k}`, m.index, m.unitMinutes);
  await lookups.map(
    "status",
    cols.status,
    {status: "VARCHAR", excluded: "VARCHAR", invalid: "VARCHAR"},
    (raw) => cells.status(raw),
  );
  await lookups.map(
    "channel",
    cols.channel,
    {
      blank: "BOOLEAN",
      channel: "VARCHAR",
      channel_raw: "VARCHAR",
      excluded: "VARCHAR",
      unknown_key: "VARCHAR",
    },
    (raw) => {
      if (raw.trim() === "")
        return {blank: true, channel: null, channel_raw: null, excluded: null, unknown_key: null};
      const c = cells.channel(raw);
      return {
        blank: false,
        channel: c.channel,
        channel_raw: masker.label(c.raw),
        excluded: c.excluded,
        unknown_key: c.unknownKey,
      };
    },
  );
  const label = (raw: string) => ({value: masker.label(cells.text(raw))});
  await lookups.map("group", cols.group, {value: "VARCHAR"}, label);
  await lookups.map("type", cols.type, {value: "VARCHAR"}, label);
  await lookups.map("agent_name", cols.assignee, {value: "VARCHAR"}, (raw) => ({value: cells.text(raw)}));
  await lookups.map("priority", cols.priority, {value: "VARCHAR"}, (raw) => ({
    value: masker.label(cells.priority(raw)),
  }));
  await lookups.map("tags", cols.tags, {tags: "VARCHAR", merged: "BOOLEAN"}, (text) => {
    const raw = text.trim();
    const tags = raw === "" ? [] : cells.tags(raw);
    // Merged tickets are told by the tag as read; the dataset keeps the masked tags.
    return {tags: JSON.stringify(masker.tags(tags)), merged: tags.includes("closed_by_merge")};
  });
  // As a list column once, not a JSON text to parse on every row.
  if (cols.tags >= 0) {
    const table = lookup(lookups.fi, "tags");
    await lookups.connection.run(
      `CREATE OR REPLACE TABLE ${table} AS SELECT * REPLACE (CAST(CAST(tags AS JSON) AS VARCHAR[]) AS tags) FROM ${table}`,
    );
  }
  for (const [k, flag] of cols.flags.entries())
    await lookups.map(`flag${k}`, flag.index, {truthy: "BOOLEAN"}, (raw) => ({truthy: cells.flag(raw)}));
  await lookups.map(
    "satisfaction",
    cols.satisfaction,
    {undef: "BOOLEAN", wraw: "VARCHAR", sat: "VARCHAR", score: "DOUBLE", smin: "DOUBLE", smax: "DOUBLE"},
    (raw) => {
      const {raw: trimmed, n, s} = cells.satisfaction(raw);
      const numeric = !Number.isNaN(n);
      return {
        undef: s === undefined,
        wraw: trimmed,
        sat: s ?? null,
        score: numeric ? n : s === "good" ? 1 : 0,
        smin: numeric ? 1 : 0,
        smax: numeric ? 5 : 1,
      };
    },
  );
  return null;
}
