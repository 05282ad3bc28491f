import {h} from "./dom.js";
import {csvDownload} from "./csv.js";
import {formatDate, formatMinutes, formatNumber, formatPercent, type Lang} from "./format.js";
import {sourceLink, table} from "./table.js";
import type {Spike} from "./volume-series.js";
import {messages} from "../i18n/messages.js";

type Row = Record<string, unknown>;

/** A table with its CSV download under it. */
function withCsv(element: HTMLElement, rows: () => Row[], filename: string, lang: Lang): HTMLElement {
  return h("div", {}, element, csvDownload(rows, {filename, label: messages(lang).analysis.csv}));
}

/**
 * The spikes of the selection, dated, largest first, each against the period's usual day; with
 * `onPick`, each is a button that opens the day's tickets.
 */
export function spikeList(
  spikes: readonly Spike[],
  {lang, onPick}: {lang: Lang; onPick?: (s: Spike) => void},
): HTMLElement {
  const t = messages(lang).volume;
  if (!spikes.length) return h("p", {class: "muted", id: "spike-list"}, t.noSpike);
  return h(
    "ul",
    {id: "spike-list", "data-count": String(spikes.length)},
    ...spikes.map((s) => {
      const text = t.spikeLine(
        formatDate(s.day, lang),
        formatNumber(s.tickets, lang),
        formatNumber(s.median, lang, 1),
      );
      if (!onPick) return h("li", {"data-day": s.day}, text);
      const button = h("button", {type: "button", class: "link-button", "data-day": s.day}, text);
      button.addEventListener("click", () => onPick(s));
      return h("li", {"data-day": s.day}, button);
    }),
  );
}

/** Tickets and share per channel (volume_by_channel rows), with tickets per month over the period. */
export function channelMixTable(
  rows: readonly Row[],
  {lang, months, channelName}: {lang: Lang; months: number; channelName: (c: string) => string},
): HTMLElement {
  const t = messages(lang).volume;
  const sorted = [...rows].sort((a, b) => Number(b.tickets) - Number(a.tickets));
  const element = table(
    sorted,
    [
      {label: t.channel, value: (r) => channelName(String(r.channel))},
      {label: t.tickets, value: (r) => formatNumber(Number(r.tickets), lang), numeric: true},
      {label: t.share, value: (r) => formatPercent(Number(r.share), lang), numeric: true},
      {
        label: t.perMonth,
        value: (r) => formatNumber(months > 0 ? Number(r.tickets) / months : null, lang, 1),
        numeric: true,
      },
    ],
    {id: "channel-mix", caption: t.mixTitle},
  );
  const csv = () =>
    sorted.map((r) => ({
      channel: r.channel,
      tickets: r.tickets,
      share: r.share,
      tickets_per_month: months > 0 ? Number(r.tickets) / months : null,
    }));
  return withCsv(element, csv, "channel-mix.csv", lang);
}

/** Published figures about channels, from published.json: every one verified, with source and year. */
export const CHANNEL_FIGURES = [
  "chats_per_month",
  "chat_first_reply",
  "chat_wait_time",
  "csat_by_channel",
] as const;

export interface Published {
  metric: string;
  value: number;
  unit: string;
  population: string;
  year: number | null;
  source_url: string;
  note: string;
}

/** A published figure in the page's units: seconds as a duration, percentages as percentages. */
export function publishedValue(f: Pick<Published, "value" | "unit">, lang: Lang): string {
  if (f.unit === "seconds") return formatMinutes(f.value / 60, lang);
  if (f.unit === "percent") return formatPercent(f.value / 100, lang, 0);
  if (f.unit === "chats per month") return messages(lang).volume.chatsPerMonth(formatNumber(f.value, lang));
  return `${formatNumber(f.value, lang, 1)} ${f.unit}`;
}

export function publishedChannelTable(figures: readonly Published[], {lang}: {lang: Lang}): HTMLElement {
  const m = messages(lang);
  const t = m.volume;
  const rows = figures.filter((f) => (CHANNEL_FIGURES as readonly string[]).includes(f.metric));
  const element = table(
    rows,
    [
      {label: t.figure, value: (f) => t.metrics[f.metric] ?? f.metric.replaceAll("_", " ")},
      {label: t.value, value: (f) => publishedValue(f, lang), numeric: true},
      {label: t.population, value: (f) => f.population},
      {label: t.year, value: (f) => (f.year === null ? m.common.undated : String(f.year)), numeric: true},
      {label: m.common.source, value: (f) => sourceLink(f.source_url, new URL(f.source_url).hostname)},
    ],
    {id: "published-channels", caption: t.published},
  );
  return withCsv(element, () => rows.map((f) => ({...f})), "published-channel-figures.csv", lang);
}

/**
 * One number input per channel for its monthly cost, empty by default (nothing is assumed). The
 * element's `value` is the cost table {channel: cost} of the channels filled in, and it
 * dispatches `input` on every change, so a page writes `const costs = view(costEditor(...))`.
 */
export function costEditor(
  channels: readonly string[],
  {
    lang,
    channelName,
    initial = {},
  }: {lang: Lang; channelName: (c: string) => string; initial?: Record<string, number>},
): HTMLElement & {value: Record<string, number>} {
  const t = messages(lang).volume;
  const inputs = channels.map((c) => {
    const input = h("input", {
      type: "number",
      min: "0",
      step: "any",
      inputmode: "decimal",
      name: `cost-${c}`,
      "data-channel": c,
      value: initial[c] === undefined ? undefined : String(initial[c]),
    }) as HTMLInputElement;
    return input;
  });
  const form = h(
    "form",
    {class: "cost-editor", id: "cost-editor"},
    ...channels.map((c, i) =>
      h("label", {class: "cost-field"}, h("span", {}, `${channelName(c)} · ${t.monthlyCost}`), inputs[i]!),
    ),
  ) as HTMLElement & {value: Record<string, number>};
  const read = () => {
    const costs: Record<string, number> = {};
    for (const input of inputs) {
      const v = input.valueAsNumber;
      if (Number.isFinite(v) && v >= 0) costs[input.dataset.channel!] = v;
    }
    return costs;
  };
  form.value = read();
  form.addEventListener("submit", (e) => e.preventDefault());
  form.addEventListener("input", () => {
    form.value = read();
  });
  return form;
}

/** Cost per contact by channel (the registry's cost_per_contact rows) with the channel's first reply median. */
export function costTable(
  rows: readonly Row[],
  {
    lang,
    channelName,
    firstReply,
  }: {lang: Lang; channelName: (c: string) => string; firstReply: Map<string, number | null>},
): HTMLElement {
  const m = messages(lang);
  const t = m.volume;
  const money = (x: unknown) =>
    typeof x === "number" && Number.isFinite(x) ? formatNumber(x, lang, 2) : t.noCost;
  const element = table(
    rows,
    [
      {label: t.channel, value: (r) => channelName(String(r.channel))},
      {label: t.tickets, value: (r) => formatNumber(Number(r.tickets), lang), numeric: true},
      {label: t.months, value: (r) => formatNumber(Number(r.months), lang, 2), numeric: true},
      {label: t.monthlyCost, value: (r) => money(r.monthly_cost), numeric: true},
      {label: t.costPerContact, value: (r) => money(r.value), numeric: true},
      {
        label: m.team.firstReply,
        value: (r) => formatMinutes(firstReply.get(String(r.channel)) ?? null, lang),
        numeric: true,
      },
    ],
    {id: "cost-per-contact", caption: t.costTitle},
  );
  const csv = () =>
    rows.map((r) => ({
      channel: r.channel,
      tickets: r.tickets,
      months: r.months,
      monthly_cost: r.monthly_cost,
      cost_per_contact: r.value,
      first_reply_p50_minutes: firstReply.get(String(r.channel)) ?? null,
    }));
  return withCsv(element, csv, "cost-per-contact.csv", lang);
}

export interface ScenarioView {
  scenario: {from: string; to: string; share: number; self_service: number};
  moved_per_month: number;
  cost_before: number | null;
  cost_after: number | null;
  first_reply_before: number | null;
  first_reply_after: number | null;
}

/**
 * The digital-shift scenario's result, before and after, with every assumption written out and
 * the reason a figure is missing (a channel's cost not entered, no first reply median...).
 */
export function scenarioResult(
  r: ScenarioView,
  {lang, channelName, missing}: {lang: Lang; channelName: (c: string) => string; missing: string[]},
): HTMLElement {
  const t = messages(lang).volume;
  const money = (x: number | null) => (x === null ? "–" : formatNumber(x, lang, 0));
  const rows = [
    {label: t.costMonth, before: money(r.cost_before), after: money(r.cost_after)},
    {
      label: t.firstReply,
      before: formatMinutes(r.first_reply_before, lang),
      after: formatMinutes(r.first_reply_after, lang),
    },
  ];
  return h(
    "div",
    {id: "scenario-result"},
    h(
      "p",
      {},
      t.scenarioIntro(
        formatPercent(r.scenario.share, lang, 0),
        channelName(r.scenario.from),
        channelName(r.scenario.to),
        formatPercent(r.scenario.self_service, lang, 0),
      ),
    ),
    h("p", {}, `${t.moved}: `, h("strong", {}, formatNumber(r.moved_per_month, lang, 1))),
    table(
      rows,
      [
        {label: "", value: (x) => x.label},
        {label: t.before, value: (x) => x.before, numeric: true},
        {label: t.after, value: (x) => x.after, numeric: true},
      ],
      {id: "scenario-table", caption: t.scenarioTitle},
    ),
    missing.length ? h("p", {class: "scenario-missing"}, t.missing, missing.join("; ")) : null,
    h("h3", {}, t.assumptions),
    h("ul", {id: "scenario-assumptions"}, ...t.assumptionList.map((a) => h("li", {}, a))),
  );
}
