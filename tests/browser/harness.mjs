// Shared by the browser tests: a static server over the built site and a headless Debian Chromium.
//
//   const server = await startServer({'/data/broken.bundle': Buffer.from('nope')});
//   const browser = await launchBrowser();
//   const page = await openApp(browser, server.url + '/');          // waits until ready or error
//   ...
//   await browser.close(); await server.close();
//
// The site folder is BOKJI_SITE_DIR (scripts/test.sh sets it) or build/site; it must hold index.html,
// bokjimap.js/.wasm, fonts/ and data/jeonbuk-sample.bundle.
import {spawn} from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import {fileURLToPath} from 'node:url';

import {after, before} from 'node:test';

import {chromium} from 'playwright-core';

const here = path.dirname(fileURLToPath(import.meta.url));
// Normalised (a relative or '..'-holding BOKJI_SITE_DIR works): served paths are checked against it by prefix.
export const siteDir = path.resolve(process.env.BOKJI_SITE_DIR || path.join(here, '../../build/site'));
// Bundles built from invented test data (scripts/test.sh: import_test_fixtures).
export const fixturesDir = process.env.BOKJI_TEST_FIXTURES || path.resolve(here, '../../build/test-fixtures');
export const artifactsDir = process.env.BOKJI_TEST_ARTIFACTS || path.resolve(here, '../../build/test-artifacts');

const kTypes = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.css': 'text/css; charset=utf-8',
  '.wasm': 'application/wasm',
  '.ttf': 'font/ttf',
  '.txt': 'text/plain; charset=utf-8',
  '.bundle': 'application/octet-stream',
};

// Serves siteDir on 127.0.0.1 at a free port. `overrides` maps URL paths to Buffers served instead.
export function startServer(overrides = {}) {
  const server = http.createServer((request, response) => {
    const urlPath = decodeURIComponent(new URL(request.url, 'http://x').pathname);
    if (Object.hasOwn(overrides, urlPath)) {
      response.writeHead(200, {'Content-Type': 'application/octet-stream'});
      response.end(overrides[urlPath]);
      return;
    }
    const file = path.join(siteDir, urlPath.endsWith('/') ? urlPath + 'index.html' : urlPath);
    if (!file.startsWith(siteDir) || !fs.existsSync(file) || !fs.statSync(file).isFile()) {
      response.writeHead(404, {'Content-Type': 'text/plain'});
      response.end('not found');
      return;
    }
    const body = fs.readFileSync(file);
    response.writeHead(200, {
      'Content-Type': kTypes[path.extname(file)] || 'application/octet-stream',
      'Content-Length': body.length,
    });
    response.end(body);
  });
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      resolve({
        url: `http://127.0.0.1:${server.address().port}`,
        close: () => new Promise((done) => server.close(done)),
      });
    });
  });
}

// Headless Chromium with WebGL2 through SwiftShader (flags measured in TOOLCHAIN.md).
// Starts a built bokji-server (`binary` with its `flags`) and waits for its "listening on" line.
// Resolves {server, base}: the child process (kill it with SIGTERM after the tests) and its URL.
export function startBokjiServer(binary, flags) {
  const server = spawn(binary, flags, {stdio: ['ignore', 'pipe', 'inherit']});
  return new Promise((resolve, reject) => {
    let text = '';
    server.stdout.on('data', (chunk) => {
      text += chunk;
      const m = text.match(/listening on (http:\/\/127\.0\.0\.1:\d+)\//);
      if (m) resolve({server, base: m[1]});
    });
    server.on('exit', (code) => reject(new Error('bokji-server exited with ' + code)));
  });
}

export function launchBrowser() {
  return chromium.launch({
    executablePath: process.env.BOKJI_CHROMIUM || '/usr/bin/chromium',
    headless: true,
    args: [
      '--no-sandbox', '--use-angle=swiftshader', '--enable-unsafe-swiftshader', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync',
    ],
  });
}

// One server and one browser for a whole test file: started before its first test, closed after its last.
//   const shared = useServerAndBrowser();
//   test('…', async () => { const page = await openApp(shared.browser, shared.server.url + '/'); … });
export function useServerAndBrowser() {
  const shared = {server: null, browser: null};
  before(async () => {
    shared.server = await startServer();
    shared.browser = await launchBrowser();
  });
  after(async () => {
    await shared.browser?.close();
    await shared.server?.close();
  });
  return shared;
}

// Opens `url` in a new page of `viewport` (CSS pixels, deviceScaleFactor) and waits until the app says it
// is ready or shows its error screen. Console errors and page errors are collected in page.problems.
export async function openApp(browser, url, {width = 1280, height = 800, scale = 1, mobile = false} = {}) {
  const context = await browser.newContext({
    viewport: {width, height}, deviceScaleFactor: scale, isMobile: mobile, hasTouch: mobile,
  });
  const page = await context.newPage();
  page.problems = [];
  page.on('console', (message) => {
    if (message.type() === 'error') page.problems.push(`console.error: ${message.text()}`);
  });
  page.on('pageerror', (error) => page.problems.push(`page error: ${error.message}`));
  await page.goto(url);
  await page.waitForFunction(() => window.bokjiPage && window.bokjiPage.state !== 'loading', null,
                             {timeout: 60000});
  return page;
}

// The app's state (App::DebugJson) once it has drawn at least `frames` frames.
export async function appState(page, frames = 1) {
  await page.waitForFunction((n) => {
    const state = window.bokjiPage.debug();
    return state && state.frames >= n;
  }, frames, {timeout: 30000});
  return page.evaluate(() => window.bokjiPage.debug());
}

// Waits until the app has caught up with the input so far: it drew at least one more frame, no animation is
// running, and input events still queued in ImGui (one per frame) are through. Returns the state.
export async function settle(page) {
  const start = (await page.evaluate(() => window.bokjiPage.debug())).frames;
  // Frames are drawn on demand: a pointer move to a corner asks for some without touching the map.
  await page.mouse.move(2, 1);
  await page.mouse.move(1, 1);
  await page.waitForFunction((n) => window.bokjiPage.debug().frames >= n, start + 4, {timeout: 30000});
  await page.waitForFunction(() => !window.bokjiPage.debug().animating, null, {timeout: 30000});
  return page.evaluate(() => window.bokjiPage.debug());
}

export async function screenshot(page, name) {
  fs.mkdirSync(artifactsDir, {recursive: true});
  const file = path.join(artifactsDir, name + '.png');
  const png = await page.screenshot({path: file});
  return {file, png};
}

// Decodes a PNG screenshot in the browser and reports, for each [x, y] (image pixels), the pixel there and the
// darkest pixel (smallest r+g+b) within `radius`. Pixels are [r, g, b].
export async function samplePng(browser, png, points, radius = 0) {
  const page = await browser.newPage();
  try {
    return await page.evaluate(async ({data, points, radius}) => {
      const bytes = Uint8Array.from(atob(data), (c) => c.charCodeAt(0));
      const bitmap = await createImageBitmap(new Blob([bytes], {type: 'image/png'}));
      const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
      const context = canvas.getContext('2d');
      context.drawImage(bitmap, 0, 0);
      const image = context.getImageData(0, 0, bitmap.width, bitmap.height);
      const at = (x, y) => {
        const i = (y * image.width + x) * 4;
        return [image.data[i], image.data[i + 1], image.data[i + 2]];
      };
      const sum = (p) => p[0] + p[1] + p[2];
      return points.map(([px, py]) => {
        const x = Math.round(px), y = Math.round(py);
        let darkest = null;
        for (let dy = -radius; dy <= radius; ++dy) {
          for (let dx = -radius; dx <= radius; ++dx) {
            if (x + dx < 0 || y + dy < 0 || x + dx >= image.width || y + dy >= image.height) continue;
            const p = at(x + dx, y + dy);
            if (!darkest || sum(p) < sum(darkest)) darkest = p;
          }
        }
        const inside = x >= 0 && y >= 0 && x < image.width && y < image.height;
        return {pixel: inside ? at(x, y) : null, darkest};
      });
    }, {data: png.toString('base64'), points, radius});
  } finally {
    await page.close();
  }
}
