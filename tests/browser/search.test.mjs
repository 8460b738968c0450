// Search and "near me": Hangul typed through an IME (composition included) reaches the search, Enter opens
// the best hit (a facility, a place or a welfare program), and the device's location lists the nearest
// facilities with their true distances.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import {test} from 'node:test';

import {openApp, screenshot, settle, useServerAndBrowser} from './harness.mjs';
import {boundaryRings, dataDir, disabilityCentres, haversineMetres, parseCsv, project} from './reference.mjs';

const shared = useServerAndBrowser();
const center = (r) => [(r[0] + r[2]) / 2, (r[1] + r[3]) / 2];

// Clicks into the search box and types `text` as an IME would: each syllable composed, then committed.
async function typeKorean(page, text) {
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
  return cdp;
}

test('search: a syllable being composed already searches; Enter opens the facility named', async () => {
  const target = disabilityCentres()[0];
  const name = target.name.replace(/\s+/g, '');
  const page = await openApp(shared.browser, shared.server.url + '/');
  await settle(page);
  const box = await page.evaluate(() => {
    const r = document.getElementById('bokji-text-field').getBoundingClientRect();
    return {x: r.x + 20, y: r.y + r.height / 2};
  });
  await page.mouse.click(box.x, box.y);
  const cdp = await page.context().newCDPSession(page);
  // All but the last syllable committed, the last one still being composed.
  await cdp.send('Input.insertText', {text: name.slice(0, -1)});
  await cdp.send('Input.imeSetComposition', {text: name.slice(-1), selectionStart: 1, selectionEnd: 1});
  let view = await settle(page);
  assert.equal(view.query, name, 'the composing syllable is part of the query');
  assert.ok(view.search.facilities > 0, JSON.stringify(view.search));
  await screenshot(page, 'search-composing');
  await cdp.send('Input.insertText', {text: name.slice(-1)});
  await page.keyboard.press('Enter');
  view = await settle(page);
  assert.ok(view.selected >= 0, 'Enter opened a facility');
  assert.equal(view.selected_name.replace(/\s+/g, ''), name);
  assert.ok(view.zoom >= 14 - 1e-9, `zoomed in to the facility (zoom ${view.zoom})`);
  assert.ok(view.markers.some((m) => m.count === 1 && m.facility === view.selected), 'its marker is on screen');
  const p = project(view, target.lat, target.lng);
  assert.ok(p.x > 0 && p.y > 0 && p.x < view.canvas.css_width && p.y < view.canvas.css_height,
            'where the source file puts it');
  await screenshot(page, 'search-facility');
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test('search: a 읍면동 name flies to that area', async () => {
  const file = path.join(dataDir, 'boundaries/jeonbuk-submunicipalities-2018-geo.json');
  const features = JSON.parse(fs.readFileSync(file, 'utf8')).features;
  // A name that occurs once, in a 면 far from the cities (no facility is named after it).
  const counts = new Map();
  for (const f of features) counts.set(f.properties.name, (counts.get(f.properties.name) || 0) + 1);
  const feature = features.find((f) => f.properties.name.endsWith('면') && counts.get(f.properties.name) === 1);
  const page = await openApp(shared.browser, shared.server.url + '/');
  await settle(page);
  await typeKorean(page, feature.properties.name);
  await page.keyboard.press('Enter');
  const view = await settle(page);
  assert.equal(view.query, feature.properties.name);
  // The area's outline (from the boundary file) is on screen and fills a good part of it.
  const g = feature.geometry;
  const rings = g.type === 'MultiPolygon' ? g.coordinates.flat() : g.coordinates;
  const points = rings.flat().map(([lng, lat]) => project(view, lat, lng));
  const xs = points.map((p) => p.x), ys = points.map((p) => p.y);
  const [x0, x1, y0, y1] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
  assert.ok(x0 >= -2 && y0 >= -2 && x1 <= view.canvas.css_width + 2 && y1 <= view.canvas.css_height + 2,
            `the area ${[x0, y0, x1, y1]} is inside the view`);
  assert.ok(x1 - x0 > view.canvas.css_width * 0.3 || y1 - y0 > view.canvas.css_height * 0.3, 'and fills it');
  await screenshot(page, 'search-region');
  await page.context().close();
});

// The search field: the text typed so far replaced by nothing.
async function clearSearch(page) {
  await page.evaluate(() => {
    const field = document.getElementById('bokji-text-field');
    field.value = '';
    field.dispatchEvent(new Event('input'));
  });
}

test('search: groups show their totals and more on request; Enter opens the first row shown; a program\'s name opens its card', async () => {
  const page = await openApp(shared.browser, shared.server.url + '/');
  await settle(page);
  const programs = await page.evaluate(() => window.bokjiPage.programs());

  // 노인: more programs name it than a group shows at first.
  await typeKorean(page, '노인');
  let view = await settle(page);
  const naming = programs.filter((p) => p.name.replace(/\s+/g, '').includes('노인')).length;
  const group = (v, kind) => v.search.groups.find((g) => g.kind === kind);
  const kPrograms = 2;
  assert.ok(naming > 6, `${naming} program names hold 노인`);
  assert.ok(group(view, kPrograms).total >= naming, `the group counts every hit: ${JSON.stringify(view.search)}`);
  const shownBefore = group(view, kPrograms).shown.length;
  assert.ok(shownBefore < naming);
  for (const id of group(view, kPrograms).shown) assert.ok(programs[id].name.replace(/\s+/g, '').includes('노인'));
  assert.ok(view.buttons.more_programs, '"더 보기" under the programs');
  await page.mouse.click(...center(view.buttons.more_programs));
  view = await settle(page);
  assert.ok(group(view, kPrograms).shown.length > shownBefore, 'more rows after "더 보기"');
  await screenshot(page, 'search-groups');

  // 장애인: whatever the first group's first row is, Enter opens it.
  await clearSearch(page);
  await typeKorean(page, '장애인');
  view = await settle(page);
  const first = view.search.groups[0];
  assert.ok(first && first.shown.length > 0);
  await page.keyboard.press('Enter');
  view = await settle(page);
  if (first.kind === 0) assert.equal(view.selected, first.shown[0], 'the first facility shown');
  if (first.kind === 2) assert.equal(view.selected_program, first.shown[0], 'the first program shown');
  await page.keyboard.press('Escape');

  const text = fs.readFileSync(path.join(dataDir, 'services/jeonbuk_local_welfare_services.csv'), 'utf8');
  const [header, ...rows] = parseCsv(text.replace(/^\uFEFF/, ''));
  const name = rows[0][header.indexOf('name')].trim();
  await clearSearch(page);
  await settle(page);
  await typeKorean(page, name.replace(/\s+/g, ''));
  await page.keyboard.press('Enter');
  view = await settle(page);
  assert.ok(view.search.programs > 0);
  assert.ok(view.selected_program >= 0, 'a program card is open');
  assert.equal(view.selected, -1);
  await screenshot(page, 'search-program');
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test('near me: the nearest facilities come with their true distances', async () => {
  const centre = disabilityCentres().find((c) => c.name.includes('무주'));
  assert.ok(centre, 'the 무주 장애인복지관 is in the source file');
  const here = {lat: centre.lat + 0.003, lng: centre.lng};  // ~330 m north of it
  const context = await shared.browser.newContext({
    viewport: {width: 1280, height: 800}, geolocation: {latitude: here.lat, longitude: here.lng, accuracy: 50},
    permissions: ['geolocation'],
  });
  const page = await context.newPage();
  page.problems = [];
  page.on('console', (m) => m.type() === 'error' && page.problems.push(m.text()));
  // The 장애인 layer only (c=2): the nearest facility of that layer is the centre of the source file.
  await page.goto(shared.server.url + '/?c=2');
  await page.waitForFunction(() => window.bokjiPage && window.bokjiPage.state === 'ready', null, {timeout: 60000});
  let view = await settle(page);
  const r = view.buttons.near_me;
  await page.mouse.click((r[0] + r[2]) / 2, (r[1] + r[3]) / 2);
  await page.waitForFunction(() => window.bokjiPage.debug().location === 'found', null, {timeout: 20000});
  view = await settle(page);
  assert.ok(view.nearby.length >= 1);
  const expected = haversineMetres(here, centre);
  assert.ok(Math.abs(view.nearby[0].distance_m - expected) < 0.005 * expected + 1,
            `nearest at ${view.nearby[0].distance_m} m, the source file says ${expected.toFixed(1)} m`);
  for (let i = 1; i < view.nearby.length; ++i)
    assert.ok(view.nearby[i].distance_m >= view.nearby[i - 1].distance_m, 'closest first');
  const p = project(view, here.lat, here.lng);
  assert.ok(p.x > 0 && p.y > 0 && p.x < 1280 && p.y < 800, 'the map shows where the device is');
  await screenshot(page, 'near-me');
  assert.deepEqual(page.problems, []);
  await context.close();
});
