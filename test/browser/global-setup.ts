import {buildSite} from "./site.ts";
import {chromiumAvailable} from "./chromium.ts";

/** Builds the site once for every browser suite (skipped with the suites when Chromium is missing). */
export default function setup(): void {
  if (chromiumAvailable) buildSite();
}
