/**
 * Control characters from files never reach the terminal raw (issue 15): header cells with escape
 * sequences (clear screen, OSC 8 links) or bidirectional overrides are printed as visible escapes.
 */
import {mkdtemp, rm, writeFile} from "node:fs/promises";
import {tmpdir} from "node:os";
import path from "node:path";
import {afterAll, describe, expect, it} from "vitest";
import {printable, printableLines} from "../../loaders/text/terminal.ts";
import {runCli} from "../node/run-cli.ts";

const dir = await mkdtemp(path.join(tmpdir(), "servicebench-terminal-"));
afterAll(() => rm(dir, {recursive: true, force: true}));
const ESC = "\u001b";

describe("printable", () => {
  it("writes C0, DEL, C1 and bidi controls as escapes, once", () => {
    expect(printable(`a${ESC}[2Jb\u0007\u009b\u202e\n`)).toBe("a\\x1B[2Jb\\x07\\x9B\\u202E\\x0A");
    expect(printable(printable(`${ESC}]8;;x${ESC}\\`))).toBe("\\x1B]8;;x\\x1B\\");
    expect(printable("café ✓ 東京")).toBe("café ✓ 東京");
    expect(printableLines(`a${ESC}\nb\r`)).toBe("a\\x1B\nb\\x0D");
  });

  it("ingest prints a header cell's escape sequence as text, in problem lines and the summary", async () => {
    const file = path.join(dir, `x${ESC}[31m.csv`);
    await writeFile(file, `Id,Status${ESC}[2J${ESC}]8;;http://x.example${ESC}\\,Created\u202e\n1,2,3\n`);
    const r = await runCli(["ingest", file, "--org", "o", "--out", path.join(dir, "out")]);
    expect(r.code).toBe(1);
    const printed = r.stdout + r.stderr;
    // eslint-disable-next-line no-control-regex -- the point of the check
    expect(printed.replace(/\n/g, "")).not.toMatch(/[\u0000-\u001f\u007f-\u009f\u202e]/);
    expect(r.stderr).toContain("Status\\x1B[2J\\x1B]8;;http://x.example\\x1B\\, Created\\u202E");
    expect(r.stdout).toContain("x\\x1B[31m.csv");
  });
});
