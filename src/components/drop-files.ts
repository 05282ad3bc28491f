import {h} from "./dom.js";

/** A dropped or picked file with its path inside the dropped folder ("export/tickets.csv"). */
export interface PickedFile {
  file: File;
  path: string;
}

/** Every file of a dropped folder entry, depth first, named by its path from the dropped root. */
async function entryFiles(entry: FileSystemEntry): Promise<PickedFile[]> {
  if (entry.isFile) {
    const file = await new Promise<File>((resolve, reject) =>
      (entry as FileSystemFileEntry).file(resolve, reject),
    );
    return [{file, path: entry.fullPath.replace(/^\//, "")}];
  }
  const reader = (entry as FileSystemDirectoryEntry).createReader();
  const children: FileSystemEntry[] = [];
  // readEntries hands out a directory in batches (100 in Chromium) until it returns none.
  for (;;) {
    const batch = await new Promise<FileSystemEntry[]>((resolve, reject) =>
      reader.readEntries(resolve, reject),
    );
    if (batch.length === 0) break;
    children.push(...batch);
  }
  const nested = await Promise.all(children.map(entryFiles));
  return nested.flat();
}

/**
 * Files named as the command line names them: relative to the folder given. When every file comes
 * from one dropped or picked folder, that folder's own name is dropped from their paths, so
 * problem lines read `zendesk/tickets.json:12: ...` on the page and in the terminal alike.
 */
export function relativeToRoot(files: PickedFile[]): PickedFile[] {
  const first = (p: string) => (p.includes("/") ? p.slice(0, p.indexOf("/")) : null);
  const root = files.length ? first(files[0]!.path) : null;
  if (root === null || !files.every((f) => first(f.path) === root)) return files;
  return files.map((f) => ({...f, path: f.path.slice(root.length + 1)}));
}

/** The files of a drop: plain files, and every file inside dropped folders. */
export async function droppedFiles(data: DataTransfer): Promise<PickedFile[]> {
  const entries = Array.from(data.items, (item) => item.webkitGetAsEntry?.() ?? null);
  if (entries.some((e) => e !== null)) {
    const files = await Promise.all(entries.filter((e): e is FileSystemEntry => e !== null).map(entryFiles));
    return relativeToRoot(files.flat());
  }
  return Array.from(data.files, (file) => ({file, path: file.name}));
}

/** The files of an `<input type="file">`, named by their path in a picked folder when there is one. */
export function pickedFiles(input: HTMLInputElement): PickedFile[] {
  return relativeToRoot(
    Array.from(input.files ?? [], (file) => ({file, path: file.webkitRelativePath || file.name})),
  );
}

/**
 * A drop zone with two real file inputs (files, a folder), so it works with a mouse, a keyboard
 * and a screen reader alike. Calls `onFiles` with what was dropped or picked.
 */
export function dropZone(
  texts: {title: string; hint: string; or: string; chooseFiles: string; chooseFolder: string},
  onFiles: (files: PickedFile[]) => void,
): HTMLElement {
  const filesInput = h("input", {
    type: "file",
    multiple: "",
    id: "assess-files",
    class: "sr-only",
  }) as HTMLInputElement;
  const folderInput = h("input", {type: "file", id: "assess-folder", class: "sr-only"}) as HTMLInputElement;
  folderInput.webkitdirectory = true;
  const zone = h(
    "div",
    {class: "drop-zone", id: "drop-zone"},
    h("p", {class: "drop-title"}, texts.title),
    h("p", {class: "muted"}, texts.hint),
    h(
      "p",
      {class: "drop-buttons"},
      filesInput,
      h("label", {for: "assess-files", class: "button"}, texts.chooseFiles),
      ` ${texts.or} `,
      folderInput,
      h("label", {for: "assess-folder", class: "button"}, texts.chooseFolder),
    ),
  );
  for (const input of [filesInput, folderInput])
    input.addEventListener("change", () => {
      const files = pickedFiles(input);
      input.value = "";
      if (files.length) onFiles(files);
    });
  zone.addEventListener("dragover", (event) => {
    event.preventDefault();
    zone.classList.add("dragging");
  });
  zone.addEventListener("dragleave", () => zone.classList.remove("dragging"));
  zone.addEventListener("drop", (event) => {
    event.preventDefault();
    zone.classList.remove("dragging");
    if (event.dataTransfer) void droppedFiles(event.dataTransfer).then(onFiles);
  });
  return zone;
}
