// The service worker: keeps the app working through network loss. A reload without network shows the
// app (not the browser's offline page), and the finder and programs keep working on the data last loaded.
// index.html registers it once the app runs (so its copies never compete with the first download).
//
// What it handles (same-origin GET requests inside its scope; everything else goes to the network untouched):
//   the page itself (the scope's URL or index.html, any query)   network first, a cached copy when offline
//   bokjimap.js, bokjimap.wasm, fonts/*, data/* (the bundle)      network first, a cached copy when offline
// Never handled, so never cached: the server's API (open311/, api/, staff), any other path, other origins
// (map tiles), and every request that is not a GET (a help request is a POST).
//
// Network first for everything it keeps: online the app is exactly what the server sends (the page, its
// wasm and its data always from the same deploy), and a copy of each good answer (HTTP 200) is kept for the
// day the network is gone. Only a failed request (no network, server unreachable) is answered from the
// cache; an HTTP error from a reachable server goes to the page as it is. A response from the cache carries
// the header "X-Bokji-Offline: 1", which the page notes (window.bokjiPage.servedOffline).
//
// Versions: the build (web/CMakeLists.txt) writes a hash of the app's files into VERSION, so a new build is a
// new service worker. It installs at once (skipWaiting), copies the app's files into a cache of its own
// name, and on activation deletes the caches of older versions.
'use strict';

const VERSION = '@BOKJI_SW_VERSION@';
const CACHE_PREFIX = 'bokjimap-';
const CACHE = CACHE_PREFIX + VERSION;

// Fetched when the worker installs, relative to its scope (the folder of sw.js and index.html).
const SHELL = ['./', 'bokjimap.js', 'bokjimap.wasm', 'fonts/bokji-hangul.ttf', 'data/jeonbuk-sample.bundle'];
// Files (besides the page) kept when the page asks for them: these names, and anything in these folders.
const KEPT_FILES = ['bokjimap.js', 'bokjimap.wasm'];
const KEPT_FOLDERS = ['fonts/', 'data/'];
// The server's API, relative to the scope or to the origin: never answered from a cache.
const NEVER = ['open311/', 'api/', 'staff'];

const scope = new URL(self.registration.scope);

// The request's path relative to the scope, or null when it is outside it.
function scopedPath(url) {
  if (url.origin !== scope.origin || !url.pathname.startsWith(scope.pathname)) return null;
  return url.pathname.slice(scope.pathname.length);
}

// The cache key a request is kept under, or null when the worker leaves the request alone.
function cacheKey(request) {
  if (request.method !== 'GET') return null;
  const url = new URL(request.url);
  const path = scopedPath(url);
  if (path === null) return null;
  const rootPath = url.pathname.replace(/^\//, '');
  if (NEVER.some((prefix) => path.startsWith(prefix) || rootPath.startsWith(prefix))) return null;
  // The page, whatever its query (?lang=en, ?mode=kiosk, a shared view): one copy, under the scope's URL.
  if (path === '' || path === 'index.html') return scope.href;
  if (KEPT_FILES.includes(path) || KEPT_FOLDERS.some((folder) => path.startsWith(folder))) return url.href;
  return null;
}

async function networkFirst(event, key) {
  try {
    const response = await fetch(event.request);
    if (response.ok && response.type === 'basic') {
      // Kept in the background: the page reads the response as it arrives (its progress bar).
      const copy = response.clone();
      event.waitUntil(caches.open(CACHE).then((cache) => cache.put(key, copy)).catch(() => {}));
    }
    return response;
  } catch (error) {
    const cached = await caches.match(key, {cacheName: CACHE});
    if (!cached) throw error;  // never kept: the page sees the network error it would have seen anyway
    const headers = new Headers(cached.headers);
    headers.set('X-Bokji-Offline', '1');
    return new Response(cached.body, {status: cached.status, statusText: cached.statusText, headers});
  }
}

self.addEventListener('install', (event) => {
  self.skipWaiting();
  // One file failing (a site without the sample bundle) leaves the others kept.
  event.waitUntil(caches.open(CACHE).then((cache) => Promise.all(SHELL.map(async (path) => {
    const url = new URL(path, scope).href;
    try {
      const response = await fetch(url);
      if (response.ok) await cache.put(url, response);
    } catch (error) {
      // Offline while installing: the page's own requests fill the cache later.
    }
  }))));
});

self.addEventListener('activate', (event) => {
  event.waitUntil((async () => {
    for (const name of await caches.keys()) {
      if (name.startsWith(CACHE_PREFIX) && name !== CACHE) await caches.delete(name);
    }
    await self.clients.claim();
  })());
});

self.addEventListener('fetch', (event) => {
  const key = cacheKey(event.request);
  if (key !== null) event.respondWith(networkFirst(event, key));
});
