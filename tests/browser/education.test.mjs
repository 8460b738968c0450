// Welfare education: the sample data has none, so the panel says so and links to the statutory training;
// a bundle imported from the invented test fixture (tests/geodata/fixtures) lists its events soonest first,
// hides past ones unless asked, filters by audience, and shows an event's place on the map.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import {after, before, test} from 'node:test';
import {fileURLToPath} from 'node:url';

import {fixturesDir, launchBrowser, openApp, settle, screenshot, startServer} from './harness.mjs';
import {parseCsv} from './reference.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
let server;
let browser;
before(async () => {
  const bundle = fs.readFileSync(path.join(fixturesDir, 'education-test.bundle'));
  server = await startServer({'/data/education-test.bundle': bundle});
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  await server?.close();
});

const center = (r) => [(r[0] + r[2]) / 2, (r[1] + r[3]) / 2];
async function click(page, name) {
  const view = await settle(page);
  assert.ok(view.buttons[name], `button ${name} on screen`);
  await page.mouse.click(...center(view.buttons[name]));
  return settle(page);
}

// The fixture's rows by title, read from the CSV itself.
function fixtureRows() {
  const text = fs.readFileSync(path.join(here, '../geodata/fixtures/education-test-fixture.csv'), 'utf8');
  const [header, ...rows] = parseCsv(text.replace(/^\uFEFF/, ''));
  const col = (name) => header.indexOf(name);
  const byTitle = new Map();
  for (const r of rows.filter((r) => r.length >= header.length && r[col('교육명')])) {
    if (byTitle.has(r[col('교육명')])) continue;  // the fixture's duplicate row
    byTitle.set(r[col('교육명')], {
      audience: r[col('대상')], start: r[col('시작일시')], end: r[col('종료일시')],
      lat: Number(r[col('위도')]), lng: Number(r[col('경도')]),
    });
  }
  return byTitle;
}

// "2026-03-05 14:00" in Korea time → ms since the epoch.
const kstMs = (text) => Date.parse(text.replace(' ', 'T') + ':00+09:00');

test('education, sample data: an honest empty state with the statutory training link', async () => {
  const page = await openApp(browser, server.url + '/');
  let view = await click(page, 'education');
  assert.equal(view.education.open, true);
  assert.equal(view.education.count, 0);
  assert.deepEqual(view.education.listed, []);
  const opened = new Promise((resolve) => page.context().on('page', resolve));
  await page.context().route('https://www.welfare.net/**', (route) => route.fulfill({status: 200, body: 'ok'}));
  await page.mouse.click(...center(view.buttons.education_statutory));
  const popup = await opened;
  assert.match(popup.url(), /^https:\/\/www\.welfare\.net\/?/);
  await screenshot(page, 'education-empty');
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test('education, fixture bundle: soonest first, past hidden until asked, audience filter, place on the map', async () => {
  const rows = fixtureRows();
  const page = await openApp(browser, `${server.url}/?bundle=data/education-test.bundle`);
  let view = await click(page, 'education');
  assert.ok(view.education.count >= 1);
  const now = Date.now();
  const upcoming = view.education.listed.map((e) => e.title);
  for (const title of upcoming) assert.ok(kstMs(rows.get(title).end) >= now, `${title} has not ended`);

  view = await click(page, 'education_past');
  const all = view.education.listed.map((e) => e.title);
  assert.equal(all.length, view.education.count, 'with past events every event is listed');
  for (const title of all) assert.ok(rows.has(title), `${title} is a row of the fixture`);
  for (let i = 1; i < all.length; ++i)
    assert.ok(kstMs(rows.get(all[i]).start) >= kstMs(rows.get(all[i - 1]).start), 'soonest first');
  const expectUpcoming = all.filter((t) => kstMs(rows.get(t).end) >= now);
  assert.deepEqual(upcoming, expectUpcoming);

  view = await click(page, 'education_workers');
  const workers = view.education.listed.map((e) => e.title);
  assert.ok(workers.length >= 1 && workers.length < all.length);
  for (const title of workers) assert.notEqual(rows.get(title).audience, '주민', `${title} is for workers too`);
  view = await click(page, 'education_citizens');
  for (const title of view.education.listed.map((e) => e.title))
    assert.notEqual(rows.get(title).audience, '종사자');

  // The first listed event with a place: "show on the map" centres it.
  view = await click(page, 'education_all');
  const first = view.education.listed[0];
  const row = rows.get(first.title);
  if (Number.isFinite(row.lat) && row.lat !== 0) {
    view = await click(page, 'education_row_0');
    assert.equal(view.education.selected, first.id);
    assert.ok(Math.abs(view.center[0] - row.lat) < 0.01 && Math.abs(view.center[1] - row.lng) < 0.01,
              `map centred on ${row.lat},${row.lng}: ${view.center}`);
  }
  assert.deepEqual(view.missing_glyphs, [], 'every character of the events has a glyph');
  await screenshot(page, 'education-fixture');
  assert.deepEqual(page.problems, []);
  await page.context().close();
});
