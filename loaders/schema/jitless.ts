import {z} from "zod";

// zod compiles validators with `new Function` unless told not to, and probes for it with a caught
// `new Function("")` that a strict Content-Security-Policy still reports as a violation. The site
// forbids evaluating text, so in the browser zod interprets its schemas instead. Imported first by
// loaders/browser.ts, so it runs before any schema is used.
z.config({jitless: true});
