import {h} from "./dom.js";
import {formatNumber, formatPercent, type Lang} from "./format.js";
import type {ChannelTargets} from "./speed-sql.js";
import {messages} from "../i18n/messages.js";

type Row = Record<string, unknown>;
export type TargetsEditor = HTMLElement & {value: ChannelTargets};

/**
 * The targets table: one row per channel with its target in minutes (an input), and, filled in by
 * `showAttainment` once the figures are in, its counted tickets and the share within the target
 * (a button that lists those tickets). `value` is the targets; `input` fires when one changes.
 */
export function targetsEditor(
  channels: readonly string[],
  initial: ChannelTargets,
  lang: Lang,
): TargetsEditor {
  const m = messages(lang);
  const t = m.speed;
  let value: ChannelTargets = {...initial};
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
    const target = initial[channel];
    input.value = typeof target === "number" ? String(target) : "";
    input.addEventListener("change", (e) => {
      e.stopPropagation();
      const x = input.value.trim() === "" ? null : Number(input.value);
      value = {...value, [channel]: x !== null && Number.isFinite(x) && x >= 0 ? x : null};
      editor.dispatchEvent(new Event("input", {bubbles: true}));
    });
    input.addEventListener("input", (e) => e.stopPropagation());
    return h(
      "tr",
      {"data-channel": channel},
      h("th", {scope: "row"}, m.filters.channels[channel] ?? channel),
      h("td", {class: "num"}, input),
      h("td", {class: "num speed-n"}, "–"),
      h("td", {class: "num speed-within"}, "–"),
    );
  });
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
      within.textContent = r && r.target === null ? t.noTarget : "–";
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
