import {h} from "./dom.js";
import {type Lang} from "./format.js";
import {messages} from "../i18n/messages.js";

/** A Framework FileAttachment, as far as loading JSON goes. */
interface JsonFile {
  name: string;
  json(): Promise<unknown>;
}

/**
 * A page's data file, or one readable message when it is missing or unreadable: a banner at the
 * top of the page naming the file and what to do, in place of a red error in every cell that
 * depends on it (the stylesheet hides those while the banner is shown).
 */
export async function loadData<T>(file: JsonFile, lang: Lang): Promise<T> {
  try {
    return (await file.json()) as T;
  } catch (error) {
    const text = messages(lang).dataMissing(file.name.replace(/^.*\//, ""));
    if (!document.getElementById("data-missing"))
      document
        .querySelector("#observablehq-main")
        ?.prepend(h("p", {id: "data-missing", class: "warning", role: "alert"}, text));
    throw new Error(text, {cause: error});
  }
}
