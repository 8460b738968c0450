// While the map pans, the basemap is drawn from one texture (web/basemap_cache.h) instead of every fill and
// outline: a frame mid-drag must look like the same view drawn directly at rest, and the texture must be
// rendered once per drag, not once per frame. A drag's frames are pan frames (web/app.h RenderPanFrame): the
// map with its markers from one texture shifted by the pan, the panels from a second one (web/ui_cache.h); a
// marker must show where the pan moved it, the panels as they are, and at rest the frame is drawn straight and a
// click on the moved marker opens its card. One finger on a phone pans the same way.
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

// The share of pixels whose r+g+b differ by more than 60 between two decoded screenshots of one size.
function differingShare(a, b) {
  let differing = 0;
  for (let i = 0; i < a.data.length; i += 4) {
    const d = Math.abs(a.data[i] - b.data[i]) + Math.abs(a.data[i + 1] - b.data[i + 1]) +
              Math.abs(a.data[i + 2] - b.data[i + 2]);
    if (d > 60) ++differing;
  }
  return differing / (a.data.length / 4);
}

const onOverlay = (view, x, y, pad) =>
  view.overlays.some((r) => x >= r[0] - pad && x < r[2] + pad && y >= r[1] - pad && y < r[3] + pad);
const nearMarker = (view, x, y, d) => view.markers.some((m) => Math.hypot(m.x - x, m.y - y) < d);

test('a drag draws pan frames: markers move with the map, panels stay, and at rest a click hits the moved marker',
     async () => {
  // 전주 at a city zoom: single facilities and clusters on screen.
  const page = await openApp(shared.browser, `${shared.server.url}/?map=12/35.83/127.13`);
  let view = await settle(page);
  const [dx, dy] = [-60, -40];  // whole pixels, in ten equal moves
  const {css_width: width, css_height: height} = view.canvas;
  const inMap = (x, y) => x > 30 && y > 30 && x < width - 30 && y < height - 30 && !onOverlay(view, x, y, 30);
  // A single facility clear of other markers and panels, before and after the drag.
  const target = view.markers.find((m) => m.count === 1 && inMap(m.x, m.y) && inMap(m.x + dx, m.y + dy) &&
      view.markers.every((o) => o === m || Math.hypot(o.x - m.x, o.y - m.y) > 50) &&
      !nearMarker(view, m.x + dx, m.y + dy, 50));
  assert.ok(target, 'a lone facility marker in the map area: ' + JSON.stringify(view.markers.slice(0, 20)));
  // Where the drag starts: on the map, on no marker.
  let press = null;
  for (let y = 100; y < height - 100 && !press; y += 20)
    for (let x = 100; x < width - 100 && !press; x += 20)
      if (inMap(x, y) && inMap(x + dx, y + dy) && !nearMarker(view, x, y, 40)) press = {x, y};
  assert.ok(press, 'a free point on the map to press');
  const box = (x, y) => ({x: Math.round(x) - 20, y: Math.round(y) - 20, width: 40, height: 40});
  const markerBox = box(target.x + dx, target.y + dy);
  const panel = view.overlays.find((r) => r[2] - r[0] > 200 && r[3] - r[1] > 40);  // the left column's top panel
  const panelClip = {x: panel[0], y: panel[1], width: Math.min(300, panel[2] - panel[0]), height: 40};
  const beforeDrag = await pixels(page, await page.screenshot({clip: markerBox}));
  const atStart = view.pan_frames;
  // A pan frame is two textured quads (0 lists, 2 commands); at rest ImGui's own lists are drawn.
  assert.ok(atStart.draw_lists >= 2 && atStart.draw_commands > 2,
            `at rest the lists are drawn straight: ${JSON.stringify(atStart)}`);

  await page.mouse.move(press.x, press.y);
  await page.mouse.down();
  for (let i = 1; i <= 10; ++i) await page.mouse.move(press.x + (dx * i) / 10, press.y + (dy * i) / 10);
  await page.waitForFunction((n) => {
    const d = window.bokjiPage.debug();
    return d.pan_frames.last && d.pan_frames.frames >= n;
  }, atStart.frames + 2);
  const moving = await page.evaluate(() => window.bokjiPage.debug());
  assert.ok(moving.pan_frames.map_renders - atStart.map_renders <= 2,
            `the map's texture rendered once or twice for the drag: ${JSON.stringify(moving.pan_frames)}`);
  assert.ok(moving.pan_frames.map_overlay, 'the markers are in the map texture');
  assert.equal(moving.pan_frames.draw_lists, 0, 'a pan frame draws no ImGui list straight');
  const moved = moving.markers.find((m) => m.facility === target.facility && m.count === 1);
  assert.ok(moved && Math.abs(moved.x - (target.x + dx)) < 0.5 && Math.abs(moved.y - (target.y + dy)) < 0.5,
            `the marker moved by the drag: ${JSON.stringify(moved)}`);
  const during = await pixels(page, await page.screenshot({clip: markerBox}));
  const panelDuring = await pixels(page, await page.screenshot({clip: panelClip}));

  await page.mouse.up();
  view = await settle(page);
  assert.equal(view.pan_frames.last, false, 'at rest the frame is drawn straight');
  assert.ok(view.pan_frames.draw_lists >= 2, 'at rest ImGui draws its lists straight');
  const rest = await pixels(page, await page.screenshot({clip: markerBox}));
  const panelRest = await pixels(page, await page.screenshot({clip: panelClip}));
  // The marker was not there before the drag (the test can fail), is there mid-drag from the texture, and
  // the frame drawn straight at rest agrees with it within 2 % of the box's pixels.
  assert.ok(differingShare(beforeDrag, rest) > 0.05,
            `the marker changes its box: ${(differingShare(beforeDrag, rest) * 100).toFixed(1)} %`);
  const share = differingShare(during, rest);
  assert.ok(share < 0.02, `${(share * 100).toFixed(2)} % of the marker's box differs mid-drag and at rest`);
  // The panel's top from the panels' texture (premultiplied, blended) against drawn straight.
  const panelShare = differingShare(panelDuring, panelRest);
  assert.ok(panelShare < 0.01, `${(panelShare * 100).toFixed(2)} % of the panel's top differs`);

  // A click at rest goes to the marker where it now is: its card opens.
  await page.mouse.click(target.x + dx, target.y + dy);
  await page.waitForFunction((id) => window.bokjiPage.debug().selected === id, target.facility);
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test('one finger on a phone pans through pan frames, and the map is drawn straight when it lifts', async () => {
  const page = await openApp(shared.browser, `${shared.server.url}/?map=12/35.83/127.13`,
                             {width: 390, height: 844, scale: 2, mobile: true});
  const view = await settle(page);
  const {css_width: width, css_height: height} = view.canvas;
  let start = null;
  for (let y = 100; y < height - 100 && !start; y += 10)
    if (!onOverlay(view, width / 2, y, 40) && !onOverlay(view, width / 2 - 50, y + 50, 40) &&
        !nearMarker(view, width / 2, y, 40))
      start = {x: width / 2, y};
  assert.ok(start, 'a free point on the map: ' + JSON.stringify(view.overlays));
  const cdp = await page.context().newCDPSession(page);
  const touch = (type, points) => cdp.send('Input.dispatchTouchEvent', {
    type, touchPoints: points.map(([x, y], id) => ({x, y, id})),
  });
  await touch('touchStart', [[start.x, start.y]]);
  for (let i = 1; i <= 10; ++i) {
    await touch('touchMove', [[start.x - 5 * i, start.y + 5 * i]]);
    await page.waitForTimeout(16);
  }
  await page.waitForFunction((n) => {
    const d = window.bokjiPage.debug();
    return d.pan_frames.last && d.pan_frames.frames >= n;
  }, view.pan_frames.frames + 2);
  const moving = await page.evaluate(() => window.bokjiPage.debug());
  assert.ok(moving.center[1] > view.center[1] && moving.center[0] > view.center[0], 'the map followed the finger');
  await touch('touchEnd', []);
  await page.waitForFunction(() => !window.bokjiPage.debug().pan_frames.last);
  assert.deepEqual(page.problems, []);
  await page.context().close();
});
