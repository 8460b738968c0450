// What a person sees when the app cannot start: a readable Korean error screen, never a blank canvas.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import {after, before, test} from 'node:test';

import {launchBrowser, openApp, screenshot, siteDir, startServer} from './harness.mjs';

const kTitle = '복지지도를 열 수 없습니다';

let server;
let browser;
before(async () => {
  // Bytes that are no bundle at all, and a real bundle cut in half.
  const noise = Buffer.alloc(4096);
  let seed = 12345;
  for (let i = 0; i < noise.length; ++i) {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff;
    noise[i] = seed >> 16;
  }
  const real = fs.readFileSync(path.join(siteDir, 'data/jeonbuk-sample.bundle'));
  server = await startServer({
    '/data/noise.bundle': noise,
    '/data/truncated.bundle': real.subarray(0, Math.floor(real.length / 2)),
  });
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  await server?.close();
});

async function errorScreen(page) {
  return page.evaluate(() => ({
    state: window.bokjiPage.state,
    visible: !document.getElementById('error-screen').hidden,
    canvasHidden: document.getElementById('canvas').hidden,
    title: document.getElementById('error-title').textContent,
    message: document.getElementById('error-message').textContent,
    detail: document.getElementById('error-detail').textContent,
    retry: document.getElementById('error-retry').textContent,
  }));
}

test('a corrupt bundle shows the Korean error screen with the reader\'s reason', async () => {
  const page = await openApp(browser, server.url + '/?bundle=data/noise.bundle');
  const shown = await errorScreen(page);
  await screenshot(page, 'error-corrupt');
  assert.equal(shown.state, 'error');
  assert.ok(shown.visible && shown.canvasHidden);
  assert.equal(shown.title, kTitle);
  assert.equal(shown.message, '데이터 파일이 손상되었거나 형식이 맞지 않습니다.');
  assert.ok(shown.detail.length > 0, 'the bundle reader\'s message is shown as the detail');
  assert.equal(shown.retry, '다시 시도');
  await page.context().close();
});

test('a truncated bundle is refused the same way', async () => {
  const page = await openApp(browser, server.url + '/?bundle=data/truncated.bundle');
  const shown = await errorScreen(page);
  assert.equal(shown.state, 'error');
  assert.equal(shown.title, kTitle);
  assert.equal(shown.message, '데이터 파일이 손상되었거나 형식이 맞지 않습니다.');
  assert.ok(shown.detail.length > 0);
  await page.context().close();
});

test('a missing bundle says the data file was not found', async () => {
  const page = await openApp(browser, server.url + '/?bundle=data/missing.bundle');
  const shown = await errorScreen(page);
  await screenshot(page, 'error-missing');
  assert.equal(shown.state, 'error');
  assert.equal(shown.title, kTitle);
  assert.equal(shown.message, '데이터 파일을 찾을 수 없습니다.');
  assert.match(shown.detail, /HTTP 404 .*data\/missing\.bundle/);
  await page.context().close();
});

test('without WebGL2 the page explains it instead of drawing nothing', async () => {
  const context = await browser.newContext({viewport: {width: 800, height: 600}});
  await context.addInitScript(() => {
    const original = HTMLCanvasElement.prototype.getContext;
    HTMLCanvasElement.prototype.getContext = function (type, ...rest) {
      return type === 'webgl2' ? null : original.call(this, type, ...rest);
    };
  });
  const page = await context.newPage();
  await page.goto(server.url + '/');
  await page.waitForFunction(() => window.bokjiPage && window.bokjiPage.state !== 'loading');
  const shown = await errorScreen(page);
  await screenshot(page, 'error-webgl');
  assert.equal(shown.state, 'error');
  assert.equal(shown.title, kTitle);
  assert.match(shown.message, /WebGL2/);
  assert.match(shown.message, /지도를 그릴 수 없습니다/);
  await context.close();
});

test('?lang=en shows the error screen in English', async () => {
  const page = await openApp(browser, server.url + '/?lang=en&bundle=data/noise.bundle');
  const shown = await errorScreen(page);
  assert.equal(shown.title, 'The welfare map could not open');
  assert.equal(shown.message, 'The data file is damaged or in the wrong format.');
  await page.context().close();
});

test('a lost WebGL context (a phone reclaiming a background tab) shows the error screen', async () => {
  const page = await openApp(browser, server.url + '/');
  assert.equal(await page.evaluate(() => window.bokjiPage.state), 'ready');
  await page.evaluate(() => {
    document.getElementById('canvas').getContext('webgl2').getExtension('WEBGL_lose_context').loseContext();
  });
  await page.waitForFunction(() => window.bokjiPage.state === 'error');
  const shown = await errorScreen(page);
  assert.ok(shown.visible && shown.canvasHidden);
  assert.equal(shown.title, kTitle);
  assert.match(shown.message, /그래픽 자원/);
  await page.context().close();
});
