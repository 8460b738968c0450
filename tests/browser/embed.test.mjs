// Embed mode (?embed=1, issue 10): a page on a second origin embeds the app in an iframe, drives it with
// each command of the postMessage API (web/embed.js, docs/embed.md) and receives each event; a page on an
// origin the embed does not list sends the same commands and changes nothing. The wheel over the embedded
// map scrolls the host page (with a hint), Ctrl + wheel zooms the map. The compact layout has no site header
// and a "크게 보기" link, at 360×480 and 800×600.
import assert from 'node:assert/strict';
import {test} from 'node:test';

import {spawnSync} from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {fileURLToPath} from 'node:url';

import {launchBrowser, openApp, screenshot, settle, siteDir, startBokjiServer, startServer} from './harness.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const serverBinary = process.env.BOKJI_SERVER_BINARY || path.resolve(here, '../../build/native/server/bokji-server');

const kLevelCity = 2;  // ProgramLevel::kCity in the catalogue
const center = (r) => [(r[0] + r[2]) / 2, (r[1] + r[3]) / 2];

// A host page: the app in an iframe (top left, `width`×`height`), a tall page around it, the messages from
// the app's origin in window.received, and window.send(command) posting to the frame.
function hostPage(appOrigin, src, width, height) {
  return Buffer.from(`<!doctype html><meta charset="utf-8"><title>host</title>
<body style="margin:0;height:3000px">
<iframe id="app" src="${src}" width="${width}" height="${height}" style="border:0;display:block"
        allow="geolocation 'none'"></iframe>
<script>
  window.received = [];
  window.addEventListener('message', (e) => {
    if (e.origin === ${JSON.stringify(appOrigin)}) window.received.push(e.data);
  });
  window.send = (command) => document.getElementById('app').contentWindow.postMessage(command, ${JSON.stringify(appOrigin)});
</script>`);
}

async function appFrame(page) {
  await page.waitForFunction(() => window.received.some((m) => m.type === 'ready'), null, {timeout: 60000});
  const frame = page.frames().find((f) => f !== page.mainFrame());
  assert.ok(frame, 'the app frame');
  return frame;
}
const debug = (frame) => frame.evaluate(() => window.bokjiPage.debug());
async function settleFrame(page, frame) {
  const start = (await debug(frame)).frames;
  await page.mouse.move(2, 1);
  await page.mouse.move(1, 1);
  await frame.waitForFunction((n) => window.bokjiPage.debug().frames >= n, start + 3, {timeout: 30000});
  await frame.waitForFunction(() => !window.bokjiPage.debug().animating, null, {timeout: 30000});
  return debug(frame);
}

test('embed: a host on a second origin drives the app by postMessage and gets its events; others cannot', async () => {
  const app = await startServer();
  const browser = await launchBrowser();
  // Two host pages on origins of their own (other ports): the embed lists the first one only.
  let src = '';
  const host = await startHost(() => hostPage(app.url, src, 360, 480));
  const stranger = await startHost(() => hostPage(app.url, src, 360, 480));
  const hostOrigin = host.url;
  src = `${app.url}/?embed=1&origins=${encodeURIComponent(hostOrigin)}`;
  try {
    const context = await browser.newContext({viewport: {width: 800, height: 700}});
    const page = await context.newPage();
    await page.goto(hostOrigin + '/host.html');
    const frame = await appFrame(page);
    let view = await settleFrame(page, frame);
    assert.equal(view.mode, 2, 'UiMode::kEmbed');
    assert.ok(view.buttons.open_full, '크게 보기');
    assert.equal(view.buttons.programs, undefined, 'no site header buttons');
    const received = () => page.evaluate(() => window.received);
    const ready = (await received()).find((m) => m.type === 'ready');
    assert.equal(ready.source, 'bokjimap');
    assert.ok((await received()).some((m) => m.type === 'heightChanged' && m.height === 480));
    assert.equal(await frame.evaluate(() => window.bokjiPage.embed.target), hostOrigin, 'events name the host');

    // setRegion: a 시군 of the data (from the programs catalogue, as programs.test.mjs finds it).
    const programs = await frame.evaluate(() => window.bokjiPage.programs());
    const city = programs.find((p) => p.level === kLevelCity && p.region === '김제시' && p.sigungu);
    const code = city.sigungu - (city.sigungu % 10);
    await page.evaluate((c) => window.send({type: 'setRegion', region: c}), code);
    await frame.waitForFunction((c) => window.bokjiPage.debug().filters.region === c, code);
    await page.evaluate(() => window.send({type: 'setCategories', categories: [0, 1]}));
    await frame.waitForFunction(() => window.bokjiPage.debug().filters.categories === 3);
    view = await debug(frame);
    assert.equal(view.filters.region, code, 'the region stays with the next command');
    await page.evaluate(() => window.send({type: 'setRegion', region: 0}));
    await frame.waitForFunction(() => window.bokjiPage.debug().filters.region === 0);
    await page.evaluate(() => window.send({type: 'setCategories', categories: []}));
    await page.evaluate(() => window.send({type: 'search', query: '복지관'}));
    await frame.waitForFunction(() => window.bokjiPage.debug().query === '복지관');
    await page.evaluate(() => window.send({type: 'search', query: ''}));
    await page.evaluate(() => window.send({type: 'setLanguage', language: 'en'}));
    await frame.waitForFunction(() => window.bokjiPage.debug().language === 'en');
    await page.evaluate(() => window.send({type: 'setLanguage', language: 'vi'}));
    await frame.waitForFunction(() => window.bokjiPage.debug().language === 'vi');
    await page.evaluate(() => window.send({type: 'setLanguage', language: 'ko'}));
    await frame.waitForFunction(() => window.bokjiPage.debug().language === 'ko' &&
                                      window.bokjiPage.debug().query === '');

    // facilitySelected: a row of the list tapped in the frame (at the frame's place in the host).
    view = await settleFrame(page, frame);
    if (!view.buttons.result_0) {  // a phone-sized frame: the list's sheet opens first
      await page.mouse.click(...center(view.buttons.results_list));
      view = await settleFrame(page, frame);
    }
    const row = view.buttons.result_0;
    assert.ok(row, 'a results row; have ' + Object.keys(view.buttons).join(' '));
    await page.mouse.click(...center(row));
    await frame.waitForFunction(() => window.bokjiPage.debug().selected >= 0);
    const first = (await debug(frame)).selected;
    await page.waitForFunction(() => window.received.some((m) => m.type === 'facilitySelected'));
    const selected = (await received()).find((m) => m.type === 'facilitySelected');
    assert.ok(typeof selected.key === 'string' && selected.key.length > 0);
    // selectFacility with that key, after another card: the first one again.
    await frame.evaluate(() => window.bokjiPage.reset());
    await frame.waitForFunction(() => window.bokjiPage.debug().selected === -1);
    await page.evaluate((key) => window.send({type: 'selectFacility', key}), selected.key);
    await frame.waitForFunction((id) => window.bokjiPage.debug().selected === id, first);

    // programSelected: a program's card opened in the frame.
    const program = programs.find((p) => p.service_id);
    await frame.evaluate((id) => window.bokjiPage.restore('p=' + encodeURIComponent(id)), program.service_id);
    await page.waitForFunction((id) => window.received.some((m) => m.type === 'programSelected' && m.serviceId === id),
                               program.service_id);
    // Nothing but these kinds of messages, all from the app's origin, none carrying more than named here.
    for (const m of await received()) {
      assert.ok(['ready', 'heightChanged', 'facilitySelected', 'programSelected'].includes(m.type), m.type);
      for (const key of Object.keys(m)) {
        assert.ok(['source', 'type', 'version', 'height', 'key', 'serviceId'].includes(key), key);
      }
    }

    // The wheel over the map scrolls the host page and shows the hint; the map keeps its zoom.
    await frame.evaluate(() => window.bokjiPage.reset());
    view = await settleFrame(page, frame);
    const zoom = view.zoom;
    await page.mouse.move(180, 240);
    await page.mouse.wheel(0, 400);
    await page.waitForFunction(() => window.scrollY > 0, null, {timeout: 10000});
    assert.ok(await frame.evaluate(() => window.bokjiPage.embed.hints) > 0, 'the hint showed');
    assert.equal(await frame.evaluate(() => getComputedStyle(document.getElementById('embed-wheel-hint')).display),
                 'block');
    view = await settleFrame(page, frame);
    assert.equal(view.zoom, zoom, 'the plain wheel does not zoom the map');
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.mouse.move(180, 240);
    await page.keyboard.down('Control');
    await page.mouse.wheel(0, -300);
    await page.keyboard.up('Control');
    await frame.waitForFunction((z) => window.bokjiPage.debug().zoom > z, zoom, {timeout: 10000});
    await context.close();

    // A host on an origin the embed does not list: its commands change nothing.
    const other = await browser.newContext({viewport: {width: 800, height: 700}});
    const strangerPage = await other.newPage();
    await strangerPage.goto(stranger.url + '/host.html');
    // Its page gets no events either (they name the listed origin): wait for the app itself.
    await strangerPage.waitForFunction(() => document.getElementById('app'));
    let strangerFrame = null;
    for (let i = 0; i < 600 && !strangerFrame; ++i) {
      strangerFrame = strangerPage.frames().find((f) => f !== strangerPage.mainFrame() && f.url().startsWith(app.url));
      if (!strangerFrame) await strangerPage.waitForTimeout(100);
    }
    await strangerFrame.waitForFunction(() => window.bokjiPage && window.bokjiPage.state === 'ready', null,
                                        {timeout: 60000});
    const startView = await settleFrame(strangerPage, strangerFrame);
    await strangerPage.evaluate((c) => {
      window.send({type: 'search', query: '복지관'});
      window.send({type: 'setLanguage', language: 'en'});
      window.send({type: 'setRegion', region: c});
      window.send({type: 'setCategories', categories: [0]});
    }, code);
    await strangerPage.waitForTimeout(1500);
    const after = await settleFrame(strangerPage, strangerFrame);
    assert.equal(after.query, startView.query);
    assert.equal(after.language, 'ko');
    assert.equal(after.filters.region, 0);
    assert.equal(after.filters.categories, startView.filters.categories);
    assert.equal(await strangerFrame.evaluate(() => window.bokjiPage.embed.commands), 0);
    assert.deepEqual(await strangerPage.evaluate(() => window.received), [], 'no event reached the stranger');
    await other.close();
  } finally {
    await host.close();
    await stranger.close();
    await browser.close();
    await app.close();
  }
});

test('embed on touch: one finger over the map scrolls the host page, two fingers move the map', async () => {
  const app = await startServer();
  const browser = await launchBrowser();
  let src = '';
  const host = await startHost(() => hostPage(app.url, src, 360, 480));
  src = `${app.url}/?embed=1&origins=${encodeURIComponent(host.url)}`;
  try {
    const context = await browser.newContext({viewport: {width: 390, height: 700}, hasTouch: true});
    const page = await context.newPage();
    await page.goto(host.url + '/host.html');
    const frame = await appFrame(page);
    let view = await settleFrame(page, frame);
    // A point of the map (on no panel of the app) and one on a panel, from the app's own overlays.
    const onOverlay = (x, y) => view.overlays.some((r) => x >= r[0] && x < r[2] && y >= r[1] && y < r[3]);
    let mapPoint = null, panelPoint = null;
    for (let y = 440; y > 40 && !mapPoint; y -= 10) {
      for (let x = 60; x < 300 && !mapPoint; x += 10) if (!onOverlay(x, y) && !onOverlay(x, y - 160)) mapPoint = [x, y];
    }
    for (const r of view.overlays) {
      if (!panelPoint && r[3] - r[1] > 60 && r[2] - r[0] > 60) panelPoint = [(r[0] + r[2]) / 2, (r[1] + r[3]) / 2];
    }
    assert.ok(mapPoint && panelPoint, 'a map point and a panel point in the frame: ' + JSON.stringify(view.overlays));
    const cdp = await context.newCDPSession(page);
    const touch = (type, points) => cdp.send('Input.dispatchTouchEvent', {
      type, touchPoints: points.map(([x, y], id) => ({x, y, id})),
    });
    async function drag(starts, dx, dy) {
      await touch('touchStart', starts);
      for (let i = 1; i <= 10; ++i) {
        await touch('touchMove', starts.map(([x, y]) => [x + dx * i / 10, y + dy * i / 10]));
        await page.waitForTimeout(16);
      }
      await touch('touchEnd', []);
    }
    const center0 = view.center;

    // One finger up over the map: the host page scrolls, the map stays, the hint says to use two fingers.
    await drag([mapPoint], 0, -150);
    await page.waitForFunction(() => window.scrollY > 0, null, {timeout: 10000});
    view = await settleFrame(page, frame);
    assert.deepEqual(view.center, center0, 'one finger does not move the map');
    assert.ok(await frame.evaluate(() => window.bokjiPage.embed.touchHints) > 0, 'the two-finger hint showed');
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.waitForTimeout(200);

    // Two fingers to the right over the map: the map moves west under them, the page stays.
    await drag([[mapPoint[0] - 30, mapPoint[1]], [mapPoint[0] + 30, mapPoint[1]]], 80, 0);
    view = await settleFrame(page, frame);
    assert.ok(view.center[1] < center0[1], `two fingers moved the map: ${center0} → ${view.center}`);
    assert.equal(await page.evaluate(() => window.scrollY), 0, 'two fingers do not scroll the page');

    // One finger on a panel of the app: the app's, not the page's.
    await drag([panelPoint], 0, -120);
    await page.waitForTimeout(300);
    assert.equal(await page.evaluate(() => window.scrollY), 0, 'a finger on a panel does not scroll the page');
    await context.close();
  } finally {
    await host.close();
    await browser.close();
    await app.close();
  }
});

test('embed: compact layout at 360×480 and 800×600', async () => {
  const app = await startServer();
  const browser = await launchBrowser();
  try {
    for (const [width, height] of [[360, 480], [800, 600]]) {
      const page = await openApp(browser, `${app.url}/?embed=1`, {width, height});
      const view = await settle(page);
      assert.equal(view.mode, 2);
      assert.ok(view.buttons.open_full);
      for (const r of Object.values(view.buttons)) {
        assert.ok(r[0] >= -1 && r[2] <= width + 1, 'every button inside the frame');
      }
      await screenshot(page, `embed-${width}x${height}`);
      assert.deepEqual(page.problems, []);
      await page.context().close();
    }
  } finally {
    await browser.close();
    await app.close();
  }
});

test('embed and kiosk from the server\'s configuration: host sites, their commands, a kiosk\'s address', async () => {
  // Two host origins first (their ports go into the server's configuration), then bokji-server itself.
  let src = '';
  const listed = await startHost(() => hostPage(appOrigin, src, 360, 480));
  const unlisted = await startHost(() => hostPage(appOrigin, src, 360, 480));
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'bokji-embed-test-'));
  const made = spawnSync(serverBinary, ['make-key', path.join(work, 'key')], {encoding: 'utf8'});
  assert.equal(made.status, 0, made.stderr);
  const {server, base} = await startBokjiServer(serverBinary, [
    '--site-dir', siteDir, '--data-dir', path.join(work, 'db'), '--key-file', path.join(work, 'key'), '--port', '0',
    '--frame-ancestors', listed.url, '--kiosk-paths', '/kiosk,/lobby/test-dong', '--kiosk-idle-seconds', '45',
    '--kiosk-warning-seconds', '10']);
  const appOrigin = base;
  src = `${base}/?embed=1`;  // no origins= in the address: the server's list is the only one
  const browser = await launchBrowser();
  try {
    // The listed host: the app says ready to it and takes its commands.
    const context = await browser.newContext({viewport: {width: 800, height: 700}});
    const page = await context.newPage();
    await page.goto(listed.url + '/host.html');
    const frame = await appFrame(page);
    assert.deepEqual(await frame.evaluate(() => window.bokjiPage.embed.allowed), [listed.url]);
    assert.equal(await frame.evaluate(() => window.bokjiPage.embed.target), listed.url);
    await page.evaluate(() => window.send({type: 'search', query: '복지관'}));
    await frame.waitForFunction(() => window.bokjiPage.debug().query === '복지관');
    await context.close();

    // The unlisted host: the server's Content-Security-Policy keeps the app out of its frame altogether.
    const other = await browser.newContext({viewport: {width: 800, height: 700}});
    const otherPage = await other.newPage();
    const refused = [];
    otherPage.on('console', (m) => refused.push(m.text()));
    await otherPage.goto(unlisted.url + '/host.html');
    await otherPage.waitForTimeout(3000);
    const appFrames = otherPage.frames().filter((f) => f !== otherPage.mainFrame());
    for (const f of appFrames) {
      const loaded = await f.evaluate(() => Boolean(window.bokjiPage)).catch(() => false);
      assert.equal(loaded, false, 'the app did not load inside an unlisted site');
    }
    assert.deepEqual(await otherPage.evaluate(() => window.received), []);
    assert.ok(refused.some((line) => line.includes('frame-ancestors')), 'Chromium names the refusal: ' + refused);
    await other.close();

    // A kiosk's address from the configuration starts kiosk mode with the configured times.
    const kiosk = await openApp(browser, `${base}/lobby/test-dong`, {width: 1080, height: 1920});
    const url = new URL(kiosk.url());
    assert.equal(url.pathname, '/');
    assert.equal(url.searchParams.get('mode'), 'kiosk');
    assert.equal(url.searchParams.get('idle'), '45');
    assert.equal(url.searchParams.get('idle_warning'), '10');
    assert.equal((await settle(kiosk)).mode, 1, 'UiMode::kKiosk');
    await kiosk.context().close();
    // A kiosk address without the times takes them from the site's configuration.
    const plain = await openApp(browser, `${base}/?mode=kiosk`, {width: 1080, height: 1920});
    await plain.waitForFunction(() => window.bokjiPage.kiosk.idleMs === 45000 &&
                                      window.bokjiPage.kiosk.warningMs === 10000, null, {timeout: 10000});
    await plain.context().close();
  } finally {
    await browser.close();
    server.kill('SIGTERM');
    await listed.close();
    await unlisted.close();
    fs.rmSync(work, {recursive: true, force: true});
  }
});

// A host origin: serves /host.html (made when asked) on a free port of 127.0.0.1.
async function startHost(makePage) {
  const http = await import('node:http');
  const server = http.createServer((request, response) => {
    if (new URL(request.url, 'http://x').pathname !== '/host.html') {
      response.writeHead(404);
      response.end();
      return;
    }
    response.writeHead(200, {'Content-Type': 'text/html; charset=utf-8'});
    response.end(makePage());
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {url: `http://127.0.0.1:${server.address().port}`, close: () => new Promise((done) => server.close(done))};
}
