// Working through network loss (web/sw.js): after one visit with network, a reload without it shows the
// ready app, not the browser's offline page, and the finder works on the kept data. The worker keeps the
// page, wasm, font and bundle, fetches them network first (a new bundle online is used at once), never keeps
// the server's API, and drops the caches of older versions.
//
// "Without network" is made two ways at once, as playwright's setOffline has not always reached service
// workers: the browser context goes offline and the test's own server is shut down.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import {after, before, test} from 'node:test';

import {fixturesDir, launchBrowser, screenshot, settle, siteDir, startServer} from './harness.mjs';
import {disabilityCentres} from './reference.mjs';

// The cache this build's worker fills: its name carries the version web/CMakeLists.txt stamped into sw.js.
const workerSource = fs.readFileSync(path.join(siteDir, 'sw.js'), 'utf8');
const version = (workerSource.match(/const VERSION = '([^']*)'/) || [])[1];
const cacheName = 'bokjimap-' + version;
// The files it keeps, as the deployed worker lists them (scripts/assemble-site.sh gives them content-hashed
// names in the served site: bokjimap.<hash>.wasm …).
const workerList = (name) => {
  const list = (workerSource.match(new RegExp(`const ${name} = \\[([^\\]]*)\\]`)) || [])[1];
  assert.ok(list !== undefined, `sw.js has no ${name} list`);
  return [...list.matchAll(/'([^']*)'/g)].map((m) => '/' + m[1].replace(/^\.\//, ''));
};
const shell = [...workerList('APP_FILES'), ...workerList('DEFAULT_DATA')];
const wasmPath = shell.find((p) => p.endsWith('.wasm'));
const bundlePath = workerList('DEFAULT_DATA')[0];
// API paths the server answers (here with made-up bodies, all 200): never to be kept.
const api = ['/api/facilities', '/open311/v2/services.json', '/staff', '/staff/requests'];

let browser;
before(async () => { browser = await launchBrowser(); });
after(async () => { await browser?.close(); });

// A page in a fresh context; collects console errors. `init` runs in the page before its own scripts.
async function newPage(init) {
  const context = await browser.newContext({viewport: {width: 1280, height: 800}});
  if (init) await context.addInitScript(init);
  const page = await context.newPage();
  page.problems = [];
  page.on('console', (m) => { if (m.type() === 'error') page.problems.push(m.text()); });
  page.on('pageerror', (e) => page.problems.push('page error: ' + e.message));
  return page;
}

async function waitReady(page) {
  await page.waitForFunction(() => window.bokjiPage && window.bokjiPage.state !== 'loading', null,
                             {timeout: 60000});
  return page.evaluate(() => ({state: window.bokjiPage.state, error: window.bokjiPage.error,
                               servedOffline: window.bokjiPage.servedOffline}));
}

// The paths kept in each cache of the page's origin: {cache name: [path, …]}.
function cachedPaths(page) {
  return page.evaluate(async () => {
    const result = {};
    for (const name of await caches.keys()) {
      const keys = await (await caches.open(name)).keys();
      result[name] = keys.map((r) => new URL(r.url).pathname + new URL(r.url).search).sort();
    }
    return result;
  });
}

// Waits until the worker is active and its cache holds every file of the app.
async function waitUntilKept(page) {
  await page.evaluate(() => navigator.serviceWorker.ready.then(() => true));
  await page.waitForFunction(async ({cacheName, shell}) => {
    if (!(await caches.has(cacheName))) return false;
    const keys = await (await caches.open(cacheName)).keys();
    const kept = new Set(keys.map((r) => new URL(r.url).pathname));
    return shell.every((p) => kept.has(p));
  }, {cacheName, shell}, {timeout: 60000, polling: 200});
}

// Types `text` into the search box as an IME would (committed syllable by syllable) and presses Enter.
async function search(page, text) {
  const box = await page.evaluate(() => {
    const r = document.getElementById('bokji-text-field').getBoundingClientRect();
    return {x: r.x + 20, y: r.y + r.height / 2};
  });
  await page.mouse.click(box.x, box.y);
  const cdp = await page.context().newCDPSession(page);
  for (const syllable of text) {
    await cdp.send('Input.imeSetComposition', {text: syllable, selectionStart: 1, selectionEnd: 1});
    await cdp.send('Input.insertText', {text: syllable});
  }
  await page.keyboard.press('Enter');
}

test('the service worker is stamped with a version by the build', () => {
  assert.match(version || '', /^[0-9a-f]{16}$/, 'sw.js carries a 16-hex-digit version, not the placeholder');
});

test('service worker: keeps the app and its data, never the API, and drops older versions\' caches', async () => {
  const overrides = Object.fromEntries(api.map((p) => [p, Buffer.from('{"made_up": true}')]));
  const server = await startServer(overrides);
  // An older version's cache, left by an earlier deploy (made before the worker registers): its app file
  // goes, the data it kept (another bundle) is carried over.
  const page = await newPage(() => {
    if (window.top === window && !sessionStorage.getItem('seeded')) {
      sessionStorage.setItem('seeded', '1');
      caches.open('bokjimap-0123456789abcdef').then((c) => Promise.all([
        c.put('/bokjimap.wasm', new Response('old wasm')),
        c.put('/data/other.bundle', new Response('kept data')),
      ]));
    }
  });
  try {
    await page.goto(server.url + '/');
    assert.equal((await waitReady(page)).state, 'ready');
    await waitUntilKept(page);
    // The API answered (200) while the worker controls the page, and none of it was kept.
    for (const p of api) {
      assert.equal(await page.evaluate((u) => fetch(u).then((r) => r.status), p), 200, p);
    }
    const cached = await cachedPaths(page);
    assert.deepEqual(Object.keys(cached), [cacheName], 'only this version\'s cache is left');
    assert.deepEqual(cached[cacheName], [...shell, '/data/other.bundle'].sort(),
                     'exactly the app\'s files and the older data are kept');
    const kept = await page.evaluate(async ({cacheName, wasmPath}) => {
      const cache = await caches.open(cacheName);
      return {wasm: (await (await cache.match(wasmPath)).arrayBuffer()).byteLength,
              data: await (await cache.match('/data/other.bundle')).text()};
    }, {cacheName, wasmPath});
    assert.equal(kept.wasm, fs.statSync(path.join(siteDir, wasmPath)).size, 'this build\'s wasm');
    assert.equal(kept.data, 'kept data');
    assert.deepEqual(page.problems, []);
  } finally {
    await page.context().close();
    await server.close();
  }
});

test('offline: a reload without network shows the ready app, and the finder works on the kept data', async () => {
  const overrides = {};
  const server = await startServer(overrides);
  const page = await newPage();
  try {
    await page.goto(server.url + '/');
    assert.equal((await waitReady(page)).state, 'ready');
    const sample = await settle(page);
    await waitUntilKept(page);

    // Network first for data: a new bundle on the server is used at the next reload (here the test
    // fixture bundle of invented education events, which holds none of the sample's facilities).
    const fixture = path.join(fixturesDir, 'education-test.bundle');
    assert.ok(fs.existsSync(fixture), `${fixture} is missing (scripts/test.sh: import_test_fixtures)`);
    overrides[bundlePath] = fs.readFileSync(fixture);
    await page.reload();
    let shown = await waitReady(page);
    assert.equal(shown.state, 'ready', JSON.stringify(shown.error));
    assert.equal(shown.servedOffline, false);
    assert.notEqual((await settle(page)).facilities, sample.facilities, 'the new bundle was loaded');
    delete overrides[bundlePath];
    await page.reload();
    assert.equal((await waitReady(page)).state, 'ready');
    assert.equal((await settle(page)).facilities, sample.facilities, 'the sample bundle is back');
    // Wait until the kept bundle is the sample again (kept in the background after the page got it).
    const bundleSize = fs.statSync(path.join(siteDir, bundlePath)).size;
    await page.waitForFunction(async ({cacheName, bundlePath, bundleSize}) => {
      const kept = await (await caches.open(cacheName)).match(bundlePath);
      return kept && (await kept.arrayBuffer()).byteLength === bundleSize;
    }, {cacheName, bundlePath, bundleSize}, {timeout: 30000, polling: 200});

    // The network goes away.
    await page.context().setOffline(true);
    await server.close();
    const probe = await page.evaluate(() => fetch('/not-kept.txt').then(() => 'reached', () => 'failed'));
    assert.equal(probe, 'failed', 'the network is gone for the page');

    await page.reload();
    shown = await waitReady(page);
    assert.equal(shown.state, 'ready', 'the app, not an error screen: ' + JSON.stringify(shown.error));
    assert.equal(shown.servedOffline, true, 'the files came from the service worker\'s copy');
    const offline = await settle(page);
    assert.equal(offline.notices.offline, true, 'the app says it runs offline');
    assert.ok(offline.buttons.notice_offline, 'the offline line is on screen');
    assert.equal(offline.facilities, sample.facilities);
    assert.equal(offline.programs, sample.programs);
    await screenshot(page, 'offline-reload');

    // The finder: search a facility of the source file by name, Enter opens it.
    const target = disabilityCentres()[0];
    const name = target.name.replace(/\s+/g, '');
    await search(page, name);
    const found = await settle(page);
    assert.equal(found.query, name);
    assert.ok(found.selected >= 0, 'Enter opened a facility');
    assert.equal(found.selected_name.replace(/\s+/g, ''), name);
    await screenshot(page, 'offline-search');

    // The API is not answered from any cache.
    const apiAnswer = await page.evaluate(() => fetch('/api/facilities').then((r) => r.status, () => 'failed'));
    assert.equal(apiAnswer, 'failed');
    // The only errors: the requests that had to fail (the probe, the API, the worker's update check).
    const unexpected = page.problems.filter((p) => !/ERR_INTERNET_DISCONNECTED|ERR_CONNECTION_REFUSED|Failed to fetch/.test(p));
    assert.deepEqual(unexpected, []);
  } finally {
    await page.context().close();
    await server.close().catch(() => {});
  }
});
