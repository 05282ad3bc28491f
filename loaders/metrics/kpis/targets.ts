import {lit} from "../sql.ts";
import type {Targets} from "../types.ts";

/** Default first-reply targets in minutes (DESIGN.md); api and other have none. */
export const DEFAULT_TARGETS: Targets = {
  chat: 1,
  messaging: 1,
  phone: 1,
  social: 60,
  email: 24 * 60,
  web: 24 * 60,
};

/** `CASE channel WHEN ... END` giving the target of ticket `t`, null when its channel has none. */
export function targetSql(targets: Targets): string {
  const whens = Object.entries(targets)
    .filter(([, m]) => typeof m === "number" && Number.isFinite(m) && m >= 0)
    .map(([c, m]) => `WHEN ${lit(c)} THEN CAST(${Number(m)} AS DOUBLE)`);
  return whens.length ? `(CASE t.channel ${whens.join(" ")} END)` : "CAST(NULL AS DOUBLE)";
}
