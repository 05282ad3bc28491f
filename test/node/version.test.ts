import {readFileSync} from "node:fs";
import {expect, it} from "vitest";
import {SERVICEBENCH_VERSION} from "../../loaders/ingest/index.ts";

// Manifests and `servicebench --version` carry this; it must follow package.json.
it("the library's version is package.json's", () => {
  const pkg = JSON.parse(readFileSync("package.json", "utf8")) as {version: string};
  expect(SERVICEBENCH_VERSION).toBe(pkg.version);
});
