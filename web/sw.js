// The service worker: keeps the app working through network loss. A reload without network shows the
// app (not the browser's offline page), and the finder and programs keep working on the data last loaded.
// index.html registers it once the app runs (so its copies never compete with the first download).
//
// What it handles (same-origin GET requests inside its scope; everything else goes to the network untouched):
//   the page itself (the scope's URL or index.html, any query)   network first, a cached copy when offline
//   bokjimap.js, .wasm, help_form.js/.css, kiosk.js, embed.js, fonts/*, data/*
//                                                                network first, a cached copy when offline
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
// new service worker. It copies the app's files into a cache of its own name and takes over at once
// (skipWaiting); if the page, wasm, script or font cannot be copied (the network went away), it does not
// install and the older version keeps serving. On activation it carries the older caches' data (data/…,
// which does not change with the app) over into its own cache and deletes them.
'use strict';

const VERSION = '@BOKJI_SW_VERSION@';
const CACHE_PREFIX = 'bokjimap-';
const CACHE = CACHE_PREFIX + VERSION;

// Fetched when the worker installs, relative to its scope (the folder of sw.js and index.html): the app
// (required: without them no offline start) and the default bundle (a site may serve another one).
const APP_FILES = ['./', 'bokjimap.js', 'bokjimap.wasm', 'help_form.js', 'help_form.css', 'kiosk.js', 'embed.js', 'mirror.js', 'fonts/bokji-hangul.ttf'];
const DEFAULT_DATA = ['data/jeonbuk-sample.bundle'];
// Files (besides the page) kept when the page asks for them: these names, and anything in these folders.
const KEPT_FILES = ['bokjimap.js', 'bokjimap.wasm', 'help_form.js', 'help_form.css', 'kiosk.js', 'embed.js', 'mirror.js'];
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

// Copies `path` into `cache`; with `required`, a failure (no network, HTTP error) rejects.
async function keep(cache, path, required) {
  const url = new URL(path, scope).href;
  try {
    const response = await fetch(url);
    if (response.ok) return await cache.put(url, response);
    if (required) throw new Error(`${url}: HTTP ${response.status}`);
  } catch (error) {
    if (required) throw error;
  }
}

self.addEventListener('install', (event) => {
  event.waitUntil((async () => {
    const cache = await caches.open(CACHE);
    try {
      await Promise.all([...APP_FILES.map((p) => keep(cache, p, true)),
                         ...DEFAULT_DATA.map((p) => keep(cache, p, false))]);
    } catch (error) {
      await caches.delete(CACHE);
      throw error;  // not installed: the next visit tries again
    }
    await self.skipWaiting();
  })());
});

self.addEventListener('activate', (event) => {
  event.waitUntil((async () => {
    const cache = await caches.open(CACHE);
    for (const name of await caches.keys()) {
      if (!name.startsWith(CACHE_PREFIX) || name === CACHE) continue;
      const old = await caches.open(name);
      for (const request of await old.keys()) {
        const path = scopedPath(new URL(request.url));
        if (path === null || !path.startsWith('data/') || (await cache.match(request))) continue;
        await cache.put(request, await old.match(request));
      }
      await caches.delete(name);
    }
    await self.clients.claim();
  })());
});

self.addEventListener('fetch', (event) => {
  const key = cacheKey(event.request);
  if (key !== null) event.respondWith(networkFirst(event, key));
});
