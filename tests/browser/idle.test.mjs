// An idle page costs nothing (issue 13): once the app has settled and nobody touches it, it runs no
// requestAnimationFrame callbacks and draws no frames. It must still wake for input, for the page's own
// timers (a kiosk's idle reset calls bokjiPage.reset() from a setTimeout) and for its animations, and go
// back to sleep afterwards.
import assert from 'node:assert/strict';
import {test} from 'node:test';

import {settle, useServerAndBrowser} from './harness.mjs';

const shared = useServerAndBrowser();

// Runs before the page's scripts: counts every requestAnimationFrame callback the page runs, whoever
// asked for it (the app's scheduling in web/bridge.js, or Emscripten's main loop if it came back).
function countAnimationFrames() {
  window.__animationFrames = 0;
  const nativeRaf = window.requestAnimationFrame.bind(window);
  window.requestAnimationFrame = (callback) => nativeRaf((t) => {
    ++window.__animationFrames;
    callback(t);
  });
}

async function openCounted(url) {
  const context = await shared.browser.newContext({viewport: {width: 1280, height: 800}});
  await context.addInitScript(countAnimationFrames);
  const page = await context.newPage();
  page.problems = [];
  page.on('pageerror', (error) => page.problems.push(`page error: ${error.message}`));
  await page.goto(url);
  await page.waitForFunction(() => window.bokjiPage && window.bokjiPage.state !== 'loading', null,
                             {timeout: 60000});
  assert.equal(await page.evaluate(() => window.bokjiPage.state), 'ready');
  return page;
}

// Animation frame callbacks run and frames drawn during `ms` with nobody touching the page.
async function countWhileIdle(page, ms) {
  const read = () => page.evaluate(() => ({raf: window.__animationFrames,
                                           frames: window.bokjiPage.debug().frames}));
  const before = await read();
  await new Promise((resolve) => setTimeout(resolve, ms));
  const after = await read();
  return {raf: after.raf - before.raf, frames: after.frames - before.frames};
}

// Settles, then waits (up to 10 s) for the frame requests still outstanding to run out.
async function sleepAfterSettling(page) {
  await settle(page);
  for (let i = 0; i < 50; ++i) {
    const quiet = await countWhileIdle(page, 200);
    if (quiet.raf === 0) return;
  }
  assert.fail('the app kept asking for animation frames 10 s after settling');
}

test('an idle page runs no animation frame callbacks and draws no frames', async () => {
  const page = await openCounted(`${shared.server.url}/`);
  await sleepAfterSettling(page);
  const idle = await countWhileIdle(page, 3000);
  assert.deepEqual(idle, {raf: 0, frames: 0}, 'nothing runs on an idle page');
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test('the idle app wakes for input, for a timer and for an animation, and sleeps again', async () => {
  const page = await openCounted(`${shared.server.url}/`);
  await sleepAfterSettling(page);

  // Input: a pointer move over the map.
  let frames = (await page.evaluate(() => window.bokjiPage.debug())).frames;
  await page.mouse.move(700, 400);
  await page.waitForFunction((n) => window.bokjiPage.debug().frames > n, frames, {timeout: 10000});
  await sleepAfterSettling(page);

  // A page timer (what the kiosk's idle reset does): the app draws the start screen again.
  frames = (await page.evaluate(() => window.bokjiPage.debug())).frames;
  await page.evaluate(() => { setTimeout(() => window.bokjiPage.reset(), 300); });
  await page.waitForFunction((n) => window.bokjiPage.debug().frames > n, frames, {timeout: 10000});
  await sleepAfterSettling(page);

  // An animation: a double click zooms in over several frames, and the zoom arrives.
  const before = await page.evaluate(() => window.bokjiPage.debug());
  await page.mouse.dblclick(700, 400);
  await page.waitForFunction((z) => window.bokjiPage.debug().zoom > z + 0.5, before.zoom, {timeout: 10000});
  await sleepAfterSettling(page);
  const idle = await countWhileIdle(page, 2000);
  assert.deepEqual(idle, {raf: 0, frames: 0}, 'asleep again after the animation');
  assert.deepEqual(page.problems, []);
  await page.context().close();
});
