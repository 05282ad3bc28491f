import {createServer, type Server} from "node:http";
import {readFile, stat} from "node:fs/promises";
import {extname, join, normalize, resolve, sep} from "node:path";
import type {AddressInfo} from "node:net";

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript",
  ".css": "text/css",
  ".wasm": "application/wasm",
  ".json": "application/json",
  ".csv": "text/csv",
  ".arrow": "application/vnd.apache.arrow.file",
  ".svg": "image/svg+xml",
  ".png": "image/png",
};

async function findFile(root: string, urlPath: string): Promise<string | null> {
  const file = join(root, normalize(decodeURIComponent(urlPath)));
  if (!resolve(file).startsWith(resolve(root) + sep) && resolve(file) !== resolve(root)) return null;
  // Framework's clean URLs: /foo -> foo.html, /dir/ -> dir/index.html.
  for (const candidate of [file, join(file, "index.html"), `${file}.html`]) {
    try {
      if ((await stat(candidate)).isFile()) return candidate;
    } catch {
      // try the next form
    }
  }
  return null;
}

/** Serves a built site from `root` on 127.0.0.1 at a free port, as a static host would. */
export async function serveDirectory(root: string): Promise<{origin: string; close: () => Promise<void>}> {
  const server: Server = createServer(async (req, res) => {
    const path = new URL(req.url ?? "/", "http://local").pathname;
    const file = await findFile(root, path);
    if (!file) return void res.writeHead(404).end("not found");
    res.writeHead(200, {"content-type": TYPES[extname(file)] ?? "application/octet-stream"});
    res.end(await readFile(file));
  });
  await new Promise<void>((ready) => server.listen(0, "127.0.0.1", ready));
  const {port} = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    close: () => new Promise((done) => server.close(() => done())),
  };
}
