// The benchmark's static file server: both pages, served the same way, gzip-compressed.
//
// Every file is compressed once (zlib gzip, level 6 — nginx's gzip_static / a CDN's precompressed copy) and
// kept in memory, so compression time is never part of a page's load time. Images (.png) are sent as they
// are, as web servers do. Responses say Cache-Control: no-store; the benchmark also disables the cache.
//
//   import {startServer} from './serve.mjs';
//   const server = await startServer({'/app/': siteDir, '/leaflet/': leafletDir, '/data/': dataDir});
//   // http://127.0.0.1:<server.port>/app/index.html?bundle=/data/synthetic-100000.bundle
//   await server.close();
//
// Run alone to look at the pages in a browser (prints the URLs):
//   node bench/browser/serve.mjs --site build/site --data build/native/bench/browser-data
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import zlib from 'node:zlib';

const kTypes = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.mjs': 'text/javascript',
  '.css': 'text/css',
  '.json': 'application/json',
  '.geojson': 'application/geo+json',
  '.wasm': 'application/wasm',
  '.bundle': 'application/octet-stream',
  '.ttf': 'font/ttf',
  '.png': 'image/png',
  '.txt': 'text/plain; charset=utf-8',
};
const kUncompressed = new Set(['.png']);

// The file a URL path names under `mounts` (URL prefix → folder), or null outside them.
export function resolveMounted(mounts, urlPath) {
  for (const [prefix, dir] of Object.entries(mounts)) {
    if (!urlPath.startsWith(prefix)) continue;
    const file = path.resolve(dir, '.' + path.posix.normalize('/' + urlPath.slice(prefix.length)));
    if (!file.startsWith(path.resolve(dir) + path.sep)) return null;  // no escaping the mount
    return fs.existsSync(file) && fs.statSync(file).isDirectory() ? path.join(file, 'index.html') : file;
  }
  return null;
}

// mounts: URL prefix ('/app/') → folder. Resolves with {port, close()}.
export function startServer(mounts, port = 0) {
  const cache = new Map();  // file path → {mtimeMs, raw, gzip}
  const load = (file) => {
    const stat = fs.statSync(file);
    const hit = cache.get(file);
    if (hit && hit.mtimeMs === stat.mtimeMs) return hit;
    const raw = fs.readFileSync(file);
    const entry = {mtimeMs: stat.mtimeMs, raw, gzip: zlib.gzipSync(raw, {level: 6})};
    cache.set(file, entry);
    return entry;
  };
  const resolve = (urlPath) => resolveMounted(mounts, urlPath);

  const server = http.createServer((request, response) => {
    const urlPath = decodeURIComponent(new URL(request.url, 'http://x').pathname);
    const file = resolve(urlPath);
    if (!file || !fs.existsSync(file)) {
      response.writeHead(404, {'Content-Type': 'text/plain'});
      response.end('not found: ' + urlPath);
      return;
    }
    const extension = path.extname(file).toLowerCase();
    const entry = load(file);
    const gzip = !kUncompressed.has(extension) && /\bgzip\b/.test(request.headers['accept-encoding'] || '');
    const body = gzip ? entry.gzip : entry.raw;
    const headers = {
      'Content-Type': kTypes[extension] || 'application/octet-stream',
      'Content-Length': body.length,
      'Cache-Control': 'no-store',
    };
    if (gzip) headers['Content-Encoding'] = 'gzip';
    response.writeHead(200, headers);
    response.end(request.method === 'HEAD' ? undefined : body);
  });
  return new Promise((resolvePromise) => {
    server.listen(port, '127.0.0.1', () => {
      resolvePromise({
        port: server.address().port,
        close: () => new Promise((done) => server.close(done)),
      });
    });
  });
}

// The mounts both the benchmark and a person looking at the pages use.
export function benchMounts(siteDir, dataDir) {
  const here = path.dirname(fileURLToPath(import.meta.url));
  return {
    '/app/': siteDir,
    '/leaflet/': path.join(here, 'leaflet'),
    '/node_modules/': path.join(here, 'node_modules'),
    '/data/': dataDir,
  };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const arg = (name) => {
    const i = process.argv.indexOf(name);
    return i > 0 ? process.argv[i + 1] : undefined;
  };
  const site = arg('--site');
  const data = arg('--data');
  if (!site || !data) {
    console.error('usage: node serve.mjs --site DIR --data DIR [--port 8090]');
    process.exit(2);
  }
  const server = await startServer(benchMounts(site, data), Number(arg('--port') || 8090));
  const base = `http://127.0.0.1:${server.port}`;
  console.log(`ours:    ${base}/app/index.html?bundle=/data/synthetic-100000.bundle`);
  console.log(`leaflet: ${base}/leaflet/index.html?points=/data/synthetic-100000.geojson`);
  console.log(`real sample: ${base}/app/index.html and ${base}/leaflet/index.html?points=/data/sample.geojson`);
}
