// The browser benchmark (bench/browser/README.md): our app and a Leaflet + leaflet.markercluster page, the
// same synthetic facilities, one headless Debian Chromium, one run. Per repetition and page it measures
//   (a) page load → first interactive frame: navigation start → the animation frame after the one in which the
//       page calls ready() (ours: window.bokjiPage.ready(), called by the wasm after its first complete frame;
//       Leaflet: window.benchPage.ready(), called in the frame after the last marker chunk is on the map);
//   (b) frame times while panning: a ~3 s continuous mouse drag (a circle, 125 Hz input like a USB mouse) at
//       the whole-province view and at a city view, recording requestAnimationFrame intervals; plus the
//       longest frame in the second after the release (Leaflet re-clusters on moveend);
//   (c) transfer: every response's encoded bytes (CDP Network.loadingFinished encodedDataLength, headers
//       included) and decoded bytes (Network.dataReceived), everything served gzip by serve.mjs.
// Pages alternate in order between repetitions; one unmeasured warm-up round runs first (it also fixes the
// city view: ours zooms there with wheel and drag, Leaflet is then set to exactly the view ours reached).
//
//   node bench/browser/measure.mjs --site build/h-webbench-wasm/web/site --data <make_synthetic --out> \
//        --out bench-out/browser-<time> [--count 100000] [--reps 5] [--pan-seconds 3]
//
// Prints the table and writes results.json and results.md into --out.
//
// Index
//   - Options
//   - Browser, pages and the readiness hook
//   - Measurements: load, transfer, panning
//   - The two pages: how to open them and reach the city view
//   - Statistics and the table
//   - main
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {fileURLToPath} from 'node:url';

import {chromium} from 'playwright-core';

import {benchMounts, startServer} from './serve.mjs';

// ---------------------------------------------------------------------------------------------------------
// Options
// ---------------------------------------------------------------------------------------------------------

const kUsage = `usage: node measure.mjs --site DIR --data DIR --out DIR [--count 100000] [--reps 5]
       [--pan-seconds 3] [--city-zoom 12] [--width 1280] [--height 800]`;

function parseOptions(argv) {
  const options = {
    count: 100000, reps: 5, panSeconds: 3, cityZoom: 12, width: 1280, height: 800,
    // The city view's centre: 전주시청 (TOOLCHAIN.md's reference point).
    city: {lat: 35.8242, lng: 127.1480},
  };
  const numeric = {'--count': 'count', '--reps': 'reps', '--pan-seconds': 'panSeconds',
                   '--city-zoom': 'cityZoom', '--width': 'width', '--height': 'height'};
  for (let i = 2; i < argv.length; i += 2) {
    const [name, value] = [argv[i], argv[i + 1]];
    if (value === undefined) throw new Error(kUsage);
    if (name === '--site') options.site = path.resolve(value);
    else if (name === '--data') options.data = path.resolve(value);
    else if (name === '--out') options.out = path.resolve(value);
    else if (numeric[name]) options[numeric[name]] = Number(value);
    else throw new Error(kUsage);
  }
  if (!options.site || !options.data || !options.out) throw new Error(kUsage);
  return options;
}

// ---------------------------------------------------------------------------------------------------------
// Browser, pages and the readiness hook
// ---------------------------------------------------------------------------------------------------------

// Flags from /work/shared/TOOLCHAIN.md ("Browser testing"): WebGL2 through SwiftShader, nothing in the
// background. Playwright adds --headless and a fresh --user-data-dir.
const kChromiumArgs = [
  '--no-sandbox', '--use-angle=swiftshader', '--enable-unsafe-swiftshader', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
];

// Runs in every page before its own scripts. Both pages assign a page object (window.bokjiPage or
// window.benchPage) with a ready() method; this wraps ready() so that the animation frame after the call —
// the first one after the ready frame was presented — stamps window.__bench.readyAt (ms since navigation
// start: performance.now()'s origin).
function readinessHook() {
  window.__bench = {readyAt: null};
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
  }, null, {timeout: 180000, polling: 50});
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
  return {
    // Finished responses so far, data: URLs left out (they cross no network).
    snapshot() {
      const list = [...requests.values()].filter((r) => r.url && !r.url.startsWith('data:'));
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

// Times from the page's own clocks, in ms since navigation start.
async function loadTimes(page) {
  return page.evaluate(() => {
    const [navigation] = performance.getEntriesByType('navigation');
    const data = performance.getEntriesByType('resource').filter((r) => r.name.includes('/data/'));
    const benchPage = window.benchPage;
    return {
      ready: window.__bench.readyAt,
      html: navigation ? navigation.responseEnd : null,
      domContentLoaded: navigation ? navigation.domContentLoadedEventEnd : null,
      dataDownloaded: data.length ? Math.max(...data.map((r) => r.responseEnd)) : null,
      markersAdded: benchPage ? benchPage.markersAddedAt : null,
    };
  });
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

// Frame statistics from rAF timestamps. `vsync` is the display's frame interval (measured on an idle page).
function frameStats(stamps, vsync) {
  const intervals = [];
  for (let i = 1; i < stamps.length; ++i) intervals.push(stamps[i] - stamps[i - 1]);
  if (intervals.length === 0) return null;
  // Slots: how many vsync periods each interval spanned; all but one of them were dropped.
  const slots = intervals.map((d) => Math.max(1, Math.round(d / vsync)));
  const totalSlots = slots.reduce((s, n) => s + n, 0);
  return {
    frames: intervals.length,
    median: percentile(intervals, 50),
    p95: percentile(intervals, 95),
    max: Math.max(...intervals),
    fps: (1000 * intervals.length) / (stamps[stamps.length - 1] - stamps[0]),
    dropped: (totalSlots - intervals.length) / totalSlots,
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
// The two pages: how to open them and reach the city view
// ---------------------------------------------------------------------------------------------------------

// Web Mercator world units (0..1), as web/map_view.h and Leaflet use them (256·2^z pixels per world).
function mercator({lat, lng}) {
  const sin = Math.sin((lat * Math.PI) / 180);
  return {x: (lng + 180) / 360, y: 0.5 - Math.log((1 + sin) / (1 - sin)) / (4 * Math.PI)};
}

const ours = {
  name: 'ours',
  url: (options) => `/app/index.html?bundle=/data/synthetic-${options.count}.bundle`,
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
  url: (options) => `/leaflet/index.html?points=/data/synthetic-${options.count}.geojson`,
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

// One page, one repetition: load, pan at the province view, go to the city view, pan there.
async function runPage(browser, options, base, driver, cityView) {
  const started = Date.now();
  const progress = (what) => console.error(`  ${driver.name}: ${what} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
  const opened = await openPage(browser, options, base + driver.url(options));
  const {page, network} = opened;
  const load = await loadTimes(page);
  const transferAtReady = network.snapshot();
  progress('ready');
  await sleep(500);
  const provinceView = await driver.view(page);
  const province = await dragCircle(page, options, options.panSeconds);
  progress('panned the province view');
  const framesBefore = driver === ours ? (await driver.view(page)).frames : null;
  const city = await driver.goToCity(page, options, cityView);
  progress('at the city view');
  const cityPan = await dragCircle(page, options, options.panSeconds);
  progress('panned the city view');
  const framesAfter = driver === ours ? (await driver.view(page)).frames : null;
  const result = {
    load, transfer: transferAtReady, transferTotal: network.snapshot(), provinceView, cityView: city,
    pan: {province, city: cityPan}, problems: opened.problems,
    appFramesDuringCityPan: framesBefore === null ? null : framesAfter - framesBefore,
  };
  await opened.context.close();
  return result;
}

// ---------------------------------------------------------------------------------------------------------
// Statistics and the table
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
    return {
      median: median(during.map((s) => s.median)),
      p95: median(during.map((s) => s.p95)),
      fps: median(during.map((s) => s.fps)),
      dropped: median(during.map((s) => s.dropped)),
      worstAfterRelease: median(after.map((s) => s && s.max)),
    };
  };
  return {
    ready: median(runs.map((r) => r.load.ready)),
    dataDownloaded: median(runs.map((r) => r.load.dataDownloaded)),
    domContentLoaded: median(runs.map((r) => r.load.domContentLoaded)),
    encoded: median(runs.map((r) => r.transfer.encoded)),
    decoded: median(runs.map((r) => r.transfer.decoded)),
    province: pan('province'),
    city: pan('city'),
    provinceView: runs[0].provinceView,
    cityView: runs[0].cityView,
    resources: runs[0].transfer.resources,
  };
}

function table(summary, meta) {
  const ms = (v) => (v === null || v === undefined ? '—' : `${Math.round(v).toLocaleString('en-US')} ms`);
  const ms1 = (v) => (v === null || v === undefined ? '—' : `${v.toFixed(1)} ms`);
  const pct = (v) => (v === null || v === undefined ? '—' : `${(100 * v).toFixed(0)} %`);
  const mb = (v) => `${(v / 1e6).toFixed(2)} MB`;
  const o = summary.ours;
  const l = summary.leaflet;
  const view = (v) => `z${v.zoom.toFixed(2)}, ${v.markers}${v.markers >= 1000 ? '+' : ''} markers/clusters`;
  const rows = [
    ['Page load → first interactive frame', ms(o.ready), ms(l.ready)],
    ['  of which: data downloaded at', ms(o.dataDownloaded), ms(l.dataDownloaded)],
    ['Transfer, gzip (bytes on the wire, headers included)', mb(o.encoded), mb(l.encoded)],
    ['Transfer, uncompressed', mb(o.decoded), mb(l.decoded)],
  ];
  for (const [scene, label] of [['province', 'province view'], ['city', 'city view (전주)']]) {
    rows.push([`Panning, ${label}: view`, view(o[scene + 'View']), view(l[scene + 'View'])]);
    rows.push([`  frame time median / p95`, `${ms1(o[scene].median)} / ${ms1(o[scene].p95)}`,
               `${ms1(l[scene].median)} / ${ms1(l[scene].p95)}`]);
    rows.push([`  frames per second`, o[scene].fps.toFixed(1), l[scene].fps.toFixed(1)]);
    rows.push([`  dropped frames (vs ${meta.vsync.toFixed(1)} ms vsync)`, pct(o[scene].dropped),
               pct(l[scene].dropped)]);
    rows.push([`  longest frame in the 1 s after release`, ms1(o[scene].worstAfterRelease),
               ms1(l[scene].worstAfterRelease)]);
  }
  const header = ['', `ours (wasm, ImGui + WebGL2)`, `Leaflet ${meta.versions.leaflet} + markercluster ` +
                  `${meta.versions.markercluster}`];
  const lines = [header, ['---', '---:', '---:'], ...rows].map((r) => `| ${r.join(' | ')} |`);
  return lines.join('\n');
}

function resourceTable(summary) {
  const lines = ['| page | resource | gzip bytes (wire) | uncompressed bytes |', '|---|---|---:|---:|'];
  for (const name of ['ours', 'leaflet']) {
    for (const r of summary[name].resources) {
      lines.push(`| ${name} | ${r.path} | ${r.encoded.toLocaleString('en-US')} | ` +
                 `${r.decoded.toLocaleString('en-US')} |`);
    }
  }
  return lines.join('\n');
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
  const server = await startServer(benchMounts(options.site, options.data));
  const base = `http://127.0.0.1:${server.port}`;
  const browser = await chromium.launch({
    executablePath: process.env.BOKJI_CHROMIUM || '/usr/bin/chromium', headless: true, args: kChromiumArgs,
  });
  const meta = {
    date: new Date().toISOString(),
    machine: {cpus: os.cpus().length, cpu: os.cpus()[0].model, memoryGB: Math.round(os.totalmem() / 2 ** 30),
              loadAverageBefore: os.loadavg(), loadAverageAfter: null},
    browser: `Chromium ${browser.version()} (headless, SwiftShader WebGL)`,
    versions: {leaflet: version('leaflet'), markercluster: version('leaflet.markercluster'),
               playwright: version('playwright-core'), node: process.version},
    options: {count: options.count, reps: options.reps, panSeconds: options.panSeconds,
              viewport: `${options.width}x${options.height}@1x`, cityZoom: options.cityZoom},
  };
  try {
    meta.vsync = await measureVsync(browser, options);
    console.error(`idle frame interval: ${meta.vsync.toFixed(2)} ms`);

    // Warm-up (not counted): compresses every file once in the server, and finds the city view.
    console.error('warm-up round');
    const warmOurs = await runPage(browser, options, base, ours, null);
    const cityView = warmOurs.cityView;
    await runPage(browser, options, base, leaflet, cityView);

    const runs = {ours: [], leaflet: []};
    for (let rep = 0; rep < options.reps; ++rep) {
      const order = rep % 2 === 0 ? [ours, leaflet] : [leaflet, ours];
      for (const driver of order) {
        const result = await runPage(browser, options, base, driver, cityView);
        runs[driver.name].push(result);
        console.error(`rep ${rep + 1}/${options.reps} ${driver.name}: ready ${result.load.ready.toFixed(0)} ms, ` +
                      `${(result.transfer.encoded / 1e6).toFixed(2)} MB on the wire`);
      }
    }
    meta.machine.loadAverageAfter = os.loadavg();
    const summary = {ours: summarise(runs.ours, meta.vsync), leaflet: summarise(runs.leaflet, meta.vsync)};
    const text = table(summary, meta);
    const resources = resourceTable(summary);
    fs.writeFileSync(path.join(options.out, 'results.json'), JSON.stringify({meta, summary, runs}, null, 1));
    fs.writeFileSync(path.join(options.out, 'results.md'),
                     `${meta.date}, ${meta.browser}, ${meta.machine.cpus} × ${meta.machine.cpu}, ` +
                     `${options.count.toLocaleString('en-US')} synthetic facilities, median of ` +
                     `${options.reps} repetitions\n\n${text}\n\n${resources}\n`);
    console.log(text);
    console.log();
    console.log(resources);
  } finally {
    await browser.close();
    await server.close();
  }
}

main().catch((e) => {
  console.error(e.stack || String(e));
  process.exit(1);
});
