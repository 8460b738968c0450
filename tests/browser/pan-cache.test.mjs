// While the map pans, the basemap is drawn from one texture (web/basemap_cache.h) instead of every fill and
// outline: a frame mid-drag must look like the same view drawn directly at rest, and the texture must be
// rendered once per drag, not once per frame.
import assert from 'node:assert/strict';
import {test} from 'node:test';

import {openApp, settle, useServerAndBrowser} from './harness.mjs';

const shared = useServerAndBrowser();

// The screenshot's pixels as RGBA, decoded in the browser.
async function pixels(page, png) {
  const decoder = await page.context().newPage();
  try {
    return await decoder.evaluate(async (data) => {
      const bytes = Uint8Array.from(atob(data), (c) => c.charCodeAt(0));
      const bitmap = await createImageBitmap(new Blob([bytes], {type: 'image/png'}));
      const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
      const context = canvas.getContext('2d');
      context.drawImage(bitmap, 0, 0);
      return {width: bitmap.width, data: Array.from(context.getImageData(0, 0, bitmap.width, bitmap.height).data)};
    }, png.toString('base64'));
  } finally {
    await decoder.close();
  }
}

test('a frame mid-drag (basemap from the texture) matches the same view drawn at rest', async () => {
  const page = await openApp(shared.browser, `${shared.server.url}/?map=10/35.80/127.10`);
  let view = await settle(page);
  const rendersBefore = view.basemap_cache.renders;
  // Drag by whole pixels, in several moves, and hold still without releasing.
  await page.mouse.move(800, 450);
  await page.mouse.down();
  for (let i = 1; i <= 10; ++i) await page.mouse.move(800 - 12 * i, 450 - 7 * i);
  await page.waitForFunction(() => window.bokjiPage.debug().basemap_cache.from_texture);
  const moving = await page.evaluate(() => window.bokjiPage.debug());
  assert.ok(moving.basemap_cache.renders - rendersBefore <= 1, 'one texture for the whole drag');
  // The map area right of the panels, away from labels and markers as both frames have the same ones.
  const clip = {x: 420, y: 120, width: 600, height: 500};
  const during = await pixels(page, await page.screenshot({clip}));
  await page.mouse.up();
  view = await settle(page);
  assert.equal(view.basemap_cache.from_texture, false, 'at rest the basemap is drawn directly');
  assert.ok(Math.abs(view.center[0] - moving.center[0]) < 1e-9 && Math.abs(view.center[1] - moving.center[1]) < 1e-9);
  const rest = await pixels(page, await page.screenshot({clip}));
  let differing = 0;
  for (let i = 0; i < rest.data.length; i += 4) {
    const d = Math.abs(rest.data[i] - during.data[i]) + Math.abs(rest.data[i + 1] - during.data[i + 1]) +
              Math.abs(rest.data[i + 2] - during.data[i + 2]);
    if (d > 60) ++differing;
  }
  const share = differing / (rest.data.length / 4);
  assert.ok(share < 0.01, `${(share * 100).toFixed(2)} % of pixels differ between the cached and the direct frame`);
  assert.deepEqual(page.problems, []);
  await page.context().close();
});
