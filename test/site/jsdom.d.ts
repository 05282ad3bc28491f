// jsdom ships without types; it is installed with Observable Framework, which builds pages with it.
// The little the chart tests use of it:
declare module "jsdom" {
  export class JSDOM {
    constructor(html?: string);
    window: Window & typeof globalThis;
  }
}
