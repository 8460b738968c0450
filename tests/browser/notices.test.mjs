// Network loss notices (issue 10, every mode): raster map tiles that fail fall back to the vector basemap
// with a short notice instead of a grey map; online, with tiles that load or without tiles, no notice.
// (The "offline" line while the page runs on the service worker's copies is checked in offline.test.mjs.)
import assert from 'node:assert/strict';
import {test} from 'node:test';

import {openApp, samplePng, screenshot, settle, useServerAndBrowser} from './harness.mjs';

const shared = useServerAndBrowser();
const kMapBackground = [221, 224, 227];  // web/theme.h Theme::map_background: outside the regions

test('notices: tiles that fail fall back to the vector basemap with a notice', async () => {
  const page = await openApp(shared.browser, shared.server.url + '/', {width: 1280, height: 800});
  let view = await settle(page);
  assert.equal(view.notices.tiles, false);
  assert.equal(view.notices.offline, false);
  assert.equal(view.buttons.notice_tiles, undefined);
  const before = await screenshot(page, 'notices-no-tiles');

  // Every tile request fails, as without network.
  await page.route(/tile\.openstreetmap\.org/, (route) => route.abort('internetdisconnected'));
  await page.evaluate(() => window.bokjiPage.restore('tiles=osm'));
  await page.waitForFunction(() => window.bokjiPage.debug().tiles.failed > 0, null, {timeout: 30000});
  view = await settle(page);
  assert.equal(view.tiles.enabled, true);
  assert.equal(view.tiles.drawn, 0);
  assert.equal(view.tiles.fell_back, true);
  assert.equal(view.notices.tiles, true);
  assert.ok(view.buttons.notice_tiles, 'the notice is on screen');
  const after = await screenshot(page, 'notices-tiles-failed');

  // The map is the vector basemap as without tiles: the same pixels where no notice is drawn (a row of
  // points across the lower middle of the screen), none of them the grey of a map without land.
  const notice = view.buttons.notice_tiles;
  const points = [];
  for (let x = 420; x < 1240; x += 40) points.push([x, 560]);
  const usable = points.filter(([x, y]) => y > notice[3] + 4 || y < notice[1] - 4);
  const [a, b] = [await samplePng(shared.browser, before.png, usable), await samplePng(shared.browser, after.png, usable)];
  let same = 0, land = 0;
  for (let i = 0; i < usable.length; ++i) {
    if (a[i].pixel.every((c, k) => Math.abs(c - b[i].pixel[k]) <= 3)) ++same;
    if (b[i].pixel.some((c, k) => Math.abs(c - kMapBackground[k]) > 3)) ++land;
  }
  assert.ok(same >= usable.length * 0.9, `${same} of ${usable.length} pixels as without tiles`);
  assert.ok(land > 0, 'land is drawn, not a grey map');
  assert.deepEqual(page.problems.filter((p) => !/ERR_INTERNET_DISCONNECTED|Failed to load resource/.test(p)), []);
  await page.context().close();
});
