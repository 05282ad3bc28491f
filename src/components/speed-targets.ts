import {h} from "./dom.js";
import {formatNumber, formatPercent, type Lang} from "./format.js";
import {carryState} from "./kept-filters.js";
import {isTargetKey, replaceKeys} from "./kept-state.js";
import type {ChannelTargets, SpeedMetric} from "./speed-sql.js";
import {targetMinutes, targetsFromSearch, targetsToSearch, type TargetSet} from "./target-search.js";
import {messages} from "../i18n/messages.js";

type Row = Record<string, unknown>;
export type TargetsEditor = HTMLElement & {value: ChannelTargets};

/**
 * Writes one time's targets to the address beside the others (history.replaceState, so a bookmark
 * or a reload reopens them) and to the site's links.
 */
function writeTargets(metric: SpeedMetric, value: ChannelTargets, defaults: Partial<TargetSet>): void {
  const set = targetsFromSearch(location.search, defaults);
  set[metric] = value;
  const search = replaceKeys(location.search, targetsToSearch(set, defaults), isTargetKey);
  history.replaceState(history.state, "", `${location.pathname}${search}${location.hash}`);
  carryState();
}

/**
 * The targets table: one row per channel with its target in minutes (an input; empty is "no
 * target", said in the row), and, filled in by `showAttainment` once the figures are in, its
 * counted tickets and the share within the target (a button that lists those tickets). `value` is
 * the targets; `input` fires when one changes. With `address`, each change is kept in the address
 * as `target.<time>.<channel>` (target-search.ts) against the configured `defaults`, and a button
 * goes back to those.
 */
export function targetsEditor(
  channels: readonly string[],
  initial: ChannelTargets,
  lang: Lang,
  {address}: {address?: {metric: SpeedMetric; defaults: Partial<TargetSet>}} = {},
): TargetsEditor {
  const m = messages(lang);
  const t = m.speed;
  let value: ChannelTargets = {...initial};
  const configured = address?.defaults[address.metric] ?? {};
  const inputs = new Map<string, HTMLInputElement>();
  /** A row without a target says so at once, before any figure is in. */
  const showNone = (tr: HTMLElement, channel: string) => {
    const none = targetMinutes(value[channel]) === null;
    tr.dataset.target = none ? "" : String(value[channel]);
    if (none) tr.querySelector(".speed-within")!.textContent = t.noTarget;
  };
  const rows = channels.map((channel) => {
    const input = h("input", {
      type: "number",
      min: "0",
      step: "any",
      inputmode: "decimal",
      name: `target-${channel}`,
      "aria-label": `${t.target}: ${m.filters.channels[channel] ?? channel}`,
      placeholder: t.noTarget,
    }) as HTMLInputElement;
    inputs.set(channel, input);
    const target = initial[channel];
    input.value = typeof target === "number" ? String(target) : "";
    input.addEventListener("change", (e) => {
      e.stopPropagation();
      const x = input.value.trim() === "" ? null : Number(input.value);
      value = {...value, [channel]: targetMinutes(x)};
      publish();
    });
    input.addEventListener("input", (e) => e.stopPropagation());
    const tr = h(
      "tr",
      {"data-channel": channel},
      h("th", {scope: "row"}, m.filters.channels[channel] ?? channel),
      h("td", {class: "num"}, input),
      h("td", {class: "num speed-n"}, "–"),
      h("td", {class: "num speed-within"}, "–"),
    );
    showNone(tr, channel);
    return tr;
  });
  const reset = address
    ? (h(
        "button",
        {type: "button", class: "link-button speed-targets-reset"},
        t.targetsReset,
      ) as HTMLButtonElement)
    : null;
  const edited = () => channels.some((c) => targetMinutes(value[c]) !== targetMinutes(configured[c]));
  const publish = () => {
    if (address) writeTargets(address.metric, value, address.defaults);
    if (reset) reset.hidden = !edited();
    for (const tr of rows) showNone(tr, tr.dataset.channel!);
    editor.dispatchEvent(new Event("input", {bubbles: true}));
  };
  reset?.addEventListener("click", () => {
    value = {...value};
    for (const c of channels) {
      value[c] = targetMinutes(configured[c]);
      inputs.get(c)!.value = value[c] === null ? "" : String(value[c]);
    }
    publish();
  });
  if (reset) reset.hidden = !edited();
  const editor = h(
    "div",
    {class: "table-scroll speed-targets", id: "speed-targets"},
    h(
      "table",
      {},
      h(
        "thead",
        {},
        h(
          "tr",
          {},
          h("th", {scope: "col"}, t.channel),
          h("th", {scope: "col", class: "num"}, t.target),
          h("th", {scope: "col", class: "num"}, t.tickets),
          h("th", {scope: "col", class: "num"}, t.withinTarget),
        ),
      ),
      h("tbody", {}, ...rows),
    ),
    reset,
  ) as TargetsEditor;
  Object.defineProperty(editor, "value", {get: () => value});
  return editor;
}

/** Fills the counted tickets and the share within target; `onPick(channel)` lists the tickets within. */
export function showAttainment(
  editor: HTMLElement,
  rows: readonly Row[],
  lang: Lang,
  onPick: (channel: string, target: number) => void,
): void {
  const t = messages(lang).speed;
  for (const tr of Array.from(editor.querySelectorAll<HTMLTableRowElement>("tbody tr"))) {
    const r = rows.find((x) => x.channel === tr.dataset.channel);
    const n = tr.querySelector(".speed-n")!;
    const within = tr.querySelector(".speed-within")!;
    n.textContent = formatNumber(typeof r?.n === "number" ? r.n : 0, lang);
    if (!r || typeof r.share !== "number" || typeof r.target !== "number") {
      within.textContent = tr.dataset.target === "" || (r && r.target === null) ? t.noTarget : "–";
      continue;
    }
    const target = r.target;
    const button = h(
      "button",
      {type: "button", class: "link-button", "data-within": String(r.within)},
      `${formatPercent(r.share, lang)} (${formatNumber(Number(r.within), lang)})`,
    );
    button.addEventListener("click", () => onPick(String(r.channel), target));
    within.replaceChildren(button);
  }
}
