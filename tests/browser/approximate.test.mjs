// Facilities placed by their address only (the 6,880 경로당 and a few clinics: no coordinates in their
// source) are shown as counts on their area, never as points; a count lists its area's facilities with
// "주소 기준 위치"; their card says the position is by address and searches the address in Kakao Map and
// Naver Map. Cards say plainly when their data is more than two years old. The legend is in groups.
// Expected values come from the source files in ../shared/data and the import config, read here.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import {test} from 'node:test';

import {openApp, screenshot, settle, useServerAndBrowser} from './harness.mjs';
import {dataDir, disabilityCentres, parseCsv, project} from './reference.mjs';

const shared = useServerAndBrowser();
const here = path.dirname(fileURLToPath(import.meta.url));
const center = (r) => [(r[0] + r[2]) / 2, (r[1] + r[3]) / 2];

// Category bits (core/model.h FacilityCategory): 경로당 14; the 노인 group is 노인 0, 경로당 14, 노인돌봄 15,
// 치매 16 (core/model.h GroupOf, as the issue asks: 경로당 under 노인).
const kSeniorCentreBit = 1 << 14;
const kSeniorGroupBits = (1 << 0) | (1 << 14) | (1 << 15) | (1 << 16);
const kSeniorGroup = 1;  // CategoryGroup::kSenior, the legend's second group

// The 경로당 list: {sigun, name, address} per row.
function seniorCentres() {
  const file = path.join(dataDir, 'facilities/전북특별자치도_시군_경로당_현황_20241231.csv');
  const [header, ...rows] = parseCsv(fs.readFileSync(file, 'utf8').replace(/^\uFEFF/, ''));
  const at = (name) => header.indexOf(name);
  return rows.filter((r) => r.length >= 3 && r[at('경로당명')])
      .map((r) => ({sigun: r[at('시군명')].trim(), name: r[at('경로당명')].trim(), address: r[at('주소')].trim()}));
}

// A source's data date from the import config (geodata/config/jeonbuk-sample.json: "2024-12-31", "2023-03").
function configDate(sourceId) {
  const text = fs.readFileSync(path.join(here, '../../geodata/config/jeonbuk-sample.json'), 'utf8');
  const at = text.indexOf(`"id": "${sourceId}"`);
  assert.ok(at >= 0, sourceId);
  const date = /"data_date": "([0-9-]+)"/.exec(text.slice(at))[1];
  return date;
}

// More than two years before today in Korea, a partial date taken at its last day.
function olderThanTwoYears(isoDate) {
  const [y, m = 12, d = 31] = isoDate.split('-').map(Number);
  const today = new Date(Date.now() + 9 * 3600 * 1000);  // KST
  const limit = Date.UTC(today.getUTCFullYear() - 2, today.getUTCMonth(), today.getUTCDate());
  return Date.UTC(y, m - 1, d) < limit;
}

// Records window.open calls instead of opening anything.
async function recordOpens(page) {
  await page.evaluate(() => {
    window.__opened = [];
    window.open = (url) => { window.__opened.push(url); return null; };
  });
}

test('경로당 are counts on their area, never points: every 시군\'s count is the file\'s, and a count lists its area', async () => {
  const centres = seniorCentres();
  const bySigun = new Map();
  for (const c of centres) bySigun.set(c.sigun, (bySigun.get(c.sigun) || 0) + 1);
  const page = await openApp(shared.browser, `${shared.server.url}/?c=${kSeniorCentreBit.toString(16)}`);
  let view = await settle(page);
  assert.equal(view.markers.length, 0, 'no 경로당 is drawn as a point');
  // The province at the start: one count per 시군구 (전주시 in its two 구).
  const badges = view.area_badges;
  assert.equal(badges.reduce((n, b) => n + b.total, 0), centres.length, 'every row of the file is counted');
  for (const [sigun, count] of bySigun) {
    const mine = badges.filter((b) => b.name === sigun || (sigun === '전주시' && b.name.startsWith('전주시')));
    assert.ok(mine.length >= 1, `a count for ${sigun}`);
    assert.equal(mine.reduce((n, b) => n + b.total, 0), count, sigun);
    for (const b of mine) {
      assert.ok(b.full_text.includes('경로당') && b.full_text.includes(String(b.total)) && b.full_text.includes('주소 기준'), b.full_text);
      assert.ok(b.text.includes(String(b.total)), b.text);  // shorter where the view is crowded
    }
  }
  // Counts are on the map, not under a panel's text... and apart from one another.
  for (let i = 0; i < badges.length; ++i)
    for (let j = i + 1; j < badges.length; ++j) {
      const [a, b] = [badges[i].box, badges[j].box];
      assert.ok(!(a[0] < b[2] && b[0] < a[2] && a[1] < b[3] && b[1] < a[3]), `${badges[i].name} and ${badges[j].name} overlap`);
    }
  await screenshot(page, 'approximate-counts-desktop');

  // A count tapped: its area becomes the list's filter, and the list holds that area's 경로당.
  const gimje = badges.find((b) => b.name === '김제시');
  await page.mouse.click(...center(gimje.box));
  view = await settle(page);
  assert.equal(view.filters.region, gimje.code);
  assert.equal(view.results_approximate_total, bySigun.get('김제시'));
  assert.ok(view.results_approximate.length >= 1 && view.results_approximate.length <= 50);
  assert.equal(view.results.length, 0, 'no point is listed (경로당 only)');
  assert.ok(view.buttons.approximate_heading, 'the list\'s part "주소 기준 위치"');
  await screenshot(page, 'approximate-list-desktop');

  // A row opens its card: by address, with the address the file gives, searched in Kakao and Naver.
  const row = view.results_approximate[0];
  await page.mouse.click(...center(view.buttons.approximate_result_0));
  view = await settle(page);
  const card = view.approximate_card;
  assert.ok(card, 'the card of a facility placed by address');
  assert.equal(card.source_key, row.source_key);
  const inFile = centres.filter((c) => c.sigun === '김제시' && c.address === card.address);
  assert.ok(inFile.length >= 1, `"${card.address}" is a 김제시 address of the file`);
  assert.equal(card.kakao, 'https://map.kakao.com/link/search/' + encodeURIComponent(card.address));
  assert.equal(card.naver, 'https://map.naver.com/p/search/' + encodeURIComponent(card.address));
  assert.equal(card.stale, olderThanTwoYears(configDate('경로당')));
  assert.equal(view.selected, -1, 'no point is selected');
  await recordOpens(page);
  await page.mouse.click(...center(view.buttons.search_kakao));
  await settle(page);
  await page.mouse.click(...center(view.buttons.search_naver));
  await settle(page);
  assert.deepEqual(await page.evaluate(() => window.__opened), [card.kakao, card.naver]);
  // The link names the card, and opens it again.
  const link = new URL(page.url());
  assert.equal(link.searchParams.get('fa'), card.source_key);
  await screenshot(page, 'approximate-card-desktop');
  const again = await openApp(shared.browser, `${shared.server.url}/?fa=${encodeURIComponent(card.source_key)}`);
  const reopened = await settle(again);
  assert.equal(reopened.approximate_card && reopened.approximate_card.source_key, card.source_key);
  assert.deepEqual([...page.problems, ...again.problems], []);
  await again.context().close();
  await page.context().close();
});

test('phone: the counts, a 경로당 card with its address searches, and the grouped legend', async () => {
  const page = await openApp(shared.browser, `${shared.server.url}/?c=${kSeniorCentreBit.toString(16)}`,
                             {width: 390, height: 844, scale: 2, mobile: true});
  let view = await settle(page);
  assert.ok(view.area_badges.length >= 1);
  assert.equal(view.markers.length, 0);
  await screenshot(page, 'approximate-counts-phone');
  const badge = view.area_badges.find((b) => b.box[1] > 120 && b.box[3] < view.canvas.css_height * 0.6);
  assert.ok(badge, 'a count in the map between the top bar and the sheet');
  await page.touchscreen.tap(...center(badge.box));
  view = await settle(page);
  assert.equal(view.filters.region, badge.code);
  assert.ok(view.buttons.approximate_result_0, 'the sheet lists the area');
  await page.touchscreen.tap(...center(view.buttons.approximate_result_0));
  view = await settle(page);
  assert.ok(view.approximate_card);
  assert.ok(view.buttons.search_kakao && view.buttons.search_naver);
  await screenshot(page, 'approximate-card-phone');
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test('a card says when its data is more than two years old', async () => {
  // A 장애인복지관 (보건복지부, 2019-12-31 in the import config).
  const centre = disabilityCentres()[0];
  const page = await openApp(shared.browser, `${shared.server.url}/?c=2&map=14/${centre.lat}/${centre.lng}`);
  let view = await settle(page);
  const p = project(view, centre.lat, centre.lng);
  await page.mouse.click(p.x, p.y);
  view = await settle(page);
  assert.ok(view.selected >= 0);
  assert.equal(view.card_stale, olderThanTwoYears(configDate('장애인복지관')));
  await screenshot(page, 'stale-card');
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test('the legend is in groups: a group\'s box turns its categories off and on, its arrow lists them', async () => {
  const page = await openApp(shared.browser, `${shared.server.url}/`);
  let view = await settle(page);
  // Closed at the start (five groups would push the list below the fold): opened.
  assert.equal(Object.keys(view.buttons).filter((k) => k.startsWith('legend_group_')).length, 0);
  await page.mouse.click(...center(view.buttons.legend));
  view = await settle(page);
  const groups = Object.keys(view.buttons).filter((k) => k.startsWith('legend_group_'));
  assert.ok(groups.length >= 3 && groups.length <= 5, `a few groups: ${groups}`);
  assert.equal(Object.keys(view.buttons).filter((k) => k.startsWith('legend_category_')).length, 0,
               'no category rows until a group is opened');
  const all = view.filters.categories;
  await screenshot(page, 'legend-groups-desktop');

  // 노인 off: its categories leave the filter, the 경로당 counts leave the map.
  await page.mouse.click(...center(view.buttons[`legend_group_${kSeniorGroup}`]));
  view = await settle(page);
  assert.equal(view.filters.categories, all & ~kSeniorGroupBits);
  assert.ok(view.area_badges.every((b) => ![0, 14, 15, 16].includes(b.top)), JSON.stringify(view.area_badges.slice(0, 3)));
  // Opened: its categories, each with its box; 경로당 alone back on.
  await page.mouse.click(...center(view.buttons[`legend_expand_${kSeniorGroup}`]));
  view = await settle(page);
  assert.ok(view.buttons.legend_category_14, '경로당 listed under 노인');
  await page.mouse.click(...center(view.buttons.legend_category_14));
  view = await settle(page);
  assert.equal(view.filters.categories, (all & ~kSeniorGroupBits) | kSeniorCentreBit);
  await screenshot(page, 'legend-group-open-desktop');
  // The group's box, partly on, turns the whole group on again.
  await page.mouse.click(...center(view.buttons[`legend_group_${kSeniorGroup}`]));
  view = await settle(page);
  assert.equal(view.filters.categories, all);
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test('the header\'s search finds a 경로당 by its name and opens its card, by address', async () => {
  // A name the file gives once, and inside no other 경로당's name.
  const centres = seniorCentres();
  const target = centres.find((c) => c.name.length >= 4 &&
      centres.filter((o) => o.name.includes(c.name)).length === 1);
  assert.ok(target);
  const page = await openApp(shared.browser, `${shared.server.url}/`);
  await settle(page);
  const box = await page.evaluate(() => {
    const r = document.getElementById('bokji-text-field').getBoundingClientRect();
    return {x: r.x + 20, y: r.y + r.height / 2};
  });
  await page.mouse.click(box.x, box.y);
  await page.keyboard.insertText(target.name);
  let view = await settle(page);
  assert.equal(view.query, target.name);
  assert.ok(view.search.approximate >= 1, JSON.stringify(view.search));
  const kApproximateKind = 3;  // SearchKind::kApproximate
  assert.ok(view.buttons[`hit_${kApproximateKind}_0`], 'a row in the group of those placed by address');
  await screenshot(page, 'approximate-search');
  await page.mouse.click(...center(view.buttons[`hit_${kApproximateKind}_0`]));
  view = await settle(page);
  assert.ok(view.approximate_card, 'its card');
  assert.equal(view.approximate_card.name, target.name);
  assert.equal(view.approximate_card.address, target.address);
  assert.equal(view.selected, -1, 'no point is selected');
  assert.equal(view.markers.filter((m) => m.count === 1 && m.facility === view.selected).length, 0);
  assert.deepEqual(page.problems, []);
  await page.context().close();
});
