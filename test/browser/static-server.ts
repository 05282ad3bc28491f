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
  ".parquet": "application/vnd.apache.parquet",
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

/**
 * The byte range a `Range: bytes=a-b` header asks of a file of `size` bytes (one range, as
 * DuckDB-WASM sends: "a-b", "a-" or the suffix "-n"), null without a header, "unsatisfiable"
 * when it falls outside the file.
 */
export function byteRange(
  header: string | undefined,
  size: number,
): {start: number; end: number} | null | "unsatisfiable" {
  const m = header ? /^bytes=(\d*)-(\d*)$/.exec(header.trim()) : null;
  if (!m || (m[1] === "" && m[2] === "")) return null;
  const [start, end] =
    m[1] === ""
      ? [Math.max(0, size - Number(m[2])), size - 1]
      : [Number(m[1]), m[2] === "" ? size - 1 : Math.min(Number(m[2]), size - 1)];
  return start > end || start >= size ? "unsatisfiable" : {start, end};
}

/**
 * Serves a built site from `root` on 127.0.0.1 at a free port, as a static host would: with
 * Content-Length and byte ranges, which DuckDB-WASM uses to read a Parquet file in parts.
 */
export async function serveDirectory(root: string): Promise<{origin: string; close: () => Promise<void>}> {
  const server: Server = createServer(async (req, res) => {
    const path = new URL(req.url ?? "/", "http://local").pathname;
    const file = await findFile(root, path);
    if (!file) return void res.writeHead(404).end("not found");
    const body = await readFile(file);
    const headers = {
      "content-type": TYPES[extname(file)] ?? "application/octet-stream",
      "accept-ranges": "bytes",
    };
    const range = byteRange(req.headers.range, body.length);
    if (range === "unsatisfiable")
      return void res.writeHead(416, {...headers, "content-range": `bytes */${body.length}`}).end();
    if (range) {
      res.writeHead(206, {
        ...headers,
        "content-range": `bytes ${range.start}-${range.end}/${body.length}`,
        "content-length": range.end - range.start + 1,
      });
      return void res.end(req.method === "HEAD" ? undefined : body.subarray(range.start, range.end + 1));
    }
    res.writeHead(200, {...headers, "content-length": body.length});
    res.end(req.method === "HEAD" ? undefined : body);
  });
  await new Promise<void>((ready) => server.listen(0, "127.0.0.1", ready));
  const {port} = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    close: () => new Promise((done) => server.close(() => done())),
  };
}
