import {createHash} from "node:crypto";
import {describe, expect, it} from "vitest";
import {inlineScripts, policyFor, withPolicy} from "../../scripts/csp.ts";

const page = `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<script type="module">import {define} from "./_observablehq/client.js";</script>
<script src="./_npm/x.js"></script>
</head>
<body><script>{sidebar()}</script></body>
</html>`;

const sha = (s: string) => `'sha256-${createHash("sha256").update(s).digest("base64")}'`;

describe("Content-Security-Policy of a built page", () => {
  it("finds the inline scripts, not those with a src", () =>
    expect(inlineScripts(page)).toEqual([
      'import {define} from "./_observablehq/client.js";',
      "{sidebar()}",
    ]));

  it("allows each inline script by its hash and nothing that evaluates text", () => {
    const policy = policyFor(page);
    expect(policy).toContain(sha('import {define} from "./_observablehq/client.js";'));
    expect(policy).toContain(sha("{sidebar()}"));
    expect(policy).toContain("'wasm-unsafe-eval'");
    expect(policy).toContain("worker-src 'self' blob:");
    expect(policy).not.toMatch(/'unsafe-eval'|'unsafe-inline'[^;]*script|script-src[^;]*'unsafe-inline'/);
    expect(policy).not.toMatch(/https?:/);
  });

  it("goes first in <head>, once, whatever times it is applied", () => {
    const once = withPolicy(page);
    const twice = withPolicy(once);
    expect(twice).toBe(once);
    expect(once.indexOf("Content-Security-Policy")).toBeLessThan(once.indexOf("<script"));
    expect(once.match(/Content-Security-Policy/g)).toHaveLength(1);
  });

  it("changes when a script changes", () =>
    expect(policyFor(page.replace("sidebar()", "sidebar(1)"))).not.toBe(policyFor(page)));
});
