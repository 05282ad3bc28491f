/** Runs one benchmark task in a child process (through tsx) and reads its result line. */
import {spawn} from "node:child_process";
import {fileURLToPath} from "node:url";
import type {TaskResult} from "./task-result.ts";

const TASKS = fileURLToPath(new URL("./tasks/", import.meta.url));
// Resolved here, so tasks run whatever the working directory is.
const TSX = import.meta.resolve("tsx");

export async function runTask(task: string, args: string[]): Promise<TaskResult> {
  const child = spawn(process.execPath, ["--import", TSX, `${TASKS}${task}.ts`, ...args], {
    stdio: ["ignore", "pipe", "inherit"],
  });
  let stdout = "";
  child.stdout.setEncoding("utf8");
  child.stdout.on("data", (text: string) => (stdout += text));
  const code = await new Promise<number | null>((resolve, reject) => {
    child.once("error", reject);
    child.once("close", resolve);
  });
  const last = stdout.trim().split("\n").pop() ?? "";
  if (code !== 0 || !last.startsWith("{")) throw new Error(`task ${task} failed (exit ${code}): ${last}`);
  return JSON.parse(last) as TaskResult;
}
