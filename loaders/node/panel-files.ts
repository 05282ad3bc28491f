import {mkdir, readFile, writeFile} from "node:fs/promises";
import {join} from "node:path";
import {fileURLToPath} from "node:url";
import {PanelFormatError, panelFiles, parsePanel, type Panel} from "../benchmark/panel-format.ts";
import {InputError} from "./errors.ts";

/** The shipped synthetic reference panel. */
export const REFERENCE_PANEL_DIR = fileURLToPath(new URL("../../data/benchmarks/", import.meta.url));

/** `--panel`, else SERVICEBENCH_PANEL, else the synthetic reference panel. */
export function resolvePanelDir(dir?: string): string {
  return dir ?? process.env.SERVICEBENCH_PANEL ?? REFERENCE_PANEL_DIR;
}

/** Reads and checks panel.csv + panel.json; a missing or bad file is an InputError. */
export async function readPanel(dir?: string): Promise<Panel> {
  const root = resolvePanelDir(dir);
  const read = async (name: string) => {
    try {
      return await readFile(join(root, name), "utf8");
    } catch {
      throw new InputError([`${join(root, name)}: cannot read the panel file`]);
    }
  };
  const [csv, json] = await Promise.all([read("panel.csv"), read("panel.json")]);
  try {
    return parsePanel(csv, json);
  } catch (error) {
    if (error instanceof PanelFormatError) throw new InputError(error.problems.map((p) => `${root}: ${p}`));
    throw error;
  }
}

/** Writes panel.csv, panel.json and any extra files (README.md) into `dir`. */
export async function writePanel(
  dir: string,
  panel: Panel,
  extra: Record<string, string> = {},
): Promise<void> {
  await mkdir(dir, {recursive: true});
  const files = {...panelFiles(panel), ...extra};
  for (const [name, text] of Object.entries(files)) await writeFile(join(dir, name), text);
}
