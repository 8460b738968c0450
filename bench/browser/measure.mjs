// The browser benchmark (bench/README.md, "Browser benchmark"): our app and a Leaflet + leaflet.markercluster
// page showing the same facilities, side by side in one headless Debian Chromium, in one run. Four pages:
//   ours    + the real sample bundle (the province's ~11,000 facilities, of which ~4,000 have an exact
//             position and are drawn as markers; the programs; 257 regions)
//   Leaflet + the same exactly placed facilities and the same regions as GeoJSON
//   ours    + the SYNTHETIC bundle (100,000 made-up facilities around the real 읍면동, the real regions)
//   Leaflet + the same synthetic points as GeoJSON
// Per repetition and page it measures
//   (a) page load → first interactive frame: navigation start → the animation frame after the one in which
//       the page calls ready() (ours: window.bokjiPage.ready(), called by the wasm after its first complete
//       frame; Leaflet: window.benchPage.ready(), called in the frame after the last marker chunk is on the
//       map, which is after the map's 'load');
//   (b) frame times while panning: a continuous mouse drag (a circle, a move every 8 ms) of --pan-seconds at
//       the province view both pages open with, then at a city view (전주); requestAnimationFrame intervals
//       recorded in the page: median, p95, max, and the share of frames over 16.7 ms and over 33 ms;
//   (c) transfer: every response's encoded bytes (CDP Network.loadingFinished, headers included) as served
//       by serve.mjs (gzip level 6), their decoded bytes, and each file's gzip -9 size (zlib level 9, what a
//       server with precompressed files would send).
// Pages rotate in order between repetitions; one unmeasured warm-up round opens every page first (it fills
// the server's gzip cache and finds the views: ours opens fitted to the province, Leaflet is given the same
// view; ours then zooms to 전주 with wheel and drag, and Leaflet is set to exactly the view ours reached).
//
// Chromium runs headless with --disable-gpu: WebGL is SwiftShader, rendered on the CPU. Absolute frame times
// are CPU-rendered; compare the pages with each other, not with a phone.
//
//   node bench/browser/measure.mjs --site build/site --data DIR --out bench-out/<time>/browser \
//        [--count 100000] [--reps 3] [--pan-seconds 3]
//
// Prints the table and writes results.json and results.md into --out.
//
// Index
//   - Options
//   - Browser, pages and the readiness hook
//   - Measurements: load, transfer, panning
//   - The pages: how to open them and reach the city view
//   - Statistics and the tables
//   - main
import {execFileSync, spawn} from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import zlib from 'node:zlib';

import {chromium} from 'playwright-core';

import {benchMounts, resolveMounted, startServer} from './serve.mjs';

// ---------------------------------------------------------------------------------------------------------
// Options
// ---------------------------------------------------------------------------------------------------------

const kUsage = `usage: node measure.mjs --site DIR --data DIR --out DIR [--count 100000] [--reps 3]
       [--pan-seconds 3] [--idle-seconds 10] [--city-zoom 12] [--width 1280] [--height 800]
       [--server build/native/server/bokji-server --root DIR]
  --server/--root: serve both pages with bokji-server over DIR (scripts/bench-browser.sh assembles it:
  app/ = the assembled site, leaflet/, node_modules/…/dist, data/; every file with its .gz/.br variants),
  as a deployment serves them; without, bench/browser/serve.mjs (gzip -6 on the fly).`;

function parseOptions(argv) {
  const options = {
    count: 100000, reps: 3, panSeconds: 3, idleSeconds: 10, cityZoom: 12, width: 1280, height: 800,
    // The city view's centre: 전주시청 (TOOLCHAIN.md's reference point).
    city: {lat: 35.8242, lng: 127.1480},
  };
  const numeric = {'--count': 'count', '--reps': 'reps', '--pan-seconds': 'panSeconds', '--idle-seconds': 'idleSeconds',
                   '--city-zoom': 'cityZoom', '--width': 'width', '--height': 'height'};
  for (let i = 2; i < argv.length; i += 2) {
    const [name, value] = [argv[i], argv[i + 1]];
    if (value === undefined) throw new Error(kUsage);
    if (name === '--site') options.site = path.resolve(value);
    else if (name === '--data') options.data = path.resolve(value);
    else if (name === '--out') options.out = path.resolve(value);
    else if (name === '--server') options.server = path.resolve(value);
    else if (name === '--root') options.root = path.resolve(value);
    else if (numeric[name]) options[numeric[name]] = Number(value);
    else throw new Error(kUsage);
  }
  if (!options.site || !options.data || !options.out) throw new Error(kUsage);
  if (!options.server !== !options.root) throw new Error(kUsage);
  return options;
}

// ---------------------------------------------------------------------------------------------------------
// Browser, pages and the readiness hook
// ---------------------------------------------------------------------------------------------------------

// tests/browser/harness.mjs's flags plus --disable-gpu: WebGL2 through SwiftShader (CPU), nothing in the
// background. Playwright adds --headless and a fresh --user-data-dir.
const kChromiumArgs = [
  '--no-sandbox', '--disable-gpu', '--use-angle=swiftshader', '--enable-unsafe-swiftshader', '--disable-quic',
  '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync',
];

// The part scripts' start (pan_parts.mjs, profile.mjs, gl_calls.mjs): the static server over the site and
// data folders of `o` (serve.mjs benchMounts) and a headless Chromium with the flags above. close() stops both.
async function startBench(o) {
  const server = await startServer(benchMounts(o.site, o.data));
  const browser = await chromium.launch({executablePath: '/usr/bin/chromium', headless: true, args: kChromiumArgs});
  const close = async () => {
    await browser.close();
    await server.close();
  };
  return {server, browser, base: `http://127.0.0.1:${server.port}`, close};
}

// Runs in every page before its own scripts. Both pages assign a page object (window.bokjiPage or
// window.benchPage) with a ready() method; this wraps ready() so that the animation frame after the call —
// the first one after the ready frame was presented — stamps window.__bench.readyAt (ms since navigation
// start: performance.now()'s origin).
function readinessHook() {
  window.__bench = {readyAt: null, rafCallbacks: 0};
  // Every requestAnimationFrame callback the page runs is counted (the idle measurement).
  const nativeRaf = window.requestAnimationFrame.bind(window);
  window.requestAnimationFrame = (callback) => nativeRaf((t) => {
    ++window.__bench.rafCallbacks;
    callback(t);
  });
  const markReady = () => requestAnimationFrame(() => {
    if (window.__bench.readyAt === null) window.__bench.readyAt = performance.now();
  });
  for (const name of ['bokjiPage', 'benchPage']) {
    let value;
    Object.defineProperty(window, name, {
      configurable: true,
      get: () => value,
      set(page) {
        value = page;
        const ready = page.ready;
        page.ready = function (...args) {
          const result = ready.apply(this, args);
          markReady();
          return result;
        };
      },
    });
  }
}

async function openPage(browser, options, url) {
  const context = await browser.newContext({
    viewport: {width: options.width, height: options.height}, deviceScaleFactor: 1,
  });
  await context.addInitScript(readinessHook);
  const page = await context.newPage();
  const problems = [];
  page.on('console', (m) => { if (m.type() === 'error') problems.push('console.error: ' + m.text()); });
  page.on('pageerror', (e) => problems.push('page error: ' + e.message));
  page.on('crash', () => console.error(`the page crashed: ${url}`));
  const network = await watchNetwork(context, page);
  await page.goto(url, {waitUntil: 'commit'});
  await page.waitForFunction(() => {
    const failed = (p) => p && p.state === 'error';
    return window.__bench.readyAt !== null || failed(window.bokjiPage) || failed(window.benchPage);
  }, null, {timeout: 300000, polling: 50});
  const failure = await page.evaluate(() => {
    const p = window.bokjiPage || window.benchPage;
    return p && p.state === 'error' ? JSON.stringify(p.error) : null;
  });
  if (failure) throw new Error(`${url} failed: ${failure}\n${problems.join('\n')}`);
  return {context, page, network, problems};
}

// ---------------------------------------------------------------------------------------------------------
// Measurements: load, transfer, panning
// ---------------------------------------------------------------------------------------------------------

// Counts every response's bytes through a CDP session of its own, with the cache off.
async function watchNetwork(context, page) {
  const cdp = await context.newCDPSession(page);
  const requests = new Map();  // requestId → {url, encoded, decoded, encoding, status}
  const entry = (id) => {
    if (!requests.has(id)) requests.set(id, {url: '', encoded: 0, decoded: 0, encoding: '', status: 0});
    return requests.get(id);
  };
  cdp.on('Network.requestWillBeSent', (e) => { entry(e.requestId).url = e.request.url; });
  cdp.on('Network.responseReceived', (e) => {
    const r = entry(e.requestId);
    r.status = e.response.status;
    const headers = Object.fromEntries(Object.entries(e.response.headers).map(([k, v]) => [k.toLowerCase(), v]));
    r.encoding = headers['content-encoding'] || '';
  });
  // Encoded bytes: the total loadingFinished reports, or the sum over the data chunks if that is larger
  // (seen once: a finished response reported 0).
  cdp.on('Network.dataReceived', (e) => {
    const r = entry(e.requestId);
    r.decoded += e.dataLength;
    r.encodedChunks = (r.encodedChunks || 0) + e.encodedDataLength;
  });
  cdp.on('Network.loadingFinished', (e) => {
    const r = entry(e.requestId);
    r.encoded = Math.max(e.encodedDataLength, r.encodedChunks || 0);
  });
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', {cacheDisabled: true});
  await cdp.send('Performance.enable');
  return {
    cdp,
    // Finished responses so far, data: URLs left out (they cross no network). `timings` (URL → the page's
    // Resource Timing transferSize) fills in a response CDP reported 0 bytes for (seen for a fetch() read
    // as a stream).
    snapshot(timings = new Map()) {
      const list = [...requests.values()].filter((r) => r.url && !r.url.startsWith('data:'));
      for (const r of list) r.encoded = Math.max(r.encoded, timings.get(r.url) || 0);
      return {
        encoded: list.reduce((s, r) => s + r.encoded, 0),
        decoded: list.reduce((s, r) => s + r.decoded, 0),
        resources: list.map((r) => ({
          path: r.url.replace(/^https?:\/\/[^/]+/, '').replace(/\?.*/, ''), status: r.status,
          encoding: r.encoding, encoded: r.encoded, decoded: r.decoded,
        })),
      };
    },
  };
}

// URL → bytes on the wire (headers included) from the page's Resource Timing entries.
async function resourceTimings(page) {
  const list = await page.evaluate(() => [...performance.getEntriesByType('navigation'),
                                          ...performance.getEntriesByType('resource')]
      .map((e) => [e.name, e.transferSize]));
  return new Map(list);
}

// Each loaded file's size as stored and gzip -9 (zlib level 9), from the files the URLs map to.
function fileSizes(mounts, resources) {
  const cache = fileSizes.cache || (fileSizes.cache = new Map());
  let raw = 0;
  let gzip9 = 0;
  for (const r of resources) {
    const file = resolveMounted(mounts, decodeURIComponent(r.path));
    if (!file || !fs.existsSync(file)) continue;
    if (!cache.has(file)) {
      const bytes = fs.readFileSync(file);
      cache.set(file, {raw: bytes.length, gzip9: zlib.gzipSync(bytes, {level: 9}).length});
    }
    r.raw = cache.get(file).raw;
    r.gzip9 = cache.get(file).gzip9;
    raw += r.raw;
    gzip9 += r.gzip9;
  }
  return {raw, gzip9};
}

// Times from the page's own clocks, in ms since navigation start; ours adds its startup phases.
async function loadTimes(page) {
  return page.evaluate(() => {
    const [navigation] = performance.getEntriesByType('navigation');
    const data = performance.getEntriesByType('resource').filter((r) => /\/data\//.test(r.name));
    const benchPage = window.benchPage;
    const ours = window.bokjiPage;
    const mark = (name) => {
      const [m] = performance.getEntriesByName(name);
      return m ? m.startTime : null;
    };
    const resourceEnd = (pattern) => {
      const list = performance.getEntriesByType('resource').filter((r) => pattern.test(r.name));
      return list.length ? Math.max(...list.map((r) => r.responseEnd)) : null;
    };
    const span = (name) => {
      const [m] = performance.getEntriesByName(name, 'measure');
      return m ? m.duration : null;
    };
    return {
      ready: window.__bench.readyAt,
      resourcesDone: {js: resourceEnd(/bokjimap[.\w]*\.js$/), wasm: resourceEnd(/\.wasm$/),
                      font: resourceEnd(/\.ttf$/), data: resourceEnd(/\/data\//)},
      glContextMs: span('bokji:gl-context'),
      html: navigation ? navigation.responseEnd : null,
      domContentLoaded: navigation ? navigation.domContentLoadedEventEnd : null,
      dataDownloaded: data.length ? Math.max(...data.map((r) => r.responseEnd)) : null,
      markersAdded: benchPage ? benchPage.markersAddedAt : null,
      oursMarks: ours ? {downloaded: mark('bokji:downloaded'), wasmReady: mark('bokji:wasm-ready'),
                         started: mark('bokji:started'), firstFrame: mark('bokji:first-frame')} : null,
      leafletMarks: benchPage ? {dataParsed: benchPage.dataParsedAt || null,
                                 boundariesDrawn: benchPage.boundariesDrawnAt || null} : null,
      oursStartupMs: ours ? ours.debug().startup_ms : null,
    };
  });
}

// An idle page: nobody touches it for `seconds` (after a second to settle). Counts the page's
// requestAnimationFrame callbacks, the frames ours drew (DebugJson "frames") and the main thread's busy
// time (CDP Performance.getMetrics TaskDuration: every task the renderer's main thread ran).
async function measureIdle(page, network, driver, seconds) {
  await sleep(1000);
  const metric = async () => {
    const {metrics} = await network.cdp.send('Performance.getMetrics');
    return metrics.find((m) => m.name === 'TaskDuration').value * 1000;
  };
  const frames = async () => (driver === ours ? (await driver.view(page)).frames : null);
  const before = {raf: await page.evaluate(() => window.__bench.rafCallbacks), frames: await frames(),
                  busy: await metric()};
  await sleep(seconds * 1000);
  const after = {raf: await page.evaluate(() => window.__bench.rafCallbacks), frames: await frames(),
                 busy: await metric()};
  return {seconds, rafCallbacks: after.raf - before.raf,
          framesDrawn: before.frames === null ? null : after.frames - before.frames,
          busyMs: after.busy - before.busy};
}

function sleep(ms) {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

// Records requestAnimationFrame timestamps until stopFrames(). Returns once the first frame came.
async function startFrames(page) {
  await page.evaluate(() => new Promise((started) => {
    const record = {on: true, stamps: []};
    window.__frames = record;
    const loop = (t) => {
      if (record.stamps.length === 0) started();
      record.stamps.push(t);
      if (record.on) requestAnimationFrame(loop);
    };
    requestAnimationFrame(loop);
  }));
}

async function stopFrames(page) {
  return page.evaluate(() => {
    window.__frames.on = false;
    return window.__frames.stamps;
  });
}

// Drags the map in a circle of `radius` CSS pixels around a point `radius` above the viewport's centre
// (starting and ending at the centre), one revolution per 1.5 s, for `seconds`, moving the mouse every 8 ms.
// Returns the rAF timestamps during the drag and during the second after the release.
async function dragCircle(page, options, seconds, radius = 150) {
  const cx = options.width / 2;
  const cy = options.height / 2;
  await page.mouse.move(cx, cy);
  await startFrames(page);
  await sleep(100);
  const pressAt = await page.evaluate(() => performance.now());
  await page.mouse.down();
  const start = Date.now();
  for (let tick = 1; ; ++tick) {
    const elapsed = Date.now() - start;
    if (elapsed >= seconds * 1000) break;
    const angle = (2 * Math.PI * elapsed) / 1500;
    await page.mouse.move(cx + radius * Math.sin(angle), cy - radius * (1 - Math.cos(angle)));
    const wait = start + tick * 8 - Date.now();
    if (wait > 0) await sleep(wait);
  }
  await page.mouse.move(cx, cy);
  await page.mouse.up();
  const releaseAt = await page.evaluate(() => performance.now());
  await sleep(1000);
  const stamps = await stopFrames(page);
  return {
    during: stamps.filter((t) => t >= pressAt && t <= releaseAt),
    after: stamps.filter((t) => t > releaseAt),
  };
}

// Frame statistics from rAF timestamps. A frame is "over 16.7 ms" when its interval spans more than 1.5
// idle frame intervals (it missed at least one 60 Hz vsync), "over 33 ms" past 2.5 (it missed two or more).
function frameStats(stamps, vsync) {
  const intervals = [];
  for (let i = 1; i < stamps.length; ++i) intervals.push(stamps[i] - stamps[i - 1]);
  if (intervals.length === 0) return null;
  return {
    frames: intervals.length,
    median: percentile(intervals, 50),
    p95: percentile(intervals, 95),
    max: Math.max(...intervals),
    fps: (1000 * intervals.length) / (stamps[stamps.length - 1] - stamps[0]),
    over16: intervals.filter((d) => d > 1.5 * vsync).length / intervals.length,
    over33: intervals.filter((d) => d > 2.5 * vsync).length / intervals.length,
  };
}

// The idle frame interval: an empty page, 3 s of rAF.
async function measureVsync(browser, options) {
  const context = await browser.newContext({viewport: {width: options.width, height: options.height}});
  const page = await context.newPage();
  await page.setContent('<!doctype html><body></body>');
  await startFrames(page);
  await sleep(3000);
  const stamps = await stopFrames(page);
  await context.close();
  const intervals = stamps.slice(1).map((t, i) => t - stamps[i]);
  return percentile(intervals, 50);
}

// ---------------------------------------------------------------------------------------------------------
// The pages: how to open them and reach the city view
// ---------------------------------------------------------------------------------------------------------

// Web Mercator world units (0..1), as web/map_view.h and Leaflet use them (256·2^z pixels per world).
function mercator({lat, lng}) {
  const sin = Math.sin((lat * Math.PI) / 180);
  return {x: (lng + 180) / 360, y: 0.5 - Math.log((1 + sin) / (1 - sin)) / (4 * Math.PI)};
}

const ours = {
  name: 'ours',
  async view(page) {
    const state = await page.evaluate(() => window.bokjiPage.debug());
    return {lat: state.center[0], lng: state.center[1], zoom: state.zoom, markers: state.markers.length,
            frames: state.frames};
  },
  // Drags the city to the centre of the screen, then zooms with the wheel (0.5 levels per 100 px notch,
  // web/app.cc) at the centre until the zoom is within a quarter level of cityZoom.
  async goToCity(page, options) {
    const before = await this.view(page);
    const scale = 256 * 2 ** before.zoom;
    const at = mercator(options.city);
    const centre = mercator(before);
    const cx = options.width / 2;
    const cy = options.height / 2;
    const dx = -(at.x - centre.x) * scale;
    const dy = -(at.y - centre.y) * scale;
    await page.mouse.move(cx, cy);
    await page.mouse.down();
    await page.mouse.move(cx + dx, cy + dy, {steps: 20});
    await page.mouse.up();
    await sleep(200);
    await page.mouse.move(cx, cy);
    const notches = Math.round((options.cityZoom - before.zoom) / 0.5);
    for (let i = 0; i < Math.abs(notches); ++i) {
      await page.mouse.wheel(0, notches > 0 ? -100 : 100);
      await sleep(60);
    }
    await sleep(500);
    return this.view(page);
  },
};

const leaflet = {
  name: 'leaflet',
  async view(page) {
    return page.evaluate(() => {
      const map = window.benchMap;
      const size = map.getSize();
      const inside = [...document.querySelectorAll('.leaflet-marker-icon')].filter((e) => {
        const r = e.getBoundingClientRect();
        return r.right > 0 && r.bottom > 0 && r.left < size.x && r.top < size.y;
      });
      return {lat: map.getCenter().lat, lng: map.getCenter().lng, zoom: map.getZoom(), markers: inside.length};
    });
  },
  async goToCity(page, options, cityView) {
    // Braces: setView returns the map, which evaluate() would try to serialise (100k markers deep).
    await page.evaluate((v) => { window.benchMap.setView([v.lat, v.lng], v.zoom, {animate: false}); }, cityView);
    await sleep(1000);  // moveend → markercluster draws the clusters of the new view
    return this.view(page);
  },
};

// The four pages. `views.start` is the view ours opens with (Leaflet gets it as ?view=).
function pagesFor(options) {
  const startView = (views) => {
    const v = views.start;
    return v ? `&view=${v.zoom.toFixed(4)}/${v.lat.toFixed(6)}/${v.lng.toFixed(6)}` : '';
  };
  const n = options.count.toLocaleString('en-US');
  return [
    {key: 'ours-sample', label: 'ours, real sample', driver: ours, url: () => '/app/index.html'},
    {key: 'leaflet-sample', label: 'Leaflet, real sample (exact positions)', driver: leaflet,
     url: (views) => `/leaflet/index.html?points=/data/sample.geojson${startView(views)}`},
    {key: 'ours-synthetic', label: `ours, synthetic (${n})`, driver: ours,
     url: () => `/app/index.html?bundle=/data/synthetic-${options.count}.bundle`},
    {key: 'leaflet-synthetic', label: `Leaflet, synthetic (${n})`, driver: leaflet,
     url: (views) => `/leaflet/index.html?points=/data/synthetic-${options.count}.geojson${startView(views)}`},
  ];
}

// One page, one repetition: load, pan at the province view, go to the city view, pan there.
async function runPage(browser, options, base, mounts, spec, views) {
  const started = Date.now();
  const progress = (what) =>
    console.error(`  ${spec.key}: ${what} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
  const opened = await openPage(browser, options, base + spec.url(views));
  const {page, network} = opened;
  const driver = spec.driver;
  const load = await loadTimes(page);
  const transfer = network.snapshot(await resourceTimings(page));
  Object.assign(transfer, fileSizes(mounts, transfer.resources));
  progress(`ready at ${Math.round(load.ready)} ms`);
  const idle = await measureIdle(page, network, driver, options.idleSeconds);
  progress(`idle ${idle.seconds} s: ${idle.rafCallbacks} rAF callbacks, ${idle.framesDrawn} frames drawn`);
  const provinceView = await driver.view(page);
  const province = await dragCircle(page, options, options.panSeconds);
  progress('panned the province view');
  const framesBefore = driver === ours ? (await driver.view(page)).frames : null;
  const city = await driver.goToCity(page, options, views.city);
  progress('at the city view');
  const cityPan = await dragCircle(page, options, options.panSeconds);
  progress('panned the city view');
  const framesAfter = driver === ours ? (await driver.view(page)).frames : null;
  const result = {
    load, transfer, idle, provinceView, cityView: city, pan: {province, city: cityPan}, problems: opened.problems,
    appFrames: framesBefore === null ? null : framesAfter - framesBefore,
  };
  await opened.context.close();
  return result;
}

// ---------------------------------------------------------------------------------------------------------
// Statistics and the tables
// ---------------------------------------------------------------------------------------------------------

function percentile(values, p) {
  const sorted = [...values].sort((a, b) => a - b);
  if (sorted.length === 0) return null;
  const rank = Math.ceil((p / 100) * sorted.length);  // nearest rank
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1];
}
const median = (values) => percentile(values.filter((v) => v !== null && v !== undefined), 50);

function summarise(runs, vsync) {
  const pan = (scene) => {
    const during = runs.map((r) => frameStats(r.pan[scene].during, vsync));
    const after = runs.map((r) => frameStats(r.pan[scene].after, vsync));
    const field = (name) => median(during.map((s) => s && s[name]));
    return {
      median: field('median'), p95: field('p95'), max: field('max'), fps: field('fps'),
      over16: field('over16'), over33: field('over33'),
      worstAfterRelease: median(after.map((s) => s && s.max)),
    };
  };
  return {
    ready: median(runs.map((r) => r.load.ready)),
    readyEach: runs.map((r) => r.load.ready),
    dataDownloaded: median(runs.map((r) => r.load.dataDownloaded)),
    encoded: median(runs.map((r) => r.transfer.encoded)),
    decoded: median(runs.map((r) => r.transfer.decoded)),
    gzip9: median(runs.map((r) => r.transfer.gzip9)),
    province: pan('province'),
    city: pan('city'),
    provinceView: runs[0].provinceView,
    cityView: runs[0].cityView,
    resources: runs[0].transfer.resources,
    startupMs: runs[runs.length - 1].load.oursStartupMs,
    breakdown: breakdown(runs),
    idle: {rafCallbacks: median(runs.map((r) => r.idle.rafCallbacks)),
           framesDrawn: median(runs.map((r) => r.idle.framesDrawn)),
           busyMs: median(runs.map((r) => r.idle.busyMs)), seconds: runs[0].idle.seconds},
  };
}

// Where the time to the first interactive frame goes (medians over the runs, ms). Ours: when each file
// was in (Resource Timing responseEnd, ms since navigation), when every download was in and the wasm was
// compiled and instantiated (page marks; with streaming compilation the wasm compiles while it downloads),
// then the startup phases the app times itself (DebugJson startup_ms) and the first frame's own time.
// Leaflet: when its data was in and when the last marker chunk was on the map.
function breakdown(runs) {
  const m = (fn) => median(runs.map((r) => {
    try { return fn(r.load); } catch { return null; }
  }));
  const first = runs[0].load;
  if (first.oursMarks) {
    const phase = (name) => m((l) => (l.oursStartupMs && l.oursStartupMs[name] !== undefined ? l.oursStartupMs[name] : null));
    return {
      kind: 'ours',
      jsIn: m((l) => l.resourcesDone.js), wasmIn: m((l) => l.resourcesDone.wasm),
      fontIn: m((l) => l.resourcesDone.font), dataIn: m((l) => l.resourcesDone.data),
      downloaded: m((l) => l.oursMarks.downloaded), wasmReady: m((l) => l.oursMarks.wasmReady),
      glContextPage: m((l) => l.glContextMs),
      bundle: phase('bundle'), catalog: phase('catalog'), font: phase('font'), basemap: phase('basemap'),
      glContext: phase('gl_context'), imguiInit: phase('imgui_init'), firstDraw: phase('first_frame'),
      started: m((l) => l.oursMarks.started), firstFrame: m((l) => l.oursMarks.firstFrame),
      ready: m((l) => l.ready),
    };
  }
  return {kind: 'leaflet', dataIn: m((l) => l.dataDownloaded), markersAdded: m((l) => l.markersAdded),
          ready: m((l) => l.ready)};
}

function breakdownText(b) {
  const r = (v) => (v === null || v === undefined ? '—' : Math.round(v).toLocaleString('en-US'));
  if (b.kind === 'leaflet') return `data in at ${r(b.dataIn)}; markers on the map at ${r(b.markersAdded)}; ready ${r(b.ready)}`;
  return `files in at: js ${r(b.jsIn)}, wasm ${r(b.wasmIn)}, font ${r(b.fontIn)}, data ${r(b.dataIn)}; ` +
         `all in ${r(b.downloaded)}; wasm compiled + instantiated at ${r(b.wasmReady)}; ` +
         `then bundle parse ${r(b.bundle)}, GL context ${r(b.glContext)} (page: ${r(b.glContextPage)} during the downloads), ` +
         `ImGui init ${r(b.imguiInit)}, index + clusters + search (catalog) ${r(b.catalog)}, font atlas ${r(b.font)}, ` +
         `basemap triangulation ${r(b.basemap)}: started at ${r(b.started)}; first draw ${r(b.firstDraw)}; ` +
         `first frame at ${r(b.firstFrame)}; ready (next frame) ${r(b.ready)}`;
}

// The goals of issue 13, each a ratio of two columns of this run.
function goals(summary, specs) {
  const pairs = [[specs[0], specs[1]], [specs[2], specs[3]]];
  const lines = [];
  const verdict = (ok) => (ok ? 'met' : 'NOT met');
  for (const [o, l] of pairs) {
    const a = summary[o.key];
    const b = summary[l.key];
    const what = o.label.replace(/^ours, /, '');
    lines.push(`- first interactive frame, ${what}: ours ${Math.round(a.ready)} ms / Leaflet ${Math.round(b.ready)} ms = ` +
               `${(a.ready / b.ready).toFixed(2)} (goal ≤ 0.5): ${verdict(a.ready <= 0.5 * b.ready)}`);
    lines.push(`- transfer as served, ${what}: ours ${(a.encoded / 1e3).toFixed(0)} KB / Leaflet ${(b.encoded / 1e3).toFixed(0)} KB = ` +
               `${(a.encoded / b.encoded).toFixed(2)} (goal ≤ 1): ${verdict(a.encoded <= b.encoded)}`);
    // Frame times are differences of rAF timestamps, multiples of the display's interval up to float noise
    // (16.700000000000728 against 16.69999999999709): compared to a tenth of a millisecond.
    const kFrameNoiseMs = 0.1;
    for (const scene of ['province', 'city']) {
      lines.push(`- panning (${scene}), ${what}: median ours ${a[scene].median.toFixed(1)} / Leaflet ${b[scene].median.toFixed(1)} ms ` +
                 `(goal ≤): ${verdict(a[scene].median <= b[scene].median + kFrameNoiseMs)}; p95 ours ${a[scene].p95.toFixed(1)} ms ≤ 2 × Leaflet's median ` +
                 `${(2 * b[scene].median).toFixed(1)}: ${verdict(a[scene].p95 <= 2 * b[scene].median + kFrameNoiseMs)}`);
    }
    lines.push(`- idle page, ${what}: ${a.idle.rafCallbacks} rAF callbacks, ${a.idle.framesDrawn} frames drawn, ` +
               `main thread busy ${a.idle.busyMs.toFixed(0)} ms in ${a.idle.seconds} s (Leaflet: ${b.idle.rafCallbacks} callbacks, ` +
               `${b.idle.busyMs.toFixed(0)} ms busy) (goal 0 and 0): ${verdict(a.idle.rafCallbacks === 0 && a.idle.framesDrawn === 0)}`);
  }
  return lines.join('\n');
}

function table(summary, specs) {
  const ms = (v) => (v === null || v === undefined ? '—' : `${Math.round(v).toLocaleString('en-US')} ms`);
  const ms1 = (v) => (v === null || v === undefined ? '—' : `${v.toFixed(1)}`);
  const pct = (v) => (v === null || v === undefined ? '—' : `${(100 * v).toFixed(0)} %`);
  const mb = (v) => (v >= 1e6 ? `${(v / 1e6).toFixed(2)} MB` : `${Math.round(v / 1e3)} KB`);
  const view = (v) => `z${v.zoom.toFixed(1)}, ${v.markers}${v.markers >= 1000 ? '+' : ''}`;
  const column = (fn) => specs.map((spec) => fn(summary[spec.key]));
  const rows = [
    ['Page load → first interactive frame', ...column((s) => ms(s.ready))],
    ['  (each run)', ...column((s) => s.readyEach.map((v) => Math.round(v)).join(', '))],
    ['  data downloaded at', ...column((s) => ms(s.dataDownloaded))],
    ['  breakdown (ms, median)', ...column((s) => breakdownText(s.breakdown))],
    ['Transfer as served (headers included)', ...column((s) => mb(s.encoded))],
    ['Transfer, files gzip -9', ...column((s) => mb(s.gzip9))],
    ['Transfer, uncompressed', ...column((s) => mb(s.decoded))],
  ];
  rows.push(['Idle page (nobody touching it): rAF callbacks / frames drawn / main thread busy (ms)',
             ...column((s) => `${s.idle.rafCallbacks} / ${s.idle.framesDrawn === null ? '—' : s.idle.framesDrawn} / ` +
                              `${Math.round(s.idle.busyMs)} in ${s.idle.seconds} s`)]);
  for (const [scene, label] of [['province', 'province view'], ['city', 'city view (전주)']]) {
    rows.push([`Panning, ${label}: zoom, markers + clusters on screen`, ...column((s) => view(s[scene + 'View']))]);
    rows.push(['  frame time median / p95 / max (ms)',
               ...column((s) => `${ms1(s[scene].median)} / ${ms1(s[scene].p95)} / ${ms1(s[scene].max)}`)]);
    rows.push(['  frames per second', ...column((s) => s[scene].fps.toFixed(1))]);
    rows.push(['  frames over 16.7 ms / over 33 ms', ...column((s) => `${pct(s[scene].over16)} / ${pct(s[scene].over33)}`)]);
    rows.push(['  longest frame in the 1 s after release (ms)', ...column((s) => ms1(s[scene].worstAfterRelease))]);
  }
  const header = ['', ...specs.map((s) => s.label)];
  return [header, ['---', ...specs.map(() => '---:')], ...rows].map((r) => `| ${r.join(' | ')} |`).join('\n');
}

function resourceTable(summary, specs) {
  const lines = ['| page | resource | encoding | as served | gzip -9 | uncompressed |', '|---|---|---|---:|---:|---:|'];
  const n = (v) => (v === undefined ? '—' : v.toLocaleString('en-US'));
  for (const spec of specs) {
    for (const r of summary[spec.key].resources) {
      lines.push(`| ${spec.key} | ${r.path} | ${r.encoding || 'none'} | ${n(r.encoded)} | ${n(r.gzip9)} | ${n(r.decoded)} |`);
    }
  }
  return lines.join('\n');
}

// bokji-server over options.root (a folder scripts/bench-browser.sh assembled), on a free port, with a
// throwaway SQLite database and key under options.out. Resolves with {port, close()} once it answers.
async function startBokjiServer(options) {
  const port = await new Promise((resolve) => {
    const probe = net.createServer();
    probe.listen(0, '127.0.0.1', () => {
      const {port: free} = probe.address();
      probe.close(() => resolve(free));
    });
  });
  const varDir = path.join(options.out, 'server');
  fs.mkdirSync(varDir, {recursive: true, mode: 0o700});
  const keyFile = path.join(varDir, 'bench.key');
  if (!fs.existsSync(keyFile)) execFileSync(options.server, ['make-key', keyFile], {stdio: 'ignore'});
  const config = path.join(varDir, 'server.json');
  fs.writeFileSync(config, JSON.stringify({host: '127.0.0.1', port, site_dir: options.root, database: 'sqlite',
                                           data_dir: varDir, key_file: keyFile,
                                           bundle: path.join(options.root, 'app/data/jeonbuk-sample.bundle')}));
  const child = spawn(options.server, ['--config', config], {stdio: ['ignore', 'ignore', 'pipe']});
  let log = '';
  child.stderr.on('data', (d) => { log += d; });
  for (let i = 0; ; ++i) {
    try {
      const response = await fetch(`http://127.0.0.1:${port}/app/index.html`);
      if (response.ok) break;
    } catch { /* not listening yet */ }
    if (i > 600 || child.exitCode !== null) throw new Error(`bokji-server did not start:\n${log}`);
    await sleep(100);
  }
  return {
    port,
    close: () => new Promise((done) => {
      child.once('exit', done);
      child.kill('SIGTERM');
    }),
  };
}

// ---------------------------------------------------------------------------------------------------------
// main
// ---------------------------------------------------------------------------------------------------------

async function main() {
  const options = parseOptions(process.argv);
  fs.mkdirSync(options.out, {recursive: true});
  const here = path.dirname(fileURLToPath(import.meta.url));
  const version = (name) =>
    JSON.parse(fs.readFileSync(path.join(here, 'node_modules', name, 'package.json'), 'utf8')).version;
  const mounts = options.server ? {'/': options.root} : benchMounts(options.site, options.data);
  const server = options.server ? await startBokjiServer(options) : await startServer(mounts);
  const base = `http://127.0.0.1:${server.port}`;
  const browser = await chromium.launch({
    executablePath: process.env.BOKJI_CHROMIUM || '/usr/bin/chromium', headless: true, args: kChromiumArgs,
  });
  const specs = pagesFor(options);
  const meta = {
    date: new Date().toISOString(),
    machine: {cpus: os.cpus().length, cpu: os.cpus()[0].model, memoryGB: Math.round(os.totalmem() / 2 ** 30),
              loadAverageBefore: os.loadavg(), loadAverageAfter: null},
    browser: `Chromium ${browser.version()} headless, --disable-gpu: WebGL2 on SwiftShader (CPU-rendered)`,
    server: options.server ? 'bokji-server (precompressed brotli / gzip -9 as assembled)' : 'serve.mjs (gzip -6)',
    versions: {leaflet: version('leaflet'), markercluster: version('leaflet.markercluster'),
               playwright: version('playwright-core'), node: process.version},
    options: {count: options.count, reps: options.reps, panSeconds: options.panSeconds,
              viewport: `${options.width}x${options.height}@1x`, cityZoom: options.cityZoom},
  };
  try {
    meta.vsync = await measureVsync(browser, options);
    console.error(`idle frame interval: ${meta.vsync.toFixed(2)} ms`);

    // Warm-up (not counted): fills the server's gzip cache and finds the views.
    console.error('warm-up round');
    const views = {start: null, city: null};
    const warm = await runPage(browser, options, base, mounts, specs[2], views);  // ours, synthetic
    views.start = warm.provinceView;
    views.city = warm.cityView;
    for (const spec of [specs[0], specs[1], specs[3]]) await runPage(browser, options, base, mounts, spec, views);
    meta.views = views;

    const runs = Object.fromEntries(specs.map((s) => [s.key, []]));
    for (let rep = 0; rep < options.reps; ++rep) {
      const order = specs.map((_, i) => specs[(i + rep) % specs.length]);
      for (const spec of order) {
        const result = await runPage(browser, options, base, mounts, spec, views);
        runs[spec.key].push(result);
        console.error(`rep ${rep + 1}/${options.reps} ${spec.key}: ready ${result.load.ready.toFixed(0)} ms, ` +
                      `${(result.transfer.encoded / 1e6).toFixed(2)} MB as served`);
      }
    }
    meta.machine.loadAverageAfter = os.loadavg();
    const summary = Object.fromEntries(specs.map((s) => [s.key, summarise(runs[s.key], meta.vsync)]));
    const heading =
        `${meta.date}; ${meta.browser}; ${meta.machine.cpus} × ${meta.machine.cpu}; load average ` +
        `${meta.machine.loadAverageBefore.map((v) => v.toFixed(2)).join(' ')} → ` +
        `${meta.machine.loadAverageAfter.map((v) => v.toFixed(2)).join(' ')}; served by ${meta.server}; viewport ${meta.options.viewport}; ` +
        `Leaflet ${meta.versions.leaflet} + leaflet.markercluster ${meta.versions.markercluster} (npm); ` +
        `median of ${options.reps} runs; idle frame interval ${meta.vsync.toFixed(1)} ms. Synthetic = ` +
        `${options.count.toLocaleString('en-US')} made-up facilities (bench/browser/make_synthetic.cc), ` +
        `not real data. Frame times are CPU-rendered (SwiftShader): compare the columns, not with a phone.`;
    const startup = specs.filter((s) => s.driver === ours).map((s) =>
        `${s.label}: startup phases (ms, last run) ${JSON.stringify(summary[s.key].startupMs)}; ` +
        `app frames drawn during the city pan ${runs[s.key].map((r) => r.appFrames).join(', ')}`).join('\n');
    const text = table(summary, specs) + '\n\nGoals (issue 13), this run:\n' + goals(summary, specs);
    const resources = resourceTable(summary, specs);
    fs.writeFileSync(path.join(options.out, 'results.json'), JSON.stringify({meta, summary, runs}, null, 1));
    fs.writeFileSync(path.join(options.out, 'results.md'),
                     `${heading}\n\n${text}\n\n${startup}\n\n${resources}\n`);
    console.log(heading);
    console.log();
    console.log(text);
    console.log();
    console.log(startup);
    console.log();
    console.log(resources);
  } finally {
    await browser.close();
    await server.close();
  }
}

export {kChromiumArgs, dragCircle, frameStats, measureVsync, openPage, ours, sleep, startBench};

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  main().catch((e) => {
    console.error(e.stack || String(e));
    process.exit(1);
  });
}
