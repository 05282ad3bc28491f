export * from "./ticket.ts";
export * from "./response.ts";
export * from "./profile.ts";
export * from "./manifest.ts";
export * from "./reject.ts";
export * from "./org-summary.ts";
