import {PassThrough} from "node:stream";
import {describe, expect, it} from "vitest";
import {createProgress} from "../../loaders/node/progress.ts";

function terminal(isTTY: boolean) {
  const stream = new PassThrough() as PassThrough & {
    isTTY: boolean;
    columns: number;
    cursorTo(): boolean;
    clearLine(): boolean;
    moveCursor(): boolean;
  };
  stream.isTTY = isTTY;
  stream.columns = 120;
  stream.cursorTo = stream.clearLine = stream.moveCursor = () => true;
  let text = "";
  stream.on("data", (chunk) => (text += String(chunk)));
  return {stream: stream as unknown as NodeJS.WriteStream, text: () => text};
}

describe("progress", () => {
  it("stays silent when stderr is not a terminal", () => {
    const t = terminal(false);
    const progress = createProgress(1000, t.stream);
    progress.update({file: "a.csv", bytes: 500, rows: 10});
    progress.stop();
    expect(t.text()).toBe("");
  });

  it("shows rows and rows per second on a terminal", async () => {
    const t = terminal(true);
    let clock = 0;
    const progress = createProgress(1000, t.stream, () => clock);
    clock = 2000;
    progress.update({file: "a.csv", bytes: 400, rows: 20_000});
    progress.update({file: "b.csv", bytes: 100, rows: 2_000});
    progress.stop(); // draws the last state, whatever the redraw throttle did
    await new Promise((resolve) => setImmediate(resolve));
    expect(t.text()).toMatch(/22,000 rows \| 11,000 rows\/s/);
    expect(t.text()).toContain("50%");
  });
});
