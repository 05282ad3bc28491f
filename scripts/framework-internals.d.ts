// Types for the three Framework internals the npm-cache seeding uses (Framework ships no .d.ts).
declare module "@observablehq/framework/dist/node.js" {
  /** Bundles a node_modules package (and its dependencies) into <root>/.observablehq/cache/_node/. */
  export function resolveNodeImport(root: string, spec: string): Promise<string>;
}
declare module "@observablehq/framework/dist/npm.js" {
  /** Rewrites the import specifiers of an ES module; `resolve` returns the new specifier or undefined. */
  export function rewriteNpmImports(
    input: string,
    resolve?: (specifier: string) => string | undefined,
  ): string;
}
declare module "@observablehq/framework/dist/duckdb.js" {
  export const DUCKDB_WASM_VERSION: string;
}
