import {buildCubeSite, buildSite} from "./site.ts";
import {chromiumAvailable} from "./chromium.ts";

/**
 * Builds the site once for every browser suite (skipped with the suites when Chromium is missing),
 * and its cube-mode twin. The cube site goes first so the data-loader cache ends in ticket mode,
 * as `npm run dev` expects.
 */
export default function setup(): void {
  if (!chromiumAvailable) return;
  buildCubeSite();
  buildSite();
}
