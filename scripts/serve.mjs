// Serves the built app (dist/) on 127.0.0.1 with the right MIME types and the app shell for
// deep links (/plan, /help …), like a static host with an SPA fallback. No dependencies.
//   node scripts/serve.mjs [dir] [port]
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';

const root = resolve(process.argv[2] || 'dist');
const port = Number(process.argv[3] || process.env.PORT || 8080);
const types = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.wasm': 'application/wasm',
  // (The plan's reader's small modules in one file, as in public/_headers.)
  '.pack': 'application/wasm',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.webmanifest': 'application/manifest+json',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
};
// The same headers a host would send from public/_headers.
const security = {
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
};

async function file(path) {
  try {
    const s = await stat(path);
    return s.isFile() ? await readFile(path) : null;
  } catch {
    return null;
  }
}

createServer(async (req, res) => {
  const url = new URL(req.url, 'http://localhost');
  let pathname = decodeURIComponent(url.pathname);
  if (pathname.endsWith('/')) pathname += 'index.html';
  const full = normalize(join(root, pathname));
  if (!full.startsWith(root)) {
    res.writeHead(403).end();
    return;
  }
  let body = await file(full);
  let type = types[extname(full)] || 'application/octet-stream';
  if (!body && !extname(pathname)) {
    body = await file(join(root, 'index.html')); // deep link: the app shell
    type = types['.html'];
  }
  if (!body) {
    res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8', ...security }).end('Not found');
    return;
  }
  const cache = /-[0-9a-f]{16}\.(js|wasm|css)$|\/pkg\/[0-9a-f]{16}\//.test(full) ? 'public, max-age=31536000, immutable' : 'no-cache';
  // Compressed as a static host would, when the browser accepts it.
  const headers = { 'Content-Type': type, 'Cache-Control': cache, Vary: 'Accept-Encoding', ...security };
  if (/\bgzip\b/.test(req.headers['accept-encoding'] || '') && !/^image\/png/.test(type)) {
    body = gzipSync(body, { level: 9 });
    headers['Content-Encoding'] = 'gzip';
  }
  res.writeHead(200, headers);
  res.end(req.method === 'HEAD' ? undefined : body);
})
  .on('error', (e) => {
    console.error(e.code === 'EADDRINUSE'
      ? `Port ${port} is already in use. Stop what is using it, or choose another: make run PORT=8081`
      : `The server could not start: ${e.message}`);
    process.exit(1);
  })
  .listen(port, '127.0.0.1', () => {
    console.log(`Safety Net is being served at http://127.0.0.1:${port}/ (Ctrl+C to stop)`);
  });
