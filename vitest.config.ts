import {defineConfig} from "vitest/config";

// Two projects: fast pure/unit suites, and the browser suite that builds the site and drives
// Debian Chromium (slow, run serially). `npm test` runs both.
//
// No wall-clock limit on tests or hooks (0 = none): on a loaded machine a timed-out hook fails
// its suite and skips every test in it, so slowness would pass for a bug. Tests are sized by
// case count instead (property tests by numRuns).
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: "unit",
          include: ["test/**/*.test.ts"],
          exclude: ["test/browser/**"],
          environment: "node",
          testTimeout: 0,
          hookTimeout: 0,
        },
      },
      {
        test: {
          name: "browser",
          include: ["test/browser/**/*.test.ts"],
          globalSetup: ["test/browser/global-setup.ts"],
          environment: "node",
          testTimeout: 0,
          hookTimeout: 0,
          fileParallelism: false,
        },
      },
    ],
  },
});
