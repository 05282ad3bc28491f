import {h} from "./dom.js";
import {formatDate, formatNumber, type Lang} from "./format.js";
import {
  DEFAULT_FILTERS,
  FILTER_DIMENSIONS,
  NONE,
  PRESETS,
  filtersToSearch,
  isDate,
  periodOf,
  type FilterDimension,
  type Filters,
  type Preset,
} from "./filters.js";
import {carryState} from "./kept-filters.js";
import {isFilterKey, replaceKeys} from "./kept-state.js";
import {messages} from "../i18n/messages.js";

/** The values a filter can take, computed at build time (src/data/choices.json). */
export interface FilterChoices {
  channels: string[];
  groups: string[];
  priorities: string[];
  types: string[];
  tags: string[];
  firstDay: string;
  lastDay: string;
  /** Group id -> name, for the groups the exports name (group_names.json); others show their id. */
  groupNames?: Record<string, string>;
}

const CHOICE_KEY: Record<FilterDimension, keyof FilterChoices> = {
  channel: "channels",
  group: "groups",
  priority: "priorities",
  type: "types",
  tag: "tags",
};

// Above this many values a list gets a search box, so a long tag list stays usable on a phone.
const SEARCHABLE = 10;

export type FilterBar = HTMLElement & {value: Filters};

/** A value as the visitor reads it: channels and named groups by name, a missing value as "(none)". */
export function valueLabel(
  dimension: FilterDimension,
  value: string,
  lang: Lang,
  groupNames: Record<string, string> = {},
): string {
  const t = messages(lang).filters;
  if (value === NONE) return t.noneValue;
  if (dimension === "group") return groupNames[value] ?? value;
  return dimension === "channel" ? (t.channels[value] ?? value) : value;
}

/**
 * The filter bar: period (presets ending at the data's last day, or chosen dates), channel, group,
 * priority, type and tag (multi-selects: a disclosure of checkboxes, which keyboard and touch open
 * alike), the clock, and "compare with the previous period". Its `value` is the current Filters
 * and it dispatches `input` on every change, so a page writes `const filters = view(filterBar(...))`.
 * Each change is written to the address (history.replaceState, so a bookmark reopens the same view;
 * other keys of the address, such as edited targets, stay) and to the site's links (kept-filters.ts).
 * Dimensions in `unavailable` are shown disabled with the reason.
 */
export function filterBar(
  choices: FilterChoices,
  lang: Lang,
  initial: Filters = DEFAULT_FILTERS,
  {unavailable = []}: {unavailable?: readonly FilterDimension[]} = {},
): FilterBar {
  const m = messages(lang);
  const t = m.filters;
  let value: Filters = {...initial};
  for (const d of unavailable) value[d] = [];

  const preset = h(
    "select",
    {name: "period", id: "filter-period"},
    ...PRESETS.map((p) => h("option", {value: p}, t.presets[p])),
  ) as HTMLSelectElement;
  preset.value = value.preset;
  const dateInput = (name: "from" | "to") =>
    h("input", {
      type: "date",
      name,
      id: `filter-${name}`,
      min: choices.firstDay,
      max: choices.lastDay,
    }) as HTMLInputElement;
  const from = dateInput("from");
  const to = dateInput("to");
  const custom = h(
    "span",
    {class: "fb-custom"},
    h("label", {for: "filter-from"}, t.from),
    from,
    h("label", {for: "filter-to"}, t.to),
    to,
  );
  const periodText = h("p", {class: "fb-period muted", id: "filter-period-text", "aria-live": "polite"});

  const multis = new Map<FilterDimension, {details: HTMLDetailsElement; boxes: HTMLInputElement[]}>();
  const multiFor = (d: FilterDimension) => {
    const values = choices[CHOICE_KEY[d]] as string[];
    if (!values.length) return null;
    const off = unavailable.includes(d);
    const boxes = values.map(
      (v) =>
        h("input", {
          type: "checkbox",
          value: v,
          name: d,
          ...(off ? {disabled: ""} : {}),
        }) as HTMLInputElement,
    );
    for (const b of boxes) b.checked = value[d].includes(b.value);
    const options = boxes.map((b) =>
      h("label", {class: "fb-option"}, b, ` ${valueLabel(d, b.value, lang, choices.groupNames)}`),
    );
    const find =
      values.length > SEARCHABLE
        ? (h("input", {
            type: "search",
            class: "fb-find",
            placeholder: t.find,
            "aria-label": `${t.find}: ${t.dimensions[d]}`,
          }) as HTMLInputElement)
        : null;
    find?.addEventListener("input", (e) => {
      e.stopPropagation();
      const q = find.value.trim().toLowerCase();
      for (const o of options) o.hidden = q !== "" && !(o.textContent ?? "").toLowerCase().includes(q);
    });
    const details = h(
      "details",
      {class: `fb-multi${off ? " fb-off" : ""}`, "data-dimension": d},
      h("summary", {}, ""),
      h(
        "fieldset",
        {class: "fb-options"},
        h("legend", {class: "sr-only"}, t.dimensions[d]),
        find,
        ...options,
      ),
    ) as HTMLDetailsElement;
    multis.set(d, {details, boxes});
    return details;
  };

  const clock = h(
    "select",
    {name: "clock", id: "filter-clock"},
    h("option", {value: "calendar"}, m.clock.calendarOption),
    h("option", {value: "business"}, m.clock.businessOption),
  ) as HTMLSelectElement;
  clock.value = value.clock;
  const compare = h("input", {type: "checkbox", name: "compare", id: "filter-compare"}) as HTMLInputElement;
  compare.checked = value.compare;
  const reset = h("button", {type: "button", class: "fb-reset"}, t.reset);

  const controls = h(
    "div",
    {class: "fb-controls"},
    h("span", {class: "fb-field"}, h("label", {for: "filter-period"}, t.period), preset),
    custom,
    ...FILTER_DIMENSIONS.map(multiFor),
    h("span", {class: "fb-field"}, h("label", {for: "filter-clock"}, m.clock.label), clock),
    h("span", {class: "fb-field"}, compare, h("label", {for: "filter-compare"}, ` ${t.compare}`)),
    reset,
  );
  const bar = h(
    "form",
    {class: "filter-bar", id: "filter-bar", role: "search", "aria-label": t.title},
    controls,
    periodText,
    unavailable.length
      ? h(
          "p",
          {class: "fb-unavailable muted"},
          t.unavailable(unavailable.map((d) => t.dimensions[d]).join(", ")),
        )
      : null,
  ) as FilterBar;
  bar.addEventListener("submit", (e) => e.preventDefault());

  /** Brings every control in line with `value`. */
  const show = () => {
    preset.value = value.preset;
    const p = periodOf(value, choices.lastDay, choices.firstDay);
    custom.hidden = value.preset !== "custom";
    from.value = p.from;
    to.value = p.to;
    periodText.textContent = t.showing(formatDate(p.from, lang), formatDate(p.to, lang));
    for (const [d, {details, boxes}] of multis) {
      for (const b of boxes) b.checked = value[d].includes(b.value);
      const n = value[d].length;
      const chosen =
        n === 0
          ? t.any
          : n === 1
            ? valueLabel(d, value[d][0]!, lang, choices.groupNames)
            : t.chosen(formatNumber(n, lang));
      details.querySelector("summary")!.textContent = t.summary(t.dimensions[d], chosen);
      details.dataset.count = String(n);
    }
    clock.value = value.clock;
    compare.checked = value.compare;
  };

  /** Publishes `value`: the address, the site's links, then the page (one `input` event). */
  const publish = () => {
    // Where the bench and the browser test start timing a redraw.
    performance.mark("sb:filter-change");
    show();
    const search = replaceKeys(location.search, filtersToSearch(value), isFilterKey);
    history.replaceState(history.state, "", `${location.pathname}${search}${location.hash}`);
    carryState();
    bar.dispatchEvent(new Event("input", {bubbles: true}));
  };

  // Native events from the controls stop here: the page hears one `input` per change, after
  // `value` is up to date.
  for (const type of ["input", "change"]) controls.addEventListener(type, (e) => e.stopPropagation());
  controls.addEventListener("change", (e) => {
    const target = e.target as Element;
    if (target.classList.contains("fb-find")) return;
    const next = {...value};
    if (target === preset) {
      next.preset = preset.value as Preset;
      if (next.preset === "custom") {
        const p = periodOf(value, choices.lastDay, choices.firstDay);
        next.from = p.from;
        next.to = p.to;
      } else next.from = next.to = null;
    } else if (target === from || target === to) {
      if (!isDate(from.value) || !isDate(to.value)) return;
      [next.from, next.to] = from.value <= to.value ? [from.value, to.value] : [to.value, from.value];
    } else if (target === clock) next.clock = clock.value === "business" ? "business" : "calendar";
    else if (target === compare) next.compare = compare.checked;
    else {
      const d = (target as HTMLInputElement).name as FilterDimension;
      const boxes = multis.get(d)?.boxes;
      if (!boxes) return;
      next[d] = boxes.filter((b) => b.checked).map((b) => b.value);
    }
    value = next;
    publish();
  });
  reset.addEventListener("click", () => {
    value = {...DEFAULT_FILTERS};
    publish();
  });
  // Escape closes an open list and gives the focus back to its summary.
  controls.addEventListener("keydown", (e) => {
    if (e.key !== "Escape") return;
    const open = (e.target as HTMLElement).closest("details[open]") as HTMLDetailsElement | null;
    if (!open) return;
    open.open = false;
    open.querySelector("summary")?.focus();
  });

  Object.defineProperty(bar, "value", {
    get: () => value,
    set: (v: Filters) => {
      value = {...v};
      show();
    },
  });
  show();
  // The links exist once the page is on screen; the address is already the bar's own.
  requestAnimationFrame(() => carryState());
  return bar;
}
