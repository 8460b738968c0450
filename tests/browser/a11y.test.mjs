// Accessibility (issue 11): the accessible mirror read through Chromium's own accessibility tree (CDP
// Accessibility.getFullAXTree), driven by the keyboard alone — Tab to a control by its accessible name,
// Enter to press it — as a screen-reader user would. Expectations come from the source files
// (reference.mjs), not from the app.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import {test} from 'node:test';

import {openApp, settle, useServerAndBrowser} from './harness.mjs';
import {boundaryFeatures, dataDir, haversineMetres, insideRings, parseCsv} from './reference.mjs';

const shared = useServerAndBrowser();
const squash = (text) => text.replace(/\s+/g, '');

// Chromium's accessibility tree as nested {role, name, props, children}, without ignored and generic nodes.
async function axTree(page) {
  const cdp = await page.context().newCDPSession(page);
  const {nodes} = await cdp.send('Accessibility.getFullAXTree');
  await cdp.detach();
  const byId = new Map(nodes.map((n) => [n.nodeId, n]));
  const build = (n) => {
    const children = [];
    for (const id of n.childIds || []) {
      const child = byId.get(id);
      if (child) children.push(...build(child));
    }
    const role = n.role?.value;
    if (n.ignored || ['generic', 'none', 'InlineTextBox', 'LineBreak'].includes(role)) return children;
    const props = {};
    for (const p of n.properties || []) props[p.name] = p.value.value;
    return [{role, name: n.name?.value || '', props, children}];
  };
  return build(nodes[0])[0];
}

function findAll(node, predicate, out = []) {
  if (predicate(node)) out.push(node);
  for (const c of node.children) findAll(c, predicate, out);
  return out;
}
const find = (node, predicate) => findAll(node, predicate)[0];
// The text of a node's static text descendants, in order.
const textOf = (node) => findAll(node, (n) => n.role === 'StaticText').map((n) => n.name).join(' ');

// The focused element's role and accessible name, from the accessibility tree.
async function focused(page) {
  const tree = await axTree(page);
  return find(tree, (n) => n.props.focused === true && n.role !== 'RootWebArea');
}

// Presses Tab (Shift+Tab with `back`) until the focused element has `role` and a name `name` matches;
// fails after `limit` presses. The keyboard's way to a control.
async function tabTo(page, role, name, {limit = 80, back = false} = {}) {
  for (let i = 0; i < limit; ++i) {
    await page.keyboard.press(back ? 'Shift+Tab' : 'Tab');
    const node = await focused(page);
    if (node && node.role === role && (typeof name === 'string' ? node.name === name : name.test(node.name)))
      return node;
  }
  assert.fail(`no ${role} named ${name} within ${limit} Tab presses`);
}

// Waits until the accessibility tree has a node the predicate accepts (the app updates the mirror after
// its next frame).
async function waitForNode(page, predicate, what) {
  for (let i = 0; i < 100; ++i) {
    const tree = await axTree(page);
    const node = find(tree, predicate);
    if (node) return {tree, node};
    await page.waitForTimeout(100);
  }
  assert.fail('not in the accessibility tree: ' + what);
}

// The source file's 장애인복지관 with their phone numbers.
function disabilityCentresWithPhones() {
  const text = fs.readFileSync(path.join(dataDir, 'facilities/jeonbuk_장애인복지관_20191231.csv'), 'utf8');
  const [header, ...rows] = parseCsv(text.replace(/^\uFEFF/, ''));
  const at = (label) => header.findIndex((h) => h.startsWith(label));
  return rows.filter((r) => r.length > at('와이') && r[at('시설명')])
      .map((r) => ({name: r[at('시설명')].trim(), phone: r[at('전화번호')].trim(), lat: Number(r[at('와이')]),
                    lng: Number(r[at('엑스')])}));
}

test('keyboard and screen reader: the nearest 장애인복지관 to a chosen 읍면동, and its phone number', async () => {
  // Opened from a link to the 장애인 layer (c=2): with the province's hospitals, pharmacies and 경로당
  // in the data, the nearest rows of an unfiltered list are rarely a 복지관.
  const page = await openApp(shared.browser, shared.server.url + '/?c=2');
  await settle(page);
  const start = await axTree(page);
  assert.ok(find(start, (n) => n.role === 'link' && n.name === '결과 목록으로 건너뛰기'), 'a skip link');
  assert.ok(find(start, (n) => n.role === 'heading' && n.name === '복지지도' && n.props.level === 1));
  assert.ok(find(start, (n) => n.role === 'region' && n.name === '지도' && /시설 \d+곳/.test(textOf(n))),
            'the map\'s state as text');

  // "내 주변": the headless browser has no location, so the app offers an area instead.
  await tabTo(page, 'button', '내 주변');
  await page.keyboard.press('Enter');
  const {node: sigungu} = await waitForNode(page, (n) => n.role === 'combobox' && n.name === '시군구 선택',
                                            'the area chooser');
  assert.ok(sigungu);
  await tabTo(page, 'combobox', '시군구 선택');
  // A <select> takes the choice as a screen reader gives it (the focused element's value).
  await page.evaluate(() => {
    const select = document.activeElement;
    const option = Array.from(select.options).find((o) => o.text === '전주시완산구');
    select.value = option.value;
    select.dispatchEvent(new Event('change', {bubbles: true}));
  });
  await waitForNode(page, (n) => n.role === 'combobox' && n.name === '읍면동 선택', 'the 읍면동 chooser');
  await tabTo(page, 'combobox', '읍면동 선택');
  const emdName = '서신동';
  await page.evaluate((name) => {
    const select = document.activeElement;
    const option = Array.from(select.options).find((o) => o.text === name);
    select.value = option.value;
    select.dispatchEvent(new Event('change', {bubbles: true}));
  }, emdName);
  await settle(page);

  // The list now measures from the 읍면동: its heading says so, the live region announced it.
  const {tree} = await waitForNode(page, (n) => n.role === 'heading' && /서신동에서 가까운 시설/.test(n.name),
                                   'the list measured from 서신동');
  const status = find(tree, (n) => n.role === 'status');
  assert.match(textOf(status), /서신동에서 가까운 시설, 복지시설 \d+곳/);
  // Skip link: Enter on it moves the focus to the list's heading.
  await tabTo(page, 'link', '결과 목록으로 건너뛰기', {back: true, limit: 120});
  await page.keyboard.press('Enter');
  assert.match((await focused(page)).name, /서신동에서 가까운 시설/);

  // Where the app measures from: inside 서신동 (the boundary file's own rings).
  const place = (await page.evaluate(() => window.bokjiPage.debug())).place;
  const emd = boundaryFeatures('submunicipalities').find((f) => f.name === emdName);
  assert.ok(insideRings(emd.rings, place.lat, place.lng), 'the place is in 서신동');
  const nearest = disabilityCentresWithPhones()
      .map((c) => ({...c, d: haversineMetres({lat: place.lat, lng: place.lng}, c)}))
      .sort((a, b) => a.d - b.d)[0];

  // Reading the list: items in order of distance, each with name, category, distance, address, phone.
  const list = find(tree, (n) => n.role === 'list' && n.name === '시설 목록');
  const items = list.children.filter((n) => n.role === 'listitem');
  assert.ok(items.length > 3);
  const metres = (text) => {
    const m = /거리 ([\d.]+) (k?m)/.exec(text);
    return m ? Number(m[1]) * (m[2] === 'km' ? 1000 : 1) : NaN;
  };
  const distances = items.map((i) => metres(textOf(i)));
  for (let i = 1; i < distances.length; ++i) assert.ok(distances[i] >= distances[i - 1] - 60, 'nearest first');
  const row = items.find((i) => /장애인.*복지관/.test(find(i, (n) => n.role === 'button').name));
  const rowButton = find(row, (n) => n.role === 'button');
  assert.equal(squash(rowButton.name), squash(nearest.name), 'the nearest 장애인복지관 by the source file');
  assert.match(textOf(row), /장애인/);
  assert.match(textOf(row), /전화 \d{2,3}-\d{3,4}-\d{4}/);

  // Open it with the keyboard: a dialog named after it gets the focus; its call link is a real tel: link.
  await tabTo(page, 'button', rowButton.name);
  await page.keyboard.press('Enter');
  const {node: dialog} = await waitForNode(page, (n) => n.role === 'dialog' && squash(n.name) === squash(nearest.name),
                                           'the facility card');
  const call = find(dialog, (n) => n.role === 'link' && n.name.startsWith('전화'));
  assert.ok(call, 'a call link');
  assert.ok(call.name.replace(/\D/g, '').endsWith(nearest.phone.replace(/\D/g, '')),
            `the phone number ${nearest.phone} in "${call.name}"`);
  const href = await page.evaluate(() => document.querySelector('#a11y-mirror a[data-mid="call"]').href);
  assert.equal(href.replace(/\D/g, ''), nearest.phone.replace(/\D/g, ''));
  assert.ok(find(dialog, (n) => n.role === 'link' && /카카오/.test(n.name)), 'directions link');
  const focusedNow = await focused(page);
  assert.equal(focusedNow.role, 'heading', 'the focus moved into the card');
  // The canvas draws a ring around the twin of the focused element.
  await tabTo(page, 'link', call.name);
  // Escape closes the card; the focus comes back to the list.
  await page.keyboard.press('Escape');
  await settle(page);
  const after = await axTree(page);
  assert.equal(find(after, (n) => n.role === 'dialog'), undefined, 'Escape closed the card');
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test('keyboard and screen reader: a welfare program and its apply link', async () => {
  const page = await openApp(shared.browser, shared.server.url + '/');
  await settle(page);
  const programsTitle = '복지서비스';  // the view's title (strings.cc kProgramsTitle)
  await tabTo(page, 'button', '복지서비스 찾기');
  await page.keyboard.press('Enter');
  const {node: view} = await waitForNode(page, (n) => n.role === 'region' && n.name === programsTitle,
                                         'the programs view');
  const programs = await page.evaluate(() => window.bokjiPage.programs());
  const withUrl = new Set(programs.filter((p) => p.apply_url).map((p) => p.name));
  const list = find(view, (n) => n.role === 'list');
  const target = list.children.map((i) => find(i, (n) => n.role === 'button')).find((b) => withUrl.has(b.name));
  assert.ok(target, 'a listed program with an apply address');
  await tabTo(page, 'button', target.name, {limit: 200});
  await page.keyboard.press('Enter');
  const {node: card} = await waitForNode(page, (n) => n.role === 'dialog' && n.name === target.name, 'its card');
  assert.ok(find(card, (n) => n.role === 'heading' && n.name === target.name));
  const apply = await tabTo(page, 'link', /^신청하기/);
  const href = await page.evaluate(() => document.activeElement.href);
  const expected = programs.find((p) => p.name === target.name).apply_url;
  assert.equal(new URL(href).href, new URL(expected).href);
  assert.ok(apply);
  assert.deepEqual(page.problems, []);
  await page.context().close();
});
