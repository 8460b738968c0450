// Finding beside the search: filters (area, target group) that the map, the list and the URL agree on,
// the results list in step with the map (hover both ways), "near me" when the shared.browser refuses the
// location (tap the map instead), and the card's share link.
import assert from 'node:assert/strict';
import {test} from 'node:test';

import {openApp, samplePng, screenshot, settle, useServerAndBrowser} from './harness.mjs';
import {boundaryFeatures, disabilityCentres, haversineMetres, insideRings, project, underOverlay, unproject} from './reference.mjs';

const shared = useServerAndBrowser();

const center = (r) => [(r[0] + r[2]) / 2, (r[1] + r[3]) / 2];
const kDisabilityBit = 1 << 1;  // FacilityCategory::kDisability in core/model.h

const squash = (name) => name.replace(/\s+/g, '');

test('area filter from a link: the list holds exactly the source file\'s centres inside that 시군구', async () => {
  const centres = disabilityCentres();
  let page = null;
  for (const area of boundaryFeatures('municipalities').filter((f) => [35011, 35040, 35370].includes(f.code))) {
    const expected = centres.filter((c) => insideRings(area.rings, c.lat, c.lng)).map((c) => squash(c.name)).sort();
    const query = `c=${kDisabilityBit.toString(16)}&r=${area.code}`;
    // The first area from a page opened with the link; the next ones from the same link's query
    // applied to that page after a reset (App::Reset, then the decoding a page load runs), which
    // saves a page load each.
    if (!page) {
      page = await openApp(shared.browser, `${shared.server.url}/?${query}`);
    } else {
      await page.evaluate((q) => { window.bokjiPage.reset(); window.bokjiPage.restore(q); }, query);
    }
    const view = await settle(page);
    assert.equal(view.filters.region, area.code);
    assert.equal(view.filters.categories, kDisabilityBit);
    assert.equal(view.results_total, expected.length, `${area.name}: ${JSON.stringify(view.results.map((r) => r.name))}`);
    assert.deepEqual(view.results.map((r) => squash(r.name)).sort(), expected, area.name);
    // The map agrees: every single marker on screen is one of them.
    const listed = new Set(view.results.map((r) => r.facility));
    for (const m of view.markers.filter((m) => m.count === 1)) assert.ok(listed.has(m.facility), area.name);
    assert.equal(new URL(page.url()).searchParams.get('r'), String(area.code), 'the address says so');
  }
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test('target filter picked in the UI narrows the list, goes into the URL, and the URL restores it', async () => {
  // The 장애인 layer only, so the whole unfiltered list is on screen to compare with (c=2).
  const page = await openApp(shared.browser, `${shared.server.url}/?c=${kDisabilityBit.toString(16)}`);
  let view = await settle(page);
  const all = new Set(view.results.map((r) => r.facility));
  const allTotal = view.results_total;
  await page.mouse.click(...center(view.buttons.target));
  view = await settle(page);
  const options = Object.keys(view.buttons).filter((k) => k.startsWith('target_'));
  assert.ok(options.length >= 1, 'the combo lists the target groups facilities serve');
  // 장애인 (bit 1), which every facility of this layer serves; any other would leave the list empty.
  const option = options.includes('target_1') ? 'target_1' : options[0];
  await page.mouse.click(...center(view.buttons[option]));
  view = await settle(page);
  const bit = Number(option.slice('target_'.length));
  assert.equal(view.filters.target, 2 ** bit);
  assert.ok(view.results_total >= 1 && view.results_total <= allTotal);
  for (const r of view.results) assert.ok(all.has(r.facility), 'a subset of the unfiltered list');
  const url = new URL(page.url());
  assert.equal(url.searchParams.get('t'), String(bit));
  await screenshot(page, 'filter-target');

  const again = await openApp(shared.browser, page.url());
  const restored = await settle(again);
  assert.equal(restored.filters.target, 2 ** bit);
  assert.deepEqual(restored.results.map((r) => r.facility).sort(), view.results.map((r) => r.facility).sort());
  assert.deepEqual([...page.problems, ...again.problems], []);
  await page.context().close();
  await again.context().close();
});

test('list and map in step: hovering a row rings its marker, hovering a marker lights its row, a tap opens it', async () => {
  const centre = disabilityCentres().find((c) => c.name.includes('무주'));
  // The 장애인 layer only: at zoom 13 the clinics of 무주읍 would cluster with the centre's marker.
  const page = await openApp(shared.browser,
                             `${shared.server.url}/?c=${kDisabilityBit.toString(16)}&map=13/${centre.lat}/${centre.lng}`);
  let view = await settle(page);
  assert.ok(view.results.length >= 1, 'the 무주 centre is in view');
  assert.equal(squash(view.results[0].name), squash(centre.name), 'nearest the middle of the map first');
  for (let i = 1; i < view.results.length; ++i)
    assert.ok(view.results[i].distance_m >= view.results[i - 1].distance_m);
  await page.mouse.move(...center(view.buttons.result_0));
  await page.waitForFunction((id) => window.bokjiPage.debug().hovered_result === id, view.results[0].facility);
  const p = project(view, centre.lat, centre.lng);
  await page.mouse.move(p.x, p.y);
  await page.waitForFunction((id) => window.bokjiPage.debug().hovered_marker_facility === id, view.results[0].facility);
  await page.mouse.click(...center(view.buttons.result_0));
  view = await settle(page);
  assert.equal(squash(view.selected_name), squash(centre.name));
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

// The layers of the first sample (장애인, 아동, 노숙인, 종합사회복지관: FacilityCategory bits 1, 2, 6 and 8):
// its 13 centres and the 32 facilities of 전주, without the thousands of clinics of the HIRA lists.
const kFirstSampleLayers = (1 << 1) | (1 << 2) | (1 << 6) | (1 << 8);

test('a facility picked from the list is shown: apart from its cluster, or on top of it where it cannot split', async () => {
  const page = await openApp(shared.browser, `${shared.server.url}/?c=${kFirstSampleLayers.toString(16)}`);
  let view = await settle(page);
  // The province at the start: one of the list's first rows is a 장애인복지관 (its position read from
  // the source file) inside a cluster marker.
  const single = (v, id) => v.markers.find((m) => m.count === 1 && m.facility === id);
  const centreOf = (name) => disabilityCentres().find((c) => squash(c.name) === squash(name));
  const row = [0, 1, 2].find((i) => !single(view, view.results[i].facility) && centreOf(view.results[i].name));
  assert.ok(row !== undefined, `a row inside a cluster: ${JSON.stringify(view.results.slice(0, 3))}`);
  const picked = view.results[row].facility;
  const centre = centreOf(view.results[row].name);
  await page.mouse.click(...center(view.buttons['result_' + row]));
  view = await settle(page);
  assert.equal(view.selected, picked);
  // Drawn on top at its own position, on screen and clear of every panel.
  const drawn = view.open_marker;
  assert.ok(drawn && drawn.x > 0 && drawn.y > 0 && drawn.x < view.canvas.css_width &&
            drawn.y < view.canvas.css_height, JSON.stringify(drawn));
  assert.ok(!underOverlay(view, drawn.x, drawn.y, 4), 'not under a panel');
  const truth = project(view, centre.lat, centre.lng);
  assert.ok(Math.hypot(truth.x - drawn.x, truth.y - drawn.y) < 1.5, 'where the source file puts it');
  // And zoomed until it stands apart, unless it shares its spot up to the deepest clustering zoom.
  const kDeepestClusterZoom = 16;  // core/cluster.h ClusterOptions::max_zoom
  assert.ok(single(view, picked) || view.zoom >= kDeepestClusterZoom,
            `zoom ${view.zoom}: ${JSON.stringify(view.markers)}`);
  await screenshot(page, 'list-pick');
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test('near me without permission: the app says so and a tap on the map chooses the place instead', async () => {
  const centre = disabilityCentres().find((c) => c.name.includes('남원'));
  const context = await shared.browser.newContext({viewport: {width: 1280, height: 800}});  // no geolocation grant
  const page = await context.newPage();
  page.problems = [];
  page.on('console', (m) => m.type() === 'error' && page.problems.push(m.text()));
  await page.goto(`${shared.server.url}/?map=12/${centre.lat}/${centre.lng + 0.02}`);
  await page.waitForFunction(() => window.bokjiPage && window.bokjiPage.state === 'ready', null, {timeout: 60000});
  let view = await settle(page);
  await page.mouse.click(...center(view.buttons.near_me));
  await page.waitForFunction(() => ['denied', 'unavailable'].includes(window.bokjiPage.debug().location), null,
                             {timeout: 20000});
  view = await settle(page);
  assert.ok(view.buttons.pick_on_map, 'the other ways to choose a place are offered');
  await page.mouse.click(...center(view.buttons.pick_on_map));
  view = await settle(page);
  assert.equal(view.place.picking, true);
  // Tap ~40 px east of the centre's marker, on open map.
  const p = project(view, centre.lat, centre.lng);
  await page.mouse.click(p.x + 40, p.y);
  view = await settle(page);
  assert.equal(view.place.kind, 'picked');
  const tapped = unproject(await page.evaluate(() => window.bokjiPage.debug()), p.x + 40, p.y);
  // The view animated to the place; compare with where the place was set, not the new view.
  assert.ok(haversineMetres(tapped, {lat: view.place.lat, lng: view.place.lng}) < 5000);
  assert.ok(view.nearby.length >= 1);
  assert.equal(squash(view.nearby[0].name), squash(centre.name));
  const expected = haversineMetres({lat: view.place.lat, lng: view.place.lng}, centre);
  assert.ok(Math.abs(view.nearby[0].distance_m - expected) < 0.005 * expected + 1);
  const near = new URL(page.url()).searchParams.get('near');
  assert.ok(near && near.split(',').length === 2, 'a chosen place is part of the link');
  await screenshot(page, 'near-picked');
  assert.deepEqual(page.problems, []);
  await context.close();
});

test('the card\'s share link is the page address with the card in it, and a search is restored from a link', async () => {
  const centre = disabilityCentres()[0];
  const page = await openApp(shared.browser, `${shared.server.url}/?map=14/${centre.lat}/${centre.lng}`);
  let view = await settle(page);
  const p = project(view, centre.lat, centre.lng);
  await page.mouse.click(p.x, p.y);
  view = await settle(page);
  assert.equal(squash(view.selected_name), squash(centre.name));
  await page.mouse.click(...center(view.buttons.copy_link));
  view = await settle(page);
  assert.equal(view.link_copied, true, 'the button says the link was copied');
  const copied = await page.evaluate(() => window.bokjiPage.lastCopied);
  assert.equal(copied, page.url());
  assert.ok(new URL(copied).searchParams.get('f'), 'the link names the facility');

  const searched = await openApp(shared.browser, `${shared.server.url}/?q=${encodeURIComponent('장애인')}`);
  const state = await settle(searched);
  assert.equal(state.query, '장애인');
  assert.ok(state.search.facilities >= 1);
  assert.equal(await searched.evaluate(() => document.getElementById('bokji-text-field').value), '장애인');
  // The reset a kiosk will use: the search text, the card and the link go back to the start.
  await searched.evaluate(() => window.bokjiPage.reset());
  const reset = await settle(searched);
  assert.equal(reset.query, '');
  assert.equal(await searched.evaluate(() => document.getElementById('bokji-text-field').value), '');
  assert.deepEqual([...new URL(searched.url()).searchParams.keys()], ['map']);
  await page.evaluate(() => window.bokjiPage.reset());
  const start = await settle(page);
  assert.equal(start.selected, -1, 'the card closed');
  assert.ok(start.zoom < 12, `the whole province again (zoom ${start.zoom})`);
  assert.deepEqual([...new URL(page.url()).searchParams.keys()], ['map']);
  assert.deepEqual([...page.problems, ...searched.problems], []);
  await page.context().close();
  await searched.context().close();
});

test('raster tiles (OpenStreetMap template, served here by the test) draw under the boundaries; refused tiles leave the vector map', async () => {
  const page = await openApp(shared.browser, `${shared.server.url}/`);
  // A 256×256 tile of one colour no part of the app uses, made by the browser itself.
  const tileBase64 = await page.evaluate(async () => {
    const canvas = new OffscreenCanvas(256, 256);
    const context = canvas.getContext('2d');
    context.fillStyle = 'rgb(255, 0, 255)';
    context.fillRect(0, 0, 256, 256);
    const bytes = new Uint8Array(await (await canvas.convertToBlob({type: 'image/png'})).arrayBuffer());
    return btoa(String.fromCharCode(...bytes));
  });
  const requested = [];
  await page.context().route('https://tile.openstreetmap.org/**', (route) => {
    requested.push(new URL(route.request().url()).pathname);
    route.fulfill({status: 200, contentType: 'image/png', body: Buffer.from(tileBase64, 'base64'),
                   headers: {'Access-Control-Allow-Origin': '*'}});
  });
  // Open sea west of 군산, at zoom 9: no region fill there.
  await page.goto(`${shared.server.url}/?tiles=osm&map=9/35.80/125.60`);
  await page.waitForFunction(() => window.bokjiPage && window.bokjiPage.state === 'ready', null, {timeout: 60000});
  await page.waitForFunction(() => window.bokjiPage.debug().tiles.loaded >= 4, null, {timeout: 20000});
  const view = await settle(page);
  assert.equal(view.tiles.enabled, true);
  assert.ok(requested.every((p) => /^\/9\/\d+\/\d+\.png$/.test(p)), requested.join(' '));
  // The tile under the middle of the screen is the one the XYZ scheme names for it.
  const n = 2 ** 9;
  const x = Math.floor(((125.60 + 180) / 360) * n);
  const s = Math.sin((35.80 * Math.PI) / 180);
  const y = Math.floor((0.5 - Math.log((1 + s) / (1 - s)) / (4 * Math.PI)) * n);
  assert.ok(requested.includes(`/9/${x}/${y}.png`), `tile 9/${x}/${y} among ${requested.join(' ')}`);
  const png = await page.screenshot();
  const [pixel] = await samplePng(shared.browser, png, [[640, 400]], 0);
  assert.deepEqual(pixel.pixel, [255, 0, 255], 'the tile shows in open sea');
  assert.ok(new URL(page.url()).searchParams.get('tiles') === 'osm', 'the link keeps the layer');
  await screenshot(page, 'tiles');
  assert.deepEqual(page.problems.filter((p) => p.startsWith('page error')), []);

  // No network for tiles: every request fails, nothing is drawn from them, the basemap still is.
  await page.context().unroute('https://tile.openstreetmap.org/**');
  await page.context().route('https://tile.openstreetmap.org/**', (route) => route.abort());
  await page.goto(`${shared.server.url}/?tiles=osm`);
  await page.waitForFunction(() => window.bokjiPage && window.bokjiPage.state === 'ready', null, {timeout: 60000});
  await page.waitForFunction(() => window.bokjiPage.debug().tiles.failed >= 1, null, {timeout: 20000});
  const offline = await settle(page);
  assert.equal(offline.tiles.loaded, 0);
  assert.ok(offline.triangles > 0, 'the vector basemap is drawn');
  await page.context().close();
});
