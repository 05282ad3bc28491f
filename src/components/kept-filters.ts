import {h} from "./dom.js";
import type {Lang} from "./format.js";
import {describeKept, isKeptKey, keptSearch, replaceKeys} from "./kept-state.js";
import {messages} from "../i18n/messages.js";

/**
 * Points one link at the kept state, when it is a page link of this site: data files, downloads,
 * other hosts and in-page anchors are left alone, and the link's own keys stay.
 */
function carryLink(a: HTMLAnchorElement, kept: string): void {
  const raw = a.getAttribute("href") ?? "";
  if (a.hasAttribute("download") || raw.startsWith("#") || /^[a-z][a-z0-9+.-]*:/i.test(raw)) return;
  const url = new URL(raw, location.href);
  if (url.origin !== location.origin || !/\/(fr|en)(\/|$)/.test(url.pathname)) return;
  if (/\/_[a-z]+\//.test(url.pathname) || /\.(?!html$)[a-z0-9]+$/i.test(url.pathname)) return;
  url.search = replaceKeys(url.search, kept, isKeptKey);
  a.setAttribute("href", `${url.pathname}${url.search}${url.hash}`);
}

let listening = false;

/**
 * Points the site's own links (sidebar, pager, language switch, links in the page) at the filters
 * and targets of the address, so they follow the visitor from page to page and back. Links drawn
 * later (a cell that renders once DuckDB answers) are pointed when the visitor reaches for them:
 * pointer down, focus or click, before the browser follows them.
 */
export function carryState(root: ParentNode = document): void {
  const kept = keptSearch(location.search);
  for (const a of Array.from(root.querySelectorAll<HTMLAnchorElement>("a[href]"))) carryLink(a, kept);
  if (listening) return;
  listening = true;
  for (const type of ["pointerdown", "focusin", "click"])
    document.addEventListener(
      type,
      (e) => {
        const a = (e.target as Element | null)?.closest?.("a[href]");
        if (a) carryLink(a as HTMLAnchorElement, keptSearch(location.search));
      },
      {capture: true},
    );
}

/**
 * For a page without a filter bar: carries the kept filters along its links and, when the address
 * holds any, says so in one discreet line ("Filters kept for the analysis pages: channel E-mail;
 * group Orders · clear"). Clear takes them out of the address and the links. Group ids are shown
 * until `groupNames` (called only when a group is kept) gives their names.
 */
export function keptFilters(
  lang: Lang,
  {groupNames}: {groupNames?: () => Promise<Record<string, string>>} = {},
): HTMLElement {
  const t = messages(lang).kept;
  carryState();
  const line = h("p", {class: "kept-filters muted", id: "kept-filters"});
  const text = h("span", {class: "kept-text"});
  const clear = h(
    "button",
    {type: "button", class: "link-button kept-clear", "aria-label": t.clearLabel},
    t.clear,
  );
  const draw = (names: Record<string, string> = {}) => {
    const parts = describeKept(location.search, lang, {groupName: (id) => names[id] ?? id});
    line.hidden = parts.length === 0;
    text.textContent = t.line(parts.join(t.separator));
  };
  clear.addEventListener("click", () => {
    const search = replaceKeys(location.search, "", isKeptKey);
    history.replaceState(history.state, "", `${location.pathname}${search}${location.hash}`);
    carryState();
    draw();
  });
  line.append(text, " · ", clear);
  draw();
  if (groupNames && new URLSearchParams(location.search).has("group"))
    groupNames().then(draw, () => {
      // Without the names file the ids stay: the line is still true.
    });
  return line;
}
