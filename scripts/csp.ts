// The Content-Security-Policy every built page carries. Framework writes inline scripts (the page's
// module, the sidebar's) whose text changes with every build, so their hashes are computed after
// the build, page by page. What the site needs, and nothing more: its own host for everything,
// WebAssembly compilation for DuckDB ('wasm-unsafe-eval', never 'unsafe-eval'), DuckDB's worker
// started from a blob: URL, and inline styles, which Plot and Inputs set on their elements.
import {createHash} from "node:crypto";

/** Every inline script's text (scripts with a src attribute are covered by 'self'). */
export function inlineScripts(html: string): string[] {
  return [...html.matchAll(/<script(\s[^>]*)?>([\s\S]*?)<\/script>/g)]
    .filter((m) => !/\ssrc\s*=/.test(m[1] ?? ""))
    .map((m) => m[2]!);
}

const hash = (text: string) => `'sha256-${createHash("sha256").update(text, "utf8").digest("base64")}'`;

/** The policy of one page: its own inline scripts by hash, everything else from its own host. */
export function policyFor(html: string): string {
  const scripts = [...new Set(inlineScripts(html).map(hash))];
  return [
    "default-src 'self'",
    `script-src 'self' 'wasm-unsafe-eval' ${scripts.join(" ")}`.trim(),
    "worker-src 'self' blob:",
    "connect-src 'self'",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
  ].join("; ");
}

/** The page with its policy as the first element of <head>, before any script can run. */
export function withPolicy(html: string): string {
  // A page already given a policy (post-build run twice) gets a fresh one, not a second.
  const page = html.replace(/<meta http-equiv="Content-Security-Policy" content="[^"]*">\n?/, "");
  const meta = `<meta http-equiv="Content-Security-Policy" content="${policyFor(page)}">`;
  return page.replace(/<head>\n?/, (head) => `${head}${meta}\n`);
}

/**
 * Headers for static hosts that read a `_headers` file (Netlify, Cloudflare Pages): what a <meta>
 * policy cannot say (frame-ancestors), and no content-type sniffing.
 */
export const HEADERS = `/*
  Content-Security-Policy: frame-ancestors 'none'
  X-Content-Type-Options: nosniff
  Referrer-Policy: no-referrer
`;
